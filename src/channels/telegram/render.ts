/**
 * One core reply (`Outbound`) → the Telegram messages that carry it: text split at 4096 characters and
 * HTML-escaped, the choices as an inline keyboard on the last text message, a document as a file with
 * its caption (a caption over Telegram's 1024 characters goes out as a text message first), a photo
 * before the text it illustrates (its caption cut to the limit: the text says everything anyway).
 */
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Outbound } from '../../dialog/types.js';
import { escapeHtml } from './html.js';
import { choiceKeyboard } from './keyboard.js';
import { splitText } from '../../text/split.js';

/** Telegram's limits on one message's text and on a document's caption. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Shown above buttons that came without any text (the core always sends text; this is a safety net). */
const CHOOSE_PROMPT = 'Vui lòng chọn một mục:';

export type TelegramMessage =
  | { kind: 'text'; html: string; replyMarkup?: InlineKeyboardMarkup }
  | { kind: 'document'; filename: string; content: Buffer; captionHtml?: string; replyMarkup?: InlineKeyboardMarkup }
  | { kind: 'photo'; filename: string; content: Buffer; captionHtml?: string; replyMarkup?: InlineKeyboardMarkup };

export interface Rendered {
  messages: TelegramMessage[];
  /** Choice ids that could not become buttons (over 64 bytes): for the log. */
  rejectedChoiceIds: string[];
}

/** A line of an answer that reads as a heading: a plan ("■ Tây Ninh — …") or a line that opens a quote ("Đối với cấp xã:"). */
function isHeading(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('■ ')) return true;
  return t.length > 0 && t.length <= 200 && t.endsWith(':') && !/^[“"+\-•]/u.test(t);
}

/**
 * An answer in Telegram's HTML: its first line (the key fact) and its headings in bold; everything
 * escaped. Other messages (form steps, notices) stay plain.
 */
function answerHtml(chunk: string, first: boolean): string {
  return chunk
    .split('\n')
    .map((line, i) => ((first && i === 0) || isHeading(line) ? `<b>${escapeHtml(line)}</b>` : escapeHtml(line)))
    .join('\n');
}

export function renderOutbound(message: Outbound): Rendered {
  const keyboard = choiceKeyboard(message.choices ?? []);
  const text = [message.text.trim(), keyboard.listing].filter((s) => s).join('\n\n');
  const isAnswer = message.answer !== undefined && message.answer.status !== 'reply';
  const chunks = text ? splitText(text, TELEGRAM_TEXT_LIMIT) : [];
  const texts = chunks.map((c, i) => (isAnswer ? answerHtml(c, i === 0) : escapeHtml(c)));
  const messages: TelegramMessage[] = texts.map((html) => ({ kind: 'text', html }));

  const photo = message.photo;
  if (photo) {
    const caption = photo.caption?.trim();
    const picture: TelegramMessage = { kind: 'photo', filename: photo.filename, content: photo.content };
    if (caption) picture.captionHtml = escapeHtml(caption.length <= TELEGRAM_CAPTION_LIMIT ? caption : `${caption.slice(0, TELEGRAM_CAPTION_LIMIT - 1)}…`);
    messages.unshift(picture);
  }

  const doc = message.document;
  if (doc) {
    const caption = doc.caption?.trim();
    const document: TelegramMessage = { kind: 'document', filename: doc.filename, content: doc.content };
    if (caption && caption.length <= TELEGRAM_CAPTION_LIMIT) document.captionHtml = escapeHtml(caption);
    else if (caption) messages.push(...splitText(caption, TELEGRAM_TEXT_LIMIT).map((c): TelegramMessage => ({ kind: 'text', html: escapeHtml(c) })));
    messages.push(document);
  }

  if (keyboard.markup) {
    // On the last text message (after it the user acts); on the file only when there is no text at all.
    const target = messages.findLast((m) => m.kind === 'text') ?? messages.at(-1);
    if (target) target.replyMarkup = keyboard.markup;
    else messages.push({ kind: 'text', html: escapeHtml(CHOOSE_PROMPT), replyMarkup: keyboard.markup });
  }
  return { messages, rejectedChoiceIds: keyboard.rejected };
}

export function renderAll(replies: readonly Outbound[]): Rendered {
  const out: Rendered = { messages: [], rejectedChoiceIds: [] };
  for (const r of replies) {
    const one = renderOutbound(r);
    out.messages.push(...one.messages);
    out.rejectedChoiceIds.push(...one.rejectedChoiceIds);
  }
  return out;
}
