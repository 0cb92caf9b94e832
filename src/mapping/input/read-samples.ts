// Sample Okta users: one profile, a list of profiles, `{samples: [...]}`, or Okta user
// objects as the Users API returns them (`{id, status, profile: {...}}`).
import { UsageError } from '../../errors.js';
import type { SourcePosition } from '../../model/position.js';
import { readPositioned, type PathKey } from './positioned.js';
import { isObject } from '../../util/object.js';

export interface Sample {
  name: string;
  profile: Record<string, unknown>;
  id?: string;
  status?: string;
  position: SourcePosition;
}

export function readSamples(file: string): Sample[] {
  const doc = readPositioned(file);
  const root = doc.value;
  let base: PathKey[] = [];
  let items: unknown[];
  if (Array.isArray(root)) items = root;
  else if (isObject(root) && Array.isArray(root.samples)) {
    items = root.samples;
    base = ['samples'];
  } else if (isObject(root)) items = [root];
  else throw new UsageError('samples must be a user profile, a list of them, or {samples: [...]}', doc.posOf([]));
  return items.map((item, i) => {
    const path = Array.isArray(root) || base.length ? [...base, i] : [];
    if (!isObject(item)) throw new UsageError('each sample must be an object (an Okta user profile)', doc.posOf(path));
    const profile = isObject(item.profile) ? item.profile : item;
    const name =
      typeof item.name === 'string' && isObject(item.profile)
        ? item.name
        : typeof profile.login === 'string'
          ? profile.login
          : `sample ${i + 1}`;
    return {
      name,
      profile,
      id: typeof item.id === 'string' ? item.id : undefined,
      status: typeof item.status === 'string' ? item.status : undefined,
      position: doc.posOf(path),
    };
  });
}
