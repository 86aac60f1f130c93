/**
 * The real bot process (`tsx src/cli.ts serve`) with the Zalo webhook on its HTTP server, run with an
 * open-file limit of 256 (`ulimit -n 256`), under a slowloris attack of 300 connections that send
 * their headers a byte at a time and never finish: the health check and a Zalo update are answered
 * during the attack, the server closes every slow connection itself once its headers are overdue
 * (default limits), and SIGTERM still ends the process with exit code 0.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../support/zalo-fake-api.js';
import { startSlowClients, type SlowClients } from '../server/slow-clients.js';
import { spawnBot } from '../support/bot-process.js';

const SECRET = 'a-long-enough-webhook-secret';

let fake: FakeZaloApi | undefined;
let child: ChildProcess | undefined;
let attack: SlowClients | undefined;
let dir: string | undefined;

afterEach(async () => {
  attack?.stop();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    // The whole group: killing only tsx would leave the bot it started running on (a failed test).
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = fake = attack = dir = undefined;
});

it('answers /healthz and a Zalo update during a 300-connection slowloris attack at 256 open files, and closes the slow connections', { timeout: 120_000 }, async () => {
  fake = await startFakeZaloApi({ pollTimeoutMs: 200 });
  dir = mkdtempSync(join(tmpdir(), 'slowloris-'));
  child = spawnBot(
    {
      DATABASE_PATH: join(dir, 'thidua.sqlite'),
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/hooks/zalo',
      ZALO_WEBHOOK_SECRET: SECRET,
      PUBLIC_BASE_URL: 'https://bot.example.vn',
      PORT: '0',
      HOST: '127.0.0.1',
    },
    { detached: true, openFiles: 256 },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  await expect.poll(() => stderr, { timeout: 60_000, interval: 100 }).toMatch(/"event":"http-listening","port":\d+/);
  const port = Number(/"event":"http-listening","port":(\d+)/.exec(stderr)![1]);
  const base = `http://127.0.0.1:${port}`;

  attack = await startSlowClients(port, 300, { byteEveryMs: 500 });

  // During the attack: the slow connections still hold most of the server's slots.
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
  const update = await fake.deliverToWebhook(base, zaloFixtures.text('Hạn báo cáo của Củ Chi là khi nào?', { userId: 'z9001' }));
  expect(update.status).toBe(200);
  const [answer] = await fake.waitForTexts('z9001', 1, 30_000);
  expect(answer).toContain('Kế hoạch số 1792/KH-UBND');
  expect(attack.open).toBeGreaterThan(100);
  expect(stderr).toContain('"event":"http-connection-cap"');

  // The headers timeout (10 s) closes every slow connection; the attacker closes none.
  await attack.allClosed();
  expect(attack.closedByServer).toBe(300);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).toContain('"event":"stopped"');
  expect(stderr).not.toContain(fake.token);
  expect(stderr).not.toContain(SECRET);
});
