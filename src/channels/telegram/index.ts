/**
 * The Telegram channel: `startTelegram(deps)` connects the core to the Telegram Bot API (grammY), by
 * long polling (default, `poller.ts`) or by webhook (when TELEGRAM_WEBHOOK_URL is set), and returns a
 * ChannelHandle. Either way an update is acknowledged only once it is in the mailbox (SQLite), and
 * replies go out from the outbox: see `../mailbox/mailbox.ts`.
 *
 * Order of use with the HTTP server: create it, call `startTelegram({ …, http })` (the webhook route is
 * registered before the first await), then make the server listen. `telegramNeedsHttp(config)` says
 * whether the server is needed at all.
 */
import type { FastifyInstance } from 'fastify';
import { GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../../config.js';
import { dialogCommands } from '../../dialog/commands/index.js';
import type { CommandSpec } from '../../dialog/context.js';
import type { Core } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import { adminChatIds } from '../../store/admin-chats.js';
import { settlesWithin } from '../settles-within.js';
import type { ChannelHandle } from '../types.js';
import { createTelegramBot, type TelegramBot } from './bot.js';
import { createAdminMenuSync, createAdminMenusRepo, type AdminMenuSync } from './admin-menus.js';
import { commandMenus, publishPublicMenu } from './commands-menu.js';
import type { FloodOptions } from './flood.js';
import type { ResilienceOptions } from './pacing.js';
import { startPolling, type Poller } from './poller.js';
import { registerTelegramWebhook, webhookPath } from './webhook.js';

export { TelegramDeliveryError } from './errors.js';

export interface TelegramDeps {
  config: Config;
  core: Core;
  store: Store;
  logger: Logger;
  /** The bot's HTTP server, not listening yet. Required in webhook mode. */
  http?: FastifyInstance;
  /** The command registry the menu is built from (the app's; default: the dialog's own commands). */
  commands?: readonly CommandSpec[];
  /** Told once when the channel stops by itself (token revoked, another instance polling). */
  onFatal?: (err: Error) => void;
  /** Tuning for tests and benchmarks. */
  resilience?: ResilienceOptions;
  flood?: FloodOptions;
  typingIntervalMs?: number;
  /** Seconds a getUpdates call may be held open (default 30). */
  pollTimeoutSeconds?: number;
  /** How long stop() lets updates in flight finish before pending sends give up (default 10 s). */
  shutdownGraceMs?: number;
  /** How often the admins' commands menus are brought in line with the list of admins (default 60 s). */
  adminMenuSyncMs?: number;
}

export interface TelegramHandle extends ChannelHandle {
  readonly mode: 'polling' | 'webhook';
  /** The bot's account (from getMe). */
  readonly me: UserFromGetMe;
  /** Updates being handled right now. */
  inFlight(): number;
}

export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

/** True when Telegram needs the bot's HTTP server to listen. */
export function telegramNeedsHttp(config: Config): boolean {
  return Boolean(config.telegram.token && config.telegram.webhookUrl);
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

function startError(err: unknown, apiRoot: string): TelegramStartError {
  if (err instanceof GrammyError && err.error_code === 401) {
    return new TelegramStartError(
      'Telegram từ chối TELEGRAM_BOT_TOKEN (401 Unauthorized): token sai hoặc đã bị thu hồi. ' +
        'Hãy lấy token hiện tại từ @BotFather rồi khởi động lại.',
    );
  }
  if (err instanceof GrammyError) {
    return new TelegramStartError(`Kênh Telegram: Telegram từ chối lệnh ${err.method} (${err.error_code}: ${err.description}).`);
  }
  if (err instanceof HttpError) {
    return new TelegramStartError(
      `Kênh Telegram: không kết nối được máy chủ Bot API tại ${apiRoot} (${err.message}). Hãy kiểm tra TELEGRAM_API_ROOT và kết nối mạng.`,
    );
  }
  return new TelegramStartError(`Kênh Telegram: ${err instanceof Error ? err.message : String(err)}`);
}


export async function startTelegram(deps: TelegramDeps): Promise<TelegramHandle> {
  const { config } = deps;
  const token = config.telegram.token;
  if (!token) throw new TelegramStartError('Chưa đặt TELEGRAM_BOT_TOKEN: kênh Telegram không chạy được.');
  const webhookUrl = config.telegram.webhookUrl;
  const secret = config.telegram.webhookSecret;
  if (webhookUrl && !secret) throw new TelegramStartError('Cần đặt TELEGRAM_WEBHOOK_SECRET khi đã đặt TELEGRAM_WEBHOOK_URL.');
  if (webhookUrl && !deps.http) throw new TelegramStartError('Chế độ webhook của Telegram cần máy chủ HTTP của bot (lỗi nội bộ: thiếu `http`).');
  const mode = webhookUrl ? 'webhook' : 'polling';
  const log = deps.logger.child({ channel: 'telegram' });

  const tg: TelegramBot = createTelegramBot({
    token,
    apiRoot: config.telegram.apiRoot,
    core: deps.core,
    store: deps.store,
    logger: deps.logger,
    ...(deps.resilience ? { resilience: deps.resilience } : {}),
    ...(deps.flood ? { flood: deps.flood } : {}),
    ...(deps.typingIntervalMs ? { typingIntervalMs: deps.typingIntervalMs } : {}),
  });
  let open = true;

  // Routes first: fastify takes no routes once the server listens.
  if (webhookUrl && deps.http) {
    registerTelegramWebhook(deps.http, {
      path: webhookPath(webhookUrl),
      receive: tg.receive,
      secret: secret!,
      logger: log,
      isOpen: () => open,
    });
  }

  const menus = commandMenus(deps.commands ?? dialogCommands);
  const adminMenus: AdminMenuSync = createAdminMenuSync({
    api: tg.bot.api,
    menus,
    adminChatIds: () => adminChatIds(config, deps.store, 'telegram'),
    repo: createAdminMenusRepo(deps.store.db),
    logger: log,
    ...(deps.adminMenuSyncMs ? { intervalMs: deps.adminMenuSyncMs } : {}),
  });

  let poller: Poller | undefined;
  try {
    // Not bot.init(): grammY retries getMe there forever when the Bot API server cannot be reached, so a
    // wrong TELEGRAM_API_ROOT or a machine without network would hang start-up without a word. Our
    // network retry gives up after a few tries with a message that says which server it tried.
    if (!tg.bot.isInited()) tg.bot.botInfo = await tg.bot.api.getMe();
    await publishPublicMenu(tg.bot.api, menus, log);
    await adminMenus.sync({ refresh: true });
    if (webhookUrl) {
      await tg.bot.api.setWebhook(webhookUrl, { secret_token: secret!, allowed_updates: [...ALLOWED_UPDATES] });
    } else {
      // getUpdates is refused (409) while a webhook is set.
      await tg.bot.api.deleteWebhook();
    }
  } catch (err) {
    open = false;
    throw startError(err, config.telegram.apiRoot);
  }
  log.info({ botId: tg.bot.botInfo.id, username: tg.bot.botInfo.username, mode }, 'telegram bot connected');
  adminMenus.start();

  // Updates a crash left stored but not handled, and replies left unsent.
  tg.mailbox.resume();
  if (!webhookUrl) {
    poller = startPolling({
      api: tg.bot.api,
      logger: log,
      receive: tg.receive,
      timeoutSeconds: deps.pollTimeoutSeconds ?? 30,
      allowedUpdates: ALLOWED_UPDATES,
      onFatal: (err) => {
        if (!open) return;
        open = false;
        const message =
          err instanceof GrammyError && err.error_code === 409
            ? 'Telegram báo có một bản khác của bot này đang nhận tin nhắn với cùng token (409 Conflict); bản này đã ngừng nhận tin.'
            : startError(err, config.telegram.apiRoot).message;
        log.fatal({ event: 'polling-stopped' }, message);
        deps.onFatal?.(new TelegramStartError(message));
      },
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    channel: 'telegram',
    mode,
    me: tg.bot.botInfo,
    inFlight: tg.inFlight,
    send: (chatId, messages) => tg.sender.deliver(chatId, messages),
    stop() {
      stopping ??= (async () => {
        open = false;
        await poller?.stop();
        await adminMenus.stop();
        // What is handled and sent within the grace goes now; the rest stays in the outbox for the next start.
        await tg.mailbox.stop(deps.shutdownGraceMs ?? 10_000);
        tg.abortSends();
        const finished = await settlesWithin(tg.idle(), 2000);
        if (!finished) log.warn({ event: 'shutdown-grace-over', inFlight: tg.inFlight() }, 'updates still in flight at shutdown are handled again after the next start');
        log.info('telegram channel stopped');
      })();
      return stopping;
    },
  };
}
