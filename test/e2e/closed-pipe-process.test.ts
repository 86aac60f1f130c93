/**
 * `npm start 2>&1 | tee bot.log`, then Ctrl-C: the terminal's SIGINT kills tee along with the bot, so
 * every log line of the shutdown goes into a pipe nobody reads. The real bot process (`tsx src/cli.ts
 * serve` against the Telegram emulator) must still shut down within the grace period and exit 0.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { TelegramEmulator } from '../support/telegram-emulator.js';
import { spawnBot } from '../support/bot-process.js';

/** The channels' shutdown grace (10 s) and a margin for start-up noise; a hung process never gets there. */
const GRACE_MS = 20_000;

let emulator: TelegramEmulator | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    // The whole group: killing only tsx would leave the bot it started running on (a failed test).
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
  await emulator?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = emulator = dir = undefined;
});

/** Resolves with the exit code, or with 'still running' once `ms` have passed. */
function exitWithin(p: ChildProcess, ms: number): Promise<number | null | 'still running'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), ms);
    p.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  it(`exits 0 within the grace period on ${signal} when nobody reads its stdout and stderr any more`, { timeout: 90_000 }, async () => {
    emulator = await TelegramEmulator.start();
    dir = mkdtempSync(join(tmpdir(), 'closed-pipe-'));
    child = spawnBot(
      {
        DATABASE_PATH: join(dir, 'thidua.sqlite'),
        TELEGRAM_BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
      },
      { detached: true },
    );
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout!.resume();
    const lan = emulator.user({ userId: 7001 });
    await lan.ask('/batdau', 'trợ lý tự động');
    await emulator.until(() => stderr.includes('"event":"started"'), 20_000, 'the bot to say it started');

    // tee is gone: the read ends of both pipes close, then the signal arrives.
    child.stdout!.destroy();
    child.stderr!.destroy();
    child.kill(signal);

    expect(await exitWithin(child, GRACE_MS)).toBe(0);
  });
}
