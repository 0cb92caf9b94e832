// junit: for CI test tabs. Must-level problems are failures; should-level ones pass with the details.
import { renderAuditJunit } from './audit/junit.js';
import { renderMappingJunit } from './mapping/junit.js';
import { renderProvisionJunit } from './provision/junit.js';
import { endOfRunReporter } from './reporter.js';
import { renderJunit } from './run/junit.js';

export const junitReporter = endOfRunReporter((report) => {
  switch (report.command) {
    case 'run':
      return renderJunit(report.result);
    case 'audit':
      return renderAuditJunit(report.result);
    case 'validate-mapping':
      return renderMappingJunit(report.result);
    case 'provision':
      return renderProvisionJunit(report.result);
  }
});
