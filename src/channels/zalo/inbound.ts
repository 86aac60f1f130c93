/**
 * Zalo update → what the bot does with it: a text for the core, a short explanation for media it
 * cannot read, or nothing for events it does not know.
 *
 * Groups (chat_type GROUP, a beta of the platform): Zalo delivers to a bot only the group messages that
 * @mention it or reply to it, so each one is meant for the bot, as on Telegram. The mention of the
 * bot's name ("@Trợ lý thi đua hạn báo cáo?") is removed before the text goes to the core, which is told
 * the chat is a group (it never runs a report there and asks the user to write privately).
 */
import type { Inbound } from '../../dialog/types.js';
import { zaloMessageSchema, zaloUpdateSchema, type ZaloMessage, type ZaloUpdate } from './api-schemas.js';
import { zaloTexts } from './texts.js';

export type BodyParse = { ok: true; update: ZaloUpdate } | { ok: false; reason: 'array' | 'not_an_update' | 'empty' };

/**
 * A webhook body or a getUpdates result: enveloped `{ok, result: update}` or bare `{event_name, message}`.
 * An array is not an update. An empty object (or `{ok: true}` with no result) carries nothing: the test
 * call setWebhook makes to verify the URL [U], or an empty poll. It is answered as fine, not refused.
 */
export function parseUpdateBody(body: unknown): BodyParse {
  if (Array.isArray(body)) return { ok: false, reason: 'array' };
  if (body === null || typeof body !== 'object') return { ok: false, reason: 'not_an_update' };
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0 || (keys.length === 1 && record.ok === true)) return { ok: false, reason: 'empty' };
  const candidate = !('event_name' in record) && 'result' in record ? record.result : record;
  if (Array.isArray(candidate)) return { ok: false, reason: 'array' };
  const parsed = zaloUpdateSchema.safeParse(candidate);
  return parsed.success ? { ok: true, update: parsed.data } : { ok: false, reason: 'not_an_update' };
}

/** The media events the bot explains instead of handling. */
const EXPLAINED: Record<string, string> = {
  'message.image.received': zaloTexts.image,
  'message.sticker.received': zaloTexts.sticker,
  'message.voice.received': zaloTexts.voice,
  'message.unsupported.received': zaloTexts.unsupported,
};

export const TEXT_EVENT = 'message.text.received';

export type InboundAction =
  | { kind: 'text'; inbound: Inbound; messageId: string; chatId: string }
  | { kind: 'explain'; text: string; messageId: string; chatId: string; event: string }
  | { kind: 'ignore'; event: string; reason: 'unknown_event' | 'bad_message' | 'from_bot' | 'empty_text' };

function chatTypeOf(message: ZaloMessage): 'private' | 'group' {
  return message.chat.chat_type?.toUpperCase() === 'GROUP' ? 'group' : 'private';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes "@<bot name>" (any case) wherever it stands, for each of the bot's names (a group mention
 * carries the display name, not getMe's account_name), longest first so that a name is never cut by a
 * shorter one it starts with; then the punctuation a mention leaves ("@bot, …"). When the name shown is
 * none of these [U], a message that still starts with a mention and goes on to a command
 * ("@Trợ lý /baocao") is taken from the command on.
 */
export function stripBotMention(text: string, botNames: string | readonly (string | undefined)[] | undefined): string {
  let out = text.normalize('NFC');
  const names = (typeof botNames === 'string' ? [botNames] : (botNames ?? []))
    .map((n) => n?.trim().normalize('NFC'))
    .filter((n): n is string => Boolean(n))
    .sort((a, b) => b.length - a.length);
  for (const name of names) out = out.replace(new RegExp(`@${escapeRegExp(name)}(?=$|[\\s,.:;!?])`, 'giu'), ' ');
  out = out.replace(/\s+/g, ' ').replace(/^[\s,:;.!?-]+/, '').trim();
  const command = out.startsWith('@') ? /\s(\/[\p{L}\p{N}_]+(?:\s.*)?)$/u.exec(out) : null;
  return command ? command[1]!.trim() : out;
}

export interface ClassifyOptions {
  /**
   * The bot's names from getMe, as people @mention it in groups: the display name first (what a group
   * mention carries), then `account_name`. The first one is the name the bot suggests in its hint.
   */
  botNames?: readonly string[];
}

export function classifyUpdate(update: ZaloUpdate, options: ClassifyOptions = {}): InboundAction {
  const event = update.event_name;
  const known = event === TEXT_EVENT || event in EXPLAINED;
  if (!known) return { kind: 'ignore', event, reason: 'unknown_event' };
  const parsed = zaloMessageSchema.safeParse(update.message);
  if (!parsed.success) return { kind: 'ignore', event, reason: 'bad_message' };
  const message = parsed.data;
  // The bot's own messages (or another bot's in a group) are never answered: two bots would loop.
  if (message.from.is_bot === true) return { kind: 'ignore', event, reason: 'from_bot' };
  const chatId = message.chat.id;
  const messageId = message.message_id;

  if (event !== TEXT_EVENT) return { kind: 'explain', text: EXPLAINED[event]!, messageId, chatId, event };

  let text = message.text ?? '';
  if (!text.trim()) return { kind: 'ignore', event, reason: 'empty_text' };
  const chatType = chatTypeOf(message);
  if (chatType === 'group') {
    text = stripBotMention(text, options.botNames);
    if (!text) return { kind: 'explain', text: zaloTexts.emptyMention(options.botNames?.[0]), messageId, chatId, event };
  }
  const displayName = message.from.display_name?.trim();
  const inbound: Inbound = {
    channel: 'zalo',
    userId: message.from.id,
    chatId,
    chatType,
    text,
    updateId: messageId,
    ...(displayName ? { displayName } : {}),
    ...(message.date !== undefined && Number.isFinite(message.date) ? { receivedAt: new Date(message.date) } : {}),
  };
  return { kind: 'text', inbound, messageId, chatId };
}
