// Offline half of provision: each Okta user through the mapping (validate-mapping's
// evaluator and payload builder), checked against the User schema and the profile.
// An expression that cannot be evaluated leaves its attribute out; it is never guessed.
import type { PreparedMapping } from '../mapping/validate-mapping.js';
import { renderSamples } from '../mapping/samples.js';
import type { MappingFinding } from '../model/mapping-result.js';
import type { OktaUser, ProvisionFinding, Severity, UserRef, UserReport } from './types.js';

const NOT_EVALUATED = new Set(['MAP_SAMPLE_NOT_EVALUATED', 'MAP_SAMPLE_EVAL_FAILED']);

export interface LeftOut {
  attribute: string;
  expression: string;
  reason: string;
}

export interface BuiltUser {
  report: UserReport;
  leftOut: LeftOut[];
}

export function userRef(user: OktaUser): UserRef {
  return {
    index: user.index,
    oktaId: user.id,
    login: typeof user.profile.login === 'string' ? user.profile.login : undefined,
  };
}

export function buildUser(prepared: PreparedMapping, user: OktaUser): BuiltUser {
  const ref = userRef(user);
  const name = ref.login ?? `user ${user.index}`;
  const sample = { name, profile: user.profile, id: user.id, status: user.status, position: user.position };
  const [rendered] = renderSamples(prepared.ctx, prepared.profile, [sample], prepared.usernameAst);
  if (!rendered) throw new Error('renderSamples returned no result for one sample'); // one result per sample
  const leftOut: LeftOut[] = [];
  const findings: ProvisionFinding[] = [];
  for (const f of rendered.findings) {
    const message = withoutSampleName(f.message, name);
    if (NOT_EVALUATED.has(String(f.code))) {
      const attribute = f.attribute ?? '(unknown)';
      const expression =
        attribute === 'userName' && !hasEntry(prepared, 'userName')
          ? prepared.ctx.usernameFormat
          : expressionOf(prepared, attribute);
      leftOut.push({
        attribute,
        expression,
        reason: message.replace(new RegExp(`^(username format .*?|${escape(attribute)}): `), ''),
      });
      continue;
    }
    findings.push(toFinding(f, ref, message));
  }
  return {
    report: {
      user: ref,
      outcome: 'dry-run',
      payload: rendered.payload,
      leftOut: leftOut.map((l) => l.attribute),
      findings,
    },
    leftOut,
  };
}

function toFinding(f: MappingFinding, user: UserRef, message: string): ProvisionFinding {
  // profile findings carry the profile's own code in brackets: that code is the cause
  const inner = /^\[([A-Z0-9_]+)\] /.exec(message);
  return {
    user,
    attribute: f.attribute ?? '(user)',
    cause: inner?.[1] ?? String(f.code),
    severity: f.severity as Severity,
    message: inner ? message.slice(inner[0].length) : message,
    ...(f.value !== undefined ? { sent: f.value } : {}),
  };
}

function withoutSampleName(message: string, name: string): string {
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

function hasEntry(prepared: PreparedMapping, target: string): boolean {
  return prepared.ctx.entries.some((e) => e.entry.target === target);
}

function expressionOf(prepared: PreparedMapping, attribute: string): string {
  return prepared.ctx.entries.find((e) => e.entry.target === attribute)?.entry.expression ?? '';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
