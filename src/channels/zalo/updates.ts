/**
 * What happens to each Zalo update, whether it came from long polling or a webhook: parse, drop
 * repeats, then (per user, in order) hand text to the core and send its replies, or explain that the
 * bot cannot read images, stickers or voice. `accept` is synchronous so a webhook can answer at once.
 */
import type { Core } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { classifyUpdate, parseUpdateBody } from './inbound.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createRecentIds } from './recent-ids.js';
import { errorSummary, type ZaloSender } from './sender.js';
import { zaloTexts } from './texts.js';

export type AcceptResult = 'queued' | 'duplicate' | 'ignored' | 'rejected_array' | 'rejected_invalid';

export interface UpdateHandlerDeps {
  core: Core;
  sender: ZaloSender;
  logger: Logger;
  /** Zalo shows "typing…" for a few seconds; renewed at this interval while the core works. */
  typingIntervalMs?: number;
  /** The bot's names once known (getMe: display name, account name), to remove its @mention from group messages. */
  botNames?: () => readonly string[];
}

export interface UpdateHandler {
  accept(body: unknown): AcceptResult;
  /** Resolves when every accepted update has been handled. */
  idle(): Promise<void>;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const log = deps.logger;
  const typingIntervalMs = deps.typingIntervalMs ?? 4000;
  const recent = createRecentIds();
  const queue = createKeyedQueue((err) => log.error({ err: errorSummary(err) }, 'zalo update failed'));

  async function answerText(inbound: Parameters<Core['handle']>[0]): Promise<void> {
    const chatId = inbound.chatId;
    void deps.sender.typing(chatId);
    const timer = setInterval(() => void deps.sender.typing(chatId), typingIntervalMs);
    timer.unref();
    let replies;
    try {
      replies = await deps.core.handle(inbound);
    } catch (err) {
      log.error({ err: errorSummary(err) }, 'core failed on a zalo message');
      replies = [{ text: zaloTexts.internalError }];
    } finally {
      clearInterval(timer);
    }
    if (replies.length) await deps.sender.deliver(chatId, replies);
  }

  return {
    accept(body) {
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
      if (!recent.firstTime(action.messageId)) {
        log.info({ event: action.kind }, 'zalo duplicate message_id ignored');
        return 'duplicate';
      }
      if (action.kind === 'explain') {
        const { chatId, text } = action;
        queue.push(chatId, async () => {
          await deps.sender.countReceived();
          await deps.sender.sendTexts(chatId, [text]);
        });
        return 'queued';
      }
      const { inbound } = action;
      queue.push(inbound.userId, async () => {
        await deps.sender.countReceived();
        await answerText(inbound);
      });
      return 'queued';
    },
    idle: () => queue.idle(),
  };
}
