/**
 * Paces outgoing reminders within each platform's limits: a minimum gap between any two messages of a
 * channel (Telegram allows about 30 messages a second in bulk; Zalo documents no rate, so we stay well
 * below) and between two messages to the same chat (Telegram: about one a second). Time comes from an
 * injected clock so tests can check the pacing without waiting.
 */
import type { ChannelName } from '../../config.js';

export interface Clock {
  /** Milliseconds (any origin; only differences matter). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PaceLimits {
  /** Minimum milliseconds between two sends on the channel. */
  minIntervalMs: number;
  /** Minimum milliseconds between two sends to the same chat. */
  perChatIntervalMs: number;
}

export const CHANNEL_LIMITS: Record<ChannelName, PaceLimits> = {
  // 20 messages a second: a margin under Telegram's 30/s, which other replies share.
  telegram: { minIntervalMs: 50, perChatIntervalMs: 1100 },
  // Undocumented limits and a monthly quota: a few messages a second is plenty for reminders.
  zalo: { minIntervalMs: 250, perChatIntervalMs: 1100 },
  console: { minIntervalMs: 0, perChatIntervalMs: 0 },
};

export interface Pacer {
  /** Resolves when a message to `chatId` may be sent, and books that moment. */
  wait(chatId: string): Promise<void>;
}

export function createPacer(limits: PaceLimits, clock: Clock): Pacer {
  let last: number | undefined;
  const lastByChat = new Map<string, number>();
  return {
    async wait(chatId) {
      const chatLast = lastByChat.get(chatId);
      const earliest = Math.max(
        last === undefined ? -Infinity : last + limits.minIntervalMs,
        chatLast === undefined ? -Infinity : chatLast + limits.perChatIntervalMs,
      );
      const wait = earliest - clock.now();
      if (wait > 0) await clock.sleep(wait);
      const at = clock.now();
      last = at;
      lastByChat.set(chatId, at);
    },
  };
}
