// Rules tied to the attribute profile and to how Okta pushes: every mandatory attribute is
// mapped onto the right SCIM path, tracked on update, never fed by a nullable source;
// required app attributes are mapped; userName comes from the username format.
import { finding, scimTargetOf, type ParsedEntry, type RuleContext, type ScimTarget } from '../context.js';
import { checkUser, isMandatoryFinding, type AttributeProfile } from '../profile-bridge.js';
import { renderPayload, type PlacedValue } from '../scim/payload.js';
import { CORE_URN, ENTERPRISE_URN } from '../scim/namespaces.js';
import type { AppAttribute } from '../types.js';
import type { MappingFinding } from '../../model/mapping-result.js';

interface Probe {
  name: string;
  target: ScimTarget;
  attr: AppAttribute;
}

const probeValue = (attr: AppAttribute) =>
  attr.type === 'boolean' ? true : attr.type === 'integer' || attr.type === 'number' ? 1 : 'probe';

/** A payload in which every given attribute carries a non-empty value. */
function probePayload(probes: Probe[], anyNamespace = false): object {
  const placed: PlacedValue[] = probes.flatMap((p) => {
    const namespaces = anyNamespace ? [CORE_URN, ENTERPRISE_URN] : [p.target.namespace ?? CORE_URN];
    return namespaces.map((namespace) => ({ namespace, segments: p.target.segments, value: probeValue(p.attr) }));
  });
  return renderPayload(placed, { userName: 'probe', externalId: '00uprobe' });
}

function missingRules(profile: AttributeProfile, payload: object): Set<string> {
  return new Set(
    checkUser(payload, profile, { languageFormat: 'bcp47' })
      .filter(isMandatoryFinding)
      .map((f) => f.attribute),
  );
}

function probesOf(attrs: Iterable<AppAttribute>): Probe[] {
  const out: Probe[] = [];
  for (const attr of attrs) {
    const target = scimTargetOf(attr);
    if (target && attr.externalNamespace) out.push({ name: attr.name, target, attr });
  }
  return out;
}

export function profileRules(ctx: RuleContext, profile: AttributeProfile): MappingFinding[] {
  const mappedNames = new Set(ctx.entries.filter((p) => p.parse.ok).map((p) => p.entry.target));
  const all = probesOf(ctx.app.attributes.values());
  const mapped = all.filter((p) => mappedNames.has(p.name));
  const out: MappingFinding[] = [];
  const stillMissing = missingRules(profile, probePayload(mapped));
  const missingWithAll = missingRules(profile, probePayload(all));
  const missingAnyNs = missingRules(profile, probePayload(all, true));
  for (const rule of profile.mandatory) {
    if (!stillMissing.has(rule.attribute)) continue;
    const label = `${rule.label} (${rule.attribute})`;
    if (!missingWithAll.has(rule.attribute)) {
      const candidates = all
        .filter(
          (p) => !mappedNames.has(p.name) && !missingRules(profile, probePayload([...mapped, p])).has(rule.attribute),
        )
        .map((p) => p.name);
      out.push(
        finding(
          'MAP_MANDATORY_UNMAPPED',
          `${label} is mandatory for profile ${profile.name}; app attribute ${candidates.join(' or ')} writes it but has no mapping`,
          {
            attribute: candidates[0] ?? rule.attribute,
            position: ctx.app.attributes.get(candidates[0] ?? '')?.position,
          },
        ),
      );
    } else if (!missingAnyNs.has(rule.attribute)) {
      out.push(
        finding(
          'MAP_MANDATORY_WRONG_NAMESPACE',
          `${label} is mandatory for profile ${profile.name}; an app attribute has that externalName but in another externalNamespace`,
          { attribute: rule.attribute },
        ),
      );
    } else {
      out.push(
        finding(
          'MAP_MANDATORY_NO_TARGET',
          `${label} is mandatory for profile ${profile.name}, but no app schema attribute has an externalName/externalNamespace that writes it`,
          { attribute: rule.attribute },
        ),
      );
    }
  }
  out.push(...feederFindings(ctx, profile, mapped));
  out.push(...requiredUnmapped(ctx, mappedNames));
  return out;
}

/** Entries that alone satisfy a mandatory rule, i.e. feed a mandatory SCIM attribute. */
function mandatoryFeeders(profile: AttributeProfile, mapped: Probe[]): Map<string, string> {
  const feeders = new Map<string, string>();
  const missingWithNone = missingRules(profile, probePayload([]));
  for (const probe of mapped) {
    const missing = missingRules(profile, probePayload([probe]));
    for (const rule of missingWithNone) if (!missing.has(rule)) feeders.set(probe.name, rule);
  }
  return feeders;
}

const TRACKED_LEAVES = new Set(['givenName', 'familyName', 'middleName', 'displayName']);

function feederFindings(ctx: RuleContext, profile: AttributeProfile, mapped: Probe[]): MappingFinding[] {
  const feeders = mandatoryFeeders(profile, mapped);
  const out: MappingFinding[] = [];
  for (const p of ctx.entries) {
    const at = { attribute: p.entry.target, position: p.entry.position };
    const status = p.entry.pushStatus;
    if (status !== undefined && status !== 'PUSH' && status !== 'DONT_PUSH') {
      out.push(
        finding('MAP_PUSH_STATUS_INVALID', `pushStatus "${status}" must be PUSH or DONT_PUSH`, {
          ...at,
          value: status,
          fix: 'PUSH',
        }),
      );
    }
    const mandatoryRule = feeders.get(p.entry.target);
    const tracked =
      mandatoryRule !== undefined || (p.scim && (TRACKED_LEAVES.has(p.scim.leaf) || p.scim.top === 'emails'));
    if (status === 'DONT_PUSH' && tracked) {
      out.push(
        finding(
          'MAP_PUSH_STATUS',
          `${p.entry.target} is applied on create only: later changes in Okta never reach the app profile, and the stale value is re-sent on every update`,
          { ...at, fix: 'pushStatus: PUSH' },
        ),
      );
    }
    if ((mandatoryRule !== undefined || p.attr?.required) && p.entry.target !== 'userName')
      out.push(...nullableFeeder(ctx, p, mandatoryRule));
  }
  return out;
}

function nullableFeeder(ctx: RuleContext, p: ParsedEntry, rule: string | undefined): MappingFinding[] {
  if (!p.analysis?.result.nullable) return [];
  const why = rule ? `feeds the mandatory ${rule}` : 'is a required app attribute';
  return [
    finding('MAP_REQUIRED_NULLABLE', `${p.entry.target} ${why} but its expression can evaluate to null`, {
      attribute: p.entry.target,
      position: ctx.exprPos(p.entry),
    }),
  ];
}

function requiredUnmapped(ctx: RuleContext, mappedNames: Set<string>): MappingFinding[] {
  const out: MappingFinding[] = [];
  for (const attr of ctx.app.attributes.values()) {
    if (!attr.required || mappedNames.has(attr.name) || attr.name === 'userName') continue;
    out.push(
      finding('MAP_REQUIRED_UNMAPPED', `${attr.name} is required in the app user schema but has no mapping`, {
        attribute: attr.name,
        position: attr.position,
      }),
    );
  }
  return out;
}
