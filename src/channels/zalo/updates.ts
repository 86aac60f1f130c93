/**
 * What happens to each Zalo update, whether it came from long polling or a webhook:
 *
 *   accept: parse → drop what the bot does not handle → store it in the mailbox (a repeated message_id
 *           stops there, its unsent replies are sent) → only then is it acknowledged (webhook 200)
 *   handle (from the mailbox, per user in order): text to the core, whose replies are stored in the
 *           outbox with the state change and sent from there; images, stickers, voice are explained.
 */
import type { Core, Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import { createMailbox, type Mailbox } from '../mailbox/mailbox.js';
import { isZaloApiError } from './errors.js';
import { classifyUpdate, parseUpdateBody } from './inbound.js';
import { createKeyedQueue } from './keyed-queue.js';
import { errorSummary, type ZaloSender } from './sender.js';
import { zaloTexts } from './texts.js';

export type AcceptResult = 'queued' | 'duplicate' | 'ignored' | 'rejected_array' | 'rejected_invalid';

export interface UpdateHandlerDeps {
  core: Core;
  store: Store;
  sender: ZaloSender;
  logger: Logger;
  /** Zalo shows "typing…" for a few seconds; renewed at this interval while the core works. */
  typingIntervalMs?: number;
  /** The bot's names once known (getMe: display name, account name), to remove its @mention from group messages. */
  botNames?: () => readonly string[];
}

export interface UpdateHandler {
  /**
   * Takes one update body. Resolves once it is stored (the webhook may answer 200 then) or known not
   * to be handled; rejects while stopping (the webhook answers 503, the platform delivers again).
   */
  accept(body: unknown): Promise<AcceptResult>;
  readonly mailbox: Mailbox;
  /** Resolves when every stored update has been handled. */
  idle(): Promise<void>;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const log = deps.logger;
  const typingIntervalMs = deps.typingIntervalMs ?? 4000;
  const queue = createKeyedQueue((err) => log.error({ err: errorSummary(err) }, 'zalo update failed'));

  /** Replies the core could not store (a failure notice): sent once, directly. */
  async function deliverDirect(chatId: string, replies: readonly Outbound[]): Promise<void> {
    try {
      await deps.sender.deliver(chatId, replies);
    } catch (err) {
      log.warn({ err: errorSummary(err) }, 'could not deliver a zalo reply');
    }
  }

  async function answerText(inbound: Parameters<Core['handle']>[0]): Promise<void> {
    const chatId = inbound.chatId;
    void deps.sender.typing(chatId);
    const timer = setInterval(() => void deps.sender.typing(chatId), typingIntervalMs);
    timer.unref();
    let unstored: Outbound[];
    try {
      unstored = await deps.core.handle(inbound, { outbox: true });
    } catch (err) {
      log.error({ err: errorSummary(err) }, 'core failed on a zalo message');
      unstored = [{ text: zaloTexts.internalError }];
    } finally {
      clearInterval(timer);
    }
    mailbox.kick();
    if (unstored.length) await deliverDirect(chatId, unstored);
  }

  /** Runs one stored update in its user's queue; resolves when it is done. */
  function handleStored(body: unknown, updateId: string): Promise<void> {
    const parsed = parseUpdateBody(body);
    if (!parsed.ok) return Promise.resolve();
    const action = classifyUpdate(parsed.update, { botNames: deps.botNames?.() ?? [] });
    if (action.kind === 'ignore') return Promise.resolve();
    return new Promise<void>((resolve) => {
      if (action.kind === 'explain') {
        queue.push(action.chatId, async () => {
          try {
            await deps.sender.countReceived();
            mailbox.reply(action.chatId, updateId, [{ text: action.text }]);
          } finally {
            resolve();
          }
        });
        return;
      }
      queue.push(action.inbound.userId, async () => {
        try {
          await deps.sender.countReceived();
          await answerText(action.inbound);
        } finally {
          resolve();
        }
      });
    });
  }

  const mailbox = createMailbox({
    channel: 'zalo',
    store: deps.store,
    logger: log,
    handle: (payload, updateId) => handleStored(payload, updateId),
    deliver: (chatId, message) => deps.sender.deliver(chatId, [message]),
    // A refusal that no retry can change (a user the bot may not write to, a bad request).
    isPermanent: (err) => isZaloApiError(err) && err.kind === 'api' && !err.isRetryable && !err.isUnauthorized,
  });

  return {
    mailbox,
    async accept(body) {
      const parsed = parseUpdateBody(body);
      if (!parsed.ok && parsed.reason === 'empty') {
        log.info({ reason: parsed.reason }, 'zalo empty body (a webhook test call) ignored');
        return 'ignored';
      }
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'zalo update rejected');
        return parsed.reason === 'array' ? 'rejected_array' : 'rejected_invalid';
      }
      const action = classifyUpdate(parsed.update, { botNames: deps.botNames?.() ?? [] });
      if (action.kind === 'ignore') {
        // The event name only: never the message or who sent it.
        log.info({ event: action.event, reason: action.reason }, 'zalo update ignored');
        return 'ignored';
      }
      const accepted = await mailbox.accept(action.messageId, body);
      if (accepted === 'duplicate') {
        log.info({ event: action.kind }, 'zalo duplicate message_id ignored');
        return 'duplicate';
      }
      return 'queued';
    },
    idle: () => mailbox.idle(),
  };
}
