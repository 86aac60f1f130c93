/**
 * The "Tổng quan" page's figures: per plan, for one year, the units registered, reported (on time and
 * late), missing, and the nearest deadline, read from the same statistics as /thongke
 * (src/admin/stats.ts) so the page and the chat never disagree. The shares drive the CSS bar.
 */
import type { Knowledge } from '../knowledge/loader.js';
import type { Store } from '../store/db.js';
import { localDate } from '../calendar.js';
import { endsBeforeNamedDay } from '../admin/deadlines.js';
import { reportingStats, type PlanStats } from '../admin/stats.js';
import { adminTexts } from '../admin/texts.js';

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

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function planOverview(s: PlanStats): PlanOverview {
  const reported = s.reported.length + s.reportedWithoutContact;
  const late = s.late;
  const onTime = Math.max(0, reported - late);
  const whole = reported + s.missing.length;
  const nearest = s.nearest;
  return {
    planId: s.planId,
    planName: s.plan ? s.plan.shortName : adminTexts.statsUnknownPlan(s.planId),
    registered: s.units.length,
    reported,
    onTime,
    late,
    missing: s.missing.length,
    deadline: nearest
      ? adminTexts.missingDeadline(
          { date: nearest.occurrence.date, lastDay: nearest.occurrence.lastDay, before: endsBeforeNamedDay(nearest.occurrence) },
          nearest.daysLeft,
        )
      : undefined,
    shares: { onTime: percent(onTime, whole), late: percent(late, whole), missing: percent(s.missing.length, whole) },
  };
}

export function overview(deps: { store: Store; knowledge: Knowledge }, opts: { year: number; now: Date; timeZone: string }): Overview {
  const stats = reportingStats(deps, { year: opts.year, today: localDate(opts.now, opts.timeZone), timeZone: opts.timeZone });
  const plans = stats.map(planOverview);
  const sum = (f: (p: PlanOverview) => number) => plans.reduce((n, p) => n + f(p), 0);
  return {
    year: opts.year,
    plans,
    totals: { registered: sum((p) => p.registered), reported: sum((p) => p.reported), late: sum((p) => p.late), missing: sum((p) => p.missing) },
  };
}
