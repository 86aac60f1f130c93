/**
 * The commands menu ("/" button in Telegram): set at start from the core's command registry, so a
 * command added there (e.g. the admin commands) appears here without a change in this file.
 * Everyone sees the public commands; admin chats (ADMIN_IDS telegram entries and admins added at run
 * time) see the admin commands too, through a per-chat command scope.
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

/**
 * Publishes both menus. A failure is logged and does not stop the bot (the commands work without the
 * menu); an admin chat Telegram does not know yet (the admin never wrote to the bot) is skipped.
 */
export async function publishCommandMenus(
  api: Api,
  registry: readonly CommandSpec[],
  adminChatIds: readonly string[],
  logger: Logger,
): Promise<void> {
  const menus = commandMenus(registry);
  try {
    await api.setMyCommands(menus.everyone, { scope: { type: 'default' } });
  } catch (err) {
    logger.warn({ event: 'set-commands-failed', scope: 'default', ...describeError(err) }, 'could not set the commands menu');
  }
  if (menus.admins.length === menus.everyone.length) return; // no admin commands registered
  for (const chatId of new Set(adminChatIds)) {
    try {
      await api.setMyCommands(menus.admins, { scope: { type: 'chat', chat_id: chatId } });
    } catch (err) {
      logger.warn({ event: 'set-commands-failed', scope: 'admin-chat', ...describeError(err) }, 'could not set the admin commands menu');
    }
  }
}
