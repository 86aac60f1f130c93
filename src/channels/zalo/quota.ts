/**
 * The Zalo monthly message quota (free plan reportedly 3,000 messages a month, both directions [U]):
 * counts every message sent and received, and tells once a month when `quotaWarnPercent` of
 * `monthlyQuota` has been reached, so admins can act before users stop getting answers.
 */
import type { MessageCountsRepo } from './message-counts.js';
import { monthKey } from './message-counts.js';

export interface QuotaOptions {
  counts: MessageCountsRepo;
  /** 0 turns the warning off (counting goes on). */
  monthlyQuota: number;
  warnPercent: number;
  timeZone: string;
  now?: () => Date;
}

export interface QuotaWarning {
  /** "06/2025" */
  month: string;
  used: number;
  quota: number;
}

export interface QuotaMeter {
  /** Records messages; returns a warning exactly once per month, when the threshold is first reached. */
  record(delta: { sent?: number; received?: number }): QuotaWarning | undefined;
  /** This month's totals. */
  current(): { month: string; sent: number; received: number };
}

export function createQuotaMeter(options: QuotaOptions): QuotaMeter {
  const now = options.now ?? (() => new Date());
  const threshold = Math.ceil((options.monthlyQuota * options.warnPercent) / 100);
  return {
    record(delta) {
      const at = now();
      const month = monthKey(at, options.timeZone);
      const totals = options.counts.add('zalo', month, delta);
      const used = totals.sent + totals.received;
      if (options.monthlyQuota <= 0 || used < threshold || totals.quotaWarnedAt !== null) return undefined;
      if (!options.counts.claimQuotaWarning('zalo', month, at)) return undefined;
      const [year, mm] = month.split('-');
      return { month: `${mm}/${year}`, used, quota: options.monthlyQuota };
    },
    current() {
      const month = monthKey(now(), options.timeZone);
      const { sent, received } = options.counts.get('zalo', month);
      return { month, sent, received };
    },
  };
}
