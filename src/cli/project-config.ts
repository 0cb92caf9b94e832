// --config / --no-config / --target / --var, and the preAction hook that lays the project
// config file (src/config/) under the flags of the command about to run.
import type { Command } from 'commander';
import { applyConfigValues, configSuites, configValues } from '../config/apply.js';
import { findConfigFile } from '../config/find.js';
import { UsageError } from '../errors.js';
import { collect } from './options.js';

/** Commands that read the config, and which of its parts apply. */
const CONFIGURABLE: Record<string, { target: boolean; vars: boolean; suites: boolean; reporters: boolean }> = {
  run: { target: true, vars: true, suites: true, reporters: true },
  'test-credentials': { target: true, vars: false, suites: false, reporters: true },
  // audit and validate-mapping have reporters of their own: the run's list would not fit them
  audit: { target: true, vars: false, suites: false, reporters: false },
  'validate-mapping': { target: false, vars: false, suites: false, reporters: false },
};

export function addConfigOptions(program: Command): void {
  for (const cmd of program.commands) {
    const parts = CONFIGURABLE[cmd.name()];
    if (!parts) continue;
    cmd.option(
      '--config <file>',
      'project config file (default: scim-check.config.yaml in this directory or a parent)',
    );
    cmd.option('--no-config', 'ignore any project config file');
    if (parts.target)
      cmd.option('--target <name>', 'use this named target of the config file (base URL, token source, headers, TLS)');
    if (parts.vars)
      cmd.option(
        '--var <name=value>',
        "value for a suite variable (repeatable); overrides the config file's vars",
        collect,
      );
  }
  program.hook('preAction', async (_program, actionCommand) => applyProjectConfig(actionCommand));
}

async function applyProjectConfig(cmd: Command): Promise<void> {
  const parts = CONFIGURABLE[cmd.name()];
  if (!parts) return;
  const opts = cmd.opts<{ config?: string | false; target?: string }>();
  if (opts.config === false) {
    if (opts.target !== undefined) throw new UsageError('--target needs a config file (remove --no-config)');
    return;
  }
  const file = opts.config ?? findConfigFile();
  if (file === undefined) {
    if (opts.target !== undefined)
      throw new UsageError(
        `--target ${opts.target}: no scim-check.config.yaml here or in a parent directory (create one with \`scim-check init\`, or pass --config FILE)`,
      );
    return;
  }
  const { loadConfigFile } = await import('../config/load.js'); // yaml and ajv only when there is a file
  const config = loadConfigFile(file);
  const values = configValues(config, parts.target ? opts.target : undefined);
  if (!parts.reporters) delete values.reporter;
  applyConfigValues(cmd, values);
  if (parts.vars && config.vars) cmd.setOptionValueWithSource('configVars', config.vars, 'config');
  if (parts.suites && config.suites?.length) {
    const given = cmd.processedArgs[0] as string[] | undefined;
    if (!given || given.length === 0) cmd.processedArgs[0] = configSuites(config);
  }
}
