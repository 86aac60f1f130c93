/**
 * The record of deadline reminders (table reminders_sent). A reminder is claimed before it is sent:
 * the claim is unique per contact, deadline, year and days-before, so a restart, a catch-up run or a
 * second process can never send the same reminder twice. If the process dies between the claim and
 * the send, the reminder stays "sending" and is not retried: a missed reminder is better than a
 * duplicate the user has to read twice. A send that failed ("failed", not "blocked") may be taken back
 * once for a retry (`reclaim`); the scheduler decides when.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../../config.js';
import type { DeliveryRecords, DeliveryStatus } from './deliver.js';

export type ReminderStatus = DeliveryStatus;

export interface ReminderClaim {
  contactId: number;
  planId: string;
  deadlineKey: string;
  year: number;
  offsetDays: number;
  /** "2025-12-01" */
  deadlineDate: string;
  channel: ChannelName;
  at: Date;
}

export interface ReminderRecord extends Omit<ReminderClaim, 'at'> {
  id: number;
  status: ReminderStatus;
  error: string | null;
  claimedAt: string;
  finishedAt: string | null;
}

export interface ReminderRecords extends DeliveryRecords {
  /** The id of the new claim, or undefined when this reminder was already claimed (sent or not). */
  claim(claim: ReminderClaim): number | undefined;
  /** Takes a failed reminder back to send it again: true when it was still "failed" (no one else took it). */
  reclaim(id: number): boolean;
  find(key: Pick<ReminderClaim, 'contactId' | 'deadlineKey' | 'year' | 'offsetDays'>): ReminderRecord | undefined;
  /** Newest first. */
  list(filter?: { status?: ReminderStatus }): ReminderRecord[];
}

const COLUMNS = `id, contact_id AS contactId, plan_id AS planId, deadline_key AS deadlineKey, year, offset_days AS offsetDays,
  deadline_date AS deadlineDate, channel, status, error, claimed_at AS claimedAt, finished_at AS finishedAt`;
/** Platform errors can be long; the record keeps what identifies the cause. */
const MAX_ERROR_CHARS = 300;

/** A send's error as the records keep it (draft-notice-records.ts too). */
export function recordedError(error: string | undefined): string | null {
  return error === undefined ? null : error.slice(0, MAX_ERROR_CHARS);
}

export function createReminderRecords(db: Database.Database): ReminderRecords {
  const claim = db.prepare(`
    INSERT OR IGNORE INTO reminders_sent (contact_id, plan_id, deadline_key, year, offset_days, deadline_date, channel, status, claimed_at)
    VALUES (@contactId, @planId, @deadlineKey, @year, @offsetDays, @deadlineDate, @channel, 'sending', @at)`);
  const finish = db.prepare('UPDATE reminders_sent SET status = ?, error = ?, finished_at = ? WHERE id = ?');
  const reclaim = db.prepare("UPDATE reminders_sent SET status = 'sending' WHERE id = ? AND status = 'failed'");
  const find = db.prepare(
    `SELECT ${COLUMNS} FROM reminders_sent WHERE contact_id = ? AND deadline_key = ? AND year = ? AND offset_days = ?`,
  );
  const list = db.prepare(`SELECT ${COLUMNS} FROM reminders_sent WHERE (@status IS NULL OR status = @status) ORDER BY claimed_at DESC, id DESC`);
  return {
    claim(c) {
      const result = claim.run({ ...c, at: c.at.toISOString() });
      return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
    },
    finish(id, status, at, error) {
      finish.run(status, recordedError(error), at.toISOString(), id);
    },
    reclaim: (id) => reclaim.run(id).changes === 1,
    find: (k) => find.get(k.contactId, k.deadlineKey, k.year, k.offsetDays) as ReminderRecord | undefined,
    list: (f) => list.all({ status: f?.status ?? null }) as ReminderRecord[],
  };
}
