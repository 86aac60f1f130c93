/**
 * The commands menu ("/" button in Telegram), built from the core's command registry, so a command
 * added there (e.g. the admin commands) appears here without a change in this file. Everyone sees the
 * public commands (default scope); admin chats see the admin commands too, through a per-chat scope
 * kept in step with the list of admins by admin-menus.ts.
 */
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { CommandSpec } from '../../dialog/context.js';
import type { Logger } from '../../log.js';
import { describeError } from './errors.js';

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

function toBotCommand(spec: CommandSpec): BotCommand | undefined {
  const name = spec.names[0];
  if (!name || !COMMAND_NAME.test(name)) return undefined;
  const description = spec.description.trim().slice(0, 256);
  return description ? { command: name, description } : undefined;
}

export interface CommandMenus {
  everyone: BotCommand[];
  admins: BotCommand[];
}

export function commandMenus(registry: readonly CommandSpec[]): CommandMenus {
  const everyone: BotCommand[] = [];
  const admins: BotCommand[] = [];
  for (const spec of registry) {
    const cmd = toBotCommand(spec);
    if (!cmd) continue;
    admins.push(cmd);
    if (!spec.adminOnly) everyone.push(cmd);
  }
  return { everyone, admins };
}

/** Publishes the public menu. A failure is logged and does not stop the bot (the commands work without the menu). */
export async function publishPublicMenu(api: Api, menus: CommandMenus, logger: Logger): Promise<void> {
  try {
    await api.setMyCommands(menus.everyone, { scope: { type: 'default' } });
  } catch (err) {
    logger.warn({ event: 'set-commands-failed', scope: 'default', ...describeError(err) }, 'could not set the commands menu');
  }
}
