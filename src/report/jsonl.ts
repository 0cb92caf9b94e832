// jsonl: JSON Lines, streamed while the command works: one line per test as it ends (run)
// or per finding as it is found (audit, validate-mapping), then one summary line.
// A reader can follow a long run, or process a huge tenant, line by line.
import type { RunResult } from '../model/run-result.js';
import { summaryLine } from './audit/json-lines.js';
import { mappingDocument } from './json.js';
import type { ReporterFactory } from './reporter.js';
import { JSON_REPORT_FORMAT } from './run/json.js';

const line = (value: object): string =>
  `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`;

export const jsonlReporter: ReporterFactory = ({ out }) => ({
  onTestEnd: (suite, test) => out.write(line({ type: 'test', suite: suite.name, file: suite.file, ...test })),
  onFinding: (finding) => out.write(line({ type: 'finding', ...finding })),
  onRunEnd(report) {
    switch (report.command) {
      case 'run':
        return out.write(line({ type: 'summary', ...runSummary(report.result) }));
      case 'audit':
        return out.write(summaryLine(report.result));
      case 'validate-mapping': {
        // the finding lines already hold the findings
        const { findings: _findings, ...rest } = mappingDocument(report.result) as { findings: unknown };
        return out.write(line({ type: 'summary', ...rest }));
      }
      case 'provision':
        // provision streams nothing: its users and findings are in its one summary line
        return out.write(line({ type: 'summary', ...report.result }));
    }
  },
});

/** The run without its suites (the test lines hold them); after any --baseline, so this line is authoritative. */
function runSummary(run: RunResult): object {
  const { suites: _suites, ...rest } = run;
  return { format: JSON_REPORT_FORMAT, ...rest };
}
