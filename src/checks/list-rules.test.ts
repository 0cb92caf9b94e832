// The pairs of list checks apply one rule each: list-within-count and items-per-page-matches
// read a count the same way (a suite's argument may also arrive as its text), result-ids and member-ids compare ids the same way.
import { describe, expect, it } from 'vitest';
import type { NamedCheckContext } from './named-check.js';
import { loadProfile } from '../profile/load.js';
import { compareIds, countOf, pageResources } from './list-rules.js';
import { NAMED_CHECKS } from './registry.js';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const profile = loadProfile('okta-minimum');

function ctx(body: unknown): NamedCheckContext {
  const bodyText = JSON.stringify(body);
  return { body, request: {}, response: { status: 200, headers: {}, bodyText }, profile, languageFormat: 'iso639-1' };
}
const run = (name: string, body: unknown, args: Record<string, unknown> = {}) => {
  const entry = NAMED_CHECKS[name];
  if (!entry) throw new Error(`no check ${name}`);
  return entry.run(ctx(body), args).passed;
};

describe('countOf: one rule for a count', () => {
  it('takes a JSON integer of 0 or more and nothing else', () => {
    expect([0, 2, 100].map(countOf)).toEqual([0, 2, 100]);
    expect(['2', 2.5, -1, null, undefined, NaN].map(countOf)).toEqual(Array(6).fill(undefined));
  });

  it('list-within-count and items-per-page-matches agree on what a count is', () => {
    const two = [{ id: 'a' }, { id: 'b' }];
    // a server's counter given as text is wrong; the suite's argument may arrive as text (--var count=2)
    expect(run('items-per-page-matches', { schemas: [LIST], Resources: two, itemsPerPage: '2' })).toBe(false);
    expect(run('list-within-count', { schemas: [LIST], Resources: two }, { count: '2' })).toBe(true);
    expect(run('list-within-count', { schemas: [LIST], Resources: [...two, { id: 'c' }] }, { count: '2' })).toBe(false);
    expect(() => run('list-within-count', { schemas: [LIST], Resources: two }, { count: 'two' })).toThrow(
      /with\.count "two" is not a count/,
    );
    // the same integer passes both
    expect(run('list-within-count', { schemas: [LIST], Resources: two }, { count: 2 })).toBe(true);
    expect(run('items-per-page-matches', { schemas: [LIST], Resources: two, itemsPerPage: 2 })).toBe(true);
  });

  it('both read an absent Resources as an empty page, and a non-array as no list', () => {
    expect(pageResources({ schemas: [LIST], totalResults: 0 })).toEqual([]);
    expect(pageResources({ Resources: {} })).toBeUndefined();
    expect(run('list-within-count', { schemas: [LIST], totalResults: 0 }, { count: 0 })).toBe(true);
    expect(run('items-per-page-matches', { schemas: [LIST], totalResults: 0, itemsPerPage: 0 })).toBe(true);
    expect(run('list-within-count', { Resources: {} }, { count: 5 })).toBe(false);
    expect(run('items-per-page-matches', { Resources: {}, itemsPerPage: 0 })).toBe(false);
  });
});

describe('compareIds: one rule for "exactly these ids"', () => {
  it('ignores order, names what is missing, unexpected or repeated', () => {
    expect(compareIds(['a', 'b'], ['b', 'a'])).toEqual({ passed: true, problems: '' });
    expect(compareIds(['a', 'b'], ['a', 'c', 'c'])).toEqual({
      passed: false,
      problems: 'missing b; unexpected c; more than once c',
    });
  });

  it('result-ids and member-ids give the same verdict for the same ids', () => {
    const cases: { want: string[]; got: string[] }[] = [
      { want: ['a', 'b'], got: ['b', 'a'] },
      { want: ['a', 'b'], got: ['a'] },
      { want: ['a'], got: ['a', 'b'] },
      { want: ['a'], got: ['a', 'a'] },
      { want: [], got: [] },
    ];
    for (const { want, got } of cases) {
      const list = { schemas: [LIST], Resources: got.map((id) => ({ id })) };
      const group = { id: 'g', displayName: 'G', members: got.map((value) => ({ value })) };
      const verdicts = [run('result-ids', list, { ids: want }), run('member-ids', group, { ids: want })];
      expect(verdicts, `${want.join(',')} vs ${got.join(',')}`).toEqual([verdicts[0], verdicts[0]]);
      expect(verdicts[0]).toBe(compareIds(want, got).passed);
    }
  });
});
