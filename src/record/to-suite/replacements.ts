// The values a replay must not send as recorded, and what to send instead:
// - identities (userName, displayName, externalId, emails) become suite variables made
//   of the run prefix, the same variable for the same recorded value everywhere;
// - ids the server issued become captures of the step whose answer carried them.
// Rewriting a string replaces whole values (type kept) or, inside longer strings
// such as filters and paths, occurrences.

export interface Replacement {
  original: string;
  /** Expression inside ${{ }}: a variable, a capture, or upper()/lower() of one. */
  expression: string;
  kind: 'identity' | 'server-id';
  /** server-id: the index of the exchange whose answer issued it; usable only after it. */
  issuedAt?: number;
}

export class ReplacementTable {
  private readonly byOriginal = new Map<string, Replacement>();

  get(original: string): Replacement | undefined {
    return this.byOriginal.get(original);
  }

  add(r: Replacement): void {
    if (!this.byOriginal.has(r.original)) this.byOriginal.set(r.original, r);
  }

  all(): Replacement[] {
    return [...this.byOriginal.values()];
  }

  /** A recorded value with every known identity and id replaced by its template. */
  rewrite(value: unknown, at: number): unknown {
    if (typeof value === 'string') return this.rewriteString(value, at);
    if (Array.isArray(value)) return value.map((v) => this.rewrite(v, at));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.rewrite(v, at)]),
      );
    }
    return value;
  }

  rewriteString(s: string, at: number): string {
    const whole = this.usable(this.byOriginal.get(s), at);
    if (whole) return `\${{ ${whole.expression} }}`;
    // longest first, so an id that contains another (or a name containing a shorter one) wins
    const inside = this.all()
      .filter((r) => this.usable(r, at) && r.original.length >= 4 && s.includes(r.original))
      .sort((a, b) => b.original.length - a.original.length);
    let out = s;
    for (const r of inside) out = out.split(r.original).join(`\${{ ${r.expression} }}`);
    return out;
  }

  /** A path: ids are replaced segment by segment (short numeric ids included). */
  rewritePath(path: string, at: number): string {
    return path
      .split('/')
      .map((seg) => {
        const r = this.usable(this.byOriginal.get(decodeURIComponentSafe(seg)), at);
        return r ? `\${{ ${r.expression} }}` : this.rewriteString(seg, at);
      })
      .join('/');
  }

  private usable(r: Replacement | undefined, at: number): Replacement | undefined {
    if (!r) return undefined;
    if (r.kind === 'server-id' && (r.issuedAt === undefined || r.issuedAt >= at)) return undefined;
    return r;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
