// `scim-check sweep`: find what earlier runs left behind (resources whose userName,
// displayName or externalId starts with scim-check's prefix), list it, and remove
// it only with --yes. Nothing else is ever touched.
import { Command } from 'commander';
import { addTargetOptions, collect, parseHeaderFlags } from '../options.js';
import type { TargetFlags } from '../target.js';
import { EXIT, ExitError, UsageError } from '../../errors.js';
import { TOOL_PREFIX } from '../../suite/run-info.js';
import { processIo } from '../../util/process-io.js';

interface SweepFlags extends TargetFlags {
  prefix: string;
  yes?: boolean;
  header?: string[];
  timeout: number;
  insecure?: boolean;
  ca?: string;
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command('sweep')
    .description(
      "list (and with --yes remove) resources earlier runs left behind: only names starting with scim-check's prefix",
    );
  addTargetOptions(cmd);
  cmd
    .option('--prefix <prefix>', 'only this prefix (a run prints its own, scimcheck-<run id>)', TOOL_PREFIX)
    .option('--yes', 'remove what was found (without it, only list)')
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .action(async (flags: SweepFlags) => {
      const code = await sweep(flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}

async function sweep(flags: SweepFlags): Promise<number> {
  const { TOOL_PREFIX, findLeftovers, removeLeftovers } = await import('../../runner/sweep.js');
  const { resolveTarget } = await import('../target.js');
  const { HttpClient } = await import('../../http/client.js');
  const { Redactor } = await import('../../util/redact.js');
  if (!flags.prefix.startsWith(TOOL_PREFIX) || !/^[A-Za-z0-9-]+$/.test(flags.prefix)) {
    throw new UsageError(
      `--prefix must start with ${TOOL_PREFIX} and hold only letters, digits and '-', got ${JSON.stringify(flags.prefix)}`,
    );
  }
  if (!flags.baseUrl && !processIo().env.SCIM_BASE_URL)
    throw new UsageError('sweep needs a target: --base-url (or SCIM_BASE_URL)');
  const extra = parseHeaderFlags(flags.header ?? []);
  const target = await resolveTarget(flags);
  const redactor = new Redactor();
  redactor.add(target.token);
  for (const v of Object.values(extra)) redactor.add(v);
  const client = new HttpClient({
    timeoutMs: flags.timeout,
    insecure: flags.insecure,
    caFile: flags.ca,
    connections: 1,
  });
  const t = {
    client,
    baseUrl: target.baseUrl,
    headers: { accept: 'application/scim+json', ...extra, authorization: `Bearer ${target.token}` },
  };
  const out = (line: string) => processIo().stdout.write(`${redactor.text(line)}\n`);
  try {
    const found = await findLeftovers(t, flags.prefix);
    if (found.length === 0) {
      out(`nothing found carrying ${flags.prefix}`);
      return EXIT.OK;
    }
    out(`found ${found.length} resource${found.length === 1 ? '' : 's'} carrying ${flags.prefix}:`);
    for (const l of found) out(`  ${l.type} ${l.id} ${JSON.stringify(l.name)}`);
    if (!flags.yes) {
      out('nothing removed: run again with --yes to remove them');
      return EXIT.OK;
    }
    const records = await removeLeftovers(t, found);
    for (const r of records)
      out(`  ${r.status} ${r.type} ${r.id}${r.via ? ` via ${r.via}` : ''}${r.detail ? `: ${r.detail}` : ''}`);
    const failed = records.filter((r) => r.status === 'failed').length;
    out(`removed ${records.length - failed} of ${records.length}`);
    return failed > 0 ? EXIT.CHECK_FAILED : EXIT.OK;
  } finally {
    await client.close();
  }
}
