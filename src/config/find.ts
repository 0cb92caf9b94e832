// Where the project config file is: the working directory or the nearest parent that has one.
// Kept apart from the loader so that a run without a config file never loads yaml or ajv.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['scim-check.config.yaml', 'scim-check.config.yml'];

/** The nearest config file in `dir` or any parent directory. */
export function findConfigFile(dir: string = process.cwd()): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
