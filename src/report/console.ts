// console: what a person reads in a terminal, in each command's own words. On a stdout that
// is not a terminal, a `run` also streams a line per test as it ends (run/test-stream.ts).
import { renderAuditConsole } from './audit/console.js';
import { renderMappingConsole } from './mapping/console.js';
import { renderProvisionConsole } from './provision/console.js';
import { endOfRunReporter, type ReporterFactory } from './reporter.js';
import { renderConsole } from './run/console.js';
import { withTestStream } from './run/test-stream.js';

const atEnd = endOfRunReporter((report, opts) => {
  switch (report.command) {
    case 'run':
      return renderConsole(report.result, opts);
    case 'audit':
      return renderAuditConsole(report.result, opts);
    case 'validate-mapping':
      return renderMappingConsole(report.result, opts);
    case 'provision':
      return renderProvisionConsole(report.result, opts);
  }
});

// --quiet asks for failures only: no progress lines either
export const consoleReporter: ReporterFactory = (ctx) =>
  ctx.streamTests && !ctx.quiet ? withTestStream(ctx.out, atEnd(ctx)) : atEnd(ctx);
