/**
 * Deadline reminders: who is claimed how, and what each contact reads. They are sent through the
 * paced, once-only sender (deliver.ts): claimed in the record first (never twice), paced per platform,
 * their outcome recorded.
 */
import type { Outbound } from '../../dialog/types.js';
import { isoDate } from '../../calendar.js';
import { adminTexts } from '../texts.js';
import { deadlineDay } from '../views.js';
import { deliverOnce, type DeliverDeps, type Delivery, type DeliveryRunResult } from './deliver.js';
import type { ReminderRecords } from './records.js';
import type { DueReminder } from './select.js';

export type ReminderRunResult = DeliveryRunResult;

export interface SendRemindersDeps extends DeliverDeps {
  records: ReminderRecords;
  /**
   * Takes a reminder before sending it: the id of its record, or undefined when it must not be sent.
   * Default: a new claim, which exists once per reminder (never sent twice). The retry pass reclaims.
   */
  claim?: (r: DueReminder, at: Date) => number | undefined;
}

/** The default claim: a new record, unique per contact, deadline, year and days before. */
export function newClaim(records: ReminderRecords): (r: DueReminder, at: Date) => number | undefined {
  return (r, at) =>
    records.claim({
      contactId: r.contact.id,
      planId: r.occurrence.plan.id,
      deadlineKey: r.occurrence.key,
      year: r.occurrence.year,
      offsetDays: r.offsetDays,
      deadlineDate: isoDate(r.occurrence.date),
      channel: r.contact.channel,
      at,
    });
}

/** The reminder one contact receives. */
export function reminderMessage(r: DueReminder): Outbound {
  const { occurrence } = r;
  return {
    text: adminTexts.reminder({
      unitName: r.contact.unitName,
      year: occurrence.year,
      day: deadlineDay(occurrence),
      offsetDays: r.offsetDays,
      quote: occurrence.deadline.quote,
      source: occurrence.plan.shortName,
      section: occurrence.deadline.section,
    }),
  };
}

/** How a deadline reminder goes through the paced, once-only sender. */
function reminderDelivery(claim: (r: DueReminder, at: Date) => number | undefined): Delivery<DueReminder> {
  return {
    kind: 'reminder',
    to: (r) => ({ channel: r.contact.channel, chatId: r.contact.chatId }),
    message: reminderMessage,
    claim,
    // The contact id identifies the row for an admin; names and chat ids stay out of the log.
    logRef: (r) => ({ contactId: r.contact.id }),
  };
}

export function sendReminders(deps: SendRemindersDeps, due: readonly DueReminder[]): Promise<ReminderRunResult> {
  return deliverOnce(deps, reminderDelivery(deps.claim ?? newClaim(deps.records)), due);
}
