/**
 * Inbound deliveries, stored before they are acknowledged. Platforms redeliver (Telegram retries a
 * failed webhook, a restarted poller gets unconfirmed updates again, Zalo may repeat a message_id), so
 * the row is also the dedup claim: the core claims it inside the same transaction as the state change.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';

export interface WaitingUpdate {
  updateId: string;
  /** The delivery as received (JSON text of the platform's update). */
  payload: string;
}

export interface InboxRepo {
  /** Stores a delivery to be handled. False when this (channel, update id) was delivered before. */
  accept(channel: ChannelName, updateId: string, payload: string, at: Date): boolean;
  /**
   * The core's claim, in the transaction of the state change: true when the update is waiting (it is
   * marked handled) or was never stored (it is recorded as handled); false when it was handled already.
   */
  claim(channel: ChannelName, updateId: string, at: Date): boolean;
  /** Marks a stored update handled when it never reached the core (a sticker, a flood notice). */
  finish(channel: ChannelName, updateId: string, at: Date): void;
  /** Updates stored but not handled (a crash came in between), oldest first. */
  waiting(channel: ChannelName): WaitingUpdate[];
  /** Forgets handled updates older than `before` (redeliveries come within minutes, not weeks). */
  pruneBefore(before: Date): number;
  count(): number;
}

export function createInboxRepo(db: Database.Database): InboxRepo {
  const insert = db.prepare('INSERT OR IGNORE INTO inbox (channel, update_id, payload, received_at) VALUES (?, ?, ?, ?)');
  const markHandled = db.prepare('UPDATE inbox SET handled_at = ?, payload = NULL WHERE channel = ? AND update_id = ? AND handled_at IS NULL');
  const insertHandled = db.prepare('INSERT OR IGNORE INTO inbox (channel, update_id, payload, received_at, handled_at) VALUES (?, ?, NULL, ?, ?)');
  const waiting = db.prepare('SELECT update_id AS updateId, payload FROM inbox WHERE channel = ? AND handled_at IS NULL ORDER BY seq');
  const prune = db.prepare('DELETE FROM inbox WHERE handled_at IS NOT NULL AND received_at < ?');
  const countAll = db.prepare('SELECT count(*) FROM inbox').pluck();
  return {
    accept: (channel, updateId, payload, at) => insert.run(channel, updateId, payload, at.toISOString()).changes === 1,
    claim(channel, updateId, at) {
      const iso = at.toISOString();
      if (markHandled.run(iso, channel, updateId).changes === 1) return true;
      return insertHandled.run(channel, updateId, iso, iso).changes === 1;
    },
    finish(channel, updateId, at) {
      markHandled.run(at.toISOString(), channel, updateId);
    },
    waiting: (channel) => (waiting.all(channel) as { updateId: string; payload: string | null }[]).flatMap((r) => (r.payload === null ? [] : [{ updateId: r.updateId, payload: r.payload }])),
    pruneBefore: (before) => prune.run(before.toISOString()).changes,
    count: () => countAll.get() as number,
  };
}
