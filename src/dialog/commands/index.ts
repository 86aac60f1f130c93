/**
 * The dialog's own chat commands, in the order /trogiup lists them. Other parts' commands (the admin
 * commands) are added by the composition root (src/app.ts), which hands the whole registry to the core
 * and to the channels: the dialog does not import the parts that plug into it.
 */
import type { CommandSpec } from '../context.js';
import { askCommand } from './ask.js';
import { cancelCommand } from './cancel.js';
import { helpCommand } from './help.js';
import { myReportsCommand } from './my-reports.js';
import { registerCommand } from './register.js';
import { reportCommand } from './report.js';
import { startCommand } from './start.js';
import { whoamiCommand } from './whoami.js';

export const dialogCommands: readonly CommandSpec[] = [
  startCommand,
  askCommand,
  registerCommand,
  reportCommand,
  myReportsCommand,
  cancelCommand,
  whoamiCommand,
  helpCommand,
];

/** The command named `name` (lower case, without "/"). */
export function findCommand(registry: readonly CommandSpec[], name: string): CommandSpec | undefined {
  return registry.find((c) => c.names.includes(name));
}
