/**
 * What every running channel offers to the rest of the bot.
 */
import type { ChannelName, Outbound } from '../dialog/types.js';

export interface ChannelHandle {
  readonly channel: ChannelName;
  /**
   * Sends messages to a chat outside of an inbound update (reminders, admin notices).
   * Rejects when the platform refuses (blocked user, unknown chat) so the caller can record it.
   */
  send(chatId: string, messages: Outbound[]): Promise<void>;
  /** Stops taking updates, finishes those in flight. */
  stop(): Promise<void>;
}
