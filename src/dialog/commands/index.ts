/**
 * The command registry: every chat command the bot knows, in the order /trogiup lists them.
 * To add commands (e.g. the admin commands), import them and add them to this list — one line.
 */
import { adminCommands } from '../../admin/commands.js';
import type { CommandSpec } from '../context.js';
import { askCommand } from './ask.js';
import { cancelCommand } from './cancel.js';
import { helpCommand } from './help.js';
import { myReportsCommand } from './my-reports.js';
import { registerCommand } from './register.js';
import { reportCommand } from './report.js';
import { startCommand } from './start.js';

export const commands: CommandSpec[] = [
  startCommand,
  askCommand,
  registerCommand,
  reportCommand,
  myReportsCommand,
  cancelCommand,
  helpCommand,
  ...adminCommands,
];

/** The command named `name` (lower case, without "/"). */
export function findCommand(registry: readonly CommandSpec[], name: string): CommandSpec | undefined {
  return registry.find((c) => c.names.includes(name));
}
