/**
 * The "Gửi nhắc ngay" button of the "Chưa báo cáo" page: the reminders of the units still missing,
 * sent through the bot's own reminder sender (src/admin/reminders/send.ts) — claimed in the record
 * first, so a reminder already sent today by the daily run, or by an earlier press, is never sent
 * again, and paced per platform. A press only queues them: the page answers at once with how many were
 * queued, and the sends go out one after another in the background.
 *
 * The reminder names the plan's next report deadline of the year and the days left to it, the same
 * (deadline, days before) pair the daily run claims, so the two can never both send one.
 */
import type { ChannelHandle } from '../channels/types.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import { daysBetween, type CalendarDate } from '../calendar.js';
import { reportOccurrences } from '../reports/deadlines.js';
import type { Clock } from '../admin/reminders/pacer.js';
import { createReminderRecords } from '../admin/reminders/records.js';
import type { DueReminder } from '../admin/reminders/select.js';
import { sendReminders } from '../admin/reminders/send.js';
import type { MissingOfPlan } from './missing-units.js';

/** The reminders a press would send for the plans shown (only plans whose last day of the year is still ahead), counted to the last day as the daily run counts. */
export function remindersForMissing(stats: readonly MissingOfPlan[], year: number, today: CalendarDate): DueReminder[] {
  const out: DueReminder[] = [];
  for (const s of stats) {
    if (!s.plan || s.missing.length === 0) continue;
    const occurrence = reportOccurrences(s.plan, year).find((o) => daysBetween(today, o.lastDay) >= 0);
    if (!occurrence) continue;
    const offsetDays = daysBetween(today, occurrence.lastDay);
    for (const unit of s.missing) for (const contact of unit.contacts) out.push({ occurrence, offsetDays, contact });
  }
  return out;
}

export interface QueuedReminders {
  queued: number;
  /** Sent (or being sent) before: by the daily run or an earlier press. */
  already: number;
  /** The contact's channel does not run now. */
  noChannel: number;
}

export interface ReminderQueue {
  queue(due: readonly DueReminder[]): QueuedReminders;
  /** How many of `due` a press would still send (neither reminded before nor queued now). */
  unsent(due: readonly DueReminder[]): number;
  /** Settles when every queued reminder has been handled (tests). */
  idle(): Promise<void>;
  /** Shutdown: the run in progress stops between two sends (the rest stay unclaimed), later presses queue nothing. */
  stop(): Promise<void>;
}

export interface ReminderQueueDeps {
  store: Store;
  logger: Logger;
  /** The running channels, read at each press (a channel may start late). */
  channels: () => readonly ChannelHandle[];
  now?: () => Date;
  clock?: Clock;
}

const keyOf = (r: DueReminder) => `${r.contact.id}|${r.occurrence.key}|${r.occurrence.year}|${r.offsetDays}`;

export function createReminderQueue(deps: ReminderQueueDeps): ReminderQueue {
  const records = createReminderRecords(deps.store.db);
  const log = deps.logger.child({ part: 'web' });
  /** Queued and not yet claimed by the sender: a second press must not count them again. */
  const pending = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  const lifetime = new AbortController();

  const handled = (r: DueReminder) =>
    pending.has(keyOf(r)) || records.find({ contactId: r.contact.id, deadlineKey: r.occurrence.key, year: r.occurrence.year, offsetDays: r.offsetDays }) !== undefined;

  return {
    unsent: (due) => due.filter((r) => !handled(r)).length,
    queue(due) {
      const channels = deps.channels();
      const running = new Set(channels.map((c) => c.channel));
      const result: QueuedReminders = { queued: 0, already: 0, noChannel: 0 };
      const batch: DueReminder[] = [];
      for (const r of due) {
        if (handled(r)) result.already++;
        else if (!running.has(r.contact.channel)) result.noChannel++;
        else {
          result.queued++;
          batch.push(r);
          pending.add(keyOf(r));
        }
      }
      if (batch.length > 0 && !lifetime.signal.aborted) {
        chain = chain
          .then(() => sendReminders({ records, channels, logger: deps.logger, signal: lifetime.signal, ...(deps.now ? { now: deps.now } : {}), ...(deps.clock ? { clock: deps.clock } : {}) }, batch))
          .then(
            (sent) => log.info({ event: 'web-reminders-sent', ...sent }, 'reminders sent from the admin page'),
            (err: unknown) => log.error({ event: 'web-reminders-failed', err: err instanceof Error ? err.message : String(err) }, 'reminders from the admin page failed'),
          )
          .finally(() => batch.forEach((r) => pending.delete(keyOf(r))));
      }
      return result;
    },
    idle: () => chain,
    async stop() {
      lifetime.abort();
      await chain;
    },
  };
}
