/**
 * Messages per channel and calendar month (table `channel_message_counts`, store migration 2), so a
 * platform quota can be watched across restarts.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../../config.js';

export interface MonthCount {
  sent: number;
  received: number;
  quotaWarnedAt: string | null;
}

export interface MessageCountsRepo {
  /** Adds to this month's counters and returns the new totals. */
  add(channel: ChannelName, month: string, delta: { sent?: number; received?: number }): MonthCount;
  get(channel: ChannelName, month: string): MonthCount;
  /** True only for the first caller of the month: the one that sends the warning. */
  claimQuotaWarning(channel: ChannelName, month: string, at: Date): boolean;
}

export function createMessageCountsRepo(db: Database.Database): MessageCountsRepo {
  const add = db.prepare(`
    INSERT INTO channel_message_counts (channel, month, sent, received) VALUES (@channel, @month, @sent, @received)
    ON CONFLICT (channel, month) DO UPDATE SET
      sent = sent + excluded.sent,
      received = received + excluded.received
    RETURNING sent, received, quota_warned_at AS quotaWarnedAt`);
  const get = db.prepare(
    'SELECT sent, received, quota_warned_at AS quotaWarnedAt FROM channel_message_counts WHERE channel = ? AND month = ?',
  );
  const claim = db.prepare(`
    UPDATE channel_message_counts SET quota_warned_at = ?
    WHERE channel = ? AND month = ? AND quota_warned_at IS NULL`);
  return {
    add: (channel, month, delta) =>
      add.get({ channel, month, sent: delta.sent ?? 0, received: delta.received ?? 0 }) as MonthCount,
    get: (channel, month) =>
      (get.get(channel, month) as MonthCount | undefined) ?? { sent: 0, received: 0, quotaWarnedAt: null },
    claimQuotaWarning: (channel, month, at) => claim.run(at.toISOString(), channel, month).changes === 1,
  };
}

/** "2025-06" for the month `date` falls in, in `timeZone`. */
export function monthKey(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const year = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const month = parts.find((p) => p.type === 'month')?.value ?? '00';
  return `${year}-${month}`;
}
