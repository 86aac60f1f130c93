/**
 * kill -9 at random while many contacts file their report at once, on every channel and mode: no report
 * lost, every message answered, every report code delivered (the bench runs the same with 200 users
 * and 8 kills; see test/bench/crash.bench.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { crashRun, telegramPlatform, zaloPlatform } from '../support/crash-run.js';
import { freePort, TelegramEmulator } from '../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures } from '../support/zalo-fake-api.js';

const USERS = 12;
const KILLS = 2;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'thidua.sqlite');
}

it('Telegram long polling: kill -9 twice under load loses no report and leaves no message unanswered', { timeout: 240_000 }, async () => {
  const emulator = await TelegramEmulator.start();
  cleanups.push(() => emulator.stop());
  const result = await crashRun({ platform: telegramPlatform(emulator), databasePath: tempDatabase(), users: USERS, kills: KILLS });
  expect(result).toMatchObject({ reportsLost: 0, unanswered: 0, codesDelivered: USERS, kills: KILLS });
});

it('Telegram webhook: kill -9 twice under load loses no report and leaves no message unanswered', { timeout: 240_000 }, async () => {
  const emulator = await TelegramEmulator.start({ retryWebhook: true });
  cleanups.push(() => emulator.stop());
  const port = await freePort();
  const platform = telegramPlatform(emulator, { port, secret: 'crash-test-Secret_42' });
  const result = await crashRun({ platform, databasePath: tempDatabase(), users: USERS, kills: KILLS });
  expect(result).toMatchObject({ reportsLost: 0, unanswered: 0, codesDelivered: USERS, kills: KILLS });
});

it('Zalo webhook: kill -9 twice under load loses no report and leaves no message unanswered', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const fake = await startFakeZaloApi({ webhookTarget: () => `http://127.0.0.1:${port}` });
  cleanups.push(() => fake.close());
  const platform = zaloPlatform(fake, zaloFixtures, { port, secret: 'crash-zalo-secret-42' });
  const result = await crashRun({ platform, databasePath: tempDatabase(), users: USERS, kills: KILLS, replyTimeoutMs: 20_000 });
  expect(result).toMatchObject({ reportsLost: 0, unanswered: 0, codesDelivered: USERS, kills: KILLS });
});

it('Zalo long polling: kill -9 twice under load loses no report; a message the platform handed out just before a kill is typed again', { timeout: 240_000 }, async () => {
  const fake = await startFakeZaloApi();
  cleanups.push(() => fake.close());
  const result = await crashRun({ platform: zaloPlatform(fake, zaloFixtures), databasePath: tempDatabase(), users: USERS, kills: KILLS, replyTimeoutMs: 20_000 });
  expect(result).toMatchObject({ reportsLost: 0, unanswered: 0, codesDelivered: USERS, kills: KILLS });
});
