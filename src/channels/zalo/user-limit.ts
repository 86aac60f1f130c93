/**
 * The Zalo plan's limit of users per bot (free plan: 50, reported by clients of the real API). Counts the
 * distinct Zalo users who have written to the bot (the `users` table) and says, once each, when 80 % and
 * when 100 % of the limit are reached. Each notice is claimed in `zalo_user_limit_notices` (store
 * migration 6) before it is told, so a restart or a second process never repeats it.
 */
import type Database from 'better-sqlite3';

/** The free plan's limit, the default of ZALO_USER_LIMIT. */
export const ZALO_FREE_PLAN_USER_LIMIT = 50;

/** The shares of the limit at which admins are told, in percent. */
export const USER_LIMIT_NOTICE_PERCENTS = [80, 100] as const;

export interface UserLimitNotice {
  users: number;
  limit: number;
  /** Which share was reached (the highest, when several were passed at once). */
  percent: number;
  /** True when the limit itself is reached. */
  full: boolean;
}

export interface UserLimitWatch {
  /** Distinct Zalo users known to the bot. */
  users(): number;
  /** The notice to tell now, if a share was reached and not told before (then it is claimed). */
  check(at?: Date): UserLimitNotice | undefined;
}

export interface UserLimitOptions {
  db: Database.Database;
  /** 0 turns the notices off. */
  limit: number;
}

export function createUserLimitWatch(options: UserLimitOptions): UserLimitWatch {
  const count = options.db.prepare("SELECT COUNT(*) FROM users WHERE channel = 'zalo'").pluck();
  const claim = options.db.prepare(
    'INSERT INTO zalo_user_limit_notices (user_limit, percent, users, told_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const claimAll = options.db.transaction((percents: number[], users: number, at: string): number[] =>
    percents.filter((p) => claim.run(options.limit, p, users, at).changes === 1),
  );
  const users = () => count.get() as number;
  return {
    users,
    check(at = new Date()) {
      const limit = options.limit;
      if (limit <= 0) return undefined;
      const n = users();
      const reached = USER_LIMIT_NOTICE_PERCENTS.filter((p) => n >= Math.ceil((limit * p) / 100));
      if (!reached.length) return undefined;
      // Every share passed is claimed; only the highest new one is told (no "80 %" after "100 %").
      const claimed = claimAll(reached, n, at.toISOString());
      const percent = claimed.at(-1);
      if (percent === undefined) return undefined;
      return { users: n, limit, percent, full: percent >= 100 };
    },
  };
}
