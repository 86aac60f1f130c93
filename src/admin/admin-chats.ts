/**
 * Where admins are reached on a channel: every admin of ADMIN_IDS and of the admins table on that
 * channel, at the chat they last wrote from (a private chat's id may differ from the user id on Zalo).
 */
import type { ChannelName, Config } from '../config.js';
import type { Store } from '../store/db.js';

export function adminChatIds(config: Pick<Config, 'adminIds'>, store: Store, channel: ChannelName): string[] {
  const ids = new Set<string>();
  for (const a of config.adminIds) if (a.channel === channel) ids.add(a.userId);
  for (const a of store.admins.list()) if (a.channel === channel) ids.add(a.userId);
  return [...ids].map((id) => store.users.get(channel, id)?.chatId ?? id);
}
