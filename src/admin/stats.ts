/**
 * Who has and has not reported: per plan, the registered units (contacts grouped by their folded
 * unit name), which of them have a report for the year, which are missing, how many reports came
 * late, and the deadline to watch.
 */
import type { Knowledge } from '../knowledge/loader.js';
import type { Plan } from '../knowledge/schema.js';
import type { Contact } from '../store/contacts.js';
import type { Store } from '../store/db.js';
import type { CalendarDate } from '../calendar.js';
import { nearestDeadline, reportDueOccurrence, type DeadlineOccurrence, type NearestDeadline } from '../reports/deadlines.js';
import { lateMarks } from '../reports/late-marks.js';

export interface UnitStatus {
  unitKey: string;
  /** As written by the contact who updated the registration last. */
  unitName: string;
  /** The unit's registered contacts (several people may register the same unit). */
  contacts: Contact[];
  reported: boolean;
}

export interface PlanStats {
  planId: string;
  /** Undefined when contacts still name a plan no longer in data/plans. */
  plan: Plan | undefined;
  units: UnitStatus[];
  reported: UnitStatus[];
  missing: UnitStatus[];
  /** Units with a report for the year but no registered contact in this plan any more (re-registered elsewhere). */
  reportedWithoutContact: number;
  /** The plan's reports of the year (one per unit) that came after `due`'s last day. */
  late: number;
  /** The deadline the year's reports are held to; undefined when the plan names none that year. */
  due: DeadlineOccurrence | undefined;
  nearest: NearestDeadline | undefined;
}

export interface StatsOptions {
  year: number;
  /** The day the statistics are read (days left are counted from it). */
  today: CalendarDate;
  /** Where the units are: a report is late by the calendar there. */
  timeZone: string;
  planId?: string;
}

function unitsOf(contacts: readonly Contact[], reportedKeys: ReadonlySet<string>): UnitStatus[] {
  const byKey = new Map<string, Contact[]>();
  for (const c of contacts) byKey.set(c.unitKey, [...(byKey.get(c.unitKey) ?? []), c]);
  return [...byKey.entries()].map(([unitKey, members]) => {
    const newest = [...members].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
    return { unitKey, unitName: newest.unitName, contacts: members, reported: reportedKeys.has(unitKey) };
  });
}

/** Stats per plan, in the order of the knowledge base (then plans only contacts still name). */
export function reportingStats(deps: { store: Store; knowledge: Knowledge }, opts: StatsOptions): PlanStats[] {
  const contacts = deps.store.contacts.list(opts.planId ? { planId: opts.planId } : undefined);
  const reports = deps.store.reports.listLatest({ year: opts.year, planId: opts.planId });
  const marks = lateMarks(deps.knowledge, deps.store.reports.listAll({ year: opts.year, planId: opts.planId }), opts.timeZone);
  const planIds = [
    ...deps.knowledge.plans.map((p) => p.id),
    ...new Set(contacts.map((c) => c.planId).filter((id) => !deps.knowledge.plan(id))),
  ].filter((id) => !opts.planId || id === opts.planId);

  return planIds.map((planId) => {
    const plan = deps.knowledge.plan(planId);
    const planReports = reports.filter((r) => r.planId === planId);
    const reportedKeys = new Set(planReports.map((r) => r.unitKey));
    const units = unitsOf(
      contacts.filter((c) => c.planId === planId),
      reportedKeys,
    ).sort((a, b) => a.unitKey.localeCompare(b.unitKey));
    const registeredKeys = new Set(units.map((u) => u.unitKey));
    return {
      planId,
      plan,
      units,
      reported: units.filter((u) => u.reported),
      missing: units.filter((u) => !u.reported),
      reportedWithoutContact: [...reportedKeys].filter((k) => !registeredKeys.has(k)).length,
      late: planReports.filter((r) => marks.of(r)?.late).length,
      due: plan ? reportDueOccurrence(plan, opts.year) : undefined,
      nearest: plan ? nearestDeadline(plan, opts.year, opts.today) : undefined,
    };
  });
}
