// What a request is for, independent of how it is written: the key on which a recorded
// request is matched with the pack steps that send the same operation.
export interface RequestShape {
  method: string;
  path: string; // relative, ids or templates in it
  queryNames: string[];
  body: unknown;
}

const ID_SEGMENT = /^(\$\{\{.*\}\}|\{id\}|[0-9a-f]{8}-[0-9a-f-]{27,}|[0-9]+|[A-Za-z0-9_-]{16,})$/i;

/** `/Users/2819c223-…` and `/Users/${{ userId }}` both become `/Users/{id}`. */
export function normalisePath(path: string): string {
  return (
    path
      .split('/')
      .map((seg, i) => (i >= 2 && ID_SEGMENT.test(decodeURIComponent(seg)) ? '{id}' : seg))
      .join('/')
      .replace(/\/+$/, '') || '/'
  );
}

export function operationOf(req: RequestShape): string {
  const path = normalisePath(req.path);
  const [, resourceRaw = '', id] = path.split('/');
  const resource = resourceRaw.toLowerCase();
  const noun = resource === 'users' ? 'user' : resource === 'groups' ? 'group' : resource || 'root';
  const method = req.method.toUpperCase();
  if (resource !== 'users' && resource !== 'groups') return `${method.toLowerCase()} ${noun}`;
  if (method === 'GET' && !id) return req.queryNames.includes('filter') ? `find ${noun} by filter` : `list ${noun}s`;
  if (method === 'GET') return `read ${noun}`;
  if (method === 'POST' && !id) return `create ${noun}`;
  if (method === 'DELETE') return `delete ${noun}`;
  if (noun === 'user' && (method === 'PUT' || method === 'PATCH')) {
    const active = activeValue(req.method, req.body);
    if (active === false) return 'deactivate user';
    if (active === true && onlyActive(req.body)) return 'reactivate user';
    return 'update user';
  }
  if (noun === 'group' && method === 'PATCH') return touchesMembers(req.body) ? 'update group members' : 'rename group';
  if (noun === 'group' && method === 'PUT') return 'replace group';
  return `${method.toLowerCase()} ${noun}`;
}

function activeValue(method: string, body: unknown): boolean | undefined {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return undefined;
  if (method.toUpperCase() === 'PUT')
    return typeof b.active === 'boolean' ? (b.active === false ? false : undefined) : undefined;
  for (const op of (Array.isArray(b.Operations) ? b.Operations : []) as Record<string, unknown>[]) {
    const v = op?.value as Record<string, unknown> | boolean | undefined;
    if (op?.path === 'active' && typeof v === 'boolean') return v;
    if (v && typeof v === 'object' && typeof v.active === 'boolean') return v.active;
  }
  return undefined;
}

function onlyActive(body: unknown): boolean {
  const ops = ((body as { Operations?: unknown })?.Operations ?? []) as Record<string, unknown>[];
  return (
    Array.isArray(ops) &&
    ops.every(
      (op) =>
        op?.path === 'active' ||
        (op?.value && typeof op.value === 'object' && Object.keys(op.value).every((k) => k === 'active')),
    )
  );
}

function touchesMembers(body: unknown): boolean {
  const ops = ((body as { Operations?: unknown })?.Operations ?? []) as Record<string, unknown>[];
  return (
    Array.isArray(ops) &&
    ops.some(
      (op) =>
        (typeof op?.path === 'string' && /^members/i.test(op.path)) ||
        (op?.value && typeof op.value === 'object' && 'members' in (op.value as object)),
    )
  );
}
