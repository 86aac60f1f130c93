/**
 * The real bot process (`tsx src/cli.ts serve`, what `npm start` runs) with both channels, against the
 * Telegram emulator and the local fake of the Zalo API: a SIGTERM that arrives while a reply is still
 * on its way on each channel lets both replies finish, then closes the database and exits 0; the
 * token of neither channel reaches the output.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { TelegramEmulator } from '../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../support/zalo-fake-api.js';
import { spawnBot } from '../support/bot-process.js';


let emulator: TelegramEmulator | undefined;
let fake: FakeZaloApi | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  await emulator?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = emulator = fake = dir = undefined;
});

it('finishes the replies in flight on both channels after SIGTERM, closes the database and exits 0', { timeout: 120_000 }, async () => {
  emulator = await TelegramEmulator.start();
  fake = await startFakeZaloApi({ pollTimeoutMs: 200 });
  dir = mkdtempSync(join(tmpdir(), 'serve-both-'));
  const dbPath = join(dir, 'thidua.sqlite');
  child = spawnBot({
    DATABASE_PATH: dbPath,
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.apiRoot,
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  let released = false;
  let exitedBeforeRelease = false;
  const exited = new Promise<number | null>((resolve) =>
    child!.once('exit', (code) => {
      if (!released) exitedBeforeRelease = true;
      resolve(code);
    }),
  );

  // Both channels are up and answering.
  const lan = emulator.user({ userId: 6001 });
  await lan.ask('/batdau', 'trợ lý tự động');
  fake.inject(zaloFixtures.text('/batdau', { userId: 'z6001' }));
  await fake.waitForTexts('z6001', 1, 60_000);

  // A question on each channel, caught while its answer is being sent.
  const tgSend = emulator.holdNext('sendMessage');
  const zaloSend = fake.holdNext('sendMessage');
  await lan.send('Hạn báo cáo của Củ Chi là khi nào?');
  fake.inject(zaloFixtures.text('Hạn báo cáo của Củ Chi là khi nào?', { userId: 'z6001' }));
  await Promise.all([tgSend.arrived, zaloSend.arrived]);

  child.kill('SIGTERM');
  await emulator.until(() => stderr.includes('"event":"stopping"'), 20_000, 'the bot to start shutting down');
  // The Zalo poller has let go of its long poll: the bot takes no more updates and is draining.
  await fake.waitFor(() => fake!.openPolls === 0, 'the Zalo poll to be closed', 20_000);
  released = true;
  tgSend.release();
  zaloSend.release();

  expect(await exited).toBe(0);
  expect(exitedBeforeRelease).toBe(false);
  expect(lan.all().at(-1)!.plain).toContain('Nguồn: Kế hoạch số 1792/KH-UBND');
  expect(fake.textsTo('z6001').join('\n')).toContain('Kế hoạch số 1792/KH-UBND');
  expect(stderr).toContain('"event":"stopped"');
  // The database was closed properly: SQLite folds its write-ahead log back in and removes it on close.
  expect(existsSync(dbPath)).toBe(true);
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
  for (const secret of [emulator.token, fake.token]) {
    expect(stderr).not.toContain(secret);
    expect(stdout).not.toContain(secret);
  }
});
