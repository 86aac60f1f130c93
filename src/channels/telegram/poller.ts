/**
 * Long polling that confirms an update only once it is stored.
 *
 * Telegram forgets updates below the `offset` of the next getUpdates call. @grammyjs/runner asks for
 * the next batch while the last one is still being handled, so a crash then lost updates that Telegram
 * had already been told were received. Here the next call's offset moves past a batch only when every
 * update of it is in the mailbox; a crash before that gets the same updates again after the restart,
 * and the mailbox drops the ones it already has.
 */
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../log.js';
import type { Acceptance } from '../mailbox/mailbox.js';
import { describeError } from './errors.js';

export interface PollerDeps {
  api: Api;
  logger: Logger;
  /** Stores one update; resolves when it is stored. */
  receive(update: Update): Promise<Acceptance>;
  /** Seconds a getUpdates call may be held open. */
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
  /** Told once when polling cannot go on (401: token revoked; 409: another instance polls). */
  onFatal(err: unknown): void;
  /** Pause after a failed call (default 1 s, doubling up to 30 s). */
  retryDelayMs?: (failures: number) => number;
}

export interface Poller {
  /** Stops after the call in flight (aborted); updates not yet stored are not confirmed. */
  stop(): Promise<void>;
}

const FATAL_CODES = new Set([401, 409]);

export function startPolling(deps: PollerDeps): Poller {
  const controller = new AbortController();
  const signal = controller.signal;
  const retryDelay = deps.retryDelayMs ?? ((n: number) => Math.min(1000 * 2 ** (n - 1), 30_000));
  let offset: number | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  const loop = (async () => {
    let failures = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await deps.api.getUpdates(
          { ...(offset !== undefined ? { offset } : {}), timeout: deps.timeoutSeconds, allowed_updates: [...deps.allowedUpdates] as never },
          signal as never,
        );
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof GrammyError && FATAL_CODES.has(err.error_code)) {
          deps.onFatal(err);
          return;
        }
        failures += 1;
        await pause(retryDelay(failures));
        continue;
      }
      failures = 0;
      if (updates.length === 0) continue;
      try {
        await Promise.all(updates.map((u) => deps.receive(u)));
      } catch (err) {
        // Stopping (the mailbox takes no more): leave the batch unconfirmed; it comes again after the restart.
        if (!signal.aborted) deps.logger.warn({ event: 'poll-store-failed', ...describeError(err) }, 'updates not stored; they will be fetched again');
        return;
      }
      offset = updates[updates.length - 1]!.update_id + 1;
    }
  })();

  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
