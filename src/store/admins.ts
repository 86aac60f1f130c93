/**
 * Admins: those named in ADMIN_IDS (config) plus those added at run time (`cli admin add`).
 */
import type Database from 'better-sqlite3';
import type { AdminId } from '../admin/admin-ids.js';
import type { ChannelName } from '../channels/names.js';

export interface StoredAdmin {
  channel: ChannelName;
  userId: string;
  addedAt: string;
}

export interface AdminsRepo {
  /** Adds an admin; false when already there. */
  add(channel: ChannelName, userId: string, at: Date): boolean;
  /** Removes an admin added at run time; false when not there. */
  remove(channel: ChannelName, userId: string): boolean;
  list(): StoredAdmin[];
  has(channel: ChannelName, userId: string): boolean;
}

export type IsAdmin = (channel: ChannelName, userId: string) => boolean;

export function createAdminsRepo(db: Database.Database): AdminsRepo {
  const add = db.prepare('INSERT OR IGNORE INTO admins (channel, user_id, added_at) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM admins WHERE channel = ? AND user_id = ?');
  const list = db.prepare('SELECT channel, user_id AS userId, added_at AS addedAt FROM admins ORDER BY channel, user_id');
  const has = db.prepare('SELECT 1 FROM admins WHERE channel = ? AND user_id = ?').pluck();
  return {
    add: (channel, userId, at) => add.run(channel, userId, at.toISOString()).changes === 1,
    remove: (channel, userId) => remove.run(channel, userId).changes === 1,
    list: () => list.all() as StoredAdmin[],
    has: (channel, userId) => has.get(channel, userId) !== undefined,
  };
}

/** `isAdmin(channel, userId)`: true for ADMIN_IDS entries and for admins stored in the database. */
export function createAdminCheck(admins: Pick<AdminsRepo, 'has'>, configured: readonly AdminId[]): IsAdmin {
  const fromConfig = new Set(configured.map((a) => `${a.channel}:${a.userId}`));
  return (channel, userId) => fromConfig.has(`${channel}:${userId}`) || admins.has(channel, userId);
}
