/**
 * Inbound deliveries already handled. Platforms redeliver (Telegram retries failed webhooks, Zalo may
 * repeat a message_id), so the core claims each update id inside the same transaction as the state change.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';

export interface ProcessedUpdatesRepo {
  /** True the first time this (channel, update id) is claimed, false for every later delivery. */
  claim(channel: ChannelName, updateId: string, at: Date): boolean;
  /** Forgets claims older than `before` (redeliveries come within minutes, not weeks). Returns rows removed. */
  pruneBefore(before: Date): number;
  count(): number;
}

export function createProcessedUpdatesRepo(db: Database.Database): ProcessedUpdatesRepo {
  const claim = db.prepare('INSERT OR IGNORE INTO processed_updates (channel, update_id, processed_at) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM processed_updates WHERE processed_at < ?');
  const countAll = db.prepare('SELECT count(*) FROM processed_updates').pluck();
  return {
    claim: (channel, updateId, at) => claim.run(channel, updateId, at.toISOString()).changes === 1,
    pruneBefore: (before) => prune.run(before.toISOString()).changes,
    count: () => countAll.get() as number,
  };
}
