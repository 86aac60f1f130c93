/**
 * Late marks of stored reports: each unit's report of a year against its plan's report deadline of that
 * year, by the rule of late.ts. Apart from late.ts because it reads the deadlines (deadlines.ts), which
 * read late.ts's last day.
 */
import type { Knowledge } from '../knowledge/loader.js';
import type { Report } from '../store/reports.js';
import { reportDueOccurrence, type DeadlineOccurrence } from './deadlines.js';
import { lateFrom, lateness, type Lateness } from './late.js';

/**
 * Which reports came late: each unit's report of a year is held to its plan's report deadline of that
 * year (`reportDueOccurrence`) and judged by the rule above. The statistics, the exports, the admin
 * page and /cuatoi read the marks from here, so they always agree.
 *
 * A unit's report counts as received when its first version came: a correction sent after the
 * deadline does not make a report that arrived in time late, and every version carries the mark of
 * the report it belongs to.
 */
export interface LateMarks {
  /** Undefined when the report's plan names no report deadline in its year (nothing to be late for). */
  of(report: Pick<Report, 'planId' | 'unitKey' | 'year'>): Lateness | undefined;
}

const reportKey = (r: Pick<Report, 'planId' | 'unitKey' | 'year'>) => `${r.planId}|${r.unitKey}|${r.year}`;

/** `versions`: every stored version of the reports to mark (older versions give the first arrival). */
export function lateMarks(knowledge: Pick<Knowledge, 'plan'>, versions: readonly Report[], timeZone: string): LateMarks {
  const firstSent = new Map<string, string>();
  for (const r of versions) {
    const key = reportKey(r);
    const known = firstSent.get(key);
    if (known === undefined || Date.parse(r.submittedAt) < Date.parse(known)) firstSent.set(key, r.submittedAt);
  }
  const marks = new Map<string, Lateness | undefined>();
  /** Per plan and year: its deadline (read from the plan's wording once, not once per report) and the instant the day after its last day begins. */
  const dues = new Map<string, { lastDay: DeadlineOccurrence['lastDay']; cutoff: number } | undefined>();
  const dueOf = (r: Pick<Report, 'planId' | 'year'>) => {
    const key = `${r.planId}|${r.year}`;
    if (!dues.has(key)) {
      const plan = knowledge.plan(r.planId);
      const due = plan && reportDueOccurrence(plan, r.year);
      dues.set(key, due && { lastDay: due.lastDay, cutoff: lateFrom(due.lastDay, timeZone).getTime() });
    }
    return dues.get(key);
  };
  return {
    of(report) {
      const key = reportKey(report);
      if (!marks.has(key)) {
        const due = dueOf(report);
        const sent = firstSent.get(key);
        // Sent before the day after the last day began: on time, by one comparison of instants rather
        // than reading the calendar of each report (the statistics mark thousands at once).
        if (!due || sent === undefined) marks.set(key, undefined);
        else marks.set(key, Date.parse(sent) < due.cutoff ? { late: false, days: 0 } : lateness(sent, due.lastDay, timeZone));
      }
      return marks.get(key);
    },
  };
}
