/**
 * The record of the notices sent before a form draft expires (table draft_notices_sent), kept like
 * the record of deadline reminders (records.ts): claimed before sending, unique per draft and the
 * expiry it announces, so a restart or a second run never sends one twice; a notice whose process
 * died mid-send stays "sending" and is not retried.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../../config.js';
import type { FlowName } from '../../dialog/session.js';
import type { DeliveryRecords, DeliveryStatus } from './deliver.js';
import { recordedError } from './records.js';

export interface DraftNoticeClaim {
  channel: ChannelName;
  userId: string;
  flow: FlowName;
  /** The draft's flow.startedAt: with the user, it names the draft. */
  draftStartedAt: string;
  /** The expiry the notice announces. */
  expiresAt: Date;
  at: Date;
}

export interface DraftNoticeRecord {
  id: number;
  channel: ChannelName;
  userId: string;
  flow: FlowName;
  draftStartedAt: string;
  expiresAt: string;
  status: DeliveryStatus;
  error: string | null;
  claimedAt: string;
  finishedAt: string | null;
}

export interface DraftNoticeRecords extends DeliveryRecords {
  /** The id of the new claim, or undefined when this notice was already claimed (sent or not). */
  claim(claim: DraftNoticeClaim): number | undefined;
  /** Newest first. */
  list(filter?: { status?: DeliveryStatus }): DraftNoticeRecord[];
}

const COLUMNS = `id, channel, user_id AS userId, flow, draft_started_at AS draftStartedAt, expires_at AS expiresAt,
  status, error, claimed_at AS claimedAt, finished_at AS finishedAt`;

export function createDraftNoticeRecords(db: Database.Database): DraftNoticeRecords {
  const claim = db.prepare(`
    INSERT OR IGNORE INTO draft_notices_sent (channel, user_id, flow, draft_started_at, expires_at, status, claimed_at)
    VALUES (@channel, @userId, @flow, @draftStartedAt, @expiresAt, 'sending', @at)`);
  const finish = db.prepare('UPDATE draft_notices_sent SET status = ?, error = ?, finished_at = ? WHERE id = ?');
  const list = db.prepare(`SELECT ${COLUMNS} FROM draft_notices_sent WHERE (@status IS NULL OR status = @status) ORDER BY claimed_at DESC, id DESC`);
  return {
    claim(c) {
      const result = claim.run({ ...c, expiresAt: c.expiresAt.toISOString(), at: c.at.toISOString() });
      return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
    },
    finish(id, status, at, error) {
      finish.run(status, recordedError(error), at.toISOString(), id);
    },
    list: (f) => list.all({ status: f?.status ?? null }) as DraftNoticeRecord[],
  };
}
