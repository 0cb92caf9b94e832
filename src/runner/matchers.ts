// Matchers shared by header and body-path expectations: equals, matches, exists,
// type, length, contains, numeric bounds. One title and one result per expectation.
import { isDeepStrictEqual } from 'node:util';
import type { Expectation } from '../suite/types.js';

export interface Lookup {
  found: boolean;
  value?: unknown;
}

interface MatchOutcome {
  title: string;
  result: { passed: boolean; expected?: unknown; actual?: unknown; detail?: string };
}

export function matchValue(exp: Expectation, got: Lookup, render: (v: unknown) => unknown): MatchOutcome {
  const actual = got.found ? got.value : '(absent)';
  if (exp.exists !== undefined) {
    // RFC 7643 §2.5: null and an empty array are "unassigned", the same as absent
    const assigned = got.found && got.value !== null && !(Array.isArray(got.value) && got.value.length === 0);
    return {
      title: exp.exists ? 'exists' : 'is absent',
      result: {
        passed: assigned === exp.exists,
        expected: exp.exists ? 'present' : 'absent',
        actual: got.found ? got.value : '(absent)',
      },
    };
  }
  if (!got.found) {
    return { title: describe(exp, render), result: { passed: false, expected: expectedOf(exp, render), actual } };
  }
  const v = got.value;
  if (exp.equals !== undefined) {
    const want = render(exp.equals);
    const passed =
      exp.caseInsensitive && typeof want === 'string' && typeof v === 'string'
        ? want.toLowerCase() === v.toLowerCase()
        : isDeepStrictEqual(v, want);
    return { title: `equals ${short(want)}`, result: { passed, expected: want, actual: v } };
  }
  if (exp.notEquals !== undefined) {
    const want = render(exp.notEquals);
    return {
      title: `differs from ${short(want)}`,
      result: { passed: !isDeepStrictEqual(v, want), expected: `not ${short(want)}`, actual: v },
    };
  }
  if (exp.matches !== undefined) {
    const pattern = String(render(exp.matches));
    const passed = typeof v === 'string' && new RegExp(pattern).test(v);
    return { title: `matches /${pattern}/`, result: { passed, expected: `/${pattern}/`, actual: v } };
  }
  if (exp.type !== undefined) {
    return {
      title: `is ${exp.type}`,
      result: {
        passed: typeOf(v) === exp.type || (exp.type === 'number' && typeOf(v) === 'integer'),
        expected: exp.type,
        actual: `${typeOf(v)} ${short(v)}`,
      },
    };
  }
  if (exp.length !== undefined) return matchLength(exp.length, v);
  if (exp.contains !== undefined) {
    const want = render(exp.contains);
    const passed = Array.isArray(v)
      ? v.some((x) => isDeepStrictEqual(x, want))
      : typeof v === 'string' && v.includes(String(want));
    return { title: `contains ${short(want)}`, result: { passed, expected: want, actual: v } };
  }
  if (exp.lte !== undefined || exp.gte !== undefined) {
    const lte = exp.lte !== undefined ? Number(render(exp.lte)) : Infinity;
    const gte = exp.gte !== undefined ? Number(render(exp.gte)) : -Infinity;
    const n = typeof v === 'number' ? v : NaN;
    return {
      title: `is within [${gte}, ${lte}]`,
      result: { passed: n <= lte && n >= gte, expected: `${gte} <= x <= ${lte}`, actual: v },
    };
  }
  return { title: 'is present', result: { passed: true, actual: v } };
}

function matchLength(len: NonNullable<Expectation['length']>, v: unknown): MatchOutcome {
  const n = Array.isArray(v) || typeof v === 'string' ? v.length : NaN;
  if (typeof len === 'number')
    return {
      title: `has length ${len}`,
      result: { passed: n === len, expected: len, actual: Number.isNaN(n) ? v : n },
    };
  const min = len.min ?? 0;
  const max = len.max ?? Infinity;
  return {
    title: `has length in [${min}, ${max}]`,
    result: { passed: n >= min && n <= max, expected: `${min}..${max}`, actual: Number.isNaN(n) ? v : n },
  };
}

export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function describe(exp: Expectation, render: (v: unknown) => unknown): string {
  const e = expectedOf(exp, render);
  return e === undefined ? 'is present' : `is ${short(e)}`;
}

function expectedOf(exp: Expectation, render: (v: unknown) => unknown): unknown {
  if (exp.equals !== undefined) return render(exp.equals);
  if (exp.matches !== undefined) return `/${String(render(exp.matches))}/`;
  if (exp.type !== undefined) return exp.type;
  if (exp.length !== undefined) return exp.length;
  if (exp.contains !== undefined) return render(exp.contains);
  return 'present';
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
