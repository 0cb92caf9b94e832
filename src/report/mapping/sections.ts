// How every mapping reporter sees a validate-mapping result: findings about the mapping's
// attributes, and findings per sample user, each folded by cause.
import type { MappingFinding } from '../../model/mapping-result.js';
import type { MappingReport } from '../reporter.js';
import { foldBy, type Fold } from '../fold.js';
import { plural } from '../format.js';

export interface SampleLine {
  name: string;
  must: number;
  should: number;
}

export interface SampleFinding extends MappingFinding {
  sample: string;
}

/** Sample findings start with the sample's name; the report says it once, beside the finding. */
function withoutSamplePrefix(f: MappingFinding, sample: string): SampleFinding {
  const prefix = `${sample}: `;
  return { ...f, sample, message: f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message };
}

export interface MappingSections {
  /** Findings about the mapping itself, identical ones folded. */
  attributes: Fold<MappingFinding>[];
  samples: SampleLine[];
  /** Findings on sample users, folded by cause across samples; `samples` names where each occurs. */
  sampleFindings: (Fold<SampleFinding> & { samples: string[] })[];
  verdict: 'pass' | 'fail';
  verdictText: string;
}

const causeKey = (f: MappingFinding): string =>
  `${f.code}\u0000${f.attribute ?? ''}\u0000${f.message}\u0000${f.fix ?? ''}`;

export function mappingSections(r: MappingReport): MappingSections {
  const sampleOf = new Map<MappingFinding, string>();
  for (const p of r.payloads) for (const f of p.findings) sampleOf.set(f, p.sample);
  const attributes = foldBy(
    r.findings.filter((f) => !sampleOf.has(f)),
    causeKey,
  );
  // on samples, one rule at one mapped attribute is one cause, whatever each user's value
  const sampleFindings = foldBy(
    r.findings.filter((f) => sampleOf.has(f)).map((f) => withoutSamplePrefix(f, sampleOf.get(f)!)),
    (f) => `${f.code}\u0000${f.attribute ?? ''}\u0000${positionText(f)}`,
    Number.MAX_SAFE_INTEGER,
  ).map((fold) => ({ ...fold, examples: fold.examples.slice(0, 3), samples: fold.examples.map((f) => f.sample) }));
  const samples = r.payloads.map((p) => ({
    name: p.sample,
    must: p.findings.filter((f) => f.severity === 'must').length,
    should: p.findings.filter((f) => f.severity === 'should').length,
  }));
  const { must, should } = r.summary;
  const atAttrs = new Set(
    r.findings.filter((f) => f.severity === 'must' && !sampleOf.has(f)).map((f) => f.attribute ?? '(mapping)'),
  ).size;
  const atSamples = samples.filter((s) => s.must > 0).length;
  const where =
    must > 0
      ? ` (${[atAttrs ? plural(atAttrs, 'attribute') : '', atSamples ? plural(atSamples, 'sample') : ''].filter(Boolean).join(', ')})`
      : '';
  const tail = `${plural(r.attributes, 'attribute')} checked, ${plural(r.payloads.length, 'sample')} rendered`;
  const verdictText =
    must > 0
      ? `FAIL: ${plural(must, 'must-level finding')}${where}, ${should} should-level; ${tail}`
      : should > 0
        ? `PASS with ${plural(should, 'should-level finding')}; ${tail}`
        : `PASS: no findings; ${tail}`;
  return { attributes, samples, sampleFindings, verdict: must > 0 ? 'fail' : 'pass', verdictText };
}

export function positionText(f: MappingFinding): string {
  return f.position ? `${f.position.file}:${f.position.line}:${f.position.col}` : '';
}

/** `(okta-api; profile eptura; userName from user.login; preferredLanguage iso639-1)` */
export function inputsText(r: MappingReport): string {
  const i = r.inputs;
  return `${i.mappingFormat}; profile ${i.profile}; userName from ${i.usernameFormat}; preferredLanguage ${i.languageFormat}`;
}
