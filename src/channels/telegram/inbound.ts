/**
 * A Telegram update → what the bot does with it: hand it to the core (a text or a pressed button),
 * explain that only text is read (photo, sticker, voice, file…), or ignore it.
 *
 * Groups: only messages meant for the bot are handled — ones that mention it (@name, or a text
 * mention of the bot's account), reply to one of its messages, or are commands without a bot name or
 * with this bot's name. The mention is removed before the text goes to the core, which is told the
 * chat is a group (it never runs a report there and asks the user to write privately).
 */
import { CHOSEN_DATA } from './keyboard.js';
import type { Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import type { Inbound } from '../../dialog/types.js';

export type InboundEvent =
  | { kind: 'core'; inbound: Inbound; callbackQueryId?: string }
  /** A message the bot cannot read (photo, sticker…): explain in `chatId`. */
  | { kind: 'non-text'; chatId: string; userId: string }
  /** Someone in a group wrote only the bot's name. */
  | { kind: 'empty-mention'; chatId: string; userId: string }
  /** A pressed button without data (e.g. a game): only answered. */
  | { kind: 'bare-callback'; callbackQueryId: string }
  | { kind: 'ignore'; reason: string };

type ChatKind = 'private' | 'group' | undefined;

function chatKind(type: string): ChatKind {
  if (type === 'private') return 'private';
  if (type === 'group' || type === 'supergroup') return 'group';
  return undefined; // channels
}

function displayName(user: { first_name: string; last_name?: string }): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}

/** Where the entities of a message point at this bot: its @username or a text mention of its account. */
function botMentions(text: string, entities: readonly MessageEntity[] | undefined, me: UserFromGetMe): MessageEntity[] {
  const name = `@${me.username}`.toLowerCase();
  return (entities ?? []).filter(
    (e) =>
      (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === name) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
}

/** Removes the given entity ranges from the text, then the punctuation a mention leaves ("@bot, …"). */
function stripRanges(text: string, ranges: readonly MessageEntity[]): string {
  let out = text;
  for (const e of [...ranges].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + ' ' + out.slice(e.offset + e.length);
  return out.replace(/\s+/g, ' ').replace(/^[\s,:;.!?-]+/, '').trim();
}

/** The bot a command names: "/hoi@this_bot …" → "this_bot"; "/hoi …" → null; not a command → undefined. */
function commandTarget(text: string): string | null | undefined {
  const m = /^\/[^\s@]+(?:@(\S+))?/.exec(text);
  if (!m) return undefined;
  return m[1] ?? null;
}

function isReplyToBot(message: Message, me: UserFromGetMe): boolean {
  return message.reply_to_message?.from?.id === me.id;
}

function fromMessage(update: Update, message: Message, me: UserFromGetMe): InboundEvent {
  const kind = chatKind(message.chat.type);
  const from = message.from;
  if (!kind) return { kind: 'ignore', reason: 'channel post' };
  if (!from || from.is_bot) return { kind: 'ignore', reason: 'no human sender' };
  const userId = String(from.id);
  const chatId = String(message.chat.id);
  const text = message.text;

  if (text === undefined) {
    // Service messages (members joined, pinned…) are not for the bot; media and files are.
    const media = ['photo', 'sticker', 'voice', 'video', 'video_note', 'audio', 'document', 'animation', 'location', 'venue', 'contact', 'poll', 'dice'];
    if (!media.some((k) => k in message)) return { kind: 'ignore', reason: 'service message' };
    if (kind === 'group') {
      const caption = message.caption ?? '';
      const addressed = isReplyToBot(message, me) || botMentions(caption, message.caption_entities, me).length > 0;
      if (!addressed) return { kind: 'ignore', reason: 'group media not for the bot' };
    }
    return { kind: 'non-text', chatId, userId };
  }

  let forCore = text;
  if (kind === 'group') {
    const target = commandTarget(text);
    const mentions = botMentions(text, message.entities, me);
    const isCommand = target !== undefined;
    if (isCommand && target !== null && target.toLowerCase() !== me.username.toLowerCase()) {
      return { kind: 'ignore', reason: 'command for another bot' };
    }
    if (!isCommand && mentions.length === 0 && !isReplyToBot(message, me)) return { kind: 'ignore', reason: 'group message not for the bot' };
    if (!isCommand && mentions.length > 0) {
      forCore = stripRanges(text, mentions);
      if (!forCore) return { kind: 'empty-mention', chatId, userId };
    }
  }

  return {
    kind: 'core',
    inbound: {
      channel: 'telegram',
      userId,
      chatId,
      chatType: kind,
      text: forCore,
      displayName: displayName(from),
      updateId: String(update.update_id),
    },
  };
}

export function classifyUpdate(update: Update, me: UserFromGetMe): InboundEvent {
  if (update.message) return fromMessage(update, update.message, me);
  const cq = update.callback_query;
  if (cq) {
    if (cq.data === undefined || cq.data === CHOSEN_DATA) return { kind: 'bare-callback', callbackQueryId: cq.id };
    const chat = cq.message?.chat;
    const kind = chat ? chatKind(chat.type) : 'private';
    if (!kind) return { kind: 'bare-callback', callbackQueryId: cq.id };
    return {
      kind: 'core',
      callbackQueryId: cq.id,
      inbound: {
        channel: 'telegram',
        userId: String(cq.from.id),
        chatId: String(chat?.id ?? cq.from.id),
        chatType: kind,
        action: cq.data,
        displayName: displayName(cq.from),
        updateId: String(update.update_id),
      },
    };
  }
  return { kind: 'ignore', reason: 'update type not handled' };
}
