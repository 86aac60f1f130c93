/**
 * The channel-neutral contract of the core: `handle(inbound) → outbound[]`.
 * Channels (Telegram, Zalo, console) only translate to and from these shapes.
 */
import type { ChannelName } from '../config.js';

export type { ChannelName } from '../config.js';

export interface Inbound {
  channel: ChannelName;
  /** The sender's id on that channel (opaque string). */
  userId: string;
  /** Where to reply. */
  chatId: string;
  /** Group chats never run a report; the core asks the user to write privately. */
  chatType?: 'private' | 'group';
  /** What the user typed. Exactly one of `text` and `action` is set. */
  text?: string;
  /** The id of a choice the user pressed (a button); see `Choice.id`. */
  action?: string;
  displayName?: string;
  /** The channel's id of this delivery (Telegram update_id, Zalo message_id): a second delivery is ignored. */
  updateId?: string;
  receivedAt?: Date;
}

/** One option the user can pick: a button on Telegram, a numbered line on Zalo and the console. */
export interface Choice {
  /** Short and stable (Telegram callback_data is limited to 64 bytes). */
  id: string;
  label: string;
}

export interface OutboundDocument {
  filename: string;
  mimeType: string;
  content: Buffer;
  caption?: string;
}

/**
 * A picture shown before the message's text (the /thongke chart): a photo on Telegram, a photo fetched
 * from a download link on Zalo, a saved file on the console. The text carries the same figures, so a
 * channel that cannot show the picture loses nothing.
 */
export interface OutboundPhoto {
  filename: string;
  /** image/png */
  mimeType: string;
  content: Buffer;
  /** Short (Telegram allows 1024 characters under a photo). */
  caption?: string;
}

/** What an answer to a question was (for `chat --json` and for channels that format answers). */
export interface AnswerMeta {
  /** `reply` for small talk: a message of the answerer that answers no question. */
  status: 'answer' | 'clarify' | 'not_found' | 'reply';
  intent: string;
  sources: { plan: string; section: string }[];
  options?: { id: string; label: string; planId: string }[];
}

export interface Outbound {
  /** Plain text (channels escape it for their own markup). Vietnamese with full diacritics. */
  text: string;
  /** Set when this message answers a question (small talk and form steps have none). */
  answer?: AnswerMeta;
  choices?: Choice[];
  document?: OutboundDocument;
  /** At most one of `document` and `photo` is set (the outbox keeps one file per reply). */
  photo?: OutboundPhoto;
}

export interface HandleOptions {
  /**
   * Store the replies in the outbox, in the same commit as the state change, instead of returning
   * them; the channel's sender delivers them from there. What is returned then is only what could not
   * be stored (a failure notice), for the channel to send directly.
   */
  outbox?: boolean;
}

export interface Core {
  handle(inbound: Inbound, options?: HandleOptions): Promise<Outbound[]>;
}
