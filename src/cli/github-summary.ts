// The github reporter's two sides that are not plain report text: it is on by default inside
// GitHub Actions (next to the console), and it appends a Markdown job summary to the file
// GitHub names in $GITHUB_STEP_SUMMARY.
import { appendFile } from 'node:fs/promises';
import type { RunResult } from '../model/run-result.js';
import { renderJobSummary } from '../report/github.js';
import { repoRelative } from '../util/repo-root.js';
import type { Redactor } from '../util/redact.js';

export function withGithubDefault(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const named = flags.some((f) => f === 'github' || f.startsWith('github:'));
  return env.GITHUB_ACTIONS === 'true' && !named ? [...flags, 'github'] : [...flags];
}

export async function appendGithubSummary(run: RunResult, redactor: Redactor, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  await appendFile(file, redactor.text(renderJobSummary(run, { relative: (f) => repoRelative(f) })));
}
