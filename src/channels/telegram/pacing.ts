/**
 * Outgoing calls that survive Telegram's limits and faults, as API transformers (grammY runs the one
 * installed last first):
 *
 *   autoRetry  → 429 with retry_after (waits what Telegram says), 5xx (backs off)
 *   networkRetry → a few more tries when the request never reached Telegram (bounded, abortable)
 *   pacing     → at most 1 message/s per chat, ~30/s overall, 20/min per group (transformer-throttler)
 *
 * Chat actions ("typing…") bypass the pacing: they are not messages and must not delay the answer.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import { HttpError, type Transformer } from 'grammy';

export type PacingOptions = APIThrottlerOptions;

/** Telegram's documented limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). */
export const TELEGRAM_PACING: Required<PacingOptions> = {
  global: { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1000 },
  group: { maxConcurrent: 1, minTime: 1000, reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 },
  out: { maxConcurrent: 1, minTime: 1000 },
};

/** Methods that are not messages to a chat and go out at once. */
const UNPACED = new Set(['sendChatAction', 'answerCallbackQuery', 'getUpdates', 'getMe', 'setMyCommands', 'deleteMyCommands', 'setWebhook', 'deleteWebhook']);

/**
 * The throttler keeps a message in its queue until the chat's turn comes (up to a minute in a busy
 * group) and does not look at the abort signal meanwhile. At shutdown the caller must not wait for
 * that turn: an abort rejects at once, and the queued call, when its turn comes, fails fast on the
 * aborted signal without reaching Telegram.
 */
function untilAborted<T>(job: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return job;
  job.catch(() => undefined); // its late failure has nobody waiting for it
  if (signal.aborted) return Promise.reject(new Error('aborted while waiting for its turn to send'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted while waiting for its turn to send'));
    signal.addEventListener('abort', onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function pacing(options: PacingOptions = TELEGRAM_PACING): Transformer {
  const throttled = apiThrottler(options);
  return (prev, method, payload, signal) =>
    UNPACED.has(method) ? prev(method, payload, signal) : untilAborted(throttled(prev, method, payload, signal), signal as AbortSignal | undefined);
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Retries a request that failed on the network (HttpError) a few times with growing pauses. getUpdates
 * is left to the poller (poller.ts), which has its own retry loop. auto-retry's own network retry is unbounded, so
 * it is switched off in favour of this one: a reply must not keep the bot from shutting down for hours.
 */
export function networkRetry(opts: { attempts?: number; firstDelayMs?: number } = {}): Transformer {
  const attempts = opts.attempts ?? 3;
  const firstDelay = opts.firstDelayMs ?? 1000;
  return async (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || attempt + 1 >= attempts || signal?.aborted) throw err;
        await pause(firstDelay * 2 ** attempt, signal as AbortSignal | undefined).catch(() => {
          throw err;
        });
      }
    }
  };
}

export interface ResilienceOptions {
  /** false turns pacing off (tests and benchmarks of the bare bot); default Telegram's limits. */
  pacing?: PacingOptions | false;
  /** Longest retry_after (seconds) the bot waits for before giving up on a message. */
  maxRetryAfterSeconds?: number;
  networkRetry?: { attempts?: number; firstDelayMs?: number };
}

/** The transformers, in installation order (`api.config.use(...resilience())`). */
export function resilience(opts: ResilienceOptions = {}): Transformer[] {
  const out: Transformer[] = [];
  if (opts.pacing !== false) out.push(pacing(opts.pacing ?? TELEGRAM_PACING));
  out.push(networkRetry(opts.networkRetry));
  out.push(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: opts.maxRetryAfterSeconds ?? 60, rethrowHttpErrors: true }));
  return out;
}
