/**
 * Sending on Zalo: renders Outbound to texts (a photo to a link for sendPhoto, before its text), sends
 * them in order (retrying briefly on 429, 5xx and network errors), counts them against the monthly quota, and warns admins once when the quota runs low.
 */
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import type { ZaloClient } from './client.js';
import { isZaloApiError, type ZaloApiError } from './errors.js';
import type { QuotaMeter } from './quota.js';
import { renderOutbound, renderPhoto, type RenderDeps, type ZaloPhoto } from './render.js';
import { zaloTexts } from './texts.js';

export interface ZaloSenderDeps {
  client: ZaloClient;
  logger: Logger;
  render?: RenderDeps;
  quota?: QuotaMeter;
  /** Where to send the quota warning: the chats of the Zalo admins. */
  adminChatIds?: () => string[];
  /** Attempts per message, the first included. */
  attempts?: number;
  backoff?: BackoffOptions;
  /** The platform refused the token: nothing more can be sent. */
  onUnauthorized?: (err: ZaloApiError) => void;
  /** Aborted when the channel gives up at shutdown: waits between retries and sends under way end. */
  signal?: AbortSignal;
}

export interface ZaloSender {
  /** Renders and sends; rejects with the platform's refusal (remaining texts are not sent). */
  deliver(chatId: string, messages: readonly Outbound[]): Promise<void>;
  sendTexts(chatId: string, texts: readonly string[]): Promise<void>;
  /** Shows "typing…"; failures are ignored (it is only a courtesy). */
  typing(chatId: string): Promise<void>;
  /** Counts an inbound message against the quota (and warns admins when it crosses the threshold). */
  countReceived(): Promise<void>;
}

export function createZaloSender(deps: ZaloSenderDeps): ZaloSender {
  const attempts = deps.attempts ?? 4;
  const backoff = deps.backoff ?? { initialMs: 500, maxMs: 10_000 };
  const log = deps.logger;

  const callOptions = () => (deps.signal ? { signal: deps.signal } : {});

  /** One send, retried briefly on 429, 5xx and network errors. */
  async function withRetries(method: 'sendMessage' | 'sendPhoto', send: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await send();
        return;
      } catch (err) {
        if (isZaloApiError(err) && err.isUnauthorized) deps.onUnauthorized?.(err);
        if (!isZaloApiError(err) || !err.isRetryable || attempt >= attempts || deps.signal?.aborted) throw err;
        const wait = err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : backoffDelay(attempt, backoff);
        log.warn({ method, errorCode: err.errorCode, kind: err.kind, attempt, waitMs: wait }, 'zalo send failed, retrying');
        await sleep(wait, deps.signal);
      }
    }
  }

  const sendOne = (chatId: string, text: string) => withRetries('sendMessage', () => deps.client.sendMessage(chatId, text, callOptions()));

  /** A photo Zalo does not take is left out: the text after it has the same figures. */
  async function sendPhoto(chatId: string, photo: ZaloPhoto): Promise<void> {
    try {
      await withRetries('sendPhoto', () => deps.client.sendPhoto(chatId, photo.url, photo.caption, callOptions()));
    } catch (err) {
      if ((isZaloApiError(err) && err.isUnauthorized) || deps.signal?.aborted) throw err;
      log.warn({ event: 'photo-refused', err: errorSummary(err) }, 'zalo did not send the photo; the text follows');
      return;
    }
    await counted({ sent: 1 });
  }

  async function warnAdmins(used: number, quota: number, month: string): Promise<void> {
    const chats = [...new Set(deps.adminChatIds?.() ?? [])];
    log.warn({ used, quota, month, admins: chats.length }, 'zalo monthly quota threshold reached');
    const text = zaloTexts.quotaWarning(used, quota, month);
    for (const chatId of chats) {
      try {
        await sendOne(chatId, text);
        deps.quota?.record({ sent: 1 });
      } catch (err) {
        log.error({ err: errorSummary(err) }, 'could not send the quota warning to an admin');
      }
    }
  }

  /** Counts against the monthly quota (and warns admins when it crosses the threshold). */
  async function counted(count: { sent: 1 } | { received: 1 }): Promise<void> {
    const warning = deps.quota?.record(count);
    if (warning) await warnAdmins(warning.used, warning.quota, warning.month);
  }

  async function sendTexts(chatId: string, texts: readonly string[]): Promise<void> {
    for (const text of texts) {
      await sendOne(chatId, text);
      await counted({ sent: 1 });
    }
  }

  return {
    sendTexts,
    async deliver(chatId, messages) {
      for (const message of messages) {
        const photo = message.photo ? renderPhoto(message.photo, deps.render) : undefined;
        if (photo) await sendPhoto(chatId, photo);
        await sendTexts(chatId, renderOutbound(message, deps.render));
      }
    },
    countReceived: () => counted({ received: 1 }),
    async typing(chatId) {
      try {
        await deps.client.sendChatAction(chatId, 'typing');
      } catch (err) {
        log.debug({ err: errorSummary(err) }, 'zalo typing action failed');
      }
    },
  };
}

/** Loggable summary of an error: never a URL, never message text. */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (isZaloApiError(err)) return { method: err.method, kind: err.kind, errorCode: err.errorCode, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { message: String(err) };
}
