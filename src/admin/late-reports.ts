/**
 * Which reports came late: each unit's report of a year is held to its plan's report deadline of that
 * year (`reportDueOccurrence`) and judged by the late rule (src/reports/late.ts). The statistics and
 * both export formats read the marks from here, so they always agree.
 *
 * A unit's report counts as received when its first version came: a correction sent after the
 * deadline does not make a report that arrived in time late, and every version carries the mark of
 * the report it belongs to.
 */
import type { Knowledge } from '../knowledge/loader.js';
import { lateness, type Lateness } from '../reports/late.js';
import type { Report } from '../store/reports.js';
import { reportDueOccurrence } from './deadlines.js';

export interface LateMarks {
  /** Undefined when the report's plan names no report deadline in its year (nothing to be late for). */
  of(report: Pick<Report, 'planId' | 'unitKey' | 'year'>): Lateness | undefined;
}

const reportKey = (r: Pick<Report, 'planId' | 'unitKey' | 'year'>) => `${r.planId}|${r.unitKey}|${r.year}`;

/** `versions`: every stored version of the reports to mark (older versions give the first arrival). */
export function lateMarks(knowledge: Knowledge, versions: readonly Report[], timeZone: string): LateMarks {
  const firstSent = new Map<string, string>();
  for (const r of versions) {
    const key = reportKey(r);
    const known = firstSent.get(key);
    if (known === undefined || Date.parse(r.submittedAt) < Date.parse(known)) firstSent.set(key, r.submittedAt);
  }
  const marks = new Map<string, Lateness | undefined>();
  // Reading a plan's deadline is the costly part: once per plan and year, not once per unit.
  const dues = new Map<string, ReturnType<typeof reportDueOccurrence> | undefined>();
  const dueOf = (planId: string, year: number) => {
    const key = `${planId}|${year}`;
    if (!dues.has(key)) {
      const plan = knowledge.plan(planId);
      dues.set(key, plan && reportDueOccurrence(plan, year));
    }
    return dues.get(key);
  };
  return {
    of(report) {
      const key = reportKey(report);
      if (!marks.has(key)) {
        const due = dueOf(report.planId, report.year);
        const sent = firstSent.get(key);
        marks.set(key, due && sent ? lateness(sent, due.lastDay, timeZone) : undefined);
      }
      return marks.get(key);
    },
  };
}
