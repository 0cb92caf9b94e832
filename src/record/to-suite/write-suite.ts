// --to-suite: build the suite, write it as commented YAML, and load it back with the
// suite loader (schema + semantic checks), so a generated file is always a valid suite.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, isSeq, type YAMLSeq } from 'yaml';
import { UsageError } from '../../errors.js';
import { loadSuiteText } from '../../suite/load.js';
import { SCHEMAS_DIR } from '../../util/paths.js';
import { readCapture } from '../capture.js';
import { buildSuite } from './build-suite.js';

export function suiteYamlFromCapture(
  captureFile: string,
  outFile: string,
  opts: { name?: string } = {},
): { text: string; steps: number; skipped: string[] } {
  const capture = readCapture(captureFile, '--to-suite');
  if (capture.exchanges.length === 0) throw new UsageError(`--to-suite ${captureFile}: the capture holds no exchanges`);
  const base = path
    .basename(captureFile)
    .replace(/\.jsonl?$/i, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-');
  const generated = buildSuite(capture, opts.name ?? `recorded/${base}`, path.basename(captureFile));
  const doc = new Document(generated.suite);
  const schemaRef = path
    .relative(path.dirname(path.resolve(outFile)), path.join(SCHEMAS_DIR, 'suite.schema.json'))
    .split(path.sep)
    .join('/');
  doc.commentBefore = ` yaml-language-server: $schema=${schemaRef}\n${generated.headerComment
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n')}`;
  const steps = doc.getIn(['tests', 0, 'steps'], true) as YAMLSeq;
  steps.items.forEach((item, i) => {
    (item as { commentBefore?: string }).commentBefore = generated.stepComments[i];
    if (!isMap(item)) return;
    for (const key of ['capture']) {
      const node = item.get(key, true);
      if (isMap(node)) node.flow = true;
    }
    const request = item.get('request', true);
    if (isMap(request)) {
      const query = request.get('query', true);
      if (isMap(query)) query.flow = true;
    }
    const creates = item.get('creates', true);
    if (isMap(creates)) {
      const cleanup = creates.get('cleanup', true);
      if (isSeq(cleanup)) for (const c of cleanup.items) if (isMap(c)) c.flow = true;
    }
  });
  const text = doc.toString({ lineWidth: 0 });
  try {
    loadSuiteText(text, outFile);
  } catch (err) {
    // a generated suite that does not load is a bug in the generator, not in the capture
    throw new Error(
      `the generated suite does not load: ${err instanceof UsageError ? err.oneLine() : (err as Error).message}`,
      { cause: err },
    );
  }
  return { text, steps: steps.items.length, skipped: generated.skipped };
}

export function writeSuiteFromCapture(captureFile: string, outFile: string, opts: { name?: string } = {}): string {
  const { text, steps, skipped } = suiteYamlFromCapture(captureFile, outFile, opts);
  try {
    writeFileSync(outFile, text, { flag: 'wx' }); // a suite may have been edited by hand: never overwrite it
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(
        `--out ${outFile}: already exists (a suite may hold hand edits; remove it or choose another file)`,
      );
    throw new UsageError(`--out ${outFile}: cannot write (${code ?? 'error'})`);
  }
  const notes = skipped.map((s) => `  not replayed: ${s}`);
  return [
    `wrote ${outFile}: ${steps} steps from ${captureFile}`,
    ...notes,
    `run it: scim-check run ${outFile} --base-url …`,
  ].join('\n');
}
