/**
 * Every chat command of the bot: the dialog's own, then the admin commands that plug into it. Composed
 * here, beside the composition root (app.ts) and the console chat, so that the dialog never imports the
 * parts that plug into it.
 */
import { adminCommands } from './admin/commands.js';
import { dialogCommands } from './dialog/commands/index.js';
import type { CommandSpec } from './dialog/context.js';

export const BOT_COMMANDS: readonly CommandSpec[] = [...dialogCommands, ...adminCommands];
