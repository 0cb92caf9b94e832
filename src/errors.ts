// Every failure the CLI can end with, mapped to one documented exit code.
// Anything that is not one of these classes is an internal error (70).
import type { SourcePosition } from './model/position.js';

export const EXIT = {
  OK: 0,
  CHECK_FAILED: 1,
  USAGE: 2,
  TRANSPORT: 3,
  TOKEN_REJECTED: 4,
  INTERNAL: 70,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad flag, bad input file, bad suite: nothing was sent. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT.USAGE;
  constructor(
    message: string,
    readonly position?: SourcePosition,
  ) {
    super(message);
    this.name = 'UsageError';
  }
  /** One line: `file:line:col: message` when a position is known. */
  oneLine(): string {
    const p = this.position;
    return visibleControls(p ? `${p.file}:${p.line}:${p.col}: ${this.message}` : this.message);
  }
}

/**
 * Control characters, line separators and invisible format characters (BOM, zero-width, bidi
 * overrides) from an input (a key, a value) shown as escapes, so the message stays one line,
 * reads as it is and cannot drive the terminal.
 */
export function visibleControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
    (c) => {
      const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
}

/** The target could not be reached or answered outside HTTP. Exit 3. */
export class TransportError extends Error {
  readonly exitCode = EXIT.TRANSPORT;
  constructor(
    message: string,
    readonly code: string, // e.g. SCIM_HTTP_TIMEOUT, SCIM_HTTP_CONNECT, SCIM_HTTP_TLS, SCIM_HTTP_BODY_TOO_LARGE
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The target answered 401/403 to the run's token. Exit 4, one line, no cascade of failed checks. */
export class TokenRejectedError extends Error {
  readonly exitCode = EXIT.TOKEN_REJECTED;
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`token rejected: the target answered ${status} to ${what} (check the token and its scopes)`);
    this.name = 'TokenRejectedError';
  }
}

/** Exit quietly with a code (the message, if any, was already printed). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}
