// PATCH operations (RFC 7644 §3.5.2) applied to a copy of the resource's data, so a
// failing operation leaves the stored resource untouched (the request is atomic).
import { findKey } from '../scim/attribute-path.js';
import { matchesFilter } from '../scim/filter.js';
import { PATCH_OP_SCHEMA } from '../scim/urns.js';
import type { QuirkSet } from './quirks.js';
import type { SchemaDef } from './schema-defs.js';
import { ScimHttpError } from './http-util.js';
import { extensionNamed, resolvePatchPath, ResolvedPath } from './patch-path.js';
import { isObject } from '../util/object.js';

type Op = 'add' | 'remove' | 'replace';

export interface PatchTarget {
  resourceId: string;
  core: SchemaDef;
  extensions: SchemaDef[];
  quirks: QuirkSet;
}

/** Apply a PatchOp request body to `doc` (mutated in place: pass a copy). */
export function applyPatch(doc: Record<string, unknown>, body: unknown, target: PatchTarget): void {
  for (const { op, path, value } of readOperations(body)) {
    if (
      target.quirks.has('patch-op-ignored') &&
      (target.quirks.param('patch-op-ignored') ?? '').split(',').includes(op)
    )
      continue;
    if (path !== undefined && /^urn:/i.test(path) && target.quirks.has('patch-extension-path-unsupported'))
      throw new ScimHttpError(400, `path "${path}" is not supported`, 'invalidPath');
    const wholeExtension = path === undefined ? undefined : extensionNamed(path, target.extensions);
    if (path === undefined) applyWithoutPath(doc, op, value, target);
    else if (wholeExtension && op !== 'remove') applyWithoutPath(doc, op, { [wholeExtension.id]: value }, target);
    else if (wholeExtension) delete doc[findKey(doc, wholeExtension.id) ?? wholeExtension.id];
    else applyAt(doc, resolvePatchPath(path, target.core, target.extensions), op, value, target.quirks);
  }
}

function readOperations(body: unknown): { op: Op; path?: string; value: unknown }[] {
  if (!isObject(body)) throw new ScimHttpError(400, 'the request body must be a JSON object', 'invalidSyntax');
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) {
    throw new ScimHttpError(400, `schemas must contain ${PATCH_OP_SCHEMA}`, 'invalidSyntax');
  }
  const ops = body[findKey(body, 'Operations') ?? 'Operations'];
  if (!Array.isArray(ops) || ops.length === 0)
    throw new ScimHttpError(400, 'Operations must be a non-empty array', 'invalidSyntax');
  return ops.map((raw, i) => {
    if (!isObject(raw)) throw new ScimHttpError(400, `Operations[${i}] must be an object`, 'invalidSyntax');
    const op = String(raw[findKey(raw, 'op') ?? 'op'] ?? '').toLowerCase();
    if (op !== 'add' && op !== 'remove' && op !== 'replace') {
      throw new ScimHttpError(400, `Operations[${i}].op must be add, remove or replace`, 'invalidSyntax');
    }
    const path = raw[findKey(raw, 'path') ?? 'path'];
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
      throw new ScimHttpError(400, `Operations[${i}].path must be a non-empty string`, 'invalidPath');
    }
    return { op, path: path as string | undefined, value: raw[findKey(raw, 'value') ?? 'value'] };
  });
}

function applyWithoutPath(doc: Record<string, unknown>, op: Op, value: unknown, target: PatchTarget): void {
  if (op === 'remove') throw new ScimHttpError(400, 'remove requires a path', 'noTarget');
  if (target.quirks.has('patch-pathless-unsupported'))
    throw new ScimHttpError(400, 'an operation without path is not supported', 'invalidPath');
  if (!isObject(value)) throw new ScimHttpError(400, `${op} without a path needs an object value`, 'invalidValue');
  for (const [key, inner] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (lower === 'members' && target.quirks.has('members-pathless-replace-unsupported'))
      throw new ScimHttpError(400, 'members can only be changed with a path', 'invalidPath');
    if (lower === 'id') {
      // Okta sends the group's own id in a rename; only a different id is an attempt to change it.
      if (inner !== target.resourceId) throw new ScimHttpError(400, 'id is readOnly', 'mutability');
      continue;
    }
    if (lower === 'meta' || lower === 'schemas') continue; // readOnly: ignored as in PUT
    const ext = extensionNamed(key, target.extensions);
    if (ext && isObject(inner)) {
      for (const [sub, v] of Object.entries(inner))
        applyAt(doc, resolvePatchPath(`${ext.id}:${sub}`, target.core, target.extensions), op, v, target.quirks);
      continue;
    }
    applyAt(doc, resolvePatchPath(key, target.core, target.extensions), op, inner, target.quirks);
  }
}

function containerOf(doc: Record<string, unknown>, path: ResolvedPath): Record<string, unknown> {
  if (!path.extension) return doc;
  const key = findKey(doc, path.extension.id) ?? path.extension.id;
  if (!isObject(doc[key])) doc[key] = {};
  return doc[key] as Record<string, unknown>;
}

function applyAt(doc: Record<string, unknown>, path: ResolvedPath, op: Op, value: unknown, quirks: QuirkSet): void {
  const container = containerOf(doc, path);
  const key = path.def.name;
  if (op !== 'remove' && value === undefined)
    throw new ScimHttpError(400, `${op} of ${key} needs a value`, 'invalidValue');
  if (path.filter) return applyFiltered(container, path, op, value, quirks);
  if (path.subDef) return applySub(container, key, path.subDef.name, op, value, path.def.multiValued);
  if (op === 'remove') return removeWhole(container, key, value, quirks);
  if (key === 'password' && quirks.has('patch-password-rejected'))
    throw new ScimHttpError(400, 'password cannot be changed by PATCH', 'mutability');
  if (key === 'members') rejectMemberQuirks(container, op, value, quirks);
  if (value === null) {
    delete container[key];
  } else if (path.def.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    const appends =
      (op === 'add' && !quirks.has('patch-add-replaces-multi')) ||
      (key === 'members' && quirks.has('members-replace-appends'));
    container[key] = appends ? mergeUnique(asArray(container[key]), items) : items;
  } else if (path.def.type === 'complex' && isObject(value)) {
    // RFC 7644 §3.5.2.3: sub-attributes not given are left unchanged
    container[key] = mergeObject(isObject(container[key]) ? container[key] : {}, value);
  } else {
    container[key] = value;
  }
}

/** Quirks empty-members-replace-rejected and member-readd-error; member-readd-duplicates appends as is. */
function rejectMemberQuirks(container: Record<string, unknown>, op: Op, value: unknown, quirks: QuirkSet): void {
  if (op === 'replace' && Array.isArray(value) && value.length === 0 && quirks.has('empty-members-replace-rejected'))
    throw new ScimHttpError(400, 'members must not be empty', 'invalidValue');
  if (op !== 'add') return;
  const present = new Set(asArray(container.members).map((m) => (isObject(m) ? m.value : m)));
  const again = asArray(value).some((m) => present.has(isObject(m) ? m.value : m));
  if (again && quirks.has('member-readd-error'))
    throw new ScimHttpError(409, 'the user is already a member', 'uniqueness');
  if (again && quirks.has('member-readd-duplicates'))
    container.members = [...asArray(container.members), ...asArray(value)];
}

function applyFiltered(
  container: Record<string, unknown>,
  path: ResolvedPath,
  op: Op,
  value: unknown,
  quirks: QuirkSet,
): void {
  const key = path.def.name;
  const items = asArray(container[key]);
  const hit = (item: unknown) =>
    isObject(item) && (quirks.has('patch-filter-applies-to-all') || matchesFilter(item, path.filter!));
  if (op === 'remove') {
    if (key === 'members' && quirks.has('members-remove-ignored')) return;
    if (key === 'members' && quirks.has('remove-non-member-400') && !items.some(hit))
      throw new ScimHttpError(400, 'no member matches the path filter', 'noTarget');
    if (path.subDef) items.filter(hit).forEach((item) => deleteCi(item as Record<string, unknown>, path.subDef!.name));
    else container[key] = items.filter((item) => !hit(item)); // no match: nothing to remove, not an error
    return;
  }
  const matched = items.filter(hit);
  if (matched.length === 0) throw new ScimHttpError(400, `no value of ${key} matches the path filter`, 'noTarget');
  for (const item of matched as Record<string, unknown>[]) {
    if (path.subDef) setCi(item, path.subDef.name, value);
    else if (isObject(value)) Object.assign(item, mergeObject(item, value));
    else throw new ScimHttpError(400, `${op} of a filtered ${key} needs an object value`, 'invalidValue');
  }
}

function applySub(
  container: Record<string, unknown>,
  key: string,
  sub: string,
  op: Op,
  value: unknown,
  multiValued: boolean,
): void {
  if (multiValued) {
    const items = asArray(container[key]).filter(isObject);
    if (op !== 'remove' && items.length === 0)
      throw new ScimHttpError(400, `${key} has no values to set ${sub} on`, 'noTarget');
    for (const item of items) {
      if (op === 'remove') deleteCi(item, sub);
      else setCi(item, sub, value);
    }
    return;
  }
  if (op === 'remove') {
    if (isObject(container[key])) deleteCi(container[key] as Record<string, unknown>, sub);
    return;
  }
  if (!isObject(container[key])) container[key] = {};
  setCi(container[key] as Record<string, unknown>, sub, value);
}

function removeWhole(container: Record<string, unknown>, key: string, value: unknown, quirks: QuirkSet): void {
  if (key === 'members' && quirks.has('members-remove-ignored')) return;
  if (Array.isArray(value) && Array.isArray(container[key])) {
    // Some clients remove members by listing them: remove those values only.
    const drop = new Set(value.map((v) => (isObject(v) ? v.value : v)));
    container[key] = (container[key] as unknown[]).filter((item) => !drop.has(isObject(item) ? item.value : item));
    return;
  }
  delete container[key];
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Append without duplicates: complex values with a `value` compare by it, others deeply. */
function mergeUnique(existing: unknown[], added: unknown[]): unknown[] {
  const identity = (v: unknown) =>
    isObject(v) && v.value !== undefined ? `v:${JSON.stringify(v.value)}` : `j:${JSON.stringify(v)}`;
  const seen = new Set(existing.map(identity));
  const out = [...existing];
  for (const item of added) {
    if (seen.has(identity(item))) continue;
    seen.add(identity(item));
    out.push(item);
  }
  return out;
}

function mergeObject(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) setCi(out, k, v);
  return out;
}

function setCi(obj: Record<string, unknown>, name: string, value: unknown): void {
  const key = findKey(obj, name) ?? name;
  if (value === null) delete obj[key];
  else obj[key] = value;
}

function deleteCi(obj: Record<string, unknown>, name: string): void {
  const key = findKey(obj, name);
  if (key !== undefined) delete obj[key];
}
