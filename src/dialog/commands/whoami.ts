/** /toi, /myid: the sender's own `kênh:mã` (e.g. telegram:123456), the id the operator puts in ADMIN_IDS. */
import type { CommandContext, CommandSpec } from '../context.js';
import { texts } from '../messages.js';

export const whoamiCommand: CommandSpec = {
  names: ['toi', 'myid'],
  description: 'Xem mã của bạn (kênh:mã), để người vận hành cấp quyền quản trị',
  run: (ctx: Pick<CommandContext, 'inbound' | 'isAdmin'>) => [{ text: texts.whoami(`${ctx.inbound.channel}:${ctx.inbound.userId}`, ctx.isAdmin) }],
};
