/**
 * Messages the dialog sends to chats other than the one it is answering (another contact of the same
 * unit, the admins). They take the one path every reply takes: stored in the outbox inside the commit of
 * the change they tell about (so they exist exactly when it does), then sent by that chat's channel sender.
 * A notice to a channel that is not running waits in the outbox until it runs.
 */
import { adminChatId, listAdmins } from '../admin/admin-chats.js';
import type { ChannelName } from '../config.js';
import type { DialogContext } from './context.js';
import type { Outbound } from './types.js';

export function tellChat(ctx: DialogContext, channel: ChannelName, chatId: string, messages: readonly Outbound[]): void {
  ctx.store.outbox.add(channel, chatId, undefined, messages, ctx.now);
}

/** Every admin (ADMIN_IDS and the admins table), once, except the sender, who is answered directly. */
export function tellAdmins(ctx: DialogContext, messages: readonly Outbound[]): number {
  let told = 0;
  for (const admin of listAdmins(ctx.config, ctx.store)) {
    if (admin.channel === ctx.inbound.channel && admin.userId === ctx.inbound.userId) continue;
    tellChat(ctx, admin.channel, adminChatId(ctx.store, admin), messages);
    told += 1;
  }
  return told;
}
