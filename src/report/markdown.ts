// markdown: for a pull request, a wiki page or a GitHub job summary.
import { renderAuditMarkdown } from './audit/markdown.js';
import { renderMappingMarkdown } from './mapping/markdown.js';
import { renderProvisionMarkdown } from './provision/markdown.js';
import { endOfRunReporter } from './reporter.js';
import { renderRunMarkdown } from './run/markdown.js';

export const markdownReporter = endOfRunReporter((report) => {
  switch (report.command) {
    case 'run':
      return renderRunMarkdown(report.result);
    case 'audit':
      return renderAuditMarkdown(report.result);
    case 'validate-mapping':
      return renderMappingMarkdown(report.result);
    case 'provision':
      return renderProvisionMarkdown(report.result);
  }
});
