// Loads one suite file: YAML (with positions) -> schema check -> semantic checks -> SuiteSpec.
// Every problem becomes a one-line UsageError `file:line:col: message`; nothing is ever sent
// for a suite that does not load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlInput } from '../util/yaml-input.js';
import { UsageError } from '../errors.js';
import type { SuiteSpec } from './types.js';
import type { Diagnostic } from './diagnostic.js';
import { checkSuiteShape } from './schema-check.js';
import { checkSuiteSemantics } from './semantic-checks.js';
import { SourceLocator } from './yaml-locate.js';
import { resolveAudience } from '../audience/resolve-audience.js';
import { stepTemplateNames } from './template.js';

export function loadSuiteFile(file: string): SuiteSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read suite file ${file}: ${reason}`);
  }
  return loadSuiteText(text, file);
}

/**
 * Suites this process has loaded, by file as shown and working directory: a process that loads
 * the same text again (a test worker running one suite against many servers, a long-lived
 * embedding) gets a copy instead of parsing and validating it anew. Only loads that succeeded are kept.
 */
const loaded = new Map<string, { text: string; suite: SuiteSpec }>();
const LOADED_LIMIT = 64;

/**
 * Parse and validate suite text. `file` is used as given in diagnostics and positions
 * (pass a path relative to the working directory for readable messages); SuiteSpec.file is absolute.
 */
export function loadSuiteText(text: string, file: string): SuiteSpec {
  const key = `${process.cwd()}\0${file}`;
  const hit = loaded.get(key);
  // a copy: callers (grep/tag filters, the runner) may reshape what they get
  if (hit?.text === text) return structuredClone(hit.suite);
  const suite = parseSuiteText(text, file);
  if (loaded.size >= LOADED_LIMIT) loaded.clear();
  loaded.set(key, { text, suite: structuredClone(suite) });
  return suite;
}

function parseSuiteText(text: string, file: string): SuiteSpec {
  const { doc, lineCounter, data } = parseYamlInput(text, file);
  const locator = new SourceLocator(doc, lineCounter, text, file);
  if (data === null || data === undefined) throw new UsageError('the suite file is empty', locator.position(0));
  throwFirst(checkSuiteShape(data), locator);
  const suite = { ...(data as Omit<SuiteSpec, 'file'>), file: path.resolve(file) } as SuiteSpec;
  throwFirst(checkSuiteSemantics(suite), locator);
  suite.everyResponse?.forEach((exp, e) => {
    exp.position = locator.positionOf({ path: ['everyResponse', e] });
    exp.audience = resolveAudience(exp.severity, exp.for, suite.for);
  });
  suite.tests.forEach((test, t) => {
    test.position = locator.positionOf({ path: ['tests', t] });
    test.steps.forEach((step, s) => {
      step.position = locator.positionOf({ path: ['tests', t, 'steps', s] });
      step.defaultFor = test.for ?? suite.for;
      step.uses = stepTemplateNames(step);
      // each expectation's own line, so a failed check points at the rule that failed
      step.expect?.forEach((exp, e) => {
        exp.position = locator.positionOf({ path: ['tests', t, 'steps', s, 'expect', e] });
        exp.audience = resolveAudience(exp.severity, exp.for, test.for, suite.for);
      });
    });
  });
  return suite;
}

/** The most relevant diagnostic (lowest rank, then earliest in the file) as a UsageError. */
function throwFirst(diagnostics: Diagnostic[], locator: SourceLocator): void {
  if (diagnostics.length === 0) return;
  const ranked = diagnostics
    .map((d) => ({ d, offset: locator.offsetOf(d) }))
    .sort((a, b) => a.d.rank - b.d.rank || a.offset - b.offset);
  const [first] = ranked;
  if (first) throw new UsageError(first.d.message, locator.position(first.offset));
}
