/**
 * Test harness for the Zalo channel: a fake Zalo API, a store in a temp dir, the bot's HTTP server on
 * an ephemeral 127.0.0.1 port, and `startZalo` wired to a given core. Used by the channel tests
 * (with a scripted core) and by the end-to-end tests (with the real core).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startZalo, type ZaloDeps, type ZaloHandle } from '../../../src/channels/zalo/index.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { renderAll } from '../../../src/channels/zalo/render.js';
import type { Core, Inbound, Outbound } from '../../../src/dialog/types.js';
import { createDownloadLinks } from '../../../src/server/downloads.js';
import { silentLogger } from '../../../src/log.js';
import { createHttpServer } from '../../../src/server/http.js';
import { openStore, type Store } from '../../../src/store/db.js';
import { startFakeZaloApi, type FakeZaloApi, type FakeZaloOptions } from '../../support/zalo-fake-api.js';

export const WEBHOOK_URL = 'https://bot.example.vn/zalo/webhook';
export const WEBHOOK_SECRET = 'webhook-secret-0123456789';
export const PUBLIC_BASE_URL = 'https://bot.example.vn';

export interface ZaloRig {
  fake: FakeZaloApi;
  config: Config;
  dbPath: string;
  store: Store;
  /** The bot's HTTP server, listening on 127.0.0.1. */
  http: FastifyInstance;
  /** http://127.0.0.1:PORT */
  localUrl: string;
  zalo: ZaloHandle;
  fatal: Error[];
  /** Stops the channel, the server and the store (a process exit). */
  stopBot(): Promise<void>;
  /** Starts the bot again on the same database and fake API (a process start). */
  startBot(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface RigOptions {
  env?: Record<string, string>;
  fake?: FakeZaloOptions;
  /** Builds the core on the (re)opened store. */
  core: (store: Store, config: Config) => Core;
  deps?: Partial<ZaloDeps>;
}

export async function zaloRig(options: RigOptions): Promise<ZaloRig> {
  // setWebhook verifies the URL by calling it: the fake calls the bot's local server instead.
  let localUrl: string | undefined;
  const fake = await startFakeZaloApi({ pollTimeoutMs: 50, webhookTarget: () => localUrl, ...options.fake });
  const dir = mkdtempSync(join(tmpdir(), 'zalo-rig-'));
  const dbPath = join(dir, 'thidua.sqlite');
  const config = loadConfig({
    TZ: 'Asia/Ho_Chi_Minh',
    LOG_LEVEL: 'silent',
    DATABASE_PATH: dbPath,
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.apiRoot,
    PORT: '0',
    ...options.env,
  });
  const fatal: Error[] = [];
  const rig = { fake, config, dbPath, fatal } as ZaloRig;

  rig.startBot = async () => {
    rig.store = openStore(dbPath);
    rig.http = createHttpServer({ logger: silentLogger() });
    rig.zalo = await startZalo({
      config,
      core: options.core(rig.store, config),
      store: rig.store,
      logger: silentLogger(),
      http: rig.http,
      onFatal: (err) => fatal.push(err),
      backoff: { initialMs: 5, maxMs: 20 },
      pollTimeoutSeconds: 1,
      ...options.deps,
    });
    rig.localUrl = localUrl = await rig.http.listen({ host: '127.0.0.1', port: 0 });
    await rig.zalo.afterListen();
  };
  rig.stopBot = async () => {
    await rig.zalo.stop();
    await rig.http.close();
    rig.store.close();
  };
  rig.cleanup = async () => {
    await rig.stopBot().catch(() => {});
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  };
  await rig.startBot();
  return rig;
}

/**
 * Wraps a core to know how many Zalo messages its replies make, per chat, so a test can wait for
 * exactly the bot's whole answer (not just its first message) without sleeping.
 */
export class TrackingCore implements Core {
  handled = 0;
  private readonly expected = new Map<string, number>();
  private readonly counter = createDownloadLinks({ publicBaseUrl: PUBLIC_BASE_URL, ttlMinutes: 1 });
  constructor(private readonly inner: Core) {}

  async handle(inbound: Inbound): Promise<Outbound[]> {
    try {
      const replies = await this.inner.handle(inbound);
      const texts = renderAll(replies, { downloads: this.counter }).length;
      this.expected.set(inbound.chatId, (this.expected.get(inbound.chatId) ?? 0) + texts);
      return replies;
    } finally {
      this.handled += 1;
    }
  }

  /** Zalo messages the replies so far make in this chat. */
  expectedTexts(chatId: string): number {
    return this.expected.get(chatId) ?? 0;
  }
}
