// Reads a mapping in one of three forms: the Okta Profile Mappings API object
// (GET /api/v1/mappings/{id}), the compact YAML form, or a Terraform okta_profile_mapping
// export (JSON: `terraform show -json`, or a block with `mappings: [{id, expression, push_status}]`).
import { UsageError } from '../../errors.js';
import type { AppAttribute, MappingEntry, MappingModel } from '../types.js';
import { readPositioned, type PathKey, type PositionedDoc } from './positioned.js';
import { expandNamespace } from '../scim/namespaces.js';
import { isObject } from '../../util/object.js';

type Obj = Record<string, unknown>;

export function readMapping(file: string): MappingModel {
  const doc = readPositioned(file);
  const root = doc.value;
  if (!isObject(root)) throw new UsageError('a mapping must be a JSON/YAML object', doc.posOf([]));
  if ('properties' in root) return readOktaApi(doc, root);
  if (isObject(root.attributes)) return readCompact(doc, root);
  const tf = findTerraformMappings(root);
  if (tf) return readTerraform(doc, tf.path, tf.list);
  throw new UsageError(
    'unrecognised mapping: expected an Okta mapping (properties), the compact form (attributes) or a Terraform okta_profile_mapping (mappings)',
    doc.posOf([]),
  );
}

function readOktaApi(doc: PositionedDoc, root: Obj): MappingModel {
  const source = isObject(root.source) ? root.source : {};
  const target = isObject(root.target) ? root.target : {};
  if (source.type === 'appuser' || target.type === 'user') {
    throw new UsageError(
      'this is an app-to-Okta mapping (source.type appuser); validate-mapping checks Okta-to-app mappings',
      doc.posOf(['source', 'type']),
    );
  }
  const props = root.properties;
  if (!isObject(props))
    throw new UsageError('properties must be an object keyed by target attribute', doc.posOf(['properties']));
  if ('expression' in props && !isObject(props.expression)) {
    // M16: generated SDKs model properties as one ProfileMappingProperty instead of a map.
    throw new UsageError(
      'properties holds a single {expression, pushStatus}: it must be a map keyed by target attribute name',
      doc.posOf(['properties']),
    );
  }
  const entries: MappingEntry[] = [];
  for (const [target, value] of Object.entries(props)) {
    const path: PathKey[] = ['properties', target];
    if (value === null) continue; // legacy removal form
    if (!isObject(value))
      throw new UsageError(`properties.${target} must be an object with expression and pushStatus`, doc.posOf(path));
    if (value.expression === null || value.expression === undefined) continue; // removal form
    if (typeof value.expression !== 'string')
      throw new UsageError(`properties.${target}.expression must be a string`, doc.posOf([...path, 'expression']));
    entries.push({
      target,
      expression: value.expression,
      pushStatus: typeof value.pushStatus === 'string' ? value.pushStatus : undefined,
      position: doc.posOf(path),
      expressionPath: [...path, 'expression'],
    });
  }
  return {
    format: 'okta-api',
    doc,
    sourceType: typeof source.type === 'string' ? source.type : undefined,
    targetType: typeof target.type === 'string' ? target.type : undefined,
    entries,
  };
}

function readCompact(doc: PositionedDoc, root: Obj): MappingModel {
  const entries: MappingEntry[] = [];
  const inline: AppAttribute[] = [];
  for (const [target, value] of Object.entries(root.attributes as Obj)) {
    const path: PathKey[] = ['attributes', target];
    const spec: Obj = typeof value === 'string' ? { expression: value } : isObject(value) ? value : {};
    if (typeof value !== 'string' && !isObject(value))
      throw new UsageError(`attributes.${target} must be an expression or an object`, doc.posOf(path));
    if (spec.expression !== undefined && spec.expression !== null) {
      if (typeof spec.expression !== 'string')
        throw new UsageError(`attributes.${target}.expression must be a string`, doc.posOf([...path, 'expression']));
      entries.push({
        target,
        expression: spec.expression,
        // hand-written mappings default to "create and update"
        pushStatus:
          typeof spec.push === 'string' ? spec.push : typeof spec.pushStatus === 'string' ? spec.pushStatus : 'PUSH',
        position: doc.posOf(path),
        expressionPath: typeof value === 'string' ? path : [...path, 'expression'],
      });
    }
    if (spec.externalName !== undefined || spec.externalNamespace !== undefined)
      inline.push(inlineAttribute(doc, target, spec, path));
  }
  const usernameFormat = typeof root.usernameFormat === 'string' ? root.usernameFormat : undefined;
  return { format: 'compact-yaml', doc, entries, inlineAttributes: inline, usernameFormat };
}

function inlineAttribute(doc: PositionedDoc, name: string, spec: Obj, path: PathKey[]): AppAttribute {
  const str = (k: string) => (typeof spec[k] === 'string' ? (spec[k] as string) : undefined);
  const ns = str('externalNamespace');
  return {
    name,
    type: str('type') ?? 'string',
    externalName: str('externalName'),
    externalNamespace: ns === undefined ? undefined : expandNamespace(ns),
    required: spec.required === true,
    enum: Array.isArray(spec.enum) ? spec.enum : undefined,
    maxLength: typeof spec.maxLength === 'number' ? spec.maxLength : undefined,
    pattern: str('pattern'),
    position: doc.posOf(path),
  };
}

function findTerraformMappings(root: Obj): { path: PathKey[]; list: unknown[] } | undefined {
  if (Array.isArray(root.mappings)) return { path: ['mappings'], list: root.mappings };
  const values = isObject(root.values) ? root.values : undefined;
  const resources = Array.isArray(root.resources)
    ? root.resources
    : isObject(values?.root_module) && Array.isArray((values.root_module as Obj).resources)
      ? ((values.root_module as Obj).resources as unknown[])
      : undefined;
  const base: PathKey[] = Array.isArray(root.resources) ? ['resources'] : ['values', 'root_module', 'resources'];
  const idx = resources?.findIndex(
    (r) => isObject(r) && r.type === 'okta_profile_mapping' && isObject(r.values) && Array.isArray(r.values.mappings),
  );
  if (resources && idx !== undefined && idx >= 0) {
    const res = resources[idx] as Obj;
    return { path: [...base, idx, 'values', 'mappings'], list: (res.values as Obj).mappings as unknown[] };
  }
  return undefined;
}

function readTerraform(doc: PositionedDoc, base: PathKey[], list: unknown[]): MappingModel {
  const entries: MappingEntry[] = [];
  list.forEach((item, i) => {
    const path = [...base, i];
    if (!isObject(item) || typeof item.id !== 'string' || typeof item.expression !== 'string') {
      throw new UsageError('each Terraform mapping needs a string id and expression', doc.posOf(path));
    }
    entries.push({
      target: item.id,
      expression: item.expression,
      // the provider's default when push_status is omitted
      pushStatus: typeof item.push_status === 'string' ? item.push_status : 'DONT_PUSH',
      position: doc.posOf(path),
      expressionPath: [...path, 'expression'],
    });
  });
  return { format: 'terraform', doc, entries };
}
