/**
 * The "Báo cáo" table of the admin page: for one year, every registered or reporting unit once — its
 * latest report (on time or late) or, when it sent none, a "missing" row — filtered, searched, sorted
 * and paged in SQL, so a page reads only its own rows however many versions are stored.
 *
 * Late is the same rule as /thongke and the exports (src/reports/late.ts, lateMarks): a report counts from
 * its first version, and it is late when that came after its plan's last day of the year. Here the
 * last day is turned into the instant the next day starts in the bot's time zone, so SQLite compares
 * ISO times (all stored by toISOString, so they sort as text).
 */
import type Database from 'better-sqlite3';
import type { Knowledge } from '../knowledge/loader.js';
import { lateFrom } from '../reports/late.js';
import { reportDueOccurrence } from '../reports/deadlines.js';
import { fold } from '../text/normalize.js';

export const REPORT_STATUSES = ['ontime', 'late', 'missing'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const SORT_COLUMNS = ['unit', 'plan', 'submitted', 'status', 'versions', 'code'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface ReportTableQuery {
  year: number;
  planId?: string;
  status?: ReportStatus;
  /** Part of a unit name (any spelling: compared folded) or of a report code. */
  search?: string;
  sort: SortColumn;
  descending: boolean;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ReportTableRow {
  planId: string;
  unitName: string;
  status: ReportStatus;
  /** Absent on a missing row. */
  code: string | null;
  versions: number;
  /** The latest version's time (ISO). */
  submittedAt: string | null;
  /** The first version's time (ISO): what the late rule reads. */
  firstSubmittedAt: string | null;
}

export interface ReportTablePage {
  rows: ReportTableRow[];
  /** Rows matching the filter, over all pages. */
  total: number;
  page: number;
  pages: number;
}

const ORDER: Record<SortColumn, string> = {
  unit: 'unit_key',
  plan: 'plan_id',
  submitted: 'submitted_at',
  status: "CASE status WHEN 'missing' THEN 2 WHEN 'late' THEN 1 ELSE 0 END",
  versions: 'versions',
  code: 'code',
};

/** LIKE pattern for a substring, with LIKE's own characters taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The units of a year, one row each. `cutoffs` holds, per plan, the instant the first day after the
 * deadline's last day begins (reports first sent at or after it are late).
 */
export const UNITS_CTE = `
  WITH cutoff(plan_id, at) AS (SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(@cutoffs)),
  versions AS MATERIALIZED (
    SELECT plan_id, unit_key, max(version) AS latest, count(*) AS versions, min(submitted_at) AS first_at
    FROM reports WHERE year = @year AND (@planId IS NULL OR plan_id = @planId)
    GROUP BY plan_id, unit_key
  ),
  reported AS (
    SELECT r.plan_id, r.unit_key, r.unit_name, r.code, v.versions, r.submitted_at, v.first_at,
      CASE WHEN c.at IS NOT NULL AND v.first_at >= c.at THEN 'late' ELSE 'ontime' END AS status
    FROM versions v
    JOIN reports r ON r.plan_id = v.plan_id AND r.unit_key = v.unit_key AND r.year = @year AND r.version = v.latest
    LEFT JOIN cutoff c ON c.plan_id = v.plan_id
  ),
  missing AS (
    SELECT k.plan_id, k.unit_key,
      (SELECT unit_name FROM contacts n WHERE n.plan_id = k.plan_id AND n.unit_key = k.unit_key ORDER BY updated_at DESC, id DESC LIMIT 1) AS unit_name,
      NULL AS code, 0 AS versions, NULL AS submitted_at, NULL AS first_at, 'missing' AS status
    FROM (SELECT DISTINCT plan_id, unit_key FROM contacts WHERE @planId IS NULL OR plan_id = @planId) k
    WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.plan_id = k.plan_id AND v.unit_key = k.unit_key)
  ),
  units AS (SELECT * FROM reported UNION ALL SELECT * FROM missing)`;

const UNITS_SQL = `${UNITS_CTE}
  SELECT *, count(*) OVER () AS total FROM units
  WHERE (@status IS NULL OR status = @status)
    AND (@searching = 0 OR unit_key LIKE @unitSearch ESCAPE '\\' OR code LIKE @codeSearch ESCAPE '\\')`;

interface UnitRow {
  plan_id: string;
  unit_name: string;
  code: string | null;
  versions: number;
  submitted_at: string | null;
  first_at: string | null;
  status: ReportStatus;
  total: number;
}

/**
 * The `@cutoffs` parameter of UNITS_CTE: [[planId, ISO instant], …] for every plan with a report
 * deadline in the year, the instant being the start of the day after its last day.
 */
export function cutoffsOf(knowledge: Knowledge, year: number, timeZone: string): string {
  const out: [string, string][] = [];
  for (const plan of knowledge.plans) {
    const due = reportDueOccurrence(plan, year);
    if (due) out.push([plan.id, lateFrom(due.lastDay, timeZone).toISOString()]);
  }
  return JSON.stringify(out);
}

export interface ReportTable {
  page(query: ReportTableQuery): ReportTablePage;
}

export function createReportTable(db: Database.Database, knowledge: Knowledge, timeZone: string): ReportTable {
  const count = db.prepare(`SELECT count(*) FROM (${UNITS_SQL})`).pluck();
  const pages = new Map<string, Database.Statement>();
  const pageStatement = (sort: SortColumn, descending: boolean) => {
    const key = `${sort}|${descending}`;
    let statement = pages.get(key);
    if (!statement) {
      const dir = descending ? 'DESC' : 'ASC';
      // Ties in a stable order, so that paging never shows a row twice or skips one.
      statement = db.prepare(`${UNITS_SQL} ORDER BY ${ORDER[sort]} ${dir} NULLS LAST, plan_id, unit_key LIMIT @limit OFFSET @offset`);
      pages.set(key, statement);
    }
    return statement;
  };

  return {
    page(query) {
      const search = query.search?.trim() ? query.search.trim() : undefined;
      const params = {
        year: query.year,
        planId: query.planId ?? null,
        status: query.status ?? null,
        searching: search ? 1 : 0,
        // Punctuation alone folds to nothing: it then matches no unit name (only a code could hold it).
        unitSearch: search && fold(search) ? containsPattern(fold(search)) : null,
        codeSearch: search ? containsPattern(search.toUpperCase()) : null,
        cutoffs: cutoffsOf(knowledge, query.year, timeZone),
      };
      // One query gives the page and, by its window count, the total; only a page past the end needs the count alone.
      const wanted = Math.max(1, query.page);
      let rows = pageStatement(query.sort, query.descending).all({ ...params, limit: query.pageSize, offset: (wanted - 1) * query.pageSize }) as UnitRow[];
      let total = rows[0]?.total ?? (count.get(params) as number);
      const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
      const page = Math.min(wanted, pageCount);
      if (page !== wanted) {
        rows = pageStatement(query.sort, query.descending).all({ ...params, limit: query.pageSize, offset: (page - 1) * query.pageSize }) as UnitRow[];
        total = rows[0]?.total ?? total;
      }
      return {
        rows: rows.map((r) => ({
          planId: r.plan_id,
          unitName: r.unit_name,
          status: r.status,
          code: r.code,
          versions: r.versions,
          submittedAt: r.submitted_at,
          firstSubmittedAt: r.first_at,
        })),
        total,
        page,
        pages: pageCount,
      };
    },
  };
}
