// --var NAME=VALUE and the config's `vars:` block: values for the `variables:` a suite declares,
// so a custom suite can be pointed at tenant-specific values without editing it.
import { UsageError } from '../errors.js';
import { suggestionSuffix } from '../util/did-you-mean.js';
import type { SuiteSpec } from '../suite/types.js';

export type VarValues = Record<string, string | number | boolean>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseVarFlags(values: readonly string[]): VarValues {
  const out: VarValues = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const name = eq === -1 ? v : v.slice(0, eq);
    if (eq === -1 || !NAME.test(name))
      throw new UsageError(`--var must look like NAME=VALUE (NAME: letters, digits, "_"), got ${JSON.stringify(v)}`);
    out[name] = v.slice(eq + 1);
  }
  return out;
}

/**
 * Each value replaces the suite variable of the same name (its default in the suite) in every
 * suite that declares it. A --var no selected suite declares is a typo: it stops the run.
 * Config vars may serve suites not selected this time, so they are not checked.
 */
export function applyVars(suites: SuiteSpec[], configVars: VarValues, flagVars: VarValues): SuiteSpec[] {
  const declared = new Set(suites.flatMap((s) => Object.keys(s.variables ?? {})));
  for (const name of Object.keys(flagVars)) {
    if (!declared.has(name)) {
      const hint = declared.size ? suggestionSuffix(name, [...declared]) : '';
      throw new UsageError(`--var ${name}: no selected suite declares a variable "${name}"${hint}`);
    }
  }
  const merged = { ...configVars, ...flagVars };
  if (Object.keys(merged).length === 0) return suites;
  return suites.map((suite) => {
    const own = suite.variables ?? {};
    const replaced = Object.fromEntries(
      Object.entries(own).map(([k, v]) => [k, Object.hasOwn(merged, k) ? merged[k] : v]),
    );
    return { ...suite, variables: replaced };
  });
}
