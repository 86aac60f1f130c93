/**
 * Messages the dialog sends to chats other than the one it is answering (another contact of the same
 * unit, the admins). They take the one path every reply takes: stored in the outbox inside the commit of
 * the change they tell about (so they exist exactly when it does), then sent by that chat's channel sender.
 * A notice to a channel that is not running waits in the outbox until it runs.
 */
import type { ChannelName, Config } from '../config.js';
import { adminChatId, listAdmins } from '../store/admin-chats.js';
import type { Store } from '../store/db.js';
import type { MessageContext } from './context.js';
import type { Outbound } from './types.js';

/** What sending a notice needs: the sender (not told twice), the time, the outbox and who the admins are. */
export interface NoticeContext extends Pick<MessageContext, 'inbound' | 'now'> {
  store: Pick<Store, 'outbox' | 'admins' | 'users'>;
  config: Pick<Config, 'adminIds'>;
}

export function tellChat(ctx: Pick<NoticeContext, 'store' | 'now'>, channel: ChannelName, chatId: string, messages: readonly Outbound[]): void {
  ctx.store.outbox.add(channel, chatId, undefined, messages, ctx.now);
}

/** Every admin (ADMIN_IDS and the admins table), once, except the sender, who is answered directly. */
export function tellAdmins(ctx: NoticeContext, messages: readonly Outbound[]): number {
  let told = 0;
  for (const admin of listAdmins(ctx.config, ctx.store)) {
    if (admin.channel === ctx.inbound.channel && admin.userId === ctx.inbound.userId) continue;
    tellChat(ctx, admin.channel, adminChatId(ctx.store, admin), messages);
    told += 1;
  }
  return told;
}
