/**
 * The paced, once-only sender that the bot's own messages go through (deadline reminders, the notice
 * before a draft expires): each message is claimed in a record first (never sent twice), paced per
 * platform, its outcome recorded. A blocked user or a failed send is recorded and the run goes on with
 * the next one. Channels send in parallel, each at its own pace. What a message is, how it is claimed
 * and in which table it is recorded belongs to the caller (send.ts, draft-notices.ts).
 */
import type { ChannelHandle } from '../../channels/types.js';
import type { ChannelName } from '../../config.js';
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { CHANNEL_LIMITS, createPacer, systemClock, type Clock, type PaceLimits } from './pacer.js';

/** What became of a claimed message (a claim starts as "sending"). */
export type DeliveryStatus = 'sending' | 'sent' | 'blocked' | 'failed';

/** The table a kind of message is recorded in: only the outcome is written here. */
export interface DeliveryRecords {
  finish(id: number, status: Exclude<DeliveryStatus, 'sending'>, at: Date, error?: string): void;
}

export interface DeliveryRunResult {
  due: number;
  sent: number;
  blocked: number;
  failed: number;
  /** Not claimed: sent (or tried) by an earlier run, or no longer due. Not sent again. */
  alreadyHandled: number;
  /** The recipient's channel is not running now (not claimed: a later run may send it). */
  noChannel: number;
  /** Not attempted because the run was stopped (shutdown). */
  stopped: number;
}

/** One kind of message: where each goes, what it says, how it is claimed. */
export interface Delivery<T> {
  /** For the log: "reminder", "draft-notice". */
  kind: string;
  to(item: T): { channel: ChannelName; chatId: string };
  message(item: T): Outbound;
  /** The id of its record, or undefined when it must not be sent (already claimed, or no longer due). */
  claim(item: T, at: Date): number | undefined;
  /** Log fields that let an admin find the row, never names or chat ids. */
  logRef(item: T): Record<string, unknown>;
}

export interface DeliverDeps {
  records: DeliveryRecords;
  channels: readonly ChannelHandle[];
  logger: Logger;
  /** Wall clock for the record. */
  now?: () => Date;
  /** Pacing clock (tests inject one that does not wait). */
  clock?: Clock;
  limits?: Partial<Record<ChannelName, PaceLimits>>;
  /** Stops the run between two sends (shutdown). */
  signal?: AbortSignal;
  /** Called with the record id of each send that failed (not blocked): candidates for one retry. */
  onFailed?: (recordId: number) => void;
}

/**
 * "blocked" when the platform says the user cannot be reached any more (Telegram 403: blocked,
 * deactivated; chat not found), "failed" for anything else (network, rate limit after retries, …).
 */
export function classifySendError(err: unknown): Exclude<DeliveryStatus, 'sending' | 'sent'> {
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

export async function deliverOnce<T>(deps: DeliverDeps, delivery: Delivery<T>, items: readonly T[]): Promise<DeliveryRunResult> {
  const now = deps.now ?? (() => new Date());
  const clock = deps.clock ?? systemClock;
  const log = deps.logger.child({ part: 'reminders' });
  const result: DeliveryRunResult = { due: items.length, sent: 0, blocked: 0, failed: 0, alreadyHandled: 0, noChannel: 0, stopped: 0 };
  const handles = new Map(deps.channels.map((h) => [h.channel, h]));

  const byChannel = new Map<ChannelName, T[]>();
  for (const item of items) {
    const { channel } = delivery.to(item);
    if (!handles.has(channel)) {
      result.noChannel++;
      continue;
    }
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), item]);
  }

  async function sendOne(handle: ChannelHandle, pace: ReturnType<typeof createPacer>, item: T): Promise<void> {
    const id = delivery.claim(item, now());
    if (id === undefined) {
      result.alreadyHandled++;
      return;
    }
    const { chatId } = delivery.to(item);
    await pace.wait(chatId);
    try {
      await handle.send(chatId, [delivery.message(item)]);
      deps.records.finish(id, 'sent', now());
      result.sent++;
    } catch (err) {
      const status = classifySendError(err);
      deps.records.finish(id, status, now(), errorText(err));
      result[status]++;
      if (status === 'failed') deps.onFailed?.(id);
      log.warn(
        { event: `${delivery.kind}-not-delivered`, channel: handle.channel, ...delivery.logRef(item), status, err: errorText(err) },
        `${delivery.kind} not delivered`,
      );
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
          // A failure of the record itself (database): this message is lost, the others still go out.
          result.failed++;
          log.error({ event: `${delivery.kind}-error`, channel, err: errorText(err) }, `${delivery.kind} could not be processed`);
        }
      }
    }),
  );
  if (result.noChannel > 0) {
    log.info({ event: `${delivery.kind}-no-channel`, count: result.noChannel }, 'messages for channels that are not running were not sent');
  }
  return result;
}
