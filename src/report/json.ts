// json: one JSON document per command, versioned by `format`, the outcome first.
import type { AuditResult } from '../model/audit-result.js';
import type { MappingReport } from './reporter.js';
import { endOfRunReporter } from './reporter.js';
import { renderJson } from './run/json.js';

export const AUDIT_JSON_FORMAT = 'scim-check-audit/1';
export const MAPPING_JSON_FORMAT = 'scim-check-mapping/1';

export const jsonReporter = endOfRunReporter((report) => {
  switch (report.command) {
    case 'run':
      return renderJson(report.result);
    case 'audit':
      return stringify(auditDocument(report.result));
    case 'validate-mapping':
      return stringify(mappingDocument(report.result));
    case 'provision':
      return stringify(report.result);
  }
});

function auditDocument(result: AuditResult): object {
  const { verdict, totals, ...rest } = result;
  return { format: AUDIT_JSON_FORMAT, verdict, totals, ...rest };
}

export function mappingDocument(result: MappingReport): object {
  const { summary, inputs, tool, startedAt, durationMs, attributes, findings, payloads, rules } = result;
  const verdict = summary.must > 0 ? 'fail' : 'pass';
  const samples = payloads.map((p) => ({ sample: p.sample, findings: p.findings.length, payload: p.payload }));
  return {
    format: MAPPING_JSON_FORMAT,
    verdict,
    summary,
    tool,
    startedAt,
    durationMs,
    inputs,
    attributes,
    findings,
    rules,
    samples,
  };
}

/** Parsed response bodies could hold a BigInt, which would make stringify throw. */
export function stringify(document: object, indent = 2): string {
  return `${JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), indent)}\n`;
}
