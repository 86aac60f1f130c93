/**
 * The notice before a form draft expires. A draft (an unfinished report or registration) expires
 * DRAFT_TTL_DAYS after its user's last message (src/dialog/session.ts, `draftExpiresAt`); a day before,
 * the user is told when, and how to go on. The notice goes through the same paced, once-only sender as
 * the deadline reminders (deliver.ts), recorded in draft_notices_sent: once per draft and expiry.
 *
 * The scheduler looks every hour of the day; since the notice is due over a whole day before the
 * expiry, each draft gets it between about 14 and 24 hours ahead, never at night.
 */
import { viDateTime } from '../../calendar.js';
import type { ChannelName, Config } from '../../config.js';
import { texts } from '../../dialog/messages.js';
import { conversationStateSchema, describeDraft, draftExpiresAt, type FlowState } from '../../dialog/session.js';
import type { Outbound } from '../../dialog/types.js';
import type { Store } from '../../store/db.js';
import { deliverOnce, type DeliverDeps, type Delivery, type DeliveryRunResult } from './deliver.js';
import { createDraftNoticeRecords, type DraftNoticeRecords } from './draft-notice-records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DueDraftNotice {
  channel: ChannelName;
  userId: string;
  chatId: string;
  flow: FlowState;
  /** The state's updated_at as read: the claim checks that the user has not written since. */
  updatedAt: string;
  expiresAt: Date;
}

/**
 * How long before the expiry the notice is due: a day; half the time when drafts last a single day
 * (DRAFT_TTL_DAYS=1), so that the notice does not follow right after the user's last message.
 */
export function draftNoticeLeadMs(ttlDays: number): number {
  return Math.min(DAY_MS, (ttlDays * DAY_MS) / 2);
}

/** The drafts whose notice is due at `at`: expiring within the lead time, not expired yet. */
export function dueDraftNotices(store: Store, config: Pick<Config, 'draftTtlDays'>, at: Date): DueDraftNotice[] {
  const ttlMs = config.draftTtlDays * DAY_MS;
  // Not expired yet: written at or after at - ttl. Expiring within the lead: written by at - ttl + lead.
  const from = new Date(at.getTime() - ttlMs);
  const to = new Date(at.getTime() - ttlMs + draftNoticeLeadMs(config.draftTtlDays) + 1);
  const out: DueDraftNotice[] = [];
  for (const row of store.conversations.listUpdatedBetween(from, to)) {
    const flow = conversationStateSchema.safeParse(row.state).data?.flow;
    const user = flow && store.users.get(row.channel, row.userId);
    if (!flow || !user) continue;
    const expiresAt = draftExpiresAt(new Date(row.updatedAt), config.draftTtlDays);
    out.push({ channel: row.channel, userId: row.userId, chatId: user.chatId, flow, updatedAt: row.updatedAt, expiresAt });
  }
  return out;
}

export function draftNoticeMessage(n: DueDraftNotice, timeZone: string): Outbound {
  return { text: texts.draftExpiring(describeDraft(n.flow), viDateTime(n.expiresAt, timeZone)) };
}

/**
 * A new claim, unless the notice is no longer due: the user wrote since it was selected (the draft
 * moved on, was sent or cancelled) or the draft has expired. Read and claim in one transaction, so a
 * message handled by another process at the same time is seen.
 */
function claimDraftNotice(store: Store, records: DraftNoticeRecords): (n: DueDraftNotice, at: Date) => number | undefined {
  return (n, at) =>
    store.transaction(() => {
      if (store.conversations.get(n.channel, n.userId)?.updatedAt !== n.updatedAt || at.getTime() > n.expiresAt.getTime()) return undefined;
      return records.claim({ channel: n.channel, userId: n.userId, flow: n.flow.name, draftStartedAt: n.flow.startedAt, expiresAt: n.expiresAt, at });
    });
}

export interface SendDraftNoticesDeps extends Omit<DeliverDeps, 'records'> {
  store: Store;
  config: Pick<Config, 'timeZone'>;
}

export function sendDraftNotices(deps: SendDraftNoticesDeps, due: readonly DueDraftNotice[]): Promise<DeliveryRunResult> {
  const records = createDraftNoticeRecords(deps.store.db);
  const delivery: Delivery<DueDraftNotice> = {
    kind: 'draft-notice',
    to: (n) => ({ channel: n.channel, chatId: n.chatId }),
    message: (n) => draftNoticeMessage(n, deps.config.timeZone),
    claim: claimDraftNotice(deps.store, records),
    // The draft's start finds its record; user and chat ids stay out of the log.
    logRef: (n) => ({ flow: n.flow.name, draftStartedAt: n.flow.startedAt }),
  };
  return deliverOnce({ ...deps, records }, delivery, due);
}
