/**
 * Which reminders are due on a day: for every report deadline of every plan whose last day falls
 * `offset` days later (offsets from REMINDER_DAYS, default 7, 3 and 1), every registered contact of
 * that plan whose unit has no report for the deadline's year yet. Days count to the last day the late
 * rule allows (src/reports/late.ts), not to the day the plan names: "trước ngày 01/12" is due on 30/11,
 * so "còn 1 ngày" is sent on 29/11, while a report is still on time.
 */
import type { Knowledge } from '../../knowledge/loader.js';
import type { Contact } from '../../store/contacts.js';
import type { Store } from '../../store/db.js';
import { addDays, dayNumber, sameDate, type CalendarDate } from '../../calendar.js';
import { reportOccurrences, type DeadlineOccurrence } from '../../reports/deadlines.js';

export interface DueReminder {
  occurrence: DeadlineOccurrence;
  /** Days from the reminder day to the deadline's last day (`occurrence.lastDay`). */
  offsetDays: number;
  contact: Contact;
}

/** The deadlines whose last day falls `offset` days after `date`, for each offset (largest offset first). */
export function deadlinesDue(knowledge: Knowledge, date: CalendarDate, offsets: readonly number[]): { occurrence: DeadlineOccurrence; offsetDays: number }[] {
  const out: { occurrence: DeadlineOccurrence; offsetDays: number }[] = [];
  for (const offsetDays of [...new Set(offsets)].sort((a, b) => b - a)) {
    const target = addDays(date, offsetDays);
    for (const plan of knowledge.plans) {
      // "trước ngày 01/01" ends on 31/12 of the year before: the next year's deadlines may end on `target`.
      for (const occurrence of [...reportOccurrences(plan, target.year), ...reportOccurrences(plan, target.year + 1)]) {
        if (sameDate(occurrence.lastDay, target)) out.push({ occurrence, offsetDays });
      }
    }
  }
  return out;
}

export function dueReminders(
  deps: { store: Store; knowledge: Knowledge },
  opts: { date: CalendarDate; offsets: readonly number[] },
): DueReminder[] {
  const out: DueReminder[] = [];
  for (const { occurrence, offsetDays } of deadlinesDue(deps.knowledge, opts.date, opts.offsets)) {
    const planId = occurrence.plan.id;
    const reported = new Set(deps.store.reports.listLatest({ year: occurrence.year, planId }).map((r) => r.unitKey));
    for (const contact of deps.store.contacts.list({ planId })) {
      if (!reported.has(contact.unitKey)) out.push({ occurrence, offsetDays, contact });
    }
  }
  return out;
}

/**
 * The first day after `date` (within a year and a bit) on which some reminder would be due, whoever is
 * registered; undefined when no plan has a report deadline ahead.
 */
export function nextReminderDay(knowledge: Knowledge, date: CalendarDate, offsets: readonly number[]): CalendarDate | undefined {
  const from = dayNumber(date);
  let best: CalendarDate | undefined;
  for (const plan of knowledge.plans) {
    for (const year of [date.year, date.year + 1, date.year + 2]) {
      for (const occurrence of reportOccurrences(plan, year)) {
        for (const offset of offsets) {
          const day = addDays(occurrence.lastDay, -offset);
          if (dayNumber(day) > from && (!best || dayNumber(day) < dayNumber(best))) best = day;
        }
      }
    }
  }
  return best;
}
