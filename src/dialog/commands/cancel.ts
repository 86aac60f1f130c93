/** /huy, /cancel: discards the form in progress after a confirmation; ends the conversation's context. */
import type { CommandContext, CommandSpec } from '../context.js';
import { requestCancel } from '../flows.js';
import { texts } from '../messages.js';
import { clearContext } from '../session.js';

export const cancelCommand: CommandSpec = {
  names: ['huy', 'cancel'],
  description: 'Hủy việc đang làm dở (đăng ký, báo cáo) và bỏ ngữ cảnh câu hỏi trước',
  privateOnly: true,
  resumesFlow: false,
  run: (ctx: Pick<CommandContext, 'inbound' | 'session'>) => {
    const state = ctx.session.state;
    const hadContext = state.contexts?.[ctx.inbound.chatId] !== undefined;
    clearContext(state, ctx.inbound.chatId);
    if (!state.flow && hadContext) return [{ text: texts.contextCleared }];
    return requestCancel(ctx);
  },
};
