/**
 * Sends the core's replies to one chat, in order: HTML text (split, escaped, with the inline keyboard),
 * documents and photos (uploaded from the buffer). A file Telegram refuses (too big, bad type) is replaced
 * by a short notice; a refused photo is left out (the text after it has the same figures); any other
 * refusal rejects with a TelegramDeliveryError (blocked user, unknown chat…).
 */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { classifyDelivery, describeError } from './errors.js';
import { renderAll, type TelegramMessage } from './render.js';
import { escapeHtml } from './html.js';
import { telegramTexts } from './texts.js';

export interface TelegramSender {
  /** Sends every reply; rejects with a TelegramDeliveryError at the first message Telegram refuses. */
  deliver(chatId: string | number, replies: readonly Outbound[]): Promise<void>;
}

export interface SenderDeps {
  api: Api;
  logger: Logger;
  /** Aborted at shutdown: a send still waiting for a retry gives up. */
  signal?: AbortSignal;
}

/** grammY's Node build types its signals with the abort-controller package; the objects are the same. */
type ApiSignal = Parameters<Api['sendMessage']>[3];

export function createTelegramSender(deps: SenderDeps): TelegramSender {
  const { api, logger } = deps;
  const signal = deps.signal as ApiSignal;

  async function sendOne(chatId: string | number, m: TelegramMessage): Promise<void> {
    if (m.kind === 'text') {
      await api.sendMessage(
        chatId,
        m.html,
        {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
        },
        signal,
      );
      return;
    }
    const file = new InputFile(m.content, m.filename);
    const options = {
      ...(m.captionHtml ? { caption: m.captionHtml, parse_mode: 'HTML' as const } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    };
    try {
      if (m.kind === 'photo') await api.sendPhoto(chatId, file, options, signal);
      else await api.sendDocument(chatId, file, options, signal);
    } catch (err) {
      // 403 (blocked) and 429 are the chat's problem, not the file's: let the caller see them.
      if (!(err instanceof GrammyError) || err.error_code === 403 || err.error_code === 429) throw err;
      logger.warn({ event: `${m.kind}-refused`, ...describeError(err), bytes: m.content.length }, `telegram refused a ${m.kind}`);
      // The text after a photo has the same figures: the reply goes on without the picture.
      if (m.kind === 'document') await api.sendMessage(chatId, escapeHtml(telegramTexts.documentFailed), { parse_mode: 'HTML' }, signal);
    }
  }

  return {
    async deliver(chatId, replies) {
      const rendered = renderAll(replies);
      if (rendered.rejectedChoiceIds.length) {
        logger.error(
          { event: 'callback-data-too-long', ids: rendered.rejectedChoiceIds },
          'choice ids over 64 bytes cannot be buttons; they stay selectable by number or label',
        );
      }
      for (const m of rendered.messages) {
        try {
          await sendOne(chatId, m);
        } catch (err) {
          throw classifyDelivery(err);
        }
      }
    },
  };
}
