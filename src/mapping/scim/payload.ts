// Builds the SCIM User body Okta would send for POST /Users from app-user values, placing
// each value by its externalNamespace (core, enterprise or custom URN object) and
// externalName path (nested objects, ^[key==value] elements of multi-valued attributes).
import type { ElValue } from '../el/types.js';
import type { NameSegment } from './external-name.js';
import { CORE_URN } from './namespaces.js';
import { isObject } from '../../util/object.js';

export interface PlacedValue {
  namespace: string;
  segments: NameSegment[];
  value: ElValue;
}

export interface PayloadBase {
  userName?: ElValue;
  /** Okta sends the Okta user id as externalId on create. */
  externalId?: string;
}

type Obj = Record<string, unknown>;

export function renderPayload(values: PlacedValue[], base: PayloadBase): Obj {
  const payload: Obj = { schemas: [CORE_URN] };
  if (base.userName !== undefined && base.userName !== null) payload.userName = base.userName;
  for (const v of values) {
    if (v.value === null) continue; // Okta leaves out attributes that evaluate to null
    place(containerFor(payload, v.namespace), v.segments, v.value);
  }
  if (base.externalId !== undefined) payload.externalId = base.externalId;
  payload.active = true;
  return payload;
}

function containerFor(payload: Obj, namespace: string): Obj {
  if (namespace === CORE_URN) return payload;
  const schemas = payload.schemas as string[];
  if (!schemas.includes(namespace)) schemas.push(namespace);
  if (!isObject(payload[namespace])) payload[namespace] = {};
  return payload[namespace] as Obj;
}

function filterMatches(el: unknown, seg: Extract<NameSegment, { kind: 'filter' }>): boolean {
  if (!isObject(el)) return false;
  const actual = el[seg.key];
  return (
    actual === seg.value ||
    (typeof actual === 'string' && typeof seg.value === 'string' && actual.toLowerCase() === seg.value.toLowerCase())
  );
}

/** The element of `list` a selector segment designates, created when missing. */
function element(list: unknown[], seg: NameSegment): Obj {
  if (seg.kind === 'filter') {
    const found = list.find((el) => filterMatches(el, seg));
    if (isObject(found)) return found;
    const fresh: Obj = { [seg.key]: seg.value };
    list.push(fresh);
    return fresh;
  }
  const index = seg.kind === 'index' ? seg.index : 0;
  while (list.length <= index) list.push({});
  if (!isObject(list[index])) list[index] = {};
  return list[index] as Obj;
}

function place(container: Obj, segments: NameSegment[], value: ElValue): void {
  let cur = container;
  for (const [i, seg] of segments.entries()) {
    if (seg.kind !== 'name') continue; // selectors are consumed with the name before them
    const next = segments[i + 1];
    if (!next) {
      cur[seg.name] = value;
      return;
    }
    if (next.kind === 'name') {
      if (!isObject(cur[seg.name])) cur[seg.name] = {};
      cur = cur[seg.name] as Obj;
      continue;
    }
    if (!Array.isArray(cur[seg.name])) cur[seg.name] = [];
    cur = element(cur[seg.name] as unknown[], next);
  }
}
