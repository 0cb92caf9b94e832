// The shape of a JSON body: which keys, which types, and the few literal values that
// carry meaning in SCIM requests (PATCH op names, schemas URNs). Values themselves
// (names, ids, masked or not) never count.
export type Shape = Map<string, string>; // path → type or literal

const LITERAL_KEYS = new Set(['op', 'schemas']);

export function shapeOf(value: unknown): Shape {
  const out: Shape = new Map();
  walk(value, '', out);
  return out;
}

function walk(value: unknown, path: string, out: Shape): void {
  const key = path.split('.').pop()?.replace(/\[\]$/, '') ?? '';
  if (Array.isArray(value)) {
    out.set(path || '$', 'array');
    for (const v of value) walk(v, `${path}[]`, out);
    return;
  }
  if (value && typeof value === 'object') {
    if (path) out.set(path, 'object');
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, out);
    return;
  }
  if (typeof value === 'string' && /^\$\{\{.*\}\}$/.test(value)) {
    out.set(path, 'string (templated)');
    return;
  }
  const type = value === null ? 'null' : typeof value;
  if (LITERAL_KEYS.has(key) && typeof value === 'string') {
    const prev = out.get(path);
    const lit = `"${value}"`;
    out.set(path, prev && prev !== lit && !prev.split(' | ').includes(lit) ? `${prev} | ${lit}` : (prev ?? lit));
    return;
  }
  if (!out.has(path)) out.set(path, type);
}

export interface ShapeDifference {
  path: string;
  recorded?: string;
  pack?: string;
}

export function compareShapes(recorded: Shape, pack: Shape): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  // a whole value the pack fills from a capture (meta: ${{ current.meta }}) can hold anything
  const wildcards = [...pack].filter(([, t]) => t === 'string (templated)').map(([p]) => p);
  const underWildcard = (p: string) =>
    wildcards.some((w) => w === '' || p === w || p.startsWith(`${w}.`) || p.startsWith(`${w}[]`));
  const same = (a: string, b: string) =>
    a === b ||
    (a === 'string' && b === 'string (templated)') ||
    (b === 'string' && a === 'string (templated)') ||
    (a.startsWith('"') && b === 'string (templated)');
  for (const [path, type] of recorded) {
    if (underWildcard(path)) continue;
    const other = pack.get(path);
    if (other === undefined) {
      if (!hasAncestorMissing(path, pack)) out.push({ path, recorded: type });
    } else if (!same(type, other)) out.push({ path, recorded: type, pack: other });
  }
  for (const [path, type] of pack)
    if (!recorded.has(path) && !hasAncestorMissing(path, recorded)) out.push({ path, pack: type });
  return out;
}

/** Report a missing object once, not every key below it. */
function hasAncestorMissing(path: string, other: Shape): boolean {
  const parts = path.split('.');
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join('.');
    if (!other.has(ancestor) && !other.has(ancestor.replace(/\[\]$/, ''))) return true;
  }
  return false;
}
