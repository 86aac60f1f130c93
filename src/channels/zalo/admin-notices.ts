/**
 * Who the Zalo channel tells about the platform's limits, and how: every admin (ADMIN_IDS and those added
 * at run time), on their own channel. Zalo admins get it through the Zalo sender; admins on another
 * channel (Telegram) through that channel's handle, when the app runs it.
 */
import { adminChatId, listAdmins } from '../../store/admin-chats.js';
import type { ChannelName, Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import type { ChannelHandle } from '../types.js';
import { errorSummary } from './sender.js';

export interface AdminNoticeDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Sends to Zalo chats (counted against the Zalo quota). */
  sendZalo: (chatId: string, text: string) => Promise<void>;
  /** The app's running channels, for admins elsewhere; absent: Zalo admins only. */
  channels?: ReadonlyMap<ChannelName, ChannelHandle>;
}

/** Tells every admin `text`; a failure for one admin is logged and the others still get it. */
export async function tellAdmins(deps: AdminNoticeDeps, text: string, event: string): Promise<void> {
  let told = 0;
  let unreachable = 0;
  for (const admin of listAdmins(deps.config, deps.store)) {
    const chatId = adminChatId(deps.store, admin);
    const handle = admin.channel === 'zalo' ? undefined : deps.channels?.get(admin.channel);
    if (admin.channel !== 'zalo' && !handle) {
      unreachable += 1;
      continue;
    }
    try {
      if (handle) await handle.send(chatId, [{ text }]);
      else await deps.sendZalo(chatId, text);
      told += 1;
    } catch (err) {
      deps.logger.error({ event, channel: admin.channel, err: errorSummary(err) }, 'could not tell an admin');
    }
  }
  deps.logger.warn({ event, told, unreachable }, 'zalo admin notice');
}
