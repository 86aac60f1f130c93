/**
 * The Zalo channel: `startZalo(deps)` connects the core to the Zalo Bot Platform API, by long polling
 * (default) or by webhook (when ZALO_WEBHOOK_URL is set), and returns a ChannelHandle.
 *
 * Order of use with the HTTP server: create it, call `startZalo({ …, http })` (routes are registered
 * before its first await), then make the server listen. In webhook mode `setWebhook` comes only after
 * that: Zalo calls the URL to verify it, so the server must already listen. The channel does it from
 * the server's onListen hook by itself; `handle.afterListen()` returns the same registration, for a
 * caller that wants to wait for it (or see it fail). `zaloNeedsHttp(config)` says whether Zalo needs
 * the server at all (webhook mode, or download links for exports).
 */
import type { FastifyInstance } from 'fastify';
import type { ChannelName, Config } from '../../config.js';
import type { Core } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import { createDownloadLinks, registerDownloadRoutes, type DownloadLinks } from '../../server/downloads.js';
import type { Store } from '../../store/db.js';
import { settlesWithin } from '../settles-within.js';
import type { ChannelHandle } from '../types.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { createZaloClient } from './client.js';
import { adminChatIds as adminChatsOn } from '../../store/admin-chats.js';
import { tellAdmins } from './admin-notices.js';
import { isZaloApiError, type ZaloApiError } from './errors.js';
import { createMessageCountsRepo } from './message-counts.js';
import { startPolling, type Poller } from './poller.js';
import { createQuotaMeter, type QuotaMeter } from './quota.js';
import { createZaloSender, errorSummary } from './sender.js';
import { zaloTexts } from './texts.js';
import { createUpdateHandler } from './updates.js';
import { createUserLimitWatch, type UserLimitWatch } from './user-limit.js';
import { registerZaloWebhook, webhookPath } from './webhook.js';
import { clearWebhookForPolling, registerWebhook } from './webhook-setup.js';

export interface ZaloDeps {
  config: Config;
  core: Core;
  store: Store;
  logger: Logger;
  /** The bot's HTTP server, not listening yet. Required in webhook mode; used for export download links. */
  http?: FastifyInstance;
  /** Download links for exports; by default created here when PUBLIC_BASE_URL is set and `http` is given. */
  downloads?: DownloadLinks;
  /**
   * Told once when the channel cannot go on: Zalo refuses the token while running (401; the channel has
   * stopped taking updates), or the webhook could not be registered after the server began to listen.
   */
  onFatal?: (err: Error) => void;
  /** The app's running channels (filled as they start): admin notices reach Telegram admins through them. */
  channels?: ReadonlyMap<ChannelName, ChannelHandle>;
  now?: () => Date;
  /** Tuning for tests: seconds a getUpdates call may be held open, retry pauses, typing renewal. */
  pollTimeoutSeconds?: number;
  backoff?: BackoffOptions;
  typingIntervalMs?: number;
  /** How long stop() lets updates in flight finish before sends still retrying give up (default 10 s). */
  shutdownGraceMs?: number;
}

export interface ZaloHandle extends ChannelHandle {
  readonly mode: 'polling' | 'webhook';
  /** This month's message counts (sent and received), for admins and tests. */
  readonly quota: QuotaMeter;
  /** Distinct Zalo users against the plan's limit (ZALO_USER_LIMIT). */
  readonly userLimit: UserLimitWatch;
  /**
   * The step that needs the HTTP server listening: in webhook mode, `setWebhook` (once; every call
   * returns the same promise). Started by the server's onListen hook; resolves at once in polling mode.
   */
  afterListen(): Promise<void>;
}

export class ZaloStartError extends Error {
  override name = 'ZaloStartError';
}

/** True when Zalo needs the bot's HTTP server to listen. */
export function zaloNeedsHttp(config: Config): boolean {
  return Boolean(config.zalo.token && (config.zalo.webhookUrl || config.publicBaseUrl));
}

function unauthorizedError(): Error {
  return new ZaloStartError(
    'Zalo từ chối ZALO_BOT_TOKEN (lỗi 401): token sai hoặc đã được đặt lại. ' +
      'Hãy sao chép token hiện tại từ trang quản lý Zalo Bot rồi khởi động lại. Kênh Zalo đã dừng.',
  );
}

/** Why start-up failed, for the server's operator: what Zalo said, or which server could not be reached. */
function startError(err: unknown, apiRoot: string): ZaloStartError {
  if (isZaloApiError(err) && err.kind === 'network') {
    return new ZaloStartError(
      `Kênh Zalo: không kết nối được máy chủ Zalo Bot API tại ${apiRoot} (${err.description}). Hãy kiểm tra ZALO_API_ROOT và kết nối mạng.`,
    );
  }
  if (isZaloApiError(err) && err.kind === 'api') {
    return new ZaloStartError(`Kênh Zalo: Zalo từ chối lệnh ${err.method} (lỗi ${err.errorCode}${err.description ? `: ${err.description}` : ''}).`);
  }
  if (isZaloApiError(err)) return new ZaloStartError(`Kênh Zalo: câu trả lời của lệnh ${err.method} không đúng dạng (${err.description}).`);
  return new ZaloStartError(`Kênh Zalo: ${err instanceof Error ? err.message : String(err)}`);
}

export async function startZalo(deps: ZaloDeps): Promise<ZaloHandle> {
  const { config } = deps;
  const token = config.zalo.token;
  if (!token) throw new ZaloStartError('Chưa đặt ZALO_BOT_TOKEN: kênh Zalo không chạy được.');
  const log = deps.logger.child({ channel: 'zalo' });
  const webhookUrl = config.zalo.webhookUrl;
  const mode = webhookUrl ? 'webhook' : 'polling';
  if (webhookUrl && !config.zalo.webhookSecret) {
    throw new ZaloStartError('Cần đặt ZALO_WEBHOOK_SECRET (8–256 ký tự) khi đã đặt ZALO_WEBHOOK_URL.');
  }
  if (webhookUrl && !webhookUrl.startsWith('https://')) {
    throw new ZaloStartError('ZALO_WEBHOOK_URL phải là địa chỉ công khai bắt đầu bằng https:// (Zalo không nhận webhook khác).');
  }
  if (webhookUrl && !deps.http) throw new ZaloStartError('Chế độ webhook của Zalo cần máy chủ HTTP của bot (lỗi nội bộ: thiếu `http`).');

  const client = createZaloClient({ token, apiRoot: config.zalo.apiRoot });
  const lifetime = new AbortController();
  let open = true;
  let fatalSent = false;
  let poller: Poller | undefined;

  const onUnauthorized = (_err: ZaloApiError) => {
    if (fatalSent) return;
    fatalSent = true;
    open = false;
    const err = unauthorizedError();
    log.fatal({ errorCode: 401 }, err.message);
    void poller?.stop();
    deps.onFatal?.(err);
  };

  let downloads = deps.downloads;
  if (!downloads && config.publicBaseUrl && deps.http) {
    downloads = createDownloadLinks({
      publicBaseUrl: config.publicBaseUrl,
      ttlMinutes: config.exportLinkTtlMinutes,
      timeZone: config.timeZone,
      ...(deps.now ? { now: deps.now } : {}),
    });
    registerDownloadRoutes(deps.http, downloads);
  }

  const quota = createQuotaMeter({
    counts: createMessageCountsRepo(deps.store.db),
    monthlyQuota: config.zalo.monthlyQuota,
    warnPercent: config.zalo.quotaWarnPercent,
    timeZone: config.timeZone,
    ...(deps.now ? { now: deps.now } : {}),
  });

  const adminChatIds = (): string[] => adminChatsOn(config, deps.store, 'zalo');

  const sender = createZaloSender({
    client,
    logger: log,
    render: downloads ? { downloads } : {},
    quota,
    adminChatIds,
    onUnauthorized,
    signal: lifetime.signal,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
  });
  const userLimit = createUserLimitWatch({ db: deps.store.db, limit: config.zalo.userLimit });
  /** Tells admins when the plan's user limit comes near or is reached (each notice once, ever). */
  const watchUserLimit = async (): Promise<void> => {
    try {
      const notice = userLimit.check(deps.now?.());
      if (!notice) return;
      log.warn({ users: notice.users, limit: notice.limit, percent: notice.percent }, 'zalo user limit threshold reached');
      await tellAdmins(
        {
          config,
          store: deps.store,
          logger: log,
          sendZalo: (chatId, text) => sender.sendTexts(chatId, [text]),
          ...(deps.channels ? { channels: deps.channels } : {}),
        },
        zaloTexts.userLimitNotice(notice.users, notice.limit, notice.full),
        'zalo-user-limit',
      );
    } catch (err) {
      log.error({ err: errorSummary(err) }, 'zalo user limit check failed');
    }
  };
  // The core records each user it sees: after it has handled a message, the count may have grown.
  const core: Core = {
    async handle(inbound, options) {
      const replies = await deps.core.handle(inbound, options);
      void watchUserLimit();
      return replies;
    },
  };

  let botNames: string[] = [];
  const handler = createUpdateHandler({
    core,
    store: deps.store,
    sender,
    logger: log,
    botNames: () => botNames,
    ...(deps.typingIntervalMs ? { typingIntervalMs: deps.typingIntervalMs } : {}),
  });

  // Routes first: fastify takes no routes once the server listens.
  if (webhookUrl && deps.http) {
    registerZaloWebhook(deps.http, {
      path: webhookPath(webhookUrl),
      secret: config.zalo.webhookSecret!,
      handler,
      logger: log,
      isOpen: () => open,
    });
  }

  try {
    const me = await client.getMe();
    // A group mention carries the display name; account_name is kept for bots that show that one.
    botNames = [me.display_name, me.account_name].filter((n): n is string => Boolean(n?.trim()));
    log.info({ botId: me.id, botName: me.account_name, mode }, 'zalo bot connected');
    // getUpdates does not work while a webhook is set.
    if (!webhookUrl) await clearWebhookForPolling(client, log, lifetime.signal);
  } catch (err) {
    await client.close();
    if (isZaloApiError(err) && err.isUnauthorized) throw unauthorizedError();
    throw startError(err, config.zalo.apiRoot);
  }

  let registration: Promise<void> | undefined;
  const afterListen = (): Promise<void> => {
    registration ??= webhookUrl
      ? registerWebhook(client, log, {
          url: webhookUrl,
          secret: config.zalo.webhookSecret!,
          backoff: deps.backoff ?? DEFAULT_BACKOFF,
          signal: lifetime.signal,
        }).catch((err: unknown) => {
          if (lifetime.signal.aborted) return;
          if (isZaloApiError(err) && err.isUnauthorized) {
            onUnauthorized(err);
            throw unauthorizedError();
          }
          const fatal = startError(err, config.zalo.apiRoot);
          open = false;
          log.fatal({ err: errorSummary(err) }, fatal.message);
          deps.onFatal?.(fatal);
          throw fatal;
        })
      : Promise.resolve();
    return registration;
  };
  if (webhookUrl && deps.http?.server.listening) {
    // Started again after a failed start: the server listens already, so the webhook is set now.
    void afterListen().catch(() => undefined);
  } else if (webhookUrl && deps.http) {
    // Fastify runs onListen hooks right after listen() resolves, without waiting for them: failures are
    // reported through onFatal (and to whoever awaits afterListen()).
    deps.http.addHook('onListen', async () => {
      await afterListen().catch(() => undefined);
    });
  }

  void watchUserLimit();
  // Updates a crash left stored but not handled, and replies left unsent.
  handler.mailbox.resume();

  if (!webhookUrl) {
    poller = startPolling({
      client,
      logger: log,
      onUpdate: (raw) => handler.accept(raw),
      onUnauthorized,
      ...(deps.pollTimeoutSeconds !== undefined ? { pollTimeoutSeconds: deps.pollTimeoutSeconds } : {}),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    channel: 'zalo',
    mode,
    quota,
    userLimit,
    afterListen,
    send: (chatId, messages) => sender.deliver(chatId, messages),
    stop() {
      stopping ??= (async () => {
        open = false;
        await poller?.stop();
        // What is handled and sent within the grace goes now; the rest stays in the outbox for the next start.
        await handler.mailbox.stop(deps.shutdownGraceMs ?? 10_000);
        lifetime.abort();
        if (!(await settlesWithin(handler.idle(), 2000))) {
          log.warn({ event: 'shutdown-grace-over' }, 'updates still in flight at shutdown are handled again after the next start');
        }
        await client.close();
        log.info('zalo channel stopped');
      })();
      return stopping;
    },
  };
}
