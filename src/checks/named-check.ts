// What a named check is: a pure function of the response (and the run's profile) and the
// suite's `with:` arguments, returning whether it passed and what it saw.
import type { AttributeProfile } from '../profile/types.js';
import type { ArgSchema } from './arg-schema.js';

export interface NamedCheckContext {
  body: unknown;
  request: { body?: unknown };
  response: { status: number; headers: Record<string, string>; bodyText: string };
  profile: AttributeProfile;
  languageFormat: 'iso639-1' | 'bcp47';
}

export interface NamedCheckOutcome {
  passed: boolean;
  actual?: unknown;
  expected?: unknown;
  detail?: string;
  /** The failure is at most a warning here (e.g. the profile does not demand what was checked). */
  cap?: 'should';
}

export type NamedCheck = (ctx: NamedCheckContext, args: Record<string, unknown>) => NamedCheckOutcome;

/** A registry entry: the function, what it checks in one line, and the `with:` it accepts (checked at load). */
export interface NamedCheckEntry {
  run: NamedCheck;
  description: string;
  args: ArgSchema;
}
