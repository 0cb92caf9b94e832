import { describe, expect, it } from 'vitest';
import { buildRequest, INVALID_TOKEN } from './request-builder.js';
import type { RequestSpec, SuiteSpec } from '../suite/types.js';

const suite: SuiteSpec = {
  name: 's',
  file: '/s.yaml',
  tests: [],
  defaults: { headers: { 'User-Agent': 'Okta SCIM Client 1.0.0' } },
};
const target = {
  baseUrl: 'https://scim.example.test/scim/v2/',
  token: 'the-token',
  extraHeaders: { 'x-extra': 'yes' },
};
const build = (spec: Partial<RequestSpec>) =>
  buildRequest({ method: 'get', path: '/Users', ...spec }, suite, (v) => v, target).http;

describe('buildRequest', () => {
  it('takes a path rendered to a URL under the base URL (a captured meta.location) as that path', () => {
    const built = buildRequest(
      { method: 'PATCH', path: 'https://scim.example.test/scim/v2/Users/42?attributes=id' },
      suite,
      (v) => v,
      target,
    );
    expect(built.path).toBe('/Users/42?attributes=id'); // what the write guard then judges
    expect(built.http.url).toBe('https://scim.example.test/scim/v2/Users/42?attributes=id');
  });

  it('refuses, before sending, a path rendered to a URL of another origin or outside the base path', () => {
    for (const path of [
      'https://evil.example/scim/v2/Users/42',
      '//evil.example/scim/v2/Users/42',
      'http://scim.example.test/scim/v2/Users/42',
      'https://scim.example.test/other/Users/42',
      'https://scim.example.test/scim/v2x/Users',
    ]) {
      expect(() => buildRequest({ method: 'GET', path }, suite, (v) => v, target), path).toThrow(
        /a step path renders to a URL outside the base URL; use a path relative to it$/,
      );
    }
    // the refusal names the origin only: the path may carry resource ids
    expect(() => build({ path: 'https://evil.example/Users/secret-id' })).toThrow(
      'refusing GET to https://evil.example: a step path',
    );
  });

  it('keeps the base path, encodes the query as Okta does (%20, %22, %40) in the given order', () => {
    const http = build({ query: { filter: 'userName eq "a@b.test"', startIndex: 1, count: 100 } });
    expect(http.url).toBe(
      'https://scim.example.test/scim/v2/Users?filter=userName%20eq%20%22a%40b.test%22&startIndex=1&count=100',
    );
    expect(http.method).toBe('GET');
  });

  it('merges suite defaults, --header values and step headers, step last', () => {
    const http = build({ headers: { 'user-agent': 'other' } });
    expect(http.headers).toMatchObject({ accept: 'application/scim+json', 'user-agent': 'other', 'x-extra': 'yes' });
  });

  it('sends the bearer token by default, a wrong one for auth: invalid, none for auth: none', () => {
    expect(build({}).headers.authorization).toBe('Bearer the-token');
    expect(build({ auth: 'invalid' }).headers.authorization).toBe(`Bearer ${INVALID_TOKEN}`);
    expect(build({ auth: 'none' }).headers.authorization).toBeUndefined();
  });

  it('sends an Authorization header written in the step as written (Okta SPEC R11: non-token)', () => {
    expect(build({ headers: { Authorization: 'non-token' } }).headers.authorization).toBe('non-token');
  });

  it('adds the SCIM content type only when there is a body', () => {
    expect(build({}).headers['content-type']).toBeUndefined();
    const post = build({ method: 'POST', body: { userName: 'x' } });
    expect(post.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(post.body).toBe('{"userName":"x"}');
  });
});
