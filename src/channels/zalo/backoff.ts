/**
 * Exponential backoff with jitter, so that many bots (or one bot restarted in a loop) do not hammer the
 * platform in step after an outage. "Equal jitter": half the delay is fixed, half random.
 */

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 60_000 };

/** Delay before attempt `failures + 1` (failures ≥ 1). `random` is injectable for tests. */
export function backoffDelay(failures: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const cap = Math.min(opts.maxMs, opts.initialMs * 2 ** exponent);
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Waits `ms`, or less when `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
