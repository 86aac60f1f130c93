/**
 * One process, both channels: the whole bot (`startApp`) with TELEGRAM_* pointed at the Telegram
 * emulator and ZALO_* at the local fake of the Zalo Bot Platform API, by long polling and by webhook
 * on the one HTTP server. Each channel answers its own users; conversations stay apart even when a
 * Telegram id and a Zalo id are the same string; a graceful stop closes both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { FAST } from '../support/telegram-app.js';
import { freePort, TelegramEmulator } from '../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../support/zalo-fake-api.js';

const CU_CHI_QUESTION = 'Hạn báo cáo của Củ Chi là khi nào?';
const CU_CHI_DEADLINE = 'Trước ngày 15 tháng 11 hàng năm báo cáo tình hình tổ chức thực hiện Phong trào thi đua';
const TG_SECRET = 'telegram-secret_0123456789';
const ZALO_SECRET = 'zalo-secret-0123456789';

let emulator: TelegramEmulator;
let fake: FakeZaloApi;
let app: App | undefined;
let dir: string;
const logs: string[] = [];

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await emulator.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
  logs.length = 0;
});

async function start(env: Record<string, string> = {}, before?: () => void, extra: Partial<AppOptions> = {}): Promise<App> {
  emulator = await TelegramEmulator.start();
  fake = await startFakeZaloApi({ pollTimeoutMs: 50 });
  before?.();
  dir = mkdtempSync(join(tmpdir(), 'both-channels-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'thidua.sqlite'),
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.apiRoot,
    LOG_LEVEL: 'debug',
    TZ: 'Asia/Ho_Chi_Minh',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  app = await startApp(config, {
    logger: createLogger(config, { write: (line: string) => void logs.push(line) }),
    telegram: FAST,
    reminders: { schedule: false },
    ...extra,
  });
  return app;
}

/** A Zalo user types; resolves with what the bot sent to that chat since, once `match` shows up ('' = any reply). */
async function zaloSays(userId: string, text: string, match: string): Promise<string[]> {
  const before = fake.textsTo(userId).length;
  fake.inject(zaloFixtures.text(text, { userId }));
  await fake.waitFor(() => fake.textsTo(userId).slice(before).some((t) => t.includes(match)), `"${match}" on Zalo`, 20_000);
  return fake.textsTo(userId).slice(before);
}

describe('a channel that fails to start', () => {
  it('does not stop the others: Telegram runs, the admin is told, and Zalo is tried again until it starts', async () => {
    const app = await start({ ADMIN_IDS: 'telegram:5009' }, () => fake.failNext('getMe', 502, { description: 'Bad Gateway', times: 20 }), {
      channelRetryMs: () => 300,
    });
    expect([...app.channels.keys()]).toEqual(['telegram']);
    const admin = emulator.user({ userId: 5009 });
    const [notice] = await admin.waitFor('Kênh Zalo của bot chưa chạy được');
    expect(notice!.plain).toContain('Bot vẫn chạy trên các kênh khác');
    const [answer] = await emulator.user({ userId: 5010 }).ask(CU_CHI_QUESTION, 'Nguồn:');
    expect(answer!.plain).toContain(CU_CHI_DEADLINE);

    await admin.waitFor('Kênh Zalo của bot đã chạy lại', 30_000);
    expect([...app.channels.keys()]).toEqual(['telegram', 'zalo']);
    const said = await zaloSays('z-5011', CU_CHI_QUESTION, 'Nguồn:');
    expect(said.join('\n')).toContain(CU_CHI_DEADLINE);
    expect(logs.some((l) => l.includes('"event":"channel-start-failed"') && l.includes('"channel":"zalo"'))).toBe(true);
  });

  it('starts a webhook channel late, after the server listens: its webhook is set and its route answers', async () => {
    const port = await freePort();
    const app = await start(
      {
        PORT: String(port),
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/webhook',
        ZALO_WEBHOOK_SECRET: ZALO_SECRET,
        PUBLIC_BASE_URL: 'https://bot.example.vn',
      },
      () => fake.failNext('getMe', 502, { description: 'Bad Gateway', times: 20 }),
      { channelRetryMs: () => 300 },
    );
    expect([...app.channels.keys()]).toEqual(['telegram']);
    await vi.waitFor(() => expect([...app.channels.keys()]).toEqual(['telegram', 'zalo']), { timeout: 30_000 });
    await vi.waitFor(() => expect(fake.webhook).toMatchObject({ url: 'https://bot.example.vn/zalo/webhook', secret: ZALO_SECRET }), { timeout: 10_000 });
    const update = zaloFixtures.text(CU_CHI_QUESTION, { userId: 'z5201' });
    expect((await fake.deliverToWebhook(app.url!, update)).status).toBe(200);
    await fake.waitFor(() => fake.textsTo('z5201').some((t) => t.includes('Nguồn:')), 'the Zalo answer');
    expect(fake.textsTo('z5201').join('\n')).toContain(CU_CHI_DEADLINE);
    const [tgAnswer] = await emulator.user({ userId: 5202 }).ask(CU_CHI_QUESTION, 'Nguồn:');
    expect(tgAnswer!.plain).toContain(CU_CHI_DEADLINE);
  });
});

describe('Telegram and Zalo in one process (long polling)', () => {
  it('answers each channel on that channel, keeps conversations apart, and stops both gracefully', async () => {
    const app = await start();
    expect([...app.channels.keys()]).toEqual(['telegram', 'zalo']);
    expect(app.url).toBeUndefined(); // polling on both: no HTTP server needed

    // The same id string on both channels: two different people.
    const tgUser = emulator.user({ userId: 5001, firstName: 'Lan' });
    const ZALO_USER = '5001';

    const [tgAnswer] = await tgUser.ask(CU_CHI_QUESTION, 'Nguồn:');
    expect(tgAnswer!.plain).toContain(CU_CHI_DEADLINE);
    const zaloAnswer = (await zaloSays(ZALO_USER, CU_CHI_QUESTION, 'Nguồn:')).join('\n');
    expect(zaloAnswer).toContain(CU_CHI_DEADLINE);
    expect(tgUser.all()).toHaveLength(1); // the Zalo question was not answered on Telegram

    // A registration started on Telegram is that Telegram user's alone.
    await tgUser.ask('/dangky', '(Câu 1/5)');
    const zaloReply = (await zaloSays(ZALO_USER, 'Nguyễn Thị Lan', '')).join('\n');
    expect(zaloReply).not.toContain('(Câu 2/5)');
    const other = emulator.user({ userId: 5002 });
    const [otherReply] = await other.ask('Trần Văn Minh', () => true);
    expect(otherReply!.plain).not.toContain('(Câu 2/5)');
    // …and the Zalo user's own /dangky starts at the first question, not at the Telegram user's second.
    expect((await zaloSays(ZALO_USER, '/dangky', '(Câu 1/5)')).join('\n')).toContain('(Câu 1/5) Họ và tên');
    await tgUser.ask('Nguyễn Thị Lan', '(Câu 2/5)');
    expect((await zaloSays(ZALO_USER, 'Lê Thị Hoa', '(Câu 2/5)')).join('\n')).toContain('(Câu 2/5)');

    await app.stop();
    expect(app.store.db.open).toBe(false);
    const joined = logs.join('\n');
    expect(joined).toContain('telegram channel stopped');
    expect(joined).toContain('zalo channel stopped');
    expect(joined).not.toContain(emulator.token);
    expect(joined).not.toContain(fake.token);

    // Neither channel takes updates any more: what users write now waits on the platforms.
    await fake.waitFor(() => fake.openPolls === 0, 'the Zalo poll to be closed');
    await tgUser.send('còn ai không?');
    fake.inject(zaloFixtures.text('còn ai không?', { userId: ZALO_USER }));
    expect(emulator.pendingUpdates()).toBe(1);
    expect(fake.pendingUpdates).toBe(1);
  });
});

describe('Telegram and Zalo in one process (webhooks on one HTTP server)', () => {
  it('serves both webhooks, each with its own secret, and answers on the right channel', async () => {
    const port = await freePort();
    const app = await start({
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/webhook',
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      PUBLIC_BASE_URL: 'https://bot.example.vn',
    });
    expect(app.url).toBe(`http://127.0.0.1:${port}`);
    expect(emulator.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram/webhook`, secret: TG_SECRET });
    expect(fake.webhook).toMatchObject({ url: 'https://bot.example.vn/zalo/webhook', secret: ZALO_SECRET });

    const tgUser = emulator.user({ userId: 5101 });
    const [tgAnswer] = await tgUser.ask(CU_CHI_QUESTION, 'Nguồn:');
    expect(tgAnswer!.plain).toContain(CU_CHI_DEADLINE);

    const update = zaloFixtures.text(CU_CHI_QUESTION, { userId: 'z5101' });
    // One channel's secret does not open the other's door.
    expect((await fake.deliverToWebhook(app.url!, update, { secret: TG_SECRET })).status).toBe(403);
    expect((await fake.deliverToWebhook(app.url!, update)).status).toBe(200);
    await fake.waitFor(() => fake.textsTo('z5101').some((t) => t.includes('Nguồn:')), 'the Zalo answer');
    expect(fake.textsTo('z5101').join('\n')).toContain(CU_CHI_DEADLINE);
    expect(fake.textsTo('z5101').filter((t) => t.includes('Nguồn:'))).toHaveLength(1); // the refused delivery was never handled

    const forged = { update_id: 900_001, message: { message_id: 1, date: 0, chat: { id: 5101, type: 'private' }, from: { id: 5101, is_bot: false, first_name: 'L' }, text: '/baocao' } };
    expect((await emulator.postToWebhook(forged, 900_001, ZALO_SECRET)).status).toBe(401);
    expect(tgUser.all()).toHaveLength(1);
  });

  it('refuses to start when both webhooks would have the same path, saying which settings clash', async () => {
    emulator = await TelegramEmulator.start();
    fake = await startFakeZaloApi();
    dir = mkdtempSync(join(tmpdir(), 'both-channels-'));
    const config = loadConfig({
      DATABASE_PATH: join(dir, 'thidua.sqlite'),
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/webhook',
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/webhook/',
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      LOG_LEVEL: 'silent',
    });
    await expect(startApp(config)).rejects.toThrow('TELEGRAM_WEBHOOK_URL và ZALO_WEBHOOK_URL có cùng đường dẫn (/webhook)');
  });
});
