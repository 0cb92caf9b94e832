// DeclaredSchemas: the server's /Schemas + /ResourceTypes compiled once per run, and
// the check of one exchange against them. Only contradictions are reported, one
// CheckResult per finding code and response (so a baseline entry names one code).
import type { Ajv, AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import type { CheckResult } from '../../model/run-result.js';
import { GROUP_SCHEMA, LIST_RESPONSE_SCHEMA, USER_SCHEMA } from '../../scim/urns.js';
import { validateAgainst } from '../validator.js';
import { createAjv } from '../ajv.js';
import { declaredSchemaKey, prebuiltDeclaredValidator } from '../../prebuilt/artefacts.js';
import { normalizeResource } from './normalize.js';
import { resourceTypeSchema } from './to-json-schema.js';
import { duplicateUniqueValues, readOnlyEchoed, responseRuleFindings } from './rules.js';
import { FINDINGS, type FindingCode } from './findings.js';
import type { DeclaredModel, DeclaredResourceType } from './types.js';
import { isObject } from '../../util/object.js';

type Json = Record<string, unknown>;

export interface ExchangeInfo {
  method: string;
  /** Full request URL; its path below `baseUrl` selects the resource type. */
  url: string;
  baseUrl: string;
  requestBody?: unknown;
  status: number;
  body: unknown;
  /** The step validates the RFC core schema itself (a `schema:` expectation): do not report it twice. */
  stepValidatesCoreSchema?: boolean;
}

interface Compiled {
  rt: DeclaredResourceType;
  /** With required attributes; `projected` without (attributes/excludedAttributes may leave them out). */
  full: ValidateFunction;
  projected: ValidateFunction;
}

/** Every JSON Schema compile() makes for this model (the build precompiles the reference server's). */
export function declaredJsonSchemas(model: DeclaredModel): AnySchemaObject[] {
  return model.resourceTypes.flatMap((rt) => [
    resourceTypeSchema(rt, model, { requireRequired: true }),
    resourceTypeSchema(rt, model, { requireRequired: false }),
  ]);
}

/**
 * Validators this process compiled, by schema: a process that meets the same server's schemas
 * again (a test worker, one run after another in an embedding) compiles each only once.
 */
const compiledEarlier = new Map<string, ValidateFunction>();
const COMPILED_LIMIT = 64;

export class DeclaredSchemas {
  private constructor(
    readonly model: DeclaredModel,
    private readonly compiled: Compiled[],
  ) {}

  /**
   * Compiles every resource type once; one that cannot be compiled is left out and noted in model.problems.
   * Schemas identical to the reference server's were compiled at build time (src/prebuilt); ajv is
   * loaded only for the others.
   */
  static compile(model: DeclaredModel): DeclaredSchemas {
    let ajv: Ajv | undefined;
    const compile = (schema: AnySchemaObject): ValidateFunction => {
      const key = declaredSchemaKey(schema);
      let validate = prebuiltDeclaredValidator(key) ?? compiledEarlier.get(key);
      if (!validate) {
        validate = (ajv ??= createAjv('declared')).compile(schema);
        if (compiledEarlier.size >= COMPILED_LIMIT) compiledEarlier.clear();
        compiledEarlier.set(key, validate);
      }
      return validate;
    };
    const compiled: Compiled[] = [];
    for (const rt of model.resourceTypes) {
      try {
        compiled.push({
          rt,
          full: compile(resourceTypeSchema(rt, model, { requireRequired: true })),
          projected: compile(resourceTypeSchema(rt, model, { requireRequired: false })),
        });
      } catch (err) {
        model.problems.push(
          `resource type ${rt.name}: cannot turn its schemas into a validator (${(err as Error).message})`,
        );
      }
    }
    return new DeclaredSchemas(model, compiled);
  }

  resourceTypes(): DeclaredResourceType[] {
    return this.compiled.map((c) => c.rt);
  }

  check(ex: ExchangeInfo): CheckResult[] {
    if (ex.status < 200 || ex.status >= 300 || typeof ex.body !== 'object' || ex.body === null) return [];
    const target = this.targetOf(ex);
    if (!target) return [];
    const findings = new Map<FindingCode, string[]>();
    const add = (code: FindingCode, items: string[]) =>
      items.length && findings.set(code, [...(findings.get(code) ?? []), ...items]);
    const { compiled, projected, isList } = target;
    const resources = resourcesOf(ex.body, isList);
    const entries = resources.map(({ pointer, resource }) => ({
      at: pointer,
      original: resource,
      resource: normalizeResource(resource, compiled.rt, this.model),
    }));
    const normalized = entries.map((e) => e.resource);
    entries.forEach(({ at, original, resource }) => {
      const validate = projected ? compiled.projected : compiled.full;
      if (!validate(resource))
        for (const e of validate.errors ?? []) add(codeOf(e), [`${at}${pointerOf(e)}: ${messageOf(e)}`]);
      const rules = responseRuleFindings(resource, compiled.rt, this.model);
      add(
        'DECLARED_RETURNED_NEVER',
        rules.returnedNever.map((p) => `${at} ${p}`),
      );
      add(
        'DECLARED_WRITE_ONLY_RETURNED',
        rules.writeOnlyReturned.map((p) => `${at} ${p}`),
      );
      add(
        'DECLARED_RETURNED_ALWAYS',
        rules.returnedAlwaysMissing.map((p) => `${at} ${p}`),
      );
      add(
        'DECLARED_CANONICAL_VALUE',
        rules.nonCanonicalValues.map((p) => `${at} ${p}`),
      );
      if (!ex.stepValidatesCoreSchema && !projected)
        add(
          'RFC_CORE_SCHEMA',
          coreSchemaIssues(original, compiled.rt).map((p) => `${at}${p}`),
        );
    });
    if (isList) add('DECLARED_UNIQUENESS', duplicateUniqueValues(normalized, compiled.rt, this.model));
    const sent = ex.requestBody;
    const [only, ...more] = normalized;
    if (!isList && (ex.method === 'POST' || ex.method === 'PUT') && isObject(sent) && only && more.length === 0) {
      add(
        'DECLARED_READ_ONLY_ACCEPTED',
        readOnlyEchoed(normalizeResource(sent, compiled.rt, this.model), only, compiled.rt, this.model),
      );
    }
    return [...findings].map(([code, items]) => toCheck(code, items, compiled.rt));
  }

  private basePaths = new Map<string, string | null>();
  private byEndpoint: Map<string, Compiled> | undefined;

  /** The base URL's path (no trailing slash), parsed once per base URL; null when it is not a URL. */
  private basePathOf(baseUrl: string): string | null {
    let known = this.basePaths.get(baseUrl);
    if (known === undefined) {
      try {
        known = new URL(baseUrl).pathname.replace(/\/+$/, '');
      } catch {
        known = null;
      }
      this.basePaths.set(baseUrl, known);
    }
    return known;
  }

  /** Lower-cased endpoint (no leading slash) -> the first resource type serving it. */
  private compiledFor(endpoint: string): Compiled | undefined {
    if (!this.byEndpoint) {
      this.byEndpoint = new Map();
      for (const c of this.compiled) {
        const key = c.rt.endpoint.replace(/^\/+/, '').toLowerCase();
        if (!this.byEndpoint.has(key)) this.byEndpoint.set(key, c);
      }
    }
    return this.byEndpoint.get(endpoint);
  }

  private targetOf(ex: ExchangeInfo): { compiled: Compiled; projected: boolean; isList: boolean } | undefined {
    let url: URL;
    try {
      url = new URL(ex.url);
    } catch {
      return undefined;
    }
    const basePath = this.basePathOf(ex.baseUrl);
    if (basePath === null) return undefined;
    const rel = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const [endpoint, id, more] = rel.split('/').filter(Boolean);
    if (!endpoint || more !== undefined || this.compiled.length === 0) return undefined;
    const compiled = this.compiledFor(decodeURIComponent(endpoint).toLowerCase());
    if (!compiled) return undefined;
    const projected =
      url.searchParams.has('attributes') ||
      url.searchParams.has('excludedAttributes') ||
      (ex.method === 'POST' && id === '.search');
    const isList = id === undefined || id === '.search' ? ex.method !== 'POST' || id === '.search' : false;
    return { compiled, projected, isList };
  }
}

function resourcesOf(body: unknown, isList: boolean): { resource: Json; pointer: string }[] {
  if (!isList) return isObject(body) && !isListResponse(body) ? [{ resource: body, pointer: '' }] : [];
  const items = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.Resources) ? body.Resources : [];
  const prefix = Array.isArray(body) ? '' : '/Resources';
  return items.flatMap((r, i) => (isObject(r) ? [{ resource: r, pointer: `${prefix}/${i}` }] : []));
}

function isListResponse(body: Json): boolean {
  return (
    Array.isArray(body.schemas) &&
    body.schemas.some((s) => String(s).toLowerCase() === LIST_RESPONSE_SCHEMA.toLowerCase())
  );
}

function coreSchemaIssues(resource: Json, rt: DeclaredResourceType): string[] {
  const core = rt.schema.toLowerCase();
  const name = core === USER_SCHEMA.toLowerCase() ? 'User' : core === GROUP_SCHEMA.toLowerCase() ? 'Group' : undefined;
  if (!name) return [];
  return validateAgainst(name, resource).errors.map((e) => `${e.path}: ${e.message}`);
}

function codeOf(e: ErrorObject): FindingCode {
  if (e.keyword === 'required') return 'DECLARED_SCHEMA_REQUIRED';
  if (e.keyword === 'additionalProperties') return 'DECLARED_UNKNOWN_ATTRIBUTE';
  return 'DECLARED_SCHEMA_TYPE';
}

function pointerOf(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  const member = p.missingProperty ?? p.additionalProperty;
  return member === undefined ? e.instancePath : `${e.instancePath}/${member}`;
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'declared required, absent';
  if (e.keyword === 'additionalProperties') return 'not declared in /Schemas';
  if (e.keyword === 'type') return `declared ${String((e.params as { type?: string }).type)}, got ${describe(e.data)}`;
  if (e.keyword === 'pattern') return `${JSON.stringify(e.data)} does not have the declared format`;
  return e.message ?? e.keyword;
}

function describe(v: unknown): string {
  const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  const text = JSON.stringify(v) ?? String(v);
  return `${kind} ${text.length > 40 ? text.slice(0, 40) + '…' : text}`;
}

function toCheck(code: FindingCode, items: string[], rt: DeclaredResourceType): CheckResult {
  const f = FINDINGS[code];
  const shown = items.slice(0, 5).join('; ') + (items.length > 5 ? `; … ${items.length - 5} more` : '');
  return {
    code,
    severity: f.severity,
    passed: false,
    title: `${rt.name}: ${f.title}`,
    expected: f.expected,
    actual: shown,
    ref: f.ref,
  };
}
