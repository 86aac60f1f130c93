/** Everyone who has written to the bot, per channel: where to reply and when they were last seen. */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';

export interface User {
  channel: ChannelName;
  userId: string;
  chatId: string;
  displayName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface UserSighting {
  channel: ChannelName;
  userId: string;
  /**
   * The private chat with the user, when this message came from one. A group message leaves the stored
   * chat alone: the bot writes to a user (quota warnings) privately, never into a group. A user first
   * seen in a group gets their user id, which is their private chat's id on Telegram and Zalo.
   */
  privateChatId?: string;
  displayName?: string;
  at: Date;
}

export interface UsersRepo {
  /** Records that the user wrote (creates the row the first time). */
  touch(sighting: UserSighting): void;
  get(channel: ChannelName, userId: string): User | undefined;
  count(): number;
}

const COLUMNS = `channel, user_id AS userId, chat_id AS chatId, display_name AS displayName,
  first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt`;

export function createUsersRepo(db: Database.Database): UsersRepo {
  const upsert = db.prepare(`
    INSERT INTO users (channel, user_id, chat_id, display_name, first_seen_at, last_seen_at)
    VALUES (@channel, @userId, coalesce(@privateChatId, @userId), @displayName, @at, @at)
    ON CONFLICT (channel, user_id) DO UPDATE SET
      chat_id = coalesce(@privateChatId, users.chat_id),
      display_name = coalesce(excluded.display_name, users.display_name),
      last_seen_at = excluded.last_seen_at`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE channel = ? AND user_id = ?`);
  const countAll = db.prepare('SELECT count(*) FROM users').pluck();
  return {
    touch(s) {
      upsert.run({ channel: s.channel, userId: s.userId, privateChatId: s.privateChatId ?? null, displayName: s.displayName ?? null, at: s.at.toISOString() });
    },
    get: (channel, userId) => byId.get(channel, userId) as User | undefined,
    count: () => countAll.get() as number,
  };
}
