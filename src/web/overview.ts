/**
 * The "Tổng quan" page's figures: per plan, for one year, the units registered, reported (on time and
 * late), missing, and the nearest deadline. Counted in SQL over the same units as the report table
 * (report-table.ts), so the overview and the table never disagree; the counts are those of /thongke
 * (src/admin/stats.ts — test/web/queries.test.ts holds them equal) without loading every version.
 * The shares drive the CSS bar.
 */
import type Database from 'better-sqlite3';
import type { Knowledge } from '../knowledge/loader.js';
import { localDate } from '../calendar.js';
import { endsBeforeNamedDay, nearestDeadline } from '../reports/deadlines.js';
import { adminTexts } from '../admin/texts.js';
import { cutoffsOf, UNITS_CTE } from './report-table.js';

export interface PlanOverview {
  planId: string;
  planName: string;
  registered: number;
  /** Reports received for the year (one per unit), whoever registered them. */
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  /** "hạn trước ngày 01/12/2025 (hạn cuối 30/11/2025), còn 5 ngày", or undefined when the plan names none. */
  deadline: string | undefined;
  /** Whole percentages of on time / late / missing over reported + missing (0 when there is nothing). */
  shares: { onTime: number; late: number; missing: number };
}

export interface Overview {
  year: number;
  plans: PlanOverview[];
  totals: { registered: number; reported: number; late: number; missing: number };
}

interface CountRow {
  planId: string;
  onTime: number;
  late: number;
  missing: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function createOverview(db: Database.Database, knowledge: Knowledge, timeZone: string) {
  const counts = db.prepare(`${UNITS_CTE}
    SELECT plan_id AS planId, sum(status = 'ontime') AS onTime, sum(status = 'late') AS late, sum(status = 'missing') AS missing
    FROM units GROUP BY plan_id`);
  const registered = db.prepare('SELECT plan_id AS planId, count(DISTINCT unit_key) AS n FROM contacts GROUP BY plan_id');

  return function overview(opts: { year: number; now: Date }): Overview {
    const byPlan = new Map((counts.all({ year: opts.year, planId: null, cutoffs: cutoffsOf(knowledge, opts.year, timeZone) }) as CountRow[]).map((r) => [r.planId, r]));
    const units = new Map((registered.all() as { planId: string; n: number }[]).map((r) => [r.planId, r.n]));
    const today = localDate(opts.now, timeZone);
    // The plans of the knowledge base in order, then plans only contacts still name (as /thongke).
    const planIds = [...knowledge.plans.map((p) => p.id), ...[...units.keys()].filter((id) => !knowledge.plan(id)).sort()];
    const plans = planIds.map((planId): PlanOverview => {
      const plan = knowledge.plan(planId);
      const c = byPlan.get(planId) ?? { onTime: 0, late: 0, missing: 0 };
      const whole = c.onTime + c.late + c.missing;
      const nearest = plan && nearestDeadline(plan, opts.year, today);
      return {
        planId,
        planName: plan ? plan.shortName : adminTexts.statsUnknownPlan(planId),
        registered: units.get(planId) ?? 0,
        reported: c.onTime + c.late,
        onTime: c.onTime,
        late: c.late,
        missing: c.missing,
        deadline: nearest
          ? adminTexts.missingDeadline({ date: nearest.occurrence.date, lastDay: nearest.occurrence.lastDay, before: endsBeforeNamedDay(nearest.occurrence) }, nearest.daysLeft)
          : undefined,
        shares: { onTime: percent(c.onTime, whole), late: percent(c.late, whole), missing: percent(c.missing, whole) },
      };
    });
    const sum = (f: (p: PlanOverview) => number) => plans.reduce((n, p) => n + f(p), 0);
    return {
      year: opts.year,
      plans,
      totals: { registered: sum((p) => p.registered), reported: sum((p) => p.reported), late: sum((p) => p.late), missing: sum((p) => p.missing) },
    };
  };
}
