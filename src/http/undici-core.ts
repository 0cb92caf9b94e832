// The two parts of undici the client uses: Agent and request. undici's index loads the
// whole package (fetch, WebSocket, mocks, caches, proxies: about 110 modules, the biggest
// start-up cost of a run after YAML and ajv); these two need about 30. undici is pinned
// to an exact version in package.json, so the module paths are stable.
import type { Agent, Dispatcher } from 'undici';
import { lazyRequire } from '../util/lazy-require.js';

type AgentClass = typeof Agent;
type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'>;
type RequestFn = (this: Dispatcher, opts: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

const loadAgent = lazyRequire<AgentClass>('undici/lib/dispatcher/agent.js');
const loadRequest = lazyRequire<RequestFn>('undici/lib/api/api-request.js');

export function createAgent(options: Agent.Options): Agent {
  return new (loadAgent())(options);
}

/** What undici's top-level `request(url, { dispatcher, ... })` does, without its index. */
export function requestVia(
  dispatcher: Dispatcher,
  url: string,
  options: RequestOptions,
): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw Object.assign(new Error(`unsupported protocol ${u.protocol}`), { code: 'UND_ERR_INVALID_ARG' });
  return loadRequest().call(dispatcher, {
    ...options,
    origin: u.origin,
    path: u.search ? `${u.pathname}${u.search}` : u.pathname,
  });
}
