/** /batdau, /start: greets, says plainly that this is an automated assistant, shows what it can do. */
import type { CommandContext, CommandSpec } from '../context.js';
import { texts } from '../messages.js';

export const startCommand: CommandSpec = {
  names: ['batdau', 'start'],
  description: 'Giới thiệu trợ lý và các câu hỏi mẫu',
  run: (ctx: Pick<CommandContext, 'inbound' | 'knowledge'>) => [{ text: texts.start(ctx.inbound.displayName?.trim() || undefined, ctx.knowledge.plans, texts.exampleQuestions) }],
};
