// The reporter registry shared by run, test-credentials, audit, validate-mapping and provision.
// Adding a reporter is one file exporting a ReporterFactory and one line below. A reporter's
// module is loaded only when a command uses it: a run that prints to the console does not
// load the HTML, JUnit or Markdown writers (about 45 ms of start-up).
import type { RenderOptions, Report, ReporterFactory } from './reporter.js';
import { checkReporterSpecs, parseReporterSpec, type ReporterFlag } from './reporter-flag.js';
import { ReportSession, type SessionOptions } from './session.js';
import { processIo } from '../util/process-io.js';

export const REPORTERS = {
  console: async () => (await import('./console.js')).consoleReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  jsonl: async () => (await import('./jsonl.js')).jsonlReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  html: async () => (await import('./html.js')).htmlReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  har: async () => (await import('./har.js')).harReporter,
  github: async () => (await import('./github.js')).githubReporter,
} satisfies Record<string, () => Promise<ReporterFactory>>;

export type ReporterName = keyof typeof REPORTERS;
export type ReporterSpec = ReporterFlag<ReporterName>;

/** `console`, `junit:reports/scim.xml`, `json:-` (stdout); console when none is given. Checked before any request. */
export function parseReporters(
  flags: readonly string[] | undefined,
  env: NodeJS.ProcessEnv = processIo().env,
): ReporterSpec[] {
  const specs = withGithubDefault(flags && flags.length ? flags : ['console'], env).map((f) =>
    parseReporterSpec(f, Object.keys(REPORTERS) as ReporterName[]),
  );
  checkReporterSpecs(specs);
  return specs;
}

/** Inside GitHub Actions the github reporter joins the others unless named. */
function withGithubDefault(flags: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const named = flags.some((f) => f === 'github' || f.startsWith('github:'));
  return env.GITHUB_ACTIONS === 'true' && !named ? [...flags, 'github'] : [...flags];
}

/** Opens every output now (a bad path fails before the command sends anything). */
export async function openReporters(specs: readonly ReporterSpec[], opts: SessionOptions): Promise<ReportSession> {
  const chosen = await Promise.all(
    specs.map(async (s) => ({ name: s.name, file: s.file, factory: await REPORTERS[s.name]() })),
  );
  return ReportSession.open(chosen, opts);
}

/** One command's whole report through the given reporters (no streaming hooks). */
export async function writeReports(
  report: Report,
  specs: readonly ReporterSpec[],
  opts: SessionOptions,
): Promise<void> {
  const session = await openReporters(specs, opts);
  await session.finish(report);
}

/** What one reporter writes for a report, as a string (tests, library use). */
export async function renderReport(
  name: ReporterName,
  report: Report,
  opts: RenderOptions = { color: false },
): Promise<string> {
  let text = '';
  const out = { label: name, isStdout: true, write: async (t: string) => void (text += t), redact: (t: string) => t };
  const factory = await REPORTERS[name]();
  await factory({ ...opts, out }).onRunEnd(report);
  return text;
}

export type { Report, Reporter, ReporterFactory, ReporterContext, ReportOutput } from './reporter.js';
export type { ReportSession } from './session.js';
