// Puts the project config under the command line: a value from the file fills an option only
// where the flag was not typed (commander tracks each value's source), so the order is
// flags > config file > built-in defaults. Relative paths in the file resolve against its directory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { suggestionSuffix } from '../util/did-you-mean.js';
import type { ProjectConfig, TargetConfig } from './types.js';

/** Values the config gives, keyed by commander attribute name (`baseUrl`, `tokenEnv`, ...). */
export type ConfigValues = Record<string, unknown>;

const TOKEN_FLAGS = ['token', 'tokenEnv', 'tokenFile'];

export function configValues(config: ProjectConfig, targetName: string | undefined): ConfigValues {
  const values: ConfigValues = {};
  const resolve = (p: string): string => path.resolve(config.dir, p);
  if (targetName !== undefined) Object.assign(values, targetValues(config, targetName, resolve));
  if (config.profile !== undefined)
    values.profile = looksLikePath(config.profile) ? resolve(config.profile) : config.profile;
  if (config.languageFormat !== undefined) values.languageFormat = config.languageFormat;
  if (config.baseline !== undefined) values.baseline = resolve(config.baseline);
  if (config.schemas !== undefined) values.schemas = resolve(config.schemas);
  if (config.reporters !== undefined) values.reporter = config.reporters.map((r) => resolveReporterFile(r, config.dir));
  for (const [key, value] of Object.entries(config.verdict ?? {})) values[key] = value;
  return values;
}

function targetValues(config: ProjectConfig, name: string, resolve: (p: string) => string): ConfigValues {
  const targets = config.targets ?? {};
  const target: TargetConfig | undefined = targets[name];
  if (!target) {
    const known = Object.keys(targets);
    const list = known.length
      ? `targets in ${path.basename(config.file)}: ${known.join(', ')}`
      : `${path.basename(config.file)} defines no targets`;
    throw new UsageError(`--target ${name}: no such target (${list})${suggestionSuffix(name, known)}`);
  }
  const values: ConfigValues = { baseUrl: target.baseUrl };
  if (target.token?.env !== undefined) values.tokenEnv = target.token.env;
  if (target.token?.file !== undefined) values.tokenFile = resolve(target.token.file);
  if (target.headers) values.header = Object.entries(target.headers).map(([n, v]) => `${n}: ${v}`);
  if (target.tls?.insecure !== undefined) values.insecure = target.tls.insecure;
  if (target.tls?.ca !== undefined) values.ca = resolve(target.tls.ca);
  if (target.allowInsecureHttp !== undefined) values.allowInsecureHttp = target.allowInsecureHttp;
  if (target.timeout !== undefined) values.timeout = target.timeout;
  return values;
}

/**
 * Fill the command's options from the config where the flag was not given. Headers add up
 * (the command line wins on the same name); a token flag on the command line replaces the
 * config's token source as a whole.
 */
export function applyConfigValues(cmd: Command, values: ConfigValues): void {
  const known = new Set(cmd.options.map((o) => o.attributeName()));
  const typed = (key: string): boolean => cmd.getOptionValueSource(key) === 'cli';
  const tokenTyped = TOKEN_FLAGS.some(typed);
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) continue; // e.g. `suites` defaults mean nothing to audit
    if ((key === 'tokenEnv' || key === 'tokenFile') && tokenTyped) continue;
    if (key === 'header' && typed(key)) {
      cmd.setOptionValueWithSource(
        key,
        [...(value as string[]), ...((cmd.getOptionValue(key) as string[]) ?? [])],
        'cli',
      );
      continue;
    }
    if (typed(key)) continue;
    cmd.setOptionValueWithSource(key, value, 'config');
  }
}

/** Suites named in the config: paths resolve against its directory, bundled names and tag: stay as they are. */
export function configSuites(config: ProjectConfig): string[] {
  return (config.suites ?? []).map((s) => {
    if (s.startsWith('tag:')) return s;
    const candidate = path.resolve(config.dir, s);
    if (!existsSync(candidate)) return s;
    const relative = path.relative(process.cwd(), candidate); // readable suite paths in reports
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : candidate;
  });
}

function resolveReporterFile(spec: string, dir: string): string {
  const colon = spec.indexOf(':');
  if (colon === -1) return spec;
  const file = spec.slice(colon + 1).trim();
  if (file === '' || file === '-') return spec;
  return `${spec.slice(0, colon)}:${path.resolve(dir, file)}`;
}

function looksLikePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.ya?ml$/i.test(value);
}
