/**
 * The composition root: `startApp(config)` builds the bot from its parts and runs it.
 *
 *   logger → knowledge → store → answerer → core → HTTP server (only if a channel needs it)
 *   → every channel whose token is configured (Telegram, Zalo) → the HTTP server listens → reminders
 *   no token at all → the console chat on stdin/stdout, on the same core and database
 *
 * A channel that fails to start does not stop the others: the bot runs what started, tells the admins
 * (on the channels that run) which channel failed and why, and tries it again with a growing pause.
 * Only when no channel at all could start does start-up fail.
 *
 * `stop()` shuts down in the safe order: reminders stop between two sends, all channels stop taking
 * updates and finish the ones in flight, then the HTTP server closes, then the database. The `serve`
 * command (src/serve.ts, npm start) wires SIGINT/SIGTERM to it.
 */
import type { Readable, Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { startReminderScheduler, type ReminderScheduler, type ReminderSchedulerDeps } from './admin/reminders/scheduler.js';
import { createAnswerer } from './answers/answerer.js';
import type { ChannelHandle } from './channels/types.js';
import { startTelegram, telegramNeedsHttp, type TelegramDeps, type TelegramHandle } from './channels/telegram/index.js';
import { webhookPath as telegramWebhookPath } from './channels/telegram/webhook.js';
import { startZalo, zaloNeedsHttp, type ZaloHandle } from './channels/zalo/index.js';
import { webhookPath as zaloWebhookPath } from './channels/zalo/webhook.js';
import type { ChannelName, Config } from './config.js';
import { adminChatIds } from './store/admin-chats.js';
import { BOT_COMMANDS } from './bot-commands.js';
import { createCore } from './dialog/core.js';
import type { Core } from './dialog/types.js';
import { loadKnowledge } from './knowledge/loader.js';
import { createLogger, type Logger } from './log.js';
import { createHttpServer } from './server/http.js';
import { openStore, type Store } from './store/db.js';
import { adminPageEnabled, registerWebRoutes, type WebPage } from './web/routes.js';

/** What every channel gets from the app. */
interface ChannelContext {
  config: Config;
  core: Core;
  store: Store;
  logger: Logger;
  http?: FastifyInstance;
  onFatal: (err: Error) => void;
  /** The channels started so far (filled as they start): admin notices of one channel reach admins on another. */
  channels: ReadonlyMap<ChannelName, ChannelHandle>;
}

interface ChannelStarter {
  name: ChannelName;
  enabled(config: Config): boolean;
  /** Whether the channel needs the HTTP server to listen (webhooks, download links). */
  needsHttp(config: Config): boolean;
  start(ctx: ChannelContext): Promise<ChannelHandle>;
}

export interface AppOptions {
  /** Default: pino to stderr at LOG_LEVEL. */
  logger?: Logger;
  /** Console chat streams (used when no channel token is set); default stdin/stdout. */
  consoleInput?: Readable;
  consoleOutput?: Writable;
  /** Telegram tuning (tests and benchmarks). */
  telegram?: Partial<Omit<TelegramDeps, 'config' | 'core' | 'store' | 'logger' | 'http' | 'onFatal'>>;
  /** Deadline reminder tuning (tests): clock, catch-up delay, or `schedule: false` to leave them off. */
  reminders?: Partial<Pick<ReminderSchedulerDeps, 'now' | 'clock' | 'catchUpDelayMs' | 'schedule'>>;
  /** Pause before the n-th new try of a channel that failed to start (default 30 s, doubling, at most 15 min). */
  channelRetryMs?: (attempt: number) => number;
}

const defaultChannelRetry = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 15 * 60_000);

const CHANNEL_LABEL: Record<ChannelName, string> = { telegram: 'Telegram', zalo: 'Zalo', console: 'dòng lệnh' };

/** What admins are told when a channel could not start (on the channels that run). */
function channelDownNotice(name: ChannelName, reason: string, retryMs: number): string {
  const minutes = Math.max(1, Math.round(retryMs / 60_000));
  return (
    `⚠️ Kênh ${CHANNEL_LABEL[name]} của bot chưa chạy được: ${reason}\n` +
    `Bot vẫn chạy trên các kênh khác và sẽ tự thử lại kênh ${CHANNEL_LABEL[name]} sau khoảng ${minutes} phút. ` +
    'Nếu lỗi do cấu hình (token, địa chỉ webhook), hãy sửa cấu hình rồi khởi động lại bot.'
  );
}

/**
 * Both webhooks live on the one HTTP server: the same path for both (an easy slip when copying the
 * settings) would leave one channel deaf, so it stops start-up with a message that says which.
 */
function checkWebhookPaths(config: Config): void {
  const tg = config.telegram.token && config.telegram.webhookUrl ? telegramWebhookPath(config.telegram.webhookUrl).replace(/\/+$/, '') || '/' : undefined;
  const zalo = config.zalo.token && config.zalo.webhookUrl ? zaloWebhookPath(config.zalo.webhookUrl) : undefined;
  if (tg !== undefined && tg === zalo) {
    throw new Error(
      `TELEGRAM_WEBHOOK_URL và ZALO_WEBHOOK_URL có cùng đường dẫn (${tg}); hãy đặt cho mỗi kênh một đường dẫn riêng, ví dụ /telegram/webhook và /zalo/webhook.`,
    );
  }
}

/** What a failed stop is logged with: never the error object itself (a library error may carry a URL with the token). */
function errorSummary(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { name: err.name, message: err.message } : { message: String(err) };
}

function channelStarters(options: AppOptions): ChannelStarter[] {
  return [
    {
      name: 'telegram',
      enabled: (c) => Boolean(c.telegram.token),
      needsHttp: telegramNeedsHttp,
      start: (ctx) => startTelegram({ ...ctx, commands: BOT_COMMANDS, ...options.telegram }),
    },
    {
      name: 'zalo',
      enabled: (c) => Boolean(c.zalo.token),
      needsHttp: zaloNeedsHttp,
      start: (ctx) => startZalo(ctx),
    },
  ];
}

export interface App {
  readonly config: Config;
  readonly store: Store;
  readonly core: Core;
  readonly logger: Logger;
  /** The running channels (empty in console mode). */
  readonly channels: ReadonlyMap<ChannelName, ChannelHandle>;
  readonly telegram?: TelegramHandle;
  /** The deadline reminder scheduler (absent in console mode). */
  readonly reminders?: ReminderScheduler;
  /** The HTTP server's address when it listens (webhooks, downloads), e.g. http://127.0.0.1:8080. */
  readonly url?: string;
  /**
   * Settles when the app ends by itself: the console chat's input ended (resolves with undefined) or a
   * channel stopped on a fatal error (resolves with that error). Never settles while channels run fine.
   */
  readonly done: Promise<Error | undefined>;
  /** Graceful shutdown; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  checkWebhookPaths(config);
  const logger = options.logger ?? createLogger(config);
  const knowledge = loadKnowledge();
  const store = openStore(config.databasePath);
  const channels = new Map<ChannelName, ChannelHandle>();
  let http: FastifyInstance | undefined;
  let resolveDone!: (value: Error | undefined) => void;
  const done = new Promise<Error | undefined>((resolve) => {
    resolveDone = resolve;
  });

  let reminders: ReminderScheduler | undefined;
  let webPage: WebPage | undefined;
  let closing = false;
  const retryTimers = new Set<NodeJS.Timeout>();
  const retryPause = options.channelRetryMs ?? defaultChannelRetry;
  /** Live list (reminders read it at each run): a channel that starts late joins it. */
  const running: ChannelHandle[] = [];

  /** Tells the admins on every running channel; a failure to tell is only logged. */
  const tellAdmins = (text: string) => {
    for (const handle of channels.values()) {
      for (const chatId of adminChatIds(config, store, handle.channel)) {
        handle.send(chatId, [{ text }]).catch((err: unknown) => logger.warn({ event: 'admin-notice-failed', channel: handle.channel, ...errorSummary(err) }, 'could not tell an admin'));
      }
    }
  };

  /**
   * A channel that failed to start: logged, admins told (the first time), and tried again after a
   * pause that grows with each failure.
   */
  function retryLater(starter: ChannelStarter, ctx: ChannelContext, error: Error, attempt: number): void {
    const pause = retryPause(attempt);
    logger.error({ event: 'channel-start-failed', channel: starter.name, attempt, retryInMs: pause, message: error.message }, 'channel did not start; trying again later');
    if (attempt === 1) tellAdmins(channelDownNotice(starter.name, error.message, pause));
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      if (closing) return;
      starter.start(ctx).then(
        (handle) => {
          if (closing) return void handle.stop();
          channels.set(starter.name, handle);
          running.push(handle);
          logger.info({ event: 'channel-started', channel: starter.name, attempt: attempt + 1 }, 'channel started after a retry');
          tellAdmins(`✅ Kênh ${CHANNEL_LABEL[starter.name]} của bot đã chạy lại.`);
        },
        (err: unknown) => retryLater(starter, ctx, err instanceof Error ? err : new Error(String(err)), attempt + 1),
      );
    }, pause);
    timer.unref();
    retryTimers.add(timer);
  }

  const closeAll = async () => {
    closing = true;
    for (const t of retryTimers) clearTimeout(t);
    retryTimers.clear();
    // Reminders first: a run in progress stops between two sends, before the channels go.
    await reminders?.stop();
    await webPage?.reminders.stop();
    // All channels at once: each stops taking updates right away (one must not keep taking them while
    // another drains), then finishes its updates in flight before the server and the database go away.
    await Promise.all(
      [...channels.values()].map((handle) =>
        handle.stop().catch((err: unknown) => {
          logger.error({ event: 'channel-stop-failed', channel: handle.channel, ...errorSummary(err) }, 'channel did not stop cleanly');
        }),
      ),
    );
    await http?.close();
    store.close();
  };

  let core: Core;
  let url: string | undefined;
  try {
    const answerer = createAnswerer(knowledge, { maxInputChars: config.maxInputChars });
    core = createCore({ store, knowledge, answerer, config, logger, commands: BOT_COMMANDS });
    const starters = channelStarters(options).filter((s) => s.enabled(config));
    if (starters.some((s) => s.needsHttp(config)) || adminPageEnabled(config)) http = createHttpServer({ logger });
    // The admin page (/quantri) on the same server; its reminder button sends through the running channels.
    if (http && adminPageEnabled(config)) webPage = registerWebRoutes(http, { config, store, knowledge, logger, channels: () => running });
    const ctx: ChannelContext = { config, core, store, logger, ...(http ? { http } : {}), onFatal: (err) => resolveDone(err), channels };
    const failures: Array<{ starter: ChannelStarter; error: Error }> = [];
    for (const starter of starters) {
      try {
        channels.set(starter.name, await starter.start(ctx));
      } catch (err) {
        failures.push({ starter, error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    // Nothing runs: start-up fails with the reason (the first one, or all of them).
    if (channels.size === 0 && failures.length > 0) throw new Error(failures.map((f) => f.error.message).join('\n'));
    if (http) {
      url = await http.listen({ port: config.port, host: config.host ?? '0.0.0.0' });
      const address = http.server.address();
      logger.info({ event: 'http-listening', port: typeof address === 'object' && address ? address.port : config.port }, 'http server listening');
      // Zalo sets its webhook only now (Zalo calls the URL to verify it); a refusal stops start-up as before.
      await (channels.get('zalo') as ZaloHandle | undefined)?.afterListen();
    }
    for (const f of failures) retryLater(f.starter, ctx, f.error, 1);
  } catch (err) {
    await closeAll().catch(() => undefined);
    throw err;
  }

  if (channels.size === 0) {
    logger.info({ event: 'console-mode' }, 'no channel token set (TELEGRAM_BOT_TOKEN, ZALO_BOT_TOKEN): console chat on stdin/stdout');
    const { runConsoleChat } = await import('./channels/console/chat.js');
    runConsoleChat({ core, ...(options.consoleInput ? { input: options.consoleInput } : {}), ...(options.consoleOutput ? { output: options.consoleOutput } : {}) }).then(
      () => resolveDone(undefined),
      (err: unknown) => resolveDone(err instanceof Error ? err : new Error(String(err))),
    );
  } else {
    logger.info({ event: 'started', channels: [...channels.keys()] }, 'bot started');
    running.push(...channels.values());
    reminders = startReminderScheduler({ store, knowledge, config, logger, channels: running, ...options.reminders });
  }

  let stopping: Promise<void> | undefined;
  return {
    config,
    store,
    core,
    logger,
    channels,
    ...(channels.has('telegram') ? { telegram: channels.get('telegram') as TelegramHandle } : {}),
    ...(url ? { url } : {}),
    ...(reminders ? { reminders } : {}),
    done,
    stop() {
      stopping ??= (async () => {
        logger.info({ event: 'stopping' }, 'shutting down');
        await closeAll();
        logger.info({ event: 'stopped' }, 'stopped');
      })();
      return stopping;
    },
  };
}
