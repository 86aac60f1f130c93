/**
 * Who the admins are and where they are reached: every admin of ADMIN_IDS and of the admins table, once,
 * at the chat they last wrote from (a private chat's id may differ from the user id on Zalo).
 */
import type { AdminId } from '../admin/admin-ids.js';
import type { ChannelName, Config } from '../config.js';
import type { Store } from './db.js';

/** Every admin once: ADMIN_IDS first, then the admins repo. */
export function listAdmins(config: Pick<Config, 'adminIds'>, store: Pick<Store, 'admins'>): AdminId[] {
  const seen = new Set<string>();
  const out: AdminId[] = [];
  for (const a of [...config.adminIds, ...store.admins.list()]) {
    const key = `${a.channel}:${a.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ channel: a.channel, userId: a.userId });
  }
  return out;
}

/** Where to write to an admin: the private chat they last wrote from (for a private chat it may equal the user id). */
export function adminChatId(store: Pick<Store, 'users'>, admin: AdminId): string {
  return store.users.get(admin.channel, admin.userId)?.chatId ?? admin.userId;
}

/** The chats of the admins on one channel. */
export function adminChatIds(config: Pick<Config, 'adminIds'>, store: Pick<Store, 'admins' | 'users'>, channel: ChannelName): string[] {
  return listAdmins(config, store)
    .filter((a) => a.channel === channel)
    .map((a) => adminChatId(store, a));
}
