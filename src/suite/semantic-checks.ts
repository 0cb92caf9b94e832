// Checks that need more than the schema: unique step ids, `needs` that name real earlier steps,
// templates that only use names defined before them, parseable body paths (templates included,
// see static-body-path.ts) and regexes, each named check's `with:` against the arguments it
// declares, and request paths relative to the base URL. A suite that fails here sends nothing.
import type { SuiteSpec, StepSpec, TestSpec, Expectation } from './types.js';
import type { DataPath, Diagnostic } from './diagnostic.js';
import { closeMatches, suggestionSuffix } from '../util/did-you-mean.js';
import { parseExpression, templateExpressions, templateReferences, TemplateError } from './template.js';
import { bodyPathProblem } from './static-body-path.js';
import { NAMED_CHECKS } from '../checks/registry.js';
import { checkArgs } from '../checks/arg-schema.js';
import { absolutePathProblem } from './request-path.js';

const MATCHERS = [
  'equals',
  'notEquals',
  'matches',
  'exists',
  'type',
  'length',
  'contains',
  'lte',
  'gte',
  'caseInsensitive',
] as const;

export function checkSuiteSemantics(suite: SuiteSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const suiteNames = ['run', ...Object.keys(suite.variables ?? {})];
  checkTemplates(suite.variables, ['variables'], suiteNames, [], found);
  checkTemplates(suite.defaults, ['defaults'], suiteNames, [], found);
  // checked on every response, outside any test: only suite variables and run.* are known
  checkTemplates(suite.everyResponse, ['everyResponse'], suiteNames, [], found);
  (suite.everyResponse ?? []).forEach((exp, e) =>
    checkExpectation(exp, ['everyResponse', e], `everyResponse #${e + 1}`, found),
  );
  const testIds = new Map<string, number>();
  suite.tests.forEach((test, t) => {
    const testId = test.id ?? test.name;
    if (testIds.has(testId)) {
      const at: DataPath = test.id !== undefined ? ['tests', t, 'id'] : ['tests', t, 'name'];
      found.push({
        path: at,
        rank: 1,
        message: `test id "${testId}" is used twice in this suite (also test #${(testIds.get(testId) ?? 0) + 1})`,
      });
    } else testIds.set(testId, t);
    checkTest(test, ['tests', t], suiteNames, found);
  });
  return found;
}

function checkTest(test: TestSpec, at: DataPath, suiteNames: string[], found: Diagnostic[]): void {
  const seen = new Map<string, number>();
  const testLabel = `test "${test.name}"`;
  test.steps.forEach((step, s) => {
    const here: DataPath = [...at, 'steps', s];
    if (seen.has(step.id)) {
      found.push({
        path: [...here, 'id'],
        rank: 1,
        message: `duplicate step id "${step.id}" in ${testLabel} (also step #${(seen.get(step.id) ?? 0) + 1})`,
      });
    } else seen.set(step.id, s);
    checkNeeds(step, test, s, here, found);
    const earlier = test.steps.slice(0, s).flatMap((e) => Object.keys(e.capture ?? {}));
    const later = test.steps.slice(s + 1);
    const before = [...suiteNames, ...earlier];
    const withOwn = [...before, ...Object.keys(step.capture ?? {})];
    checkTemplates(step.request, [...here, 'request'], before, later, found);
    checkTemplates(step.expect, [...here, 'expect'], withOwn, later, found);
    checkTemplates(step.creates, [...here, 'creates'], withOwn, later, found);
    checkStepShape(step, here, found);
  });
}

function checkNeeds(step: StepSpec, test: TestSpec, index: number, at: DataPath, found: Diagnostic[]): void {
  const ids = test.steps.map((s) => s.id);
  (step.needs ?? []).forEach((need, n) => {
    const target = ids.indexOf(need);
    const path: DataPath = [...at, 'needs', n];
    if (target < 0) {
      const hint = suggestionSuffix(need, ids);
      found.push({
        path,
        rank: 1,
        message: `step "${step.id}" needs "${need}", which is not a step of test "${test.name}"${hint}`,
      });
    } else if (target >= index) {
      found.push({
        path,
        rank: 1,
        message: `step "${step.id}" needs "${need}", which does not run before it; steps run in order`,
      });
    }
  });
}

/** Walk every string of a value; report malformed templates and names not defined at this point. */
function checkTemplates(value: unknown, at: DataPath, known: string[], later: StepSpec[], found: Diagnostic[]): void {
  if (typeof value === 'string') {
    checkTemplateString(value, at, known, later, found);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkTemplates(v, [...at, i], known, later, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkTemplates(v, [...at, k], known, later, found);
  }
}

function checkTemplateString(
  text: string,
  at: DataPath,
  known: string[],
  later: StepSpec[],
  found: Diagnostic[],
): void {
  let expressions: string[];
  try {
    expressions = templateExpressions(text);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    found.push({ path: at, fragment: '${{', rank: 1, message: error.message });
    return;
  }
  for (const expression of expressions) {
    const fragment = `\${{${expression}}}`;
    try {
      parseExpression(expression);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      found.push({ path: at, fragment, rank: 1, message: error.message });
      continue;
    }
    for (const name of templateReferences(fragment)) {
      if (known.includes(name)) continue;
      found.push({ path: at, fragment, rank: 1, message: unknownNameMessage(expression, name, known, later) });
    }
  }
}

function unknownNameMessage(expression: string, name: string, known: string[], later: StepSpec[]): string {
  const template = `"\${{ ${expression.trim()} }}"`;
  const capturedLater = later.find((s) => Object.prototype.hasOwnProperty.call(s.capture ?? {}, name));
  if (capturedLater) return `${template} uses "${name}", which is only captured later (by step "${capturedLater.id}")`;
  const close = closeMatches(
    name,
    known.filter((k) => k !== 'run'),
  );
  const hint = close.length > 0 ? `; did you mean "${close[0]}"?` : '';
  return `${template} uses "${name}", which no earlier step captures and is not a suite variable${hint}`;
}

function checkStepShape(step: StepSpec, at: DataPath, found: Diagnostic[]): void {
  // `//host/x` passes the schema's pattern (it starts with "/"); a scheme does not, and is named there
  checkRequestPath(step.request.path, [...at, 'request', 'path'], `step "${step.id}": request.path`, found);
  (step.creates?.cleanup ?? []).forEach((req, r) =>
    checkRequestPath(
      req.path,
      [...at, 'creates', 'cleanup', r, 'path'],
      `step "${step.id}": creates.cleanup[${r}].path`,
      found,
    ),
  );
  if (step.request.body !== undefined && step.request.rawBody !== undefined) {
    found.push({
      path: [...at, 'request'],
      key: 'rawBody',
      rank: 1,
      message: `request of step "${step.id}" has both "body" and "rawBody"; use one`,
    });
  }
  for (const [name, source] of Object.entries(step.capture ?? {})) {
    const path = source.startsWith('?') ? source.slice(1) : source; // `?path`: optional capture
    if (!path.startsWith('header:')) checkBodyPath(path, [...at, 'capture', name], found);
  }
  (step.expect ?? []).forEach((expectation, e) =>
    checkExpectation(expectation, [...at, 'expect', e], `expectation #${e + 1} of step "${step.id}"`, found),
  );
}

function checkExpectation(exp: Expectation, at: DataPath, label: string, found: Diagnostic[]): void {
  const valueKind = exp.header !== undefined || exp.path !== undefined;
  for (const matcher of MATCHERS) {
    if (exp[matcher] !== undefined && !valueKind) {
      found.push({
        path: at,
        key: matcher,
        rank: 1,
        message: `"${matcher}" in ${label} only applies to header and path expectations`,
      });
    }
  }
  if (exp.with !== undefined && exp.check === undefined) {
    found.push({ path: at, key: 'with', rank: 1, message: `"with" in ${label} only applies to check expectations` });
  }
  if (exp.path !== undefined) checkBodyPath(exp.path, [...at, 'path'], found);
  checkAudience(exp, at, label, found);
  if (exp.check !== undefined) checkNamedCheck(exp.check, exp.with, at, label, found);
  for (const bound of ['lte', 'gte'] as const) {
    const value = exp[bound];
    // a string is a template for a number; text that has no template can never become one
    if (typeof value === 'string' && !value.includes('${{') && !Number.isFinite(Number(value)))
      found.push({
        path: [...at, bound],
        rank: 1,
        message: `${label}: ${bound} must be a number (or a template giving one), got ${JSON.stringify(value)}`,
      });
  }
  if (exp.matches !== undefined) {
    try {
      new RegExp(exp.matches);
    } catch (error) {
      found.push({
        path: [...at, 'matches'],
        rank: 1,
        message: `${label}: matches is not a valid regular expression: ${(error as Error).message}`,
      });
    }
  }
}

/** The check exists, and its `with:` has the arguments it declares (src/checks/registry.ts). */
function checkNamedCheck(name: string, args: unknown, at: DataPath, label: string, found: Diagnostic[]): void {
  const entry = Object.prototype.hasOwnProperty.call(NAMED_CHECKS, name) ? NAMED_CHECKS[name] : undefined;
  if (!entry) {
    const names = Object.keys(NAMED_CHECKS);
    const hint = suggestionSuffix(name, names) || ` (known checks: ${names.join(', ')})`;
    found.push({ path: [...at, 'check'], rank: 1, message: `${label}: unknown check "${name}"${hint}` });
    return;
  }
  for (const issue of checkArgs(entry.args, args ?? {})) {
    // a missing argument points at `with:` (or at the check when there is no `with:`)
    const where: DataPath = args === undefined ? [...at, 'check'] : [...at, 'with', ...issue.path];
    found.push({
      path: where,
      ...(issue.key !== undefined ? { key: issue.key } : {}),
      rank: issue.key !== undefined ? 0 : 1, // a misspelt argument explains the missing one it causes
      message: `${label}, check "${name}": ${issue.message}; see scim-check list --checks`,
    });
  }
}

function checkBodyPath(path: string, at: DataPath, found: Diagnostic[]): void {
  const problem = bodyPathProblem(path);
  if (problem !== undefined) found.push({ path: at, rank: 1, message: problem });
}

function checkRequestPath(path: string, at: DataPath, label: string, found: Diagnostic[]): void {
  const problem = absolutePathProblem(path);
  if (problem !== undefined) found.push({ path: at, rank: 1, message: `${label} ${problem}` });
}

/** `for:` as a mapping gives each severity itself, so a `severity` beside it would be ambiguous. */
function checkAudience(exp: Expectation, at: DataPath, label: string, found: Diagnostic[]): void {
  const spec = exp.for;
  if (spec === undefined) return;
  const names = typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec : Object.keys(spec);
  const isMap = typeof spec === 'object' && !Array.isArray(spec);
  if (isMap && exp.severity !== undefined) {
    found.push({
      path: at,
      key: 'severity',
      rank: 1,
      message: `${label} has both "severity" and a "for" mapping that gives each audience its severity; use one`,
    });
  }
  if (names.includes('okta') && (names.includes('test-app') || names.includes('oin'))) {
    found.push({
      path: [...at, 'for'],
      rank: 1,
      message: `${label}: "for" names okta (both Okta integrations) and also test-app or oin; name the integrations one by one instead`,
    });
  }
}
