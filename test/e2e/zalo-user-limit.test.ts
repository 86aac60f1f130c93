/**
 * The Zalo plan's user limit, end to end: the whole bot (startApp) with Telegram on the emulator and Zalo
 * on the fake API. When 80 % and then 100 % of ZALO_USER_LIMIT distinct Zalo users have written, every
 * admin (on Zalo and on Telegram) is told once each; a restart does not tell it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { FAST } from '../support/telegram-app.js';
import { TelegramEmulator } from '../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../support/zalo-fake-api.js';

const ZALO_ADMIN = 'ad0000000001';
const TG_ADMIN = 9001;

let emulator: TelegramEmulator;
let fake: FakeZaloApi;
let app: App | undefined;
let dir: string;

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await emulator.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function boot(config: Config): Promise<App> {
  app = await startApp(config, { logger: silentLogger(), telegram: FAST, reminders: { schedule: false } });
  return app;
}

/** A Zalo user writes /batdau and gets the greeting. */
async function zaloUserWrites(userId: string): Promise<void> {
  const before = fake.textsTo(userId).length;
  fake.inject(zaloFixtures.text('/batdau', { userId }));
  await fake.waitForTexts(userId, before + 1, 20_000);
}

const notices = (texts: string[]) => texts.filter((t) => /^(⚠️|⛔) Bot Zalo đã có/.test(t));
const tgNotices = () => notices(emulator.messagesTo(TG_ADMIN).map((m) => m.plain));

describe('Zalo user limit (free plan: 50 users per bot)', () => {
  it('tells Zalo and Telegram admins once at 80 % and once at 100 %, and not again after a restart', async () => {
    emulator = await TelegramEmulator.start();
    fake = await startFakeZaloApi({ pollTimeoutMs: 50 });
    dir = mkdtempSync(join(tmpdir(), 'zalo-user-limit-'));
    const config = loadConfig({
      DATABASE_PATH: join(dir, 'thidua.sqlite'),
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_USER_LIMIT: '5',
      ADMIN_IDS: `zalo:${ZALO_ADMIN},telegram:${TG_ADMIN}`,
      LOG_LEVEL: 'silent',
      TZ: 'Asia/Ho_Chi_Minh',
    });
    await boot(config);
    const tgAdmin = emulator.user({ userId: TG_ADMIN, firstName: 'Quản trị' });
    await tgAdmin.ask('/batdau', '');

    // 4 distinct Zalo users (the admin is one) = 80 % of 5.
    await zaloUserWrites(ZALO_ADMIN);
    for (const id of ['u1', 'u2']) await zaloUserWrites(id);
    expect(notices(fake.textsTo(ZALO_ADMIN))).toEqual([]);
    await zaloUserWrites('u3');
    await fake.waitFor(() => notices(fake.textsTo(ZALO_ADMIN)).length === 1, 'the 80 % notice on Zalo');
    await emulator.waitFor(TG_ADMIN, () => tgNotices().length === 1, 20_000, 'the 80 % notice on Telegram');
    const [eighty] = notices(fake.textsTo(ZALO_ADMIN));
    expect(eighty).toMatch(/^⚠️ Bot Zalo đã có 4\/5 người dùng \(80% giới hạn của gói Zalo Bot đang dùng\)\./);
    expect(eighty).toContain('Gói miễn phí của Zalo Bot chỉ cho mỗi bot tối đa 50 người dùng.');
    expect(eighty).toContain('nâng lên gói Zalo Bot trả phí, hoặc tạo thêm một bot Zalo thứ hai');
    expect(tgNotices()).toEqual([eighty]);

    // A user already counted writes again: nothing new.
    await zaloUserWrites('u1');
    // A restart: the notice is remembered.
    await app!.stop();
    await boot(config);
    await zaloUserWrites('u2');
    expect(notices(fake.textsTo(ZALO_ADMIN))).toHaveLength(1);

    await zaloUserWrites('u4');
    await fake.waitFor(() => notices(fake.textsTo(ZALO_ADMIN)).length === 2, 'the 100 % notice on Zalo');
    await emulator.waitFor(TG_ADMIN, () => tgNotices().length === 2, 20_000, 'the 100 % notice on Telegram');
    const full = notices(fake.textsTo(ZALO_ADMIN))[1]!;
    expect(full).toMatch(/^⛔ Bot Zalo đã có 5 người dùng, chạm giới hạn 5 người dùng/);
    expect(full).toContain('người mới nhắn tin có thể không được bot trả lời');

    await app!.stop();
    await boot(config);
    await zaloUserWrites('u5');
    await zaloUserWrites('u1');
    expect(notices(fake.textsTo(ZALO_ADMIN))).toHaveLength(2);
    expect(tgNotices()).toHaveLength(2);
  });
});
