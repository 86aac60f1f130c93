/**
 * Long polling: `getUpdates` in a loop, one update per call. 408 means "nothing yet" (poll again at
 * once, no warning: the real API says it with HTTP status 408). An empty `{ok: true}` means "nothing
 * yet" too, but comes back at once, so the loop pauses a moment before the next call instead of
 * spinning. 429, 5xx (HTML gateway pages included) and network errors wait with jittered exponential
 * backoff; 401 stops the loop and is reported (the token is wrong or was reset: retrying cannot help).
 * Run one poller per token.
 */
import type { Logger } from '../../log.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from './backoff.js';
import type { ZaloClient } from './client.js';
import { isZaloApiError, type ZaloApiError } from './errors.js';

export interface PollerDeps {
  client: ZaloClient;
  logger: Logger;
  /** Stores each raw update; the next poll waits until it is stored (the handler queues the work). */
  onUpdate: (raw: unknown) => Promise<unknown>;
  onUnauthorized: (err: ZaloApiError) => void;
  /** Seconds the platform may hold a getUpdates call open. */
  pollTimeoutSeconds?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /** Pause after an empty `{ok: true}` answer (default: the backoff's first delay). */
  emptyPauseMs?: number;
  /** Waits between calls; injectable so tests can see the pauses without timing them. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** An empty `{ok: true}` (no result, or an empty object): nothing new. */
function isEmptyResult(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0);
}

export interface Poller {
  /** Resolves when the loop has ended (stopped, or 401). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export function startPolling(deps: PollerDeps): Poller {
  const log = deps.logger;
  const controller = new AbortController();
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const pollTimeoutSeconds = deps.pollTimeoutSeconds ?? 30;
  const emptyPauseMs = deps.emptyPauseMs ?? backoff.initialMs;
  const wait = deps.sleep ?? sleep;

  async function loop(): Promise<void> {
    let failures = 0;
    while (!controller.signal.aborted) {
      let raw: unknown;
      try {
        raw = await deps.client.getUpdates(pollTimeoutSeconds, { signal: controller.signal });
      } catch (err) {
        if (controller.signal.aborted) return;
        if (isZaloApiError(err) && err.isIdlePoll) {
          failures = 0;
          continue;
        }
        if (isZaloApiError(err) && err.isUnauthorized) {
          log.error({ method: err.method, errorCode: err.errorCode }, 'zalo refused the bot token (401): polling stopped');
          deps.onUnauthorized(err);
          return;
        }
        failures += 1;
        const delay =
          isZaloApiError(err) && err.retryAfterSeconds
            ? err.retryAfterSeconds * 1000
            : backoffDelay(failures, backoff, deps.random);
        const level = failures >= 5 ? 'error' : 'warn';
        log[level](
          isZaloApiError(err)
            ? { method: err.method, kind: err.kind, errorCode: err.errorCode, failures, waitMs: delay }
            : { failures, waitMs: delay },
          'zalo getUpdates failed, backing off',
        );
        await wait(delay, controller.signal);
        continue;
      }
      failures = 0;
      if (isEmptyResult(raw)) {
        log.debug('zalo getUpdates: empty answer, nothing new');
        await wait(emptyPauseMs, controller.signal);
        continue;
      }
      try {
        await deps.onUpdate(raw);
      } catch (err) {
        // Stopping (the mailbox takes no more): nothing to do but end the loop.
        if (controller.signal.aborted) return;
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'zalo update not stored');
      }
    }
  }

  const done = loop();
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
