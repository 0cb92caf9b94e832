// html: one self-contained page to attach to a ticket or send to a customer.
import { renderAuditHtml } from './audit/html.js';
import { renderMappingHtml } from './mapping/html.js';
import { renderProvisionHtml } from './provision/html.js';
import { endOfRunReporter } from './reporter.js';
import { renderRunHtml } from './run/html.js';

export const htmlReporter = endOfRunReporter((report) => {
  switch (report.command) {
    case 'run':
      return renderRunHtml(report.result);
    case 'audit':
      return renderAuditHtml(report.result);
    case 'validate-mapping':
      return renderMappingHtml(report.result);
    case 'provision':
      return renderProvisionHtml(report.result);
  }
});
