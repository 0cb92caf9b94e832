// markdown: for a pull request, a wiki page or a GitHub job summary.
import { renderAuditMarkdown } from './audit/markdown.js';
import { renderMappingMarkdown } from './mapping/markdown.js';
import { renderProvisionMarkdown } from './provision/markdown.js';
import { endOfRunReporter, type Report } from './reporter.js';
import { renderRunMarkdown } from './run/markdown.js';

export const markdownReporter = endOfRunReporter((report) => renderMarkdown(report));

/** Any command's report as Markdown (the github reporter's job summary too, but for a run's). */
export function renderMarkdown(report: Report): string {
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
}
