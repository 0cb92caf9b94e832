// github: GitHub Actions workflow commands (one annotation per failure, at its file and line,
// relative to the repository) among the other stdout lines, and a Markdown job summary appended
// to $GITHUB_STEP_SUMMARY. On by default inside GitHub Actions (see parseReporters).
import { appendFile } from 'node:fs/promises';
import type { MappingFinding } from '../model/mapping-result.js';
import { repoRelative } from '../util/repo-root.js';
import { renderMarkdown } from './markdown.js';
import type { Report, ReporterFactory } from './reporter.js';
import { command, renderGithubAnnotations, renderJobSummary } from './run/github.js';
import { processIo } from '../util/process-io.js';

const relative = (file: string): string => repoRelative(file);

export const githubReporter: ReporterFactory = ({ out }) => ({
  async onRunEnd(report) {
    await out.write(annotations(report));
    const summaryFile = processIo().env.GITHUB_STEP_SUMMARY;
    // through `out` would mix it into stdout; the summary file is GitHub's, so redact like every output
    if (summaryFile) await appendFile(summaryFile, out.redact(jobSummary(report)));
  },
});

function annotations(report: Report): string {
  switch (report.command) {
    case 'run':
      return renderGithubAnnotations(report.result, { relative });
    case 'audit': {
      const lines = report.result.rules
        .filter((r) => r.severity !== 'info')
        .map((r) =>
          command(
            r.severity === 'must' ? 'error' : 'warning',
            {},
            `${r.code} [${r.severity.toUpperCase()}] ×${r.count}`,
            r.title,
          ),
        );
      return lines.length ? `${lines.join('\n')}\n` : '';
    }
    case 'validate-mapping': {
      const lines = report.result.findings.map((f: MappingFinding) => {
        const at: Record<string, string> = f.position
          ? { file: relative(f.position.file), line: String(f.position.line), col: String(f.position.col) }
          : {};
        return command(
          f.severity === 'must' ? 'error' : 'warning',
          at,
          `${f.code} [${f.severity.toUpperCase()}]`,
          `${f.attribute ? `${f.attribute}: ` : ''}${f.message}${f.fix ? `\nfix: ${f.fix}` : ''}`,
        );
      });
      return lines.length ? `${lines.join('\n')}\n` : '';
    }
    case 'provision': {
      const { mappingFindings, groups } = report.result;
      const lines = [
        ...mappingFindings
          .filter((f) => f.severity !== 'info')
          .map((f) =>
            command(
              f.severity === 'must' ? 'error' : 'warning',
              {},
              `${f.code} [${f.severity.toUpperCase()}]`,
              `${f.attribute ? `${f.attribute}: ` : ''}${f.message}`,
            ),
          ),
        ...groups
          .filter((g) => g.severity !== 'info')
          .map((g) =>
            command(
              g.severity === 'must' ? 'error' : 'warning',
              {},
              `${g.attribute} [${g.severity.toUpperCase()}] ×${g.count}`,
              g.cause,
            ),
          ),
      ];
      return lines.length ? `${lines.join('\n')}\n` : '';
    }
  }
}

/** A run gets its own summary (counts, failures with their lines); other commands their Markdown report. */
function jobSummary(report: Report): string {
  return report.command === 'run' ? renderJobSummary(report.result, { relative }) : renderMarkdown(report);
}
