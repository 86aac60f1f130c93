/**
 * The admins' commands menu follows the list of admins (ADMIN_IDS and `cli admin add|remove`):
 *
 *  - at start, every admin chat gets the admin menu again (the registry may have changed), and every
 *    chat that had it but is no longer an admin's gets it deleted, back to the public menu;
 *  - while the bot runs, the list is checked every `intervalMs` (the CLI changes it from another
 *    process), and only the differences go to Telegram.
 *
 * Which chats carry the admin menu is recorded in SQLite (table `telegram_admin_menus`), because Telegram
 * cannot be asked "which chats have a scoped menu" and a removed admin is, by then, in no list. An admin
 * who never wrote to the bot cannot get a menu yet (Telegram: chat not found); that chat is tried again at
 * the next check, so the menu appears shortly after the admin's first message.
 */
import type Database from 'better-sqlite3';
import { GrammyError, type Api } from 'grammy';
import type { Logger } from '../../log.js';
import type { CommandMenus } from './commands-menu.js';
import { describeError } from './errors.js';

export interface AdminMenusRepo {
  list(): string[];
  add(chatId: string, at: Date): void;
  remove(chatId: string): void;
}

/** The record of chats that carry the admin menu (table from store migration 4). */
export function createAdminMenusRepo(db: Database.Database): AdminMenusRepo {
  const list = db.prepare('SELECT chat_id FROM telegram_admin_menus ORDER BY chat_id').pluck();
  const add = db.prepare('INSERT INTO telegram_admin_menus (chat_id, set_at) VALUES (?, ?) ON CONFLICT (chat_id) DO UPDATE SET set_at = excluded.set_at');
  const remove = db.prepare('DELETE FROM telegram_admin_menus WHERE chat_id = ?');
  return {
    list: () => list.all() as string[],
    add: (chatId, at) => void add.run(chatId, at.toISOString()),
    remove: (chatId) => void remove.run(chatId),
  };
}

export interface AdminMenuSyncDeps {
  api: Api;
  menus: CommandMenus;
  /** The chats of the current Telegram admins (a private chat's id is the user's id). */
  adminChatIds: () => string[];
  repo: AdminMenusRepo;
  logger: Logger;
  /** How often the list of admins is checked while the bot runs (default one minute). */
  intervalMs?: number;
  now?: () => Date;
}

export interface AdminMenuSync {
  /** Brings the menus in line with the admins now; `refresh` sets every admin menu again. */
  sync(opts?: { refresh?: boolean }): Promise<void>;
  /** Starts the periodic check. */
  start(): void;
  /** Stops the periodic check and waits for a check in progress (the database closes after). */
  stop(): Promise<void>;
}

export const DEFAULT_ADMIN_MENU_SYNC_MS = 60_000;

/** Telegram's answer when the chat never talked to the bot, or is gone: no menu can exist there. */
function chatGone(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(err.description);
}

/** grammY's Node build types its signals with the abort-controller package; the objects are the same. */
type ApiSignal = Parameters<Api['deleteMyCommands']>[1];

export function createAdminMenuSync(deps: AdminMenuSyncDeps): AdminMenuSync {
  const { api, repo, logger } = deps;
  // Aborted at stop: a call waiting out a 429 or a 5xx backoff must not hold the shutdown.
  const lifetime = new AbortController();
  const signal = lifetime.signal as ApiSignal;
  const now = deps.now ?? (() => new Date());
  const hasAdminCommands = deps.menus.admins.length > deps.menus.everyone.length;
  // Chats whose last attempt failed: warned once, then retried quietly at every check.
  const failing = new Set<string>();
  let running: Promise<void> | undefined;
  let busy = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const failed = (chatId: string, what: string, err: unknown) => {
    const level = failing.has(chatId) ? 'debug' : 'warn';
    failing.add(chatId);
    logger[level]({ event: 'admin-menu-failed', action: what, ...describeError(err) }, `could not ${what} the admin commands menu of a chat; will try again`);
  };

  async function run(refresh: boolean): Promise<void> {
    busy = true;
    try {
      await reconcile(refresh);
    } finally {
      busy = false;
    }
  }

  async function reconcile(refresh: boolean): Promise<void> {
    const desired = new Set(hasAdminCommands ? deps.adminChatIds() : []);
    const recorded = new Set(repo.list());
    for (const chatId of desired) {
      if (stopped) return;
      if (!refresh && recorded.has(chatId)) continue;
      try {
        await api.setMyCommands(deps.menus.admins, { scope: { type: 'chat', chat_id: chatId } }, signal);
        repo.add(chatId, now());
        failing.delete(chatId);
      } catch (err) {
        if (stopped) return;
        failed(chatId, 'set', err);
      }
    }
    for (const chatId of recorded) {
      if (stopped) return;
      if (desired.has(chatId)) continue;
      try {
        await api.deleteMyCommands({ scope: { type: 'chat', chat_id: chatId } }, signal);
        repo.remove(chatId);
        failing.delete(chatId);
        logger.info({ event: 'admin-menu-removed' }, 'admin commands menu removed from a former admin chat');
      } catch (err) {
        if (stopped) return;
        if (chatGone(err)) repo.remove(chatId);
        else failed(chatId, 'delete', err);
      }
    }
  }

  const sync = (opts: { refresh?: boolean } = {}): Promise<void> => {
    // One check at a time; a check asked for during another waits for it and then runs.
    const next = (running ?? Promise.resolve()).then(() => run(opts.refresh ?? false));
    running = next.catch((err: unknown) => logger.error({ event: 'admin-menu-sync-failed', ...describeError(err) }, 'admin menu check failed'));
    return running;
  };

  return {
    sync,
    start() {
      if (timer || stopped) return;
      // A slow check (Telegram retrying) is not stacked up behind by the next ticks.
      timer = setInterval(() => void (busy || sync()), deps.intervalMs ?? DEFAULT_ADMIN_MENU_SYNC_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      lifetime.abort();
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
