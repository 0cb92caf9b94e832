// CommonJS dependencies (ajv, yaml) loaded synchronously on first use, so a command that
// never parses YAML or compiles a schema never pays for loading them. Both packages are
// CommonJS, so this is the same module instance an `import` would give.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
