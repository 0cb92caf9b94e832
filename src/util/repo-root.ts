// Paths in CI reports (GitHub annotations, JUnit file attributes) must be relative to the
// repository, which is not always the working directory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { processIo } from './process-io.js';

export function repoRoot(env: NodeJS.ProcessEnv = processIo().env, cwd: string = process.cwd()): string {
  const fromCi = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR; // GitHub Actions, GitLab CI
  if (fromCi) return path.resolve(fromCi);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** `file` (absolute or relative to the working directory) relative to the repository, with `/`. */
export function repoRelative(file: string, root: string = repoRoot()): string {
  const relative = path.relative(root, path.resolve(file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.resolve(file).split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
