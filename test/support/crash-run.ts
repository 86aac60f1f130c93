/**
 * A crash run: many unit contacts file their report at once through a real platform peer (the Telegram
 * emulator, the Zalo fake) while the real bot process (`node --import tsx src/cli.ts serve`, what
 * `npm start` runs) is killed with SIGKILL at random moments and started again.
 *
 * Each simulated contact behaves as a person: types the next answer, waits for the bot to say
 * something, and goes on. A message that gets no reply in `replyTimeoutMs` is typed once more (counted
 * as resent: a platform that consumed it on delivery, as Zalo's getUpdates does, cannot give it back);
 * when that gets no reply either, it is counted unanswered and the contact goes on. At the end the
 * database and the chats are compared: a report lost is a contact whose report is not stored; a code not
 * delivered is a stored report whose code never reached the contact's chat.
 */
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { conversationOf } from '../dialog/load-script.js';
import { spawnBot } from './bot-process.js';


/** One simulated person on a platform. */
export interface SimulatedUser {
  /** Sends a message (resolves when the platform took it). */
  send(text: string): Promise<void>;
  /** Every message the bot sent to this person's chat, as seen. */
  seen(): string[];
}

/** The platform side of a run. */
export interface CrashPlatform {
  readonly name: string;
  /** Environment of the bot process (token, API root, webhook settings). */
  botEnv(): Record<string, string>;
  user(index: number): SimulatedUser;
}

export interface CrashRunOptions {
  platform: CrashPlatform;
  databasePath: string;
  users: number;
  kills: number;
  /**
   * Random pause after a restart before the next kill may come. The kills are also spread over the load:
   * the k-th of n waits until k/(n+1) of all messages have been typed, so a fast channel gets all of them
   * while the contacts are still typing.
   */
  killEveryMs?: [number, number];
  /** A person's pause before typing the next answer. */
  thinkMs?: [number, number];
  replyTimeoutMs?: number;
  /** Environment for the bot process beyond the platform's. */
  env?: Record<string, string>;
}

export interface CrashRunResult {
  platform: string;
  users: number;
  /** Kills done while the contacts were still typing. */
  kills: number;
  messages: number;
  /** Messages typed again after a silence of `replyTimeoutMs`. */
  resent: number;
  unanswered: number;
  reportsStored: number;
  reportsLost: number;
  codesDelivered: number;
  seconds: number;
}

interface BotProcess {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function startBot(env: Record<string, string>): BotProcess {
  const child = spawnBot(env, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString('utf8');
    if (err.length > 200_000) err = err.slice(-100_000);
    if (err.includes('"event":"started"')) markReady();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(() => markReady());
  return { child, ready, exited, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (test()) return true;
    await sleep(50);
  }
  return test();
}

const unitOf = (i: number) => `Đơn vị kiểm thử u${i}`;

export async function crashRun(options: CrashRunOptions): Promise<CrashRunResult> {
  const started = Date.now();
  const env = { DATABASE_PATH: options.databasePath, ...options.platform.botEnv(), ...options.env };
  const [minGap, maxGap] = options.killEveryMs ?? [500, 1500];
  const [minThink, maxThink] = options.thinkMs ?? [200, 600];
  const replyTimeout = options.replyTimeoutMs ?? 45_000;
  let bot = startBot(env);
  await bot.ready;
  if (bot.child.exitCode !== null) throw new Error(`the bot did not start:\n${bot.stderr().slice(-2000)}`);

  let messages = 0;
  let resent = 0;
  let unanswered = 0;
  const users = Array.from({ length: options.users }, (_, i) => options.platform.user(i));
  const total = users.reduce((n, _, i) => n + conversationOf(`u${i}`, i).length, 0);
  const scripts = users.map(async (user, i) => {
    await sleep(Math.floor(Math.random() * 1000));
    for (const text of conversationOf(`u${i}`, i)) {
      await sleep(minThink + Math.random() * (maxThink - minThink));
      const before = user.seen().length;
      messages += 1;
      await user.send(text);
      if (await waitUntil(() => user.seen().length > before, replyTimeout)) continue;
      resent += 1;
      await user.send(text);
      if (!(await waitUntil(() => user.seen().length > before, replyTimeout))) unanswered += 1;
    }
  });

  let killing = true;
  let kills = 0;
  const killer = (async () => {
    for (let k = 0; k < options.kills && killing; k += 1) {
      await sleep(minGap + Math.random() * (maxGap - minGap));
      const due = ((k + 1) / (options.kills + 1)) * total;
      await waitUntil(() => messages >= due || !killing, 600_000);
      if (!killing) break;
      kills += 1;
      bot.child.kill('SIGKILL');
      await bot.exited;
      bot = startBot(env);
      await bot.ready;
    }
  })();

  await Promise.all(scripts);
  killing = false;
  await killer;
  // The report codes: a code sent after the last step may still be on its way.
  const db = new Database(options.databasePath, { readonly: true });
  const rows = db
    .prepare('SELECT r.code AS code, c.unit_name AS unit FROM reports r JOIN contacts c ON c.id = r.contact_id')
    .all() as { code: string; unit: string }[];
  db.close();
  const codeOf = new Map(rows.map((r) => [r.unit, r.code]));
  const delivered = (i: number) => {
    const code = codeOf.get(unitOf(i));
    return code !== undefined && users[i]!.seen().some((m) => m.includes(code));
  };
  await waitUntil(() => users.every((_, i) => !codeOf.has(unitOf(i)) || delivered(i)), 30_000);

  bot.child.kill('SIGTERM');
  const code = await Promise.race([bot.exited, sleep(30_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') bot.child.kill('SIGKILL');

  const stored = users.filter((_, i) => codeOf.has(unitOf(i))).length;
  return {
    platform: options.platform.name,
    users: options.users,
    kills,
    messages,
    resent,
    unanswered,
    reportsStored: stored,
    reportsLost: options.users - stored,
    codesDelivered: users.filter((_, i) => delivered(i)).length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** Telegram through the emulator, by long polling or by webhook (the emulator retries failed deliveries, as Telegram does). */
export function telegramPlatform(
  emulator: { token: string; apiRoot: string; user(opts: { userId: number }): { send(text: string): Promise<number>; all(): { plain: string }[] } },
  webhook?: { port: number; secret: string },
): CrashPlatform {
  return {
    name: webhook ? 'Telegram webhook' : 'Telegram long polling',
    botEnv: () => ({
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ...(webhook
        ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${webhook.port}/telegram/hook`, TELEGRAM_WEBHOOK_SECRET: webhook.secret, PORT: String(webhook.port), HOST: '127.0.0.1' }
        : {}),
    }),
    user(index) {
      const u = emulator.user({ userId: 700_000 + index });
      return {
        send: async (text) => void (await u.send(text)),
        seen: () => u.all().map((m) => m.plain),
      };
    },
  };
}

interface ZaloPeer {
  apiRoot: string;
  token: string;
  inject(update: unknown): void;
  deliverToWebhook(localBaseUrl: string, body: unknown): Promise<{ status: number }>;
  textsTo(chatId: string): string[];
}

/**
 * Zalo through the local fake: by long polling (an update handed out by getUpdates is gone from the
 * platform) or by webhook (the platform POSTs each message; a delivery that fails is tried again while
 * it is refused, for up to 2 minutes, as a platform does when the bot answers 5xx or is down).
 */
export function zaloPlatform(
  fake: ZaloPeer,
  fixtures: { text(text: string, opts: { userId: string; messageId: string }): unknown; enveloped(update: never): unknown },
  webhook?: { port: number; secret: string },
): CrashPlatform {
  let sent = 0;
  return {
    name: webhook ? 'Zalo webhook' : 'Zalo long polling',
    botEnv: () => ({
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_MONTHLY_QUOTA: '0',
      ZALO_USER_LIMIT: '0',
      ...(webhook
        ? { ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/hook', ZALO_WEBHOOK_SECRET: webhook.secret, PORT: String(webhook.port), HOST: '127.0.0.1' }
        : {}),
    }),
    user(index) {
      const userId = `c7a5${String(index).padStart(8, '0')}`;
      return {
        async send(text) {
          const update = fixtures.text(text, { userId, messageId: `crash-${userId}-${(sent += 1)}` });
          if (!webhook) return fake.inject(update);
          const deadline = Date.now() + 120_000;
          while (Date.now() < deadline) {
            try {
              if ((await fake.deliverToWebhook(`http://127.0.0.1:${webhook.port}`, fixtures.enveloped(update as never))).status === 200) return;
            } catch {
              // the bot is down: try again
            }
            await sleep(250);
          }
        },
        seen: () => fake.textsTo(userId),
      };
    },
  };
}
