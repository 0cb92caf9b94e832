// What a step needs from the earlier steps of its test: the captures it uses (and
// which step provides each), and the steps it names in `needs`. A step runs when the
// values it uses exist; it is skipped, with the reason, when they do not.
import type { StepSpec } from '../suite/types.js';
import type { StepStatus } from '../model/run-result.js';
import { stepTemplateNames } from '../suite/template.js';

export interface StepNeeds {
  /** capture name -> id of the earlier step that captures it */
  captures: Map<string, string>;
  steps: string[];
}

// The names a step's templates use depend on the step alone: the loader lists them (step.uses);
// a step made some other way has them found once, not per run of it.
const usedBySteps = new WeakMap<StepSpec, Set<string | undefined>>();

function namesUsedBy(step: StepSpec): Set<string | undefined> {
  let used = usedBySteps.get(step);
  if (!used) {
    used = new Set(step.uses ?? stepTemplateNames(step));
    usedBySteps.set(step, used);
  }
  return used;
}

export function needsOf(step: StepSpec, earlier: StepSpec[]): StepNeeds {
  const used = namesUsedBy(step);
  const captures = new Map<string, string>();
  for (const prev of earlier) {
    for (const name of Object.keys(prev.capture ?? {})) if (used.has(name)) captures.set(name, prev.id);
  }
  return { captures, steps: step.needs ?? [] };
}

/**
 * Why the step cannot run, or undefined when it can. A step named in `needs` must
 * have passed; a step that only provides a value must have provided it (a failed
 * check elsewhere in that step does not block: the value is there to test with).
 */
export function blockedReason(
  needs: StepNeeds,
  status: (id: string) => StepStatus | undefined,
  captured: Record<string, unknown>,
): string | undefined {
  const notPassed = needs.steps.filter((id) => ['failed', 'errored', 'skipped'].includes(status(id) ?? ''));
  if (notPassed.length > 0) return `depends on ${notPassed.map((b) => `"${b}"`).join(', ')}, which did not pass`;
  const missing = [...needs.captures].filter(([name]) => !Object.prototype.hasOwnProperty.call(captured, name));
  if (missing.length === 0) return undefined;
  const providers = [...new Set(missing.map(([, id]) => id))];
  return `depends on ${providers.map((b) => `"${b}"`).join(', ')}, which did not capture ${missing.map(([n]) => n).join(', ')}`;
}
