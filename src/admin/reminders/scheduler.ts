/**
 * The reminder scheduler: every day at REMINDER_HOUR (08:00) in the bot's time zone (croner), and once
 * after start-up when the process starts after that hour, it sends the reminders due that day. The
 * start-up run is the catch-up after downtime within the same day; the record of claimed reminders
 * makes it safe to run as often as needed (nothing is sent twice). The catch-up waits a little
 * (CATCH_UP_DELAY_MS) so that a bot restarted several times in a row, or started briefly, does not
 * send before it has settled; a stop before then cancels it.
 *
 * A send that failed (network down, platform errors after the channel's own short retries — not a
 * user who blocked the bot) is tried once more RETRY_DELAY_MS later, the same day, if the unit still
 * has not reported: an outage at 08:00 should not cost a unit its last reminder before the deadline.
 * Only once, and only the reminders that failed in that run, so a failing chat is not hammered; a stop
 * cancels the pending retry (the record keeps "failed").
 *
 * Every hour from DRAFT_NOTICE_HOURS (07:00 to 21:00, not at night) it also sends the notices of form
 * drafts that expire within a day (draft-notices.ts), through the same sender, each once.
 */
import { Cron } from 'croner';
import type { ChannelHandle } from '../../channels/types.js';
import type { Config } from '../../config.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import { isoDate, localDate, wallClock, type CalendarDate } from '../../calendar.js';
import type { DeliveryRunResult } from './deliver.js';
import { dueDraftNotices, sendDraftNotices } from './draft-notices.js';
import type { Clock } from './pacer.js';
import { createReminderRecords } from './records.js';
import { dueReminders, type DueReminder } from './select.js';
import { sendReminders, type ReminderRunResult } from './send.js';

export interface ReminderSchedulerDeps {
  store: Store;
  knowledge: Knowledge;
  config: Pick<Config, 'timeZone' | 'reminderDays' | 'reminderHour' | 'draftTtlDays'>;
  logger: Logger;
  /** The running channels; reminders go to contacts on these. */
  channels: readonly ChannelHandle[];
  now?: () => Date;
  clock?: Clock;
  /** False: no daily or hourly job and no start-up run (tests call `runFor`, `runDraftNotices`). Default true. */
  schedule?: boolean;
  /** Milliseconds between start-up and the catch-up run (default CATCH_UP_DELAY_MS). */
  catchUpDelayMs?: number;
  /** Milliseconds between a run with failed sends and their one retry (default RETRY_DELAY_MS). */
  retryDelayMs?: number;
}

export const CATCH_UP_DELAY_MS = 60_000;
export const RETRY_DELAY_MS = 30 * 60_000;
/** The hours (croner) at which draft notices go out: the day, in the bot's time zone. */
export const DRAFT_NOTICE_HOURS = '7-21';

export interface ReminderScheduler {
  /**
   * Sends the reminders due on `date` (default: today in the bot's time zone). Runs never overlap.
   * Failed sends get one retry later (see above).
   */
  runFor(date?: CalendarDate): Promise<ReminderRunResult>;
  /** Sends the notices of the drafts that expire within a day of `at` (default: now). Never overlaps a run. */
  runDraftNotices(at?: Date): Promise<DeliveryRunResult>;
  /** When the daily job runs next (null when not scheduled). */
  nextRun(): Date | null;
  /** Settles when no run is in progress and none is pending (the start-up catch-up and retries included). */
  idle(): Promise<void>;
  /** Stops the daily job; a run in progress stops between two sends. */
  stop(): Promise<void>;
}

export function startReminderScheduler(deps: ReminderSchedulerDeps): ReminderScheduler {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ part: 'reminders' });
  const records = createReminderRecords(deps.store.db);
  const lifetime = new AbortController();
  let chain: Promise<unknown> = Promise.resolve();

  const sendDeps = { records, channels: deps.channels, logger: deps.logger, now, clock: deps.clock, signal: lifetime.signal };
  /** Pending retries: each settles when it has run or was cancelled. */
  const retries = new Map<NodeJS.Timeout, () => void>();
  const retrySettled = new Set<Promise<void>>();

  async function runOnce(date: CalendarDate): Promise<ReminderRunResult> {
    const due = dueReminders(deps, { date, offsets: config.reminderDays });
    const failed = new Set<number>();
    const result = await sendReminders({ ...sendDeps, onFailed: (id) => failed.add(id) }, due);
    if (result.due > 0) log.info({ event: 'reminders-run', date: isoDate(date), ...result }, 'reminders sent');
    else log.debug({ event: 'reminders-run', date: isoDate(date) }, 'no reminders due');
    if (failed.size > 0) scheduleRetry(date, failed);
    return result;
  }

  /** The one retry of the reminders that failed in a run; those whose unit reported since are dropped. */
  async function retryOnce(date: CalendarDate, failed: ReadonlySet<number>): Promise<void> {
    const ids = new Map<DueReminder, number>();
    for (const r of dueReminders(deps, { date, offsets: config.reminderDays })) {
      const id = records.find({ contactId: r.contact.id, deadlineKey: r.occurrence.key, year: r.occurrence.year, offsetDays: r.offsetDays })?.id;
      if (id !== undefined && failed.has(id)) ids.set(r, id);
    }
    if (ids.size === 0) return;
    const reclaim = (r: DueReminder) => (records.reclaim(ids.get(r)!) ? ids.get(r) : undefined);
    const result = await sendReminders({ ...sendDeps, claim: reclaim }, [...ids.keys()]);
    log.info({ event: 'reminders-retry', date: isoDate(date), ...result }, 'failed reminders retried');
  }

  function scheduleRetry(date: CalendarDate, failed: ReadonlySet<number>): void {
    if (lifetime.signal.aborted) return;
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    retrySettled.add(settled);
    void settled.then(() => retrySettled.delete(settled));
    const timer = setTimeout(() => {
      retries.delete(timer);
      // Past midnight: the message would name the wrong number of days; the next offsets take over.
      if (isoDate(localDate(now(), config.timeZone)) !== isoDate(date)) return settle();
      const run = chain.then(() => retryOnce(date, failed));
      chain = run.catch((err: unknown) =>
        log.error({ event: 'reminders-failed', why: 'retry', err: err instanceof Error ? err.message : String(err) }, 'reminder retry failed'),
      );
      void chain.then(settle);
    }, deps.retryDelayMs ?? RETRY_DELAY_MS);
    timer.unref();
    retries.set(timer, settle);
  }

  function runFor(date: CalendarDate = localDate(now(), config.timeZone)): Promise<ReminderRunResult> {
    const run = chain.then(() => runOnce(date));
    chain = run.catch(() => undefined);
    return run;
  }

  function runDraftNotices(at: Date = now()): Promise<DeliveryRunResult> {
    const run = chain.then(async () => {
      const due = dueDraftNotices(deps.store, config, at);
      const result = await sendDraftNotices({ ...sendDeps, store: deps.store, config }, due);
      // Hourly: quiet unless something went out (the drafts noticed already come up every hour of their last day).
      if (result.sent + result.blocked + result.failed > 0) log.info({ event: 'draft-notices-run', ...result }, 'draft expiry notices sent');
      return result;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  function runSafely(why: string): void {
    runFor().catch((err: unknown) =>
      log.error({ event: 'reminders-failed', why, err: err instanceof Error ? err.message : String(err) }, 'reminder run failed'),
    );
  }

  let job: Cron | undefined;
  let draftJob: Cron | undefined;
  let catchUp: NodeJS.Timeout | undefined;
  /** Settles when the pending catch-up has run or was cancelled. */
  let catchUpSettled: Promise<void> = Promise.resolve();
  let settleCatchUp = () => {};
  if (deps.schedule !== false) {
    // unref: the schedule alone never keeps the process alive; the channels do.
    job = new Cron(`0 ${config.reminderHour} * * *`, { timezone: config.timeZone, unref: true }, () => runSafely('daily'));
    draftJob = new Cron(`0 ${DRAFT_NOTICE_HOURS} * * *`, { timezone: config.timeZone, unref: true }, () => {
      runDraftNotices().catch((err: unknown) =>
        log.error({ event: 'draft-notices-failed', err: err instanceof Error ? err.message : String(err) }, 'draft notice run failed'),
      );
    });
    // Started after today's hour (a restart, or downtime over it): send what is still due today.
    const startedOn = localDate(now(), config.timeZone);
    if (wallClock(now(), config.timeZone).hour >= config.reminderHour) {
      catchUpSettled = new Promise((resolve) => (settleCatchUp = resolve));
      catchUp = setTimeout(() => {
        catchUp = undefined;
        settleCatchUp();
        // Past midnight already: the new day's reminders belong to its own daily run.
        if (isoDate(localDate(now(), config.timeZone)) !== isoDate(startedOn)) return;
        runSafely('catch-up');
      }, deps.catchUpDelayMs ?? CATCH_UP_DELAY_MS);
      catchUp.unref();
    }
    log.info({ event: 'reminders-scheduled', next: job.nextRun()?.toISOString(), catchUp: catchUp !== undefined }, 'reminder scheduler started');
  }

  return {
    runFor,
    runDraftNotices,
    nextRun: () => job?.nextRun() ?? null,
    async idle() {
      await catchUpSettled;
      await chain;
      // A run may have scheduled a retry; wait for those too (tests set retryDelayMs to 0).
      while (retrySettled.size > 0) await Promise.all(retrySettled);
      await chain;
    },
    async stop() {
      if (catchUp) clearTimeout(catchUp);
      catchUp = undefined;
      settleCatchUp();
      for (const [timer, settle] of retries) {
        clearTimeout(timer);
        settle();
      }
      retries.clear();
      job?.stop();
      draftJob?.stop();
      lifetime.abort();
      await chain;
    },
  };
}
