// Rules on mapping targets and the app user schema: unknown targets, externalName syntax,
// externalNamespace (exact, near-miss, custom, missing), duplicate SCIM paths, `groups`.
import { didYouMean, finding, scimTargetOf, type RuleContext } from '../context.js';
import { levenshtein } from '../../util/did-you-mean.js';
import { canonicalPath, parseExternalName } from '../scim/external-name.js';
import { CORE_URN, ENTERPRISE_URN, MULTI_VALUED, SCIM11_URNS, attributesOf } from '../scim/namespaces.js';
import type { AppAttribute } from '../types.js';
import type { MappingFinding } from '../../model/mapping-result.js';

export function schemaRules(ctx: RuleContext): MappingFinding[] {
  const out: MappingFinding[] = [];
  for (const p of ctx.entries) {
    if (p.attr) continue;
    const suggestion = didYouMean(p.entry.target, ctx.app.attributes.keys());
    out.push(
      finding(
        'MAP_TARGET_UNKNOWN',
        `${p.entry.target} is not an attribute of the app user schema${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        { attribute: p.entry.target, position: p.entry.position, fix: suggestion },
      ),
    );
  }
  const mapped = new Set(ctx.entries.map((p) => p.entry.target));
  for (const attr of ctx.app.attributes.values()) out.push(...attributeFindings(attr, mapped.has(attr.name)));
  out.push(...duplicatePaths([...ctx.app.attributes.values()]));
  return out;
}

function attributeFindings(attr: AppAttribute, mapped: boolean): MappingFinding[] {
  const at = { attribute: attr.name, position: attr.position };
  if (attr.name === 'groups' || attr.externalName === 'groups' || attr.externalName?.startsWith('groups.')) {
    return [
      finding(
        'MAP_RESERVED_GROUPS',
        `${attr.name}: SCIM groups is read-only on a User; Okta manages memberships with Group Push`,
        at,
      ),
    ];
  }
  if (!attr.externalName && !attr.externalNamespace) {
    // userName is sent from the Sign On username format even without an externalName
    if (attr.name === 'userName') return [];
    return [
      finding(
        'MAP_EXTERNAL_NAME_MISSING',
        `${attr.name} has no externalName and no externalNamespace: Okta never sends it${mapped ? ', so its mapping has no effect' : ''}`,
        at,
      ),
    ];
  }
  const out: MappingFinding[] = [];
  if (attr.externalName !== undefined) out.push(...externalNameFindings(attr));
  if (!attr.externalNamespace) {
    out.push(
      finding(
        'MAP_NAMESPACE_MISSING',
        `${attr.name} has an externalName but no externalNamespace: "attributes without a proper namespace will not be included in provisioning messages"`,
        { ...at, fix: `externalNamespace: ${CORE_URN}` },
      ),
    );
  } else {
    out.push(...namespaceFindings(attr, attr.externalNamespace));
  }
  if (!mapped && attr.name !== 'userName' && attr.externalNamespace) {
    out.push(
      finding(
        'MAP_UNMAPPED_SENT_EMPTY',
        `${attr.name} is not mapped, yet Okta pushes the full app profile: it is sent empty on every update (remove the attribute if the server owns it)`,
        at,
      ),
    );
  }
  return out;
}

function externalNameFindings(attr: AppAttribute): MappingFinding[] {
  const at = { attribute: attr.name, position: attr.position, value: attr.externalName };
  const parsed = parseExternalName(attr.externalName ?? '');
  if (!parsed.ok) {
    return [
      finding(
        parsed.hasUrn ? 'MAP_EXTERNAL_NAME_HAS_URN' : 'MAP_EXTERNAL_NAME_SYNTAX',
        `externalName "${attr.externalName}": ${parsed.message} (column ${parsed.offset + 1})`,
        at,
      ),
    ];
  }
  const defined = attr.externalNamespace ? attributesOf(attr.externalNamespace) : undefined;
  if (!defined) return [];
  const names = parsed.segments.filter((s) => s.kind === 'name').map((s) => (s as { name: string }).name);
  const [top, sub] = names;
  if (top === undefined) return []; // a name-less externalName is a syntax finding, reported above
  const subs = defined[top];
  const where = attr.externalNamespace === ENTERPRISE_URN ? 'the enterprise extension' : 'the core User schema';
  if (!subs) {
    const suggestion = didYouMean(top, Object.keys(defined));
    return [
      finding(
        'MAP_EXTERNAL_NAME_UNKNOWN',
        `"${top}" is not an attribute of ${where}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
        { ...at, fix: suggestion },
      ),
    ];
  }
  if (sub !== undefined && !subs.includes(sub)) {
    return [
      finding(
        'MAP_EXTERNAL_NAME_UNKNOWN',
        `"${top}" has no sub-attribute "${sub}" (known: ${subs.join(', ') || 'none'})`,
        at,
      ),
    ];
  }
  if (subs.length > 0 && sub === undefined) {
    return [finding('MAP_EXTERNAL_NAME_UNKNOWN', `"${top}" is complex; name a sub-attribute (${subs.join(', ')})`, at)];
  }
  const hasSelector = parsed.segments.some((s) => s.kind !== 'name');
  if (MULTI_VALUED.has(top) && !hasSelector) {
    return [
      finding(
        'MAP_EXTERNAL_NAME_SYNTAX',
        `"${top}" is multi-valued: select an element, e.g. ${top}.^[primary==true].${sub ?? 'value'}`,
        at,
      ),
    ];
  }
  return [];
}

function namespaceFindings(attr: AppAttribute, ns: string): MappingFinding[] {
  const at = { attribute: attr.name, position: attr.position, value: ns };
  if (ns === CORE_URN || ns === ENTERPRISE_URN) return [];
  for (const known of [CORE_URN, ENTERPRISE_URN]) {
    if (ns.toLowerCase() === known.toLowerCase() || levenshtein(ns, known) <= 2 || ns.trim() === known) {
      return [
        finding(
          'MAP_NAMESPACE_NEAR_MISS',
          `externalNamespace "${ns}" is a near-miss of ${known} (Okta fails the assignment with "Invalid externalNamespace")`,
          { ...at, fix: known },
        ),
      ];
    }
  }
  if (SCIM11_URNS.includes(ns))
    return [finding('MAP_NAMESPACE_SCIM11', `${ns} is a SCIM 1.1 namespace; a SCIM 2.0 app needs the 2.0 URN`, at)];
  if (!/^urn:[a-z0-9][a-z0-9-]{0,31}:[A-Za-z0-9()+,\-.:=@;$_!*'%/?#]+$/i.test(ns)) {
    return [
      finding('MAP_NAMESPACE_INVALID', `externalNamespace "${ns}" is not a well-formed URN (urn:<nid>:<nss>)`, at),
    ];
  }
  if (/customextensionname|<[^>]*>|yourextension|extensionname/i.test(ns)) {
    return [
      finding(
        'MAP_NAMESPACE_PLACEHOLDER',
        `externalNamespace "${ns}" still contains the vendor documentation's placeholder; use the URN the server advertises in /Schemas`,
        at,
      ),
    ];
  }
  return [
    finding(
      'MAP_NAMESPACE_CUSTOM',
      `custom namespace ${ns}: the server must list it in /Schemas and accept it in the schemas array`,
      at,
    ),
  ];
}

function duplicatePaths(attrs: AppAttribute[]): MappingFinding[] {
  const byPath = new Map<string, AppAttribute[]>();
  for (const attr of attrs) {
    const target = scimTargetOf(attr);
    if (!target || !attr.externalNamespace) continue;
    const key = `${attr.externalNamespace.toLowerCase()}|${canonicalPath(target.segments)}`;
    byPath.set(key, [...(byPath.get(key) ?? []), attr]);
  }
  const out: MappingFinding[] = [];
  for (const group of byPath.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    for (const dup of rest) {
      out.push(
        finding(
          'MAP_DUPLICATE_SCIM_PATH',
          `${dup.name} and ${first.name} both write ${dup.externalName}: the last one wins and the other value is lost`,
          { attribute: dup.name, position: dup.position, value: dup.externalName },
        ),
      );
    }
  }
  return out;
}
