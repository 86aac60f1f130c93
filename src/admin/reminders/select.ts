/**
 * Which reminders are due on a day: for every report deadline of every plan that falls `offset` days
 * later (offsets from REMINDER_DAYS, default 7, 3 and 1), every registered contact of that plan whose
 * unit has no report for the deadline's year yet.
 */
import type { Knowledge } from '../../knowledge/loader.js';
import type { Contact } from '../../store/contacts.js';
import type { Store } from '../../store/db.js';
import { addDays, dayNumber, sameDate, type CalendarDate } from '../../calendar.js';
import { reportOccurrences, type DeadlineOccurrence } from '../deadlines.js';

export interface DueReminder {
  occurrence: DeadlineOccurrence;
  /** Days from the reminder day to the deadline. */
  offsetDays: number;
  contact: Contact;
}

/** The deadlines that fall `offset` days after `date`, for each offset (largest offset first). */
export function deadlinesDue(knowledge: Knowledge, date: CalendarDate, offsets: readonly number[]): { occurrence: DeadlineOccurrence; offsetDays: number }[] {
  const out: { occurrence: DeadlineOccurrence; offsetDays: number }[] = [];
  for (const offsetDays of [...new Set(offsets)].sort((a, b) => b - a)) {
    const target = addDays(date, offsetDays);
    for (const plan of knowledge.plans) {
      for (const occurrence of reportOccurrences(plan, target.year)) {
        if (sameDate(occurrence.date, target)) out.push({ occurrence, offsetDays });
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
          const day = addDays(occurrence.date, -offset);
          if (dayNumber(day) > from && (!best || dayNumber(day) < dayNumber(best))) best = day;
        }
      }
    }
  }
  return best;
}
