// --limit N takes the first N users of the export; --sample N takes N spread at random
// (seeded, so the same seed picks the same users again), kept in export order.
import type { OktaUser } from './types.js';

export interface Selection {
  limit?: number;
  sample?: number;
  seed?: number;
}

export function selectUsers(users: OktaUser[], sel: Selection): { users: OktaUser[]; description: string } {
  if (sel.limit !== undefined)
    return {
      users: users.slice(0, sel.limit),
      description: `first ${Math.min(sel.limit, users.length)} of ${users.length} (--limit)`,
    };
  if (sel.sample !== undefined && sel.sample < users.length) {
    const seed = sel.seed ?? 1;
    const random = mulberry32(seed);
    const picked = new Set<number>();
    // partial Fisher-Yates over indexes: exactly `sample` distinct users
    const idx = users.map((_, i) => i);
    for (let i = 0; i < sel.sample; i++) {
      const j = i + Math.floor(random() * (idx.length - i));
      // i < sample < idx.length and i <= j < idx.length: both in range
      const [chosen, displaced] = [idx[j]!, idx[i]!];
      idx[i] = chosen;
      idx[j] = displaced;
      picked.add(chosen);
    }
    return {
      users: users.filter((_, i) => picked.has(i)),
      description: `${sel.sample} of ${users.length} sampled (--seed ${seed})`,
    };
  }
  return { users, description: `all ${users.length}` };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
