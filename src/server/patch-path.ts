// PATCH paths (RFC 7644 §3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`,
// each optionally URN-prefixed, resolved against the server's schema definitions.
import { AttrPath, findKey, parseAttrPath } from '../scim/attribute-path.js';
import { FilterError, FilterNode, parseFilter } from '../scim/filter.js';
import type { AttributeDef, SchemaDef } from './schema-defs.js';
import { ScimHttpError } from './http-util.js';

export interface ResolvedPath {
  /** null = the core schema (top level); otherwise the extension schema. */
  extension: SchemaDef | null;
  def: AttributeDef;
  filter?: FilterNode;
  subDef?: AttributeDef;
}

const EXTERNAL_ID: AttributeDef = {
  name: 'externalId',
  type: 'string',
  multiValued: false,
  description: 'Identifier of the resource in the provisioning client.',
  required: false,
  caseExact: true,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
};

const READ_ONLY_COMMON = new Set(['id', 'meta', 'schemas']);

function invalidPath(text: string, why: string): ScimHttpError {
  return new ScimHttpError(400, `invalid path "${text}": ${why}`, 'invalidPath');
}

/** Split `emails[type eq "work"].value` into its attribute, filter and trailing sub-attribute. */
function splitPath(text: string): { head: string; filterText?: string; tail?: string } {
  const open = text.indexOf('[');
  if (open < 0) return { head: text };
  const close = text.lastIndexOf(']');
  if (close < open) throw invalidPath(text, "missing ']'");
  const after = text.slice(close + 1);
  if (after !== '' && !/^\.[A-Za-z$][\w$-]*$/.test(after)) throw invalidPath(text, `unexpected "${after}"`);
  return {
    head: text.slice(0, open),
    filterText: text.slice(open + 1, close),
    tail: after ? after.slice(1) : undefined,
  };
}

export function resolvePatchPath(text: string, core: SchemaDef, extensions: SchemaDef[]): ResolvedPath {
  const { head, filterText, tail } = splitPath(text.trim());
  const path = parseAttrPath(head);
  if (!path) throw invalidPath(text, 'not an attribute path');
  if (filterText !== undefined && path.sub) throw invalidPath(text, 'a value filter must follow a top-level attribute');
  const extension = schemaOf(path, core, extensions, text);
  const defs = extension ? extension.attributes : core.attributes;
  if (!extension && READ_ONLY_COMMON.has(path.attr.toLowerCase())) {
    throw new ScimHttpError(400, `attribute "${path.attr}" is readOnly`, 'mutability');
  }
  const def =
    !extension && path.attr.toLowerCase() === 'externalid'
      ? EXTERNAL_ID
      : defs.find((d) => d.name.toLowerCase() === path.attr.toLowerCase());
  if (!def) throw invalidPath(text, `unknown attribute "${path.attr}"`);
  let filter: FilterNode | undefined;
  if (filterText !== undefined) {
    if (!def.multiValued) throw invalidPath(text, `${def.name} is not multi-valued`);
    try {
      filter = parseFilter(filterText);
    } catch (e) {
      if (e instanceof FilterError) throw invalidPath(text, `${e.message} (at ${e.position})`);
      throw e;
    }
  }
  const subName = path.sub ?? tail;
  const subDef =
    subName === undefined ? undefined : def.subAttributes?.find((s) => s.name.toLowerCase() === subName.toLowerCase());
  if (subName !== undefined && !subDef) throw invalidPath(text, `unknown sub-attribute "${subName}" of ${def.name}`);
  if (def.mutability === 'readOnly' || subDef?.mutability === 'readOnly') {
    throw new ScimHttpError(400, `attribute "${text}" is readOnly`, 'mutability');
  }
  return { extension, def, filter, subDef };
}

function schemaOf(path: AttrPath, core: SchemaDef, extensions: SchemaDef[], text: string): SchemaDef | null {
  if (!path.schema || path.schema.toLowerCase() === core.id.toLowerCase()) return null;
  const ext = extensions.find((e) => e.id.toLowerCase() === path.schema!.toLowerCase());
  if (!ext) throw invalidPath(text, `unknown schema "${path.schema}"`);
  return ext;
}

/** The extension whose URN is exactly `key` (a path-less value may hold a whole extension object). */
export function extensionNamed(key: string, extensions: SchemaDef[]): SchemaDef | undefined {
  return extensions.find((e) => e.id.toLowerCase() === key.toLowerCase());
}

export { findKey };
