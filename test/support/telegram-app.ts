/**
 * The whole bot (`startApp`: real knowledge, answerer, core, SQLite store, grammY) pointed at the
 * Telegram emulator, in this process, with its log lines captured so tests can check what was logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { TelegramEmulator } from './telegram-emulator.js';

export interface TestBot {
  app: App;
  config: Config;
  dbPath: string;
  /** Every log line written so far (JSON strings). */
  logs: string[];
  /** Stops the running app and starts a new one on the same database (a restart). */
  restart(): Promise<App>;
  /** Stops the app and removes the temp dir. */
  close(): Promise<void>;
}

/** Fast settings for tests: no pacing wait between messages, short long-poll, no flood limit. */
export const FAST: NonNullable<AppOptions['telegram']> = {
  resilience: { pacing: false, networkRetry: { attempts: 2, firstDelayMs: 10 } },
  pollTimeoutSeconds: 2,
  flood: { limit: 1000, windowMs: 10_000 },
};

export function envFor(emulator: TelegramEmulator, dbPath: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_PATH: dbPath,
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    LOG_LEVEL: 'debug',
    TZ: 'Asia/Ho_Chi_Minh',
    PORT: '0',
    HOST: '127.0.0.1',
    ...extra,
  };
}

export async function startTestBot(
  emulator: TelegramEmulator,
  opts: { env?: Record<string, string>; telegram?: AppOptions['telegram'] } = {},
): Promise<TestBot> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-tg-'));
  const dbPath = join(dir, 'thidua.sqlite');
  const logs: string[] = [];
  const config = loadConfig(envFor(emulator, dbPath, opts.env));
  const start = () =>
    startApp(config, {
      logger: createLogger(config, { write: (line: string) => void logs.push(line) }),
      telegram: opts.telegram ?? FAST,
      reminders: { schedule: false }, // no daily job or catch-up run in the middle of a test
    });
  const bot: TestBot = {
    app: await start(),
    config,
    dbPath,
    logs,
    async restart() {
      await bot.app.stop();
      bot.app = await start();
      return bot.app;
    },
    async close() {
      await bot.app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bot;
}
