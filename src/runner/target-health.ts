// Watches every answer (or non-answer) of the target during a run, so a dead or
// hostile target ends the run quickly instead of failing test after test:
// - a 401 to a request carrying the run's own token: the token was rejected;
//   a 403 counts too when it is the very first answer (the probe);
// - a few transport failures in a row (timeouts, resets, stalled bodies): the
//   target is unresponsive, and every further request would wait --timeout again.
import { TransportError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { HaltCode } from './verdict.js';

export interface Halt {
  code: HaltCode;
  message: string;
}

/** Consecutive transport failures after which the run stops sending. */
export const MAX_CONSECUTIVE_FAILURES = 3;

export class TargetHealth {
  private consecutiveFailures = 0;
  private answers = 0;
  halt: Halt | undefined;

  constructor(private readonly maxConsecutive = MAX_CONSECUTIVE_FAILURES) {}

  answered(status: number, carriedRunToken: boolean): void {
    this.consecutiveFailures = 0;
    const first = this.answers++ === 0;
    if (!carriedRunToken || this.halt) return;
    if (status === 401 || (status === 403 && first)) {
      this.halt = {
        code: 'TOKEN_REJECTED',
        message: `token rejected: the target answered ${status} to a request carrying the token`,
      };
    }
  }

  failed(err: TransportError): void {
    if (err.code === 'SCIM_HTTP_ABORTED' || this.halt) return; // our own abort (SIGINT) is not the target's fault
    this.consecutiveFailures++;
    if (this.consecutiveFailures >= this.maxConsecutive) {
      this.halt = {
        code: 'TARGET_UNRESPONSIVE',
        message: `target unresponsive: ${this.consecutiveFailures} requests in a row failed (last: ${err.code})`,
      };
    }
  }
}

/**
 * The client as discovery uses it (/Schemas, /ResourceTypes, /ServiceProviderConfig): its
 * failures count towards the consecutive failures like a step's, so a target that dies
 * after the probe still ends the run after 3 of them, not after the discovery reads too.
 * An answer only resets the count (a 401 here is not taken as the token rejected).
 */
export function watchedBy(client: Pick<HttpClient, 'send'>, health: TargetHealth): Pick<HttpClient, 'send'> {
  return {
    async send(req) {
      if (health.halt) throw new TransportError('not sent: the run is stopping', 'SCIM_HTTP_ABORTED');
      try {
        const res = await client.send(req);
        health.answered(res.status, false);
        return res;
      } catch (err) {
        if (err instanceof TransportError) health.failed(err);
        throw err;
      }
    },
  };
}
