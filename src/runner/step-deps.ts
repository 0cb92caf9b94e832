// Which earlier steps of a test a step depends on: those that capture a value it
// uses, plus those it names in `needs`. Used to skip dependents of a failed step.
import type { StepSpec } from '../suite/types.js';
import { templateReferences } from './template.js';

export function dependenciesOf(step: StepSpec, earlier: StepSpec[]): string[] {
  const used = new Set(templateReferences([step.request, step.expect ?? [], step.creates ?? null]).map((r) => r.split('.')[0]));
  const deps = new Set(step.needs ?? []);
  for (const prev of earlier) {
    for (const name of Object.keys(prev.capture ?? {})) if (used.has(name)) deps.add(prev.id);
  }
  return [...deps];
}
