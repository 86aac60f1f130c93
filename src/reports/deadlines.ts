/**
 * The report deadlines of a plan as concrete days: "trước ngày 01 tháng 12 hàng năm" becomes
 * 01/12/2024, 01/12/2025, … within the plan's period; a fixed date is itself. Each also carries the
 * last day it allows, read by the late rule (late.ts): 30/11 for "trước ngày 01/12".
 * Reminders, the statistics, the admin page and the late marks all read deadlines through here.
 */
import type { Deadline, Plan } from '../knowledge/schema.js';
import { fold } from '../text/normalize.js';
import { daysBetween, daysInMonth, dayNumber, parseIsoDate, sameDate, type CalendarDate } from '../calendar.js';
import { lastDay } from './late.js';

/** One day on which a report is due. */
export interface DeadlineOccurrence {
  plan: Plan;
  deadline: Deadline;
  /** Stable identity of the deadline within all plans (see `deadlineKey`). */
  key: string;
  /** The year whose report is due: a unit that has a report for this year needs no reminder. */
  year: number;
  /** The day the plan names ("trước ngày 01/12" → 01/12). */
  date: CalendarDate;
  /** The last day a report is on time (30/11 for "trước ngày 01/12", 15/11 for "chậm nhất ngày 15/11"). */
  lastDay: CalendarDate;
}

/** Whether the plan writes the day as a bound it excludes ("trước ngày 01/12"): then the last day differs. */
export function endsBeforeNamedDay(o: Pick<DeadlineOccurrence, 'date' | 'lastDay'>): boolean {
  return !sameDate(o.date, o.lastDay);
}

/**
 * "cu-chi|V.1|yearly-11-15": the plan, the section and the day. Stable when the plan file is edited
 * elsewhere (unlike a position in the list), so the record of reminders already sent stays valid.
 */
export function deadlineKey(plan: Pick<Plan, 'id'>, deadline: Deadline): string {
  const w = deadline.when;
  const when =
    w.type === 'yearly'
      ? `yearly-${w.month}-${w.day}`
      : w.type === 'date'
        ? `date-${w.date}`
        : w.type === 'quarter'
          ? `quarter-${w.year}-${w.quarter}`
          : `year-${w.year}`;
  return `${plan.id}|${deadline.section}|${when}`;
}

/**
 * The deadlines of the units' own reports: kind "report" with a day (yearly, or one fixed date), without
 * the next links of the chain. Plans often chain reports: the units report to the Phòng GD&ĐT by 15/11,
 * which compiles them and reports on to the UBND by 30/11 (Củ Chi, Mục V.1). A deadline whose sender
 * is the recipient of another report deadline of the plan is such a later link: reminding the units of
 * it, or counting an admin's days left to it, would give them a day that is not theirs.
 */
export function reportDeadlines(plan: Plan): Deadline[] {
  const dated = plan.deadlines.filter((d) => d.kind === 'report' && (d.when.type === 'yearly' || d.when.type === 'date'));
  const key = (party: string | null) => (party ? fold(party) : '');
  const compiles = (d: Deadline) => key(d.from) !== '' && dated.some((other) => other !== d && key(other.to) === key(d.from));
  const own = dated.filter((d) => !compiles(d));
  // A chain that loops back names no first link: keep every deadline rather than none.
  return own.length > 0 ? own : dated;
}

/** The report deadlines of `plan` that fall in `year`, earliest first. */
export function reportOccurrences(plan: Plan, year: number): DeadlineOccurrence[] {
  const out: DeadlineOccurrence[] = [];
  for (const deadline of reportDeadlines(plan)) {
    const w = deadline.when;
    let date: CalendarDate | undefined;
    if (w.type === 'yearly') {
      // A yearly deadline applies only in the years the plan runs.
      if (year < plan.period.from || year > plan.period.to) continue;
      date = { year, month: w.month, day: Math.min(w.day, daysInMonth(year, w.month)) };
    } else if (w.type === 'date') {
      const fixed = parseIsoDate(w.date);
      if (fixed && fixed.year === year) date = fixed;
    }
    if (date) out.push({ plan, deadline, key: deadlineKey(plan, deadline), year, date, lastDay: lastDay(deadline, year) ?? date });
  }
  return out.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
}

/**
 * The deadline a unit's report of `year` is held to: the plan's last report deadline of that year
 * (the units' own, see `reportDeadlines`), so a unit is late only once every day the plan gives it
 * has passed. Undefined when the plan names none in that year.
 */
export function reportDueOccurrence(plan: Plan, year: number): DeadlineOccurrence | undefined {
  return reportOccurrences(plan, year).sort((a, b) => dayNumber(a.lastDay) - dayNumber(b.lastDay)).at(-1);
}

export interface NearestDeadline {
  occurrence: DeadlineOccurrence;
  /** Days from `today` to the deadline's last day: 0 on that day, negative once it has passed. */
  daysLeft: number;
}

/**
 * The deadline of `year` an admin should look at on `today`: the next one not yet passed, or, when
 * all of that year's have passed, the last one. Undefined when the plan names no report deadline.
 */
export function nearestDeadline(plan: Plan, year: number, today: CalendarDate): NearestDeadline | undefined {
  const occurrences = reportOccurrences(plan, year);
  if (occurrences.length === 0) return undefined;
  const upcoming = occurrences.find((o) => daysBetween(today, o.lastDay) >= 0) ?? occurrences.at(-1)!;
  return { occurrence: upcoming, daysLeft: daysBetween(today, upcoming.lastDay) };
}
