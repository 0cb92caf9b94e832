// har: every request and response of a run as HTTP Archive 1.2 (redacted when recorded), for
// browser dev tools and HAR viewers. audit, validate-mapping and provision record no exchanges: their
// archive is valid and empty, with a comment saying why.
import { endOfRunReporter } from './reporter.js';
import { renderHar } from './run/har.js';

export const harReporter = endOfRunReporter((report) => {
  if (report.command === 'run') return renderHar(report.result);
  const log = {
    version: '1.2',
    creator: { name: 'scim-check', version: report.result.tool.version },
    entries: [],
    comment: `${report.command} keeps no exchanges; use run for a HAR`,
  };
  return `${JSON.stringify({ log }, null, 2)}\n`;
});
