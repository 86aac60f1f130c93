/** /trogiup, /help: every command the sender can use (admin commands only for admins). */
import type { CommandContext, CommandSpec } from '../context.js';
import { texts } from '../messages.js';

export const helpCommand: CommandSpec = {
  names: ['trogiup', 'help'],
  description: 'Danh sách các lệnh',
  run(ctx: Pick<CommandContext, 'commands' | 'isAdmin'>) {
    const lines = [texts.helpTitle];
    for (const c of ctx.commands) {
      if (c.adminOnly && !ctx.isAdmin) continue;
      const [main, ...others] = c.names;
      const name = `/${main}${c.usage ? ` ${c.usage}` : ''}`;
      const also = others.length ? ` (hoặc ${others.map((n) => `/${n}`).join(', ')})` : '';
      lines.push(`${name}${also} — ${c.description}`);
    }
    lines.push('', texts.helpFooter);
    return [{ text: lines.join('\n') }];
  },
};
