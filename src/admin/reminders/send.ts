/**
 * Sends due reminders through the running channels: each one claimed in the record first (never twice),
 * paced per platform, its outcome recorded. A blocked user or a failed send is recorded and the run
 * goes on with the next contact. Channels send in parallel, each at its own pace.
 */
import type { ChannelHandle } from '../../channels/types.js';
import type { ChannelName } from '../../config.js';
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { isoDate } from '../../calendar.js';
import { adminTexts } from '../texts.js';
import { deadlineDay } from '../views.js';
import { CHANNEL_LIMITS, createPacer, systemClock, type Clock, type PaceLimits } from './pacer.js';
import type { ReminderRecords, ReminderStatus } from './records.js';
import type { DueReminder } from './select.js';

export interface ReminderRunResult {
  due: number;
  sent: number;
  blocked: number;
  failed: number;
  /** Claimed before (by an earlier run): not sent again. */
  alreadyHandled: number;
  /** The contact's channel is not running now (not claimed: a later run the same day may send it). */
  noChannel: number;
  /** Not attempted because the run was stopped (shutdown). */
  stopped: number;
}

export interface SendRemindersDeps {
  records: ReminderRecords;
  channels: readonly ChannelHandle[];
  logger: Logger;
  /** Wall clock for the record. */
  now?: () => Date;
  /** Pacing clock (tests inject one that does not wait). */
  clock?: Clock;
  limits?: Partial<Record<ChannelName, PaceLimits>>;
  /** Stops the run between two sends (shutdown). */
  signal?: AbortSignal;
  /**
   * Takes a reminder before sending it: the id of its record, or undefined when it must not be sent.
   * Default: a new claim, which exists once per reminder (never sent twice). The retry pass reclaims.
   */
  claim?: (r: DueReminder, at: Date) => number | undefined;
  /** Called with the record id of each send that failed (not blocked): candidates for one retry. */
  onFailed?: (recordId: number) => void;
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

/**
 * "blocked" when the platform says the user cannot be reached any more (Telegram 403: blocked,
 * deactivated; chat not found), "failed" for anything else (network, rate limit after retries, …).
 */
export function classifySendError(err: unknown): Exclude<ReminderStatus, 'sending' | 'sent'> {
  const e = err as { kind?: unknown; error_code?: unknown; errorCode?: unknown; description?: unknown; message?: unknown } | null;
  // Telegram's delivery errors say it directly (kind); others by the code or the platform's words.
  if (e?.kind === 'blocked' || e?.kind === 'unknown_chat') return 'blocked';
  const code = Number(e?.error_code ?? e?.errorCode);
  const text = `${String(e?.description ?? '')} ${String(e?.message ?? '')}`.toLowerCase();
  if (code === 403 || /blocked|deactivated|chat not found|user not found|kicked/.test(text)) return 'blocked';
  return 'failed';
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export async function sendReminders(deps: SendRemindersDeps, due: readonly DueReminder[]): Promise<ReminderRunResult> {
  const now = deps.now ?? (() => new Date());
  const clock = deps.clock ?? systemClock;
  const log = deps.logger.child({ part: 'reminders' });
  const result: ReminderRunResult = { due: due.length, sent: 0, blocked: 0, failed: 0, alreadyHandled: 0, noChannel: 0, stopped: 0 };
  const handles = new Map(deps.channels.map((h) => [h.channel, h]));
  const claim = deps.claim ?? newClaim(deps.records);

  const byChannel = new Map<ChannelName, DueReminder[]>();
  for (const r of due) {
    if (!handles.has(r.contact.channel)) {
      result.noChannel++;
      continue;
    }
    byChannel.set(r.contact.channel, [...(byChannel.get(r.contact.channel) ?? []), r]);
  }

  async function sendOne(handle: ChannelHandle, pace: ReturnType<typeof createPacer>, r: DueReminder): Promise<void> {
    const id = claim(r, now());
    if (id === undefined) {
      result.alreadyHandled++;
      return;
    }
    await pace.wait(r.contact.chatId);
    try {
      await handle.send(r.contact.chatId, [reminderMessage(r)]);
      deps.records.finish(id, 'sent', now());
      result.sent++;
    } catch (err) {
      const status = classifySendError(err);
      deps.records.finish(id, status, now(), errorText(err));
      result[status]++;
      if (status === 'failed') deps.onFailed?.(id);
      // The contact id identifies the row for an admin; names and chat ids stay out of the log.
      log.warn({ event: 'reminder-not-delivered', channel: handle.channel, contactId: r.contact.id, status, err: errorText(err) }, 'reminder not delivered');
    }
  }

  await Promise.all(
    [...byChannel.entries()].map(async ([channel, list]) => {
      const handle = handles.get(channel)!;
      const pace = createPacer({ ...CHANNEL_LIMITS[channel], ...deps.limits?.[channel] }, clock);
      for (let i = 0; i < list.length; i++) {
        if (deps.signal?.aborted) {
          result.stopped += list.length - i;
          return;
        }
        try {
          await sendOne(handle, pace, list[i]!);
        } catch (err) {
          // A failure of the record itself (database): this reminder is lost, the others still go out.
          result.failed++;
          log.error({ event: 'reminder-error', channel, err: errorText(err) }, 'reminder could not be processed');
        }
      }
    }),
  );
  if (result.noChannel > 0) log.info({ event: 'reminders-no-channel', count: result.noChannel }, 'reminders for channels that are not running were not sent');
  return result;
}
