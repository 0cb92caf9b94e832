// Checks that need one resource only: the RFC 7643 schema, the server's own /Schemas,
// and (users) the attribute profile. Returns findings without position or identity;
// the caller stamps those on.
import { checkUser } from '../profile/check-user.js';
import type { AttributeProfile, LanguageFormat } from '../profile/types.js';
import { validateAgainst } from '../schema/validator.js';
import { AUDIT_RULES } from './rules.js';
import { checkConformance } from '../schema/declared/resource-conformance.js';
import type { DeclaredModel } from '../schema/declared/types.js';
import type { AuditFinding, AuditResourceType } from '../model/audit-result.js';

type ScimObject = Record<string, unknown>;

export interface ResourceCheckContext {
  profile?: AttributeProfile;
  languageFormat: LanguageFormat;
  /** The server's /Schemas (or --schemas), when usable. */
  serverSchemas?: DeclaredModel;
}

export type ResourceProblem = Pick<AuditFinding, 'code' | 'severity' | 'attribute' | 'value' | 'message'>;

export function checkResource(
  resource: ScimObject,
  kind: AuditResourceType,
  ctx: ResourceCheckContext,
): ResourceProblem[] {
  const problems: ResourceProblem[] = [];
  const verdict = validateAgainst(kind, resource);
  if (!verdict.valid) {
    const code = kind === 'User' ? 'SCHEMA_USER_INVALID' : 'SCHEMA_GROUP_INVALID';
    // one finding per resource: the count then reads as "resources affected"
    const first = verdict.errors[0] ?? { path: '', message: `does not match the ${kind} schema` };
    const more = verdict.errors.length > 1 ? ` (and ${verdict.errors.length - 1} more)` : '';
    const value = valueAt(resource, first.path);
    problems.push({
      code,
      severity: AUDIT_RULES[code].severity,
      attribute: pointerToPath(first.path),
      ...(value !== undefined ? { value } : {}),
      message: `${first.path || '/'} ${first.message}${more}`,
    });
  }
  if (ctx.serverSchemas) {
    for (const p of checkConformance(resource, kind, ctx.serverSchemas))
      problems.push({ ...p, severity: AUDIT_RULES[p.code].severity });
  }
  if (kind === 'User' && ctx.profile) {
    for (const f of checkUser(resource, ctx.profile, { languageFormat: ctx.languageFormat })) {
      problems.push({ code: f.code, severity: f.severity, attribute: f.attribute, value: f.value, message: f.message });
    }
  }
  return problems;
}

/** `/emails/0/value` -> `emails.value`: the attribute, not the array slot. */
function pointerToPath(pointer: string): string | undefined {
  const parts = pointer.split('/').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts.length ? parts.join('.').replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** The scalar at a JSON pointer, to show the value at fault; objects and arrays are left out. */
function valueAt(resource: ScimObject, pointer: string): unknown {
  let node: unknown = resource;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? undefined : node;
}
