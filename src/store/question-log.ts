/**
 * Questions the bot answered with `not_found` or `clarify`, kept for admins to see what users need.
 * Only what was asked is stored, never who asked.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';

export type LoggedQuestionStatus = 'not_found' | 'clarify';

export interface LoggedQuestion {
  id: number;
  askedAt: string;
  channel: ChannelName;
  status: LoggedQuestionStatus;
  intent: string;
  planId: string | null;
  text: string;
}

export interface QuestionInput {
  channel: ChannelName;
  status: LoggedQuestionStatus;
  intent: string;
  planId?: string | null;
  text: string;
  at: Date;
}

export interface QuestionLogRepo {
  record(question: QuestionInput): void;
  /** Newest first; `since` limits to questions asked at or after that time. */
  list(filter?: { since?: Date; status?: LoggedQuestionStatus; limit?: number }): LoggedQuestion[];
  count(): number;
}

export function createQuestionLogRepo(db: Database.Database): QuestionLogRepo {
  const insert = db.prepare(
    'INSERT INTO question_log (asked_at, channel, status, intent, plan_id, text) VALUES (@at, @channel, @status, @intent, @planId, @text)',
  );
  const list = db.prepare(`
    SELECT id, asked_at AS askedAt, channel, status, intent, plan_id AS planId, text FROM question_log
    WHERE (@since IS NULL OR asked_at >= @since) AND (@status IS NULL OR status = @status)
    ORDER BY asked_at DESC, id DESC LIMIT @limit`);
  const countAll = db.prepare('SELECT count(*) FROM question_log').pluck();
  return {
    record(q) {
      insert.run({ at: q.at.toISOString(), channel: q.channel, status: q.status, intent: q.intent, planId: q.planId ?? null, text: q.text });
    },
    list: (f) =>
      list.all({ since: f?.since?.toISOString() ?? null, status: f?.status ?? null, limit: f?.limit ?? -1 }) as LoggedQuestion[],
    count: () => countAll.get() as number,
  };
}
