// console: what a person reads in a terminal, in each command's own words.
import { renderAuditConsole } from './audit/console.js';
import { renderMappingConsole } from './mapping/console.js';
import { renderProvisionConsole } from './provision/console.js';
import { endOfRunReporter } from './reporter.js';
import { renderConsole } from './run/console.js';

export const consoleReporter = endOfRunReporter((report, opts) => {
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
