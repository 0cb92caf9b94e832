// A step's request path is relative to the base URL, which only the run knows (--base-url or the
// config's target). A suite that names an absolute URL (`https://host/...`, or `//host/...`) is
// refused when it loads: the same suite runs against staging and production, and the token must
// never follow a suite to another host. A path that starts with a template can only be judged
// once rendered: src/http/url.ts `relativeToBase` accepts a URL under the base URL (a captured
// meta.location) and refuses any other before anything is sent.
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function looksAbsolute(path: string): boolean {
  return SCHEME.test(path) || path.startsWith('//');
}

/** Why a literal request path is not relative to the base URL, or undefined when it is (or is templated). */
export function absolutePathProblem(path: string): string | undefined {
  if (!looksAbsolute(path)) return undefined;
  return `"${path}" is an absolute URL; write the path relative to the base URL (e.g. "/Users"), which --base-url or the target gives`;
}
