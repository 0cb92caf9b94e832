// Presents a validate-mapping result as a RunResult, so the shared console/json/junit
// reporters print it: one suite, one test per attribute (and per sample), failed checks = findings.
import type { CheckResult, RunResult, StepStatus, TestResult } from '../model/run-result.js';
import { RULES, type RuleCode } from './codes.js';
import type { MappingFinding, ValidateMappingResult } from './types.js';

export interface MappingRunMeta {
  version: string;
  startedAt?: string;
  durationMs?: number;
}

function toCheck(f: MappingFinding): CheckResult {
  const rule = (RULES as Record<string, { title: string; ref?: string }>)[f.code as RuleCode];
  return {
    code: f.code,
    severity: f.severity,
    passed: false,
    title: f.message,
    ...(f.value !== undefined ? { actual: f.value } : {}),
    ...(f.fix ? { detail: `fix: ${f.fix}` } : {}),
    ...(rule?.ref ? { ref: rule.ref } : {}),
    ...(f.position ? { where: f.position } : {}),
  };
}

function statusOf(checks: CheckResult[]): StepStatus {
  if (checks.some((c) => !c.passed && c.severity === 'must')) return 'failed';
  return checks.some((c) => !c.passed) ? 'warned' : 'passed';
}

function test(name: string, id: string, findings: MappingFinding[]): TestResult {
  const checks = findings.length > 0 ? findings.map(toCheck) : [{ code: 'MAP_OK', severity: 'must' as const, passed: true, title: 'no findings' }];
  const status = statusOf(checks);
  return { name, id, status, durationMs: 0, steps: [{ id: 'checks', name, status, checks, exchanges: [], durationMs: 0 }] };
}

export function mappingResultToRunResult(res: ValidateMappingResult, meta: MappingRunMeta): RunResult {
  const sampleFindings = new Set(res.payloads.flatMap((p) => p.findings));
  const byAttribute = new Map<string, MappingFinding[]>();
  for (const f of res.findings) {
    if (sampleFindings.has(f)) continue;
    const key = f.attribute ?? '(mapping)';
    byAttribute.set(key, [...(byAttribute.get(key) ?? []), f]);
  }
  const tests = [...byAttribute.entries()].map(([attr, fs]) => test(`attribute ${attr}`, `attribute:${attr}`, fs));
  if (tests.length === 0) tests.push(test('mapping', 'mapping', []));
  for (const p of res.payloads) tests.push(test(`sample ${p.sample}`, `sample:${p.sample}`, p.findings));
  const checks = tests.flatMap((t) => t.steps.flatMap((s) => s.checks));
  return {
    tool: { name: 'scim-check', version: meta.version },
    target: { baseUrl: res.inputs.mappingFile, embedded: false },
    runId: 'validate-mapping',
    startedAt: meta.startedAt ?? new Date().toISOString(),
    durationMs: meta.durationMs ?? 0,
    suites: [{ name: 'validate-mapping', file: res.inputs.mappingFile, description: `Okta mapping checked against profile ${res.inputs.profile}`, tags: ['mapping'], tests, durationMs: meta.durationMs ?? 0 }],
    cleanup: [],
    summary: {
      tests: tests.length,
      passed: tests.filter((t) => t.status === 'passed').length,
      failed: tests.filter((t) => t.status === 'failed').length,
      warned: tests.filter((t) => t.status === 'warned').length,
      skipped: 0,
      errored: 0,
      checks: checks.length,
      mustFailures: checks.filter((c) => !c.passed && c.severity === 'must').length,
      shouldFailures: checks.filter((c) => !c.passed && c.severity === 'should').length,
      baselined: 0,
    },
    notices: [],
  };
}
