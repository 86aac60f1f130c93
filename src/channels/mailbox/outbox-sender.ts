/**
 * Sends a channel's stored replies (the outbox) and marks each one delivered.
 *
 * - Per chat, one reply after the other in the order they were stored; chats in parallel (the
 *   channel's own pacing keeps within the platform's limits).
 * - A refusal for good (the user blocked the bot, the chat is gone) marks the reply failed; any other
 *   failure (network, 5xx after the channel's own retries) keeps it waiting and tries the chat again
 *   later, with a growing pause, up to `maxAttempts`.
 * - "Delivered" marks are committed in groups (one write per turn of the event loop, not one per
 *   message). A crash between a send and its mark sends that reply once more after the restart: a
 *   reply may come twice, never not at all.
 */
import { setImmediate as nextTurn } from 'node:timers';
import type { ChannelName } from '../../config.js';
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import type { WaitingReply } from '../../store/outbox.js';

export interface OutboxSenderDeps {
  channel: ChannelName;
  store: Store;
  logger: Logger;
  /** Sends one reply to one chat; rejects when the platform refuses it. */
  deliver(chatId: string, message: Outbound): Promise<void>;
  /** True when the refusal is for good (blocked, unknown chat): the reply is not tried again. */
  isPermanent(err: unknown): boolean;
  /** Tries of one reply before it is given up (default 12: about an hour with the default pauses). */
  maxAttempts?: number;
  /** Pause before a chat is tried again after a failure (default 2 s, doubling, at most 10 min). */
  retryDelayMs?: (attempts: number) => number;
  now?: () => Date;
  /**
   * How often the sender looks for replies nobody kicked it for (default 5 s): those another channel's
   * commit stored for this one (a Telegram registration telling a Zalo admin of a second contact).
   */
  sweepMs?: number;
}

export interface OutboxSender {
  /** Looks for replies to send (after a commit that stored some, at start). Cheap to call often. */
  kick(): void;
  /** Replies being sent right now (chats with a send in flight). */
  busy(): number;
  /** Resolves when no chat has a send in flight (new sends may start after). */
  idle(): Promise<void>;
  /** Sends nothing more; what waits stays stored for the next start. */
  close(): void;
}

const defaultRetryDelay = (attempts: number) => Math.min(2000 * 2 ** Math.max(0, attempts - 1), 600_000);

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { channel, store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const maxAttempts = deps.maxAttempts ?? 12;
  const retryDelay = deps.retryDelayMs ?? defaultRetryDelay;
  const busyChats = new Set<string>();
  const restingUntil = new Map<string, number>();
  let scheduled = false;
  let closed = false;
  let marks: Array<{ id: number; ok: true } | { id: number; ok: false; error: string; final: boolean }> = [];
  let idleWaiters: Array<() => void> = [];
  const sweep = setInterval(() => kick(), deps.sweepMs ?? 5000);
  sweep.unref();

  function settle(): void {
    if (busyChats.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Writes the marks of this turn in one transaction. A failed write leaves the rows waiting (sent again later). */
  function flushMarks(): void {
    const batch = marks;
    marks = [];
    if (batch.length === 0 || closed) return;
    const at = now();
    try {
      store.transaction(() => {
        for (const m of batch) {
          if (m.ok) store.outbox.markDelivered(m.id, at);
          else if (m.final) store.outbox.markFailed(m.id, at, m.error);
          else store.outbox.noteAttempt(m.id, m.error);
        }
      });
    } catch (err) {
      logger.error({ event: 'outbox-mark-failed', message: err instanceof Error ? err.message : String(err) }, 'could not record sent replies');
    }
  }

  function mark(entry: (typeof marks)[number]): void {
    if (marks.length === 0) nextTurn(flushMarks);
    marks.push(entry);
  }

  async function sendChat(chatId: string, rows: WaitingReply[]): Promise<void> {
    try {
      for (const row of rows) {
        if (closed) return;
        try {
          await deps.deliver(chatId, row.message);
          mark({ id: row.id, ok: true });
        } catch (err) {
          if (closed) return;
          const error = err instanceof Error ? err.message : String(err);
          const permanent = deps.isPermanent(err);
          const final = permanent || row.attempts + 1 >= maxAttempts;
          mark({ id: row.id, ok: false, error, final });
          logger.warn({ event: final ? 'reply-given-up' : 'reply-retry-later', attempts: row.attempts + 1, error }, final ? 'reply not delivered; given up' : 'reply not delivered; will try again');
          // Given up: the next reply of the chat may still go (after a blocked chat it fails as fast).
          if (final) continue;
          const pause = retryDelay(row.attempts + 1);
          restingUntil.set(chatId, Date.now() + pause);
          setTimeout(kick, pause).unref();
          return; // the rest of this chat waits: replies keep their order
        }
      }
    } finally {
      busyChats.delete(chatId);
      settle();
      // Replies stored while this chat was busy.
      if (!closed) kick();
    }
  }

  function scan(): void {
    scheduled = false;
    if (closed) return;
    flushMarks(); // a row marked in this turn must not be picked up again
    let waiting: WaitingReply[];
    try {
      waiting = store.outbox.waiting(channel);
    } catch (err) {
      logger.error({ event: 'outbox-read-failed', message: err instanceof Error ? err.message : String(err) }, 'could not read replies to send');
      return;
    }
    const byChat = new Map<string, WaitingReply[]>();
    for (const row of waiting) {
      if (busyChats.has(row.chatId)) continue;
      const rest = restingUntil.get(row.chatId);
      if (rest !== undefined && rest > Date.now()) continue;
      restingUntil.delete(row.chatId);
      const list = byChat.get(row.chatId) ?? [];
      list.push(row);
      byChat.set(row.chatId, list);
    }
    for (const [chatId, rows] of byChat) {
      busyChats.add(chatId);
      void sendChat(chatId, rows);
    }
  }

  function kick(): void {
    if (scheduled || closed) return;
    scheduled = true;
    nextTurn(scan);
  }

  return {
    kick,
    busy: () => busyChats.size,
    idle: () => (busyChats.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    close() {
      flushMarks();
      clearInterval(sweep);
      closed = true;
      settle();
    },
  };
}
