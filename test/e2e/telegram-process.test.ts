/**
 * The real bot process (`tsx src/cli.ts serve`, what `npm start` runs) against the Telegram emulator:
 * a report interrupted by SIGTERM is finished after the restart; bad settings stop start-up with a
 * clear message and exit code 1.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TelegramEmulator, type EmulatedUser } from '../support/telegram-emulator.js';
import { spawnBot } from '../support/bot-process.js';


interface BotProcess {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>): BotProcess {
  const child = spawnBot(env);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

let emulator: TelegramEmulator;
let dir: string;
const running: BotProcess[] = [];

beforeEach(async () => {
  emulator = await TelegramEmulator.start();
  dir = mkdtempSync(join(tmpdir(), 'thidua-proc-'));
});
afterEach(async () => {
  for (const p of running.splice(0)) {
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function botEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_PATH: join(dir, 'thidua.sqlite'), TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, ...extra };
}

async function steps(user: EmulatedUser, list: Array<[string, string]>): Promise<void> {
  for (const [say, expectNext] of list) await user.ask(say, expectNext);
}

it('finishes a report started before a SIGTERM and a restart (npm start)', { timeout: 120_000 }, async () => {
  const first = startProcess(botEnv());
  running.push(first);
  const lan = emulator.user({ userId: 3001 });
  await lan.ask('/batdau', 'trợ lý tự động');
  await steps(lan, [
    ['/dangky', '(Câu 1/5)'],
    ['Trần Văn Minh', '(Câu 2/5)'],
    ['Trường THCS Lê Lợi', '(Câu 3/5)'],
  ]);
  await lan.pressLabel('Thái Bình');
  await lan.waitFor('(Câu 4/5)');
  await steps(lan, [
    ['bỏ qua', '(Câu 5/5)'],
    ['bỏ qua', 'Thông tin đăng ký'],
  ]);
  await lan.pressLabel('Xác nhận');
  await lan.waitFor('Đã lưu đăng ký');
  await steps(lan, [
    ['/baocao', '(Câu 1/11)'],
    ['2025', '(Câu 2/11)'],
    ['Phát động phong trào tại 4 tổ chuyên môn', '(Câu 3/11)'],
  ]);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(first.stderr()).toContain('"event":"stopped"');

  const second = startProcess(botEnv());
  running.push(second);
  await steps(lan, [
    ['85', '(Câu 4/11)'],
    ['bỏ qua', '(Câu 5/11)'],
    ['bỏ qua', '(Câu 6/11)'],
    ['bỏ qua', '(Câu 7/11)'],
    ['3', '(Câu 8/11)'],
    ['bỏ qua', '(Câu 9/11)'],
    ['bỏ qua', '(Câu 10/11)'],
    ['bỏ qua', '(Câu 11/11)'],
    ['bỏ qua', 'Tóm tắt báo cáo'],
  ]);
  const summary = lan.all().at(-1)!;
  expect(summary.plain).toContain('2. Hoạt động tuyên truyền, phát động đã thực hiện: Phát động phong trào tại 4 tổ chuyên môn');
  await lan.pressLabel('Gửi');
  await lan.waitFor('Đã nhận báo cáo năm 2025 của đơn vị “Trường THCS Lê Lợi”');

  second.child.kill('SIGINT');
  const code = await second.exited;
  if (code !== 0) console.log(second.stderr().slice(-3000));
  expect(code).toBe(0);
  expect(second.stderr()).not.toContain(emulator.token);
});

it('stops with a clear message and exit code 1 on a bad setting', async () => {
  const p = startProcess(botEnv({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/tg' }));
  running.push(p);
  expect(await p.exited).toBe(1);
  expect(p.stderr()).toContain('TELEGRAM_WEBHOOK_SECRET: bắt buộc khi đặt TELEGRAM_WEBHOOK_URL');
});

it('stops with a clear message and exit code 1 when Telegram refuses the token', async () => {
  const p = startProcess(botEnv({ TELEGRAM_BOT_TOKEN: '42:revoked-token-value' }));
  running.push(p);
  expect(await p.exited).toBe(1);
  expect(p.stderr()).toContain('Không khởi động được bot: Telegram từ chối TELEGRAM_BOT_TOKEN (401 Unauthorized)');
  expect(p.stderr()).not.toContain('revoked-token-value');
});
