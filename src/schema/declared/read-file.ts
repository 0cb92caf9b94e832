// `--schemas FILE`: the server's /Schemas and /ResourceTypes supplied offline, in JSON
// or YAML. Accepted shapes: {Schemas: [...], ResourceTypes: [...]} (each a list or a
// ListResponse), a list of ListResponses, or one ListResponse of schemas. The file is
// the user's: unlike a server's answer, anything malformed is a UsageError at file:line:col.
import { readFileSync } from 'node:fs';
import { parseYamlInput } from '../../util/yaml-input.js';
import { UsageError } from '../../errors.js';
import type { SourcePosition } from '../../model/position.js';
import { parseDeclared } from './parse.js';
import type { DeclaredModel } from './types.js';
import { isObject } from '../../util/object.js';
import { findKey } from '../../scim/attribute-path.js';

type Json = Record<string, unknown>;
type Path = (string | number)[];
interface Located {
  value: Json;
  path: Path;
}

const TYPES = ['string', 'boolean', 'decimal', 'integer', 'datetime', 'binary', 'reference', 'complex'];

export function readDeclaredSchemasFile(file: string): DeclaredModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--schemas ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { doc, lineCounter: lc, data } = parseYamlInput(text, file);
  const at = (path: Path): SourcePosition => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const p = node?.range ? lc.linePos(node.range[0]) : { line: 1, col: 1 };
    return { file, line: p.line, col: p.col };
  };
  const { schemas, resourceTypes } = collect(data, at);
  if (schemas.length === 0)
    throw new UsageError(
      'no schema definitions found: expected {Schemas: [...], ResourceTypes: [...]} or ListResponses of them',
      at([]),
    );
  schemas.forEach((s) => checkSchema(s, at));
  resourceTypes.forEach((r) => checkResourceType(r, at));
  return parseDeclared(
    schemas.map((s) => s.value),
    resourceTypes.map((r) => r.value),
  );
}

function collect(data: unknown, at: (p: Path) => SourcePosition): { schemas: Located[]; resourceTypes: Located[] } {
  const schemas: Located[] = [];
  const resourceTypes: Located[] = [];
  const sort = (defs: Located[]) => {
    for (const d of defs) ('endpoint' in d.value ? resourceTypes : schemas).push(d);
  };
  if (isObject(data) && Array.isArray(data.Resources)) {
    // a saved /Schemas (or /ResourceTypes) answer as it comes: its lower-case `schemas` member is
    // the ListResponse URN, not a list of definitions
    sort(definitions(data, [], at));
  } else if (isObject(data)) {
    const key = (name: string) => findKey(data, name);
    const s = key('Schemas');
    const r = key('ResourceTypes');
    if (s || r) {
      if (s) schemas.push(...definitions(data[s], [s], at));
      if (r) resourceTypes.push(...definitions(data[r], [r], at));
      return { schemas, resourceTypes };
    }
    sort(definitions(data, [], at));
  } else if (Array.isArray(data)) {
    data.forEach((item, i) =>
      sort(isObject(item) && !('Resources' in item) ? [{ value: item, path: [i] }] : definitions(item, [i], at)),
    );
  } else {
    throw new UsageError('expected a mapping or a list of schema definitions', at([]));
  }
  return { schemas, resourceTypes };
}

/** The definitions of a list or a ListResponse found at `path`. */
function definitions(value: unknown, path: Path, at: (p: Path) => SourcePosition): Located[] {
  if (Array.isArray(value)) return value.map((v, i) => located(v, [...path, i], at));
  if (isObject(value) && Array.isArray(value.Resources))
    return value.Resources.map((v, i) => located(v, [...path, 'Resources', i], at));
  throw new UsageError(
    `${path.join('.') || 'document'}: expected a list of definitions or a ListResponse with "Resources"`,
    at(path),
  );
}

function located(value: unknown, path: Path, at: (p: Path) => SourcePosition): Located {
  if (!isObject(value)) throw new UsageError('a definition must be a mapping', at(path));
  return { value, path };
}

function checkSchema(s: Located, at: (p: Path) => SourcePosition): void {
  if (typeof s.value.id !== 'string' || !s.value.id)
    throw new UsageError('schema definition needs an "id" (its URN)', at(s.path));
  if (!Array.isArray(s.value.attributes))
    throw new UsageError(`schema ${s.value.id} needs an "attributes" list`, at(s.path));
  checkAttributes(s.value.attributes, [...s.path, 'attributes'], at);
}

function checkAttributes(attrs: unknown[], path: Path, at: (p: Path) => SourcePosition): void {
  attrs.forEach((a, i) => {
    const here = [...path, i];
    if (!isObject(a) || typeof a.name !== 'string' || !a.name)
      throw new UsageError('attribute needs a "name"', at(here));
    if (a.type !== undefined && (typeof a.type !== 'string' || !TYPES.includes(a.type.toLowerCase()))) {
      throw new UsageError(
        `attribute ${a.name}: unknown type ${JSON.stringify(a.type)} (valid: string, boolean, decimal, integer, dateTime, binary, reference, complex)`,
        at([...here, 'type']),
      );
    }
    if (Array.isArray(a.subAttributes)) checkAttributes(a.subAttributes, [...here, 'subAttributes'], at);
  });
}

function checkResourceType(r: Located, at: (p: Path) => SourcePosition): void {
  for (const key of ['endpoint', 'schema']) {
    if (typeof r.value[key] !== 'string' || !r.value[key])
      throw new UsageError(`resource type needs "${key}"`, at(r.path));
  }
}
