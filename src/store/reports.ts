/**
 * Submitted reports. A unit (plan + folded unit name) has at most one report per year and version;
 * a new submission for the same unit and year becomes the next version and older versions stay.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';
import { unitKeyOf } from './contacts.js';
import { newReportCode } from './report-codes.js';

/** One answer of the report form: a number, a text, or null when the user skipped the field. */
export type ReportValue = string | number | null;
export type ReportAnswers = Record<string, ReportValue>;

export interface Report {
  id: number;
  code: string;
  contactId: number;
  channel: ChannelName;
  userId: string;
  planId: string;
  unitName: string;
  unitKey: string;
  year: number;
  version: number;
  answers: ReportAnswers;
  submittedAt: string;
}

export interface ReportSubmission {
  contactId: number;
  channel: ChannelName;
  userId: string;
  planId: string;
  unitName: string;
  year: number;
  answers: ReportAnswers;
  at: Date;
}

export interface ReportFilter {
  year?: number;
  planId?: string;
}

export interface ReportsRepo {
  /** Stores a submission as the next version of its unit's report for that year. */
  submit(submission: ReportSubmission): Report;
  byCode(code: string): Report | undefined;
  /** Every version of one unit's report of a year, oldest first (the unit as `unitKeyOf` names it). */
  versionsOf(planId: string, unitKey: string, year: number): Report[];
  /** The user's reports, newest first. */
  listByUser(channel: ChannelName, userId: string): Report[];
  /** Every version, ordered by year, plan, unit, version. */
  listAll(filter?: ReportFilter): Report[];
  /** The latest version of each unit's report per year. */
  listLatest(filter?: ReportFilter): Report[];
  count(): number;
}

interface ReportRow extends Omit<Report, 'answers'> {
  answers: string;
}

const COLUMNS = `id, code, contact_id AS contactId, channel, user_id AS userId, plan_id AS planId, unit_name AS unitName,
  unit_key AS unitKey, year, version, answers, submitted_at AS submittedAt`;
const FILTER = '(@year IS NULL OR year = @year) AND (@planId IS NULL OR plan_id = @planId)';
const MAX_CODE_ATTEMPTS = 8;

function toReport(row: ReportRow): Report {
  return { ...row, answers: JSON.parse(row.answers) as ReportAnswers };
}

function isUniqueViolationOnCode(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE' && /reports\.code/.test(err.message);
}

export function createReportsRepo(db: Database.Database): ReportsRepo {
  const nextVersion = db
    .prepare('SELECT coalesce(max(version), 0) + 1 FROM reports WHERE plan_id = ? AND unit_key = ? AND year = ?')
    .pluck();
  const insert = db.prepare(`
    INSERT INTO reports (code, contact_id, channel, user_id, plan_id, unit_name, unit_key, year, version, answers, submitted_at)
    VALUES (@code, @contactId, @channel, @userId, @planId, @unitName, @unitKey, @year, @version, @answers, @submittedAt)`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM reports WHERE id = ?`);
  const byCode = db.prepare(`SELECT ${COLUMNS} FROM reports WHERE code = ?`);
  const versionsOf = db.prepare(`SELECT ${COLUMNS} FROM reports WHERE plan_id = ? AND unit_key = ? AND year = ? ORDER BY version`);
  const byUser = db.prepare(`SELECT ${COLUMNS} FROM reports WHERE channel = ? AND user_id = ? ORDER BY submitted_at DESC, id DESC`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM reports WHERE ${FILTER} ORDER BY year, plan_id, unit_key, version`);
  const latest = db.prepare(`
    SELECT ${COLUMNS} FROM reports r WHERE ${FILTER}
      AND version = (SELECT max(version) FROM reports o WHERE o.plan_id = r.plan_id AND o.unit_key = r.unit_key AND o.year = r.year)
    ORDER BY year, plan_id, unit_key`);
  const countAll = db.prepare('SELECT count(*) FROM reports').pluck();

  // Version and insert in one IMMEDIATE transaction: two submissions for the same unit can never get the same version.
  const submit = db.transaction((s: ReportSubmission): Report => {
    const unitKey = unitKeyOf(s.unitName);
    const version = nextVersion.get(s.planId, unitKey, s.year) as number;
    for (let attempt = 1; ; attempt++) {
      try {
        const { lastInsertRowid } = insert.run({
          code: newReportCode(),
          contactId: s.contactId,
          channel: s.channel,
          userId: s.userId,
          planId: s.planId,
          unitName: s.unitName,
          unitKey,
          year: s.year,
          version,
          answers: JSON.stringify(s.answers),
          submittedAt: s.at.toISOString(),
        });
        return toReport(byId.get(lastInsertRowid) as ReportRow);
      } catch (err) {
        if (!isUniqueViolationOnCode(err) || attempt >= MAX_CODE_ATTEMPTS) throw err;
      }
    }
  });

  const filterParams = (f?: ReportFilter) => ({ year: f?.year ?? null, planId: f?.planId ?? null });
  return {
    submit: (s) => submit.immediate(s),
    byCode: (code) => {
      const row = byCode.get(code) as ReportRow | undefined;
      return row && toReport(row);
    },
    versionsOf: (planId, unitKey, year) => (versionsOf.all(planId, unitKey, year) as ReportRow[]).map(toReport),
    listByUser: (channel, userId) => (byUser.all(channel, userId) as ReportRow[]).map(toReport),
    listAll: (f) => (all.all(filterParams(f)) as ReportRow[]).map(toReport),
    listLatest: (f) => (latest.all(filterParams(f)) as ReportRow[]).map(toReport),
    count: () => countAll.get() as number,
  };
}
