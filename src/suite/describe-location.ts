// Names a place in a suite the way a user thinks of it: `step "create-user"`, `step.request.method`.
import type { DataPath } from './diagnostic.js';
import { asObject } from '../util/object.js';

export interface Location {
  /** suite, test, step or expectation: the nearest enclosing element of the format. */
  ownerKind: string;
  /** `the suite`, `test "Creates a user"`, `step "create-user"`, `expectation #2 of step "create-user"`. */
  ownerLabel: string;
  /** Path below the owner: `request.method`, `creates.cleanup[0]`, or '' for the owner itself. */
  relative: string;
}

const record = (v: unknown): Record<string, unknown> => asObject(v) ?? {};

const quoted = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? `"${v}"` : undefined);

export function describeLocation(data: unknown, path: DataPath): Location {
  let location: Location = { ownerKind: 'suite', ownerLabel: 'the suite', relative: '' };
  let value = data;
  let stepLabel = '';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (segment === undefined) break; // i < path.length
    const next = path[i + 1];
    const parentKind = location.relative === '' ? location.ownerKind : '';
    const child = (v: unknown, k: string | number) => (Array.isArray(v) ? v[Number(k)] : record(v)[k]);
    if (typeof next === 'number' && parentKind && ['tests', 'steps', 'expect'].includes(String(segment))) {
      const container = child(value, segment);
      value = child(container, next);
      const item = record(value);
      if (segment === 'tests') {
        location = { ownerKind: 'test', ownerLabel: `test ${quoted(item.name) ?? `#${next + 1}`}`, relative: '' };
      } else if (segment === 'steps') {
        stepLabel = `step ${quoted(item.id) ?? `#${next + 1} of ${location.ownerLabel}`}`;
        location = { ownerKind: 'step', ownerLabel: stepLabel, relative: '' };
      } else {
        location = { ownerKind: 'expectation', ownerLabel: `expectation #${next + 1} of ${stepLabel}`, relative: '' };
      }
      i++;
      continue;
    }
    value = child(value, segment);
    const piece = typeof segment === 'number' ? `[${segment}]` : segment;
    location = {
      ...location,
      relative:
        location.relative === '' || typeof segment === 'number'
          ? location.relative + piece
          : `${location.relative}.${piece}`,
    };
  }
  return location;
}

/** `step.request.method`, `expectation.status`, `suite.tests`. */
export function subjectOf(location: Location): string {
  return location.relative === '' ? location.ownerKind : `${location.ownerKind}.${location.relative}`;
}

/** `step "x"` or `request of step "x"`. */
export function placeOf(location: Location): string {
  return location.relative === '' ? location.ownerLabel : `${location.relative} of ${location.ownerLabel}`;
}
