// The one way scim-check makes an Ajv, and the options of each kind of schema it compiles.
// The build (src/prebuilt) and a run compile with the same options, so their verdicts agree.
// ajv is loaded on first use only: a default run uses the prebuilt validators and never
// loads it (test/prebuilt.test.ts).
import { readFileSync } from 'node:fs';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { lazyRequire } from '../util/lazy-require.js';

export const loadAjv = lazyRequire<typeof import('ajv')>('ajv');

export const AJV_OPTIONS = {
  /**
   * SCIM resources (schemas/scim). verbose: a `contains` error then knows which URN was expected;
   * matching properties: the enterprise URN is both a named property and a `^urn:` pattern match.
   */
  scim: { strict: true, allErrors: true, verbose: true, allowMatchingProperties: true },
  /**
   * Suite files. Union types are used; strictRequired is off because the expectation's oneOf
   * branches name properties declared one level up.
   */
  suite: { strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true },
  /** scim-check.config.yaml. */
  config: { strict: true, allowUnionTypes: true, allErrors: true, verbose: true },
  /** Schemas built from a server's own /Schemas: not ours, so not strict. */
  declared: { allErrors: true, strict: false, verbose: true },
} as const satisfies Record<string, Options>;

export type AjvKind = keyof typeof AJV_OPTIONS;

/** A new Ajv for one kind of schema; `extra` adds build-time options (standalone code). */
export function createAjv(kind: AjvKind, extra: Options = {}): Ajv {
  return new (loadAjv().Ajv)({ ...AJV_OPTIONS[kind], ...extra });
}

/**
 * The validator of one bundled schema file: the one compiled at build time when it is there and
 * current, else compiled now. Either way only once per process.
 */
export function validatorOfFile(
  kind: AjvKind,
  file: string,
  prebuilt: () => ValidateFunction | null,
): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => (compiled ??= prebuilt() ?? createAjv(kind).compile(JSON.parse(readFileSync(file, 'utf8')) as object));
}
