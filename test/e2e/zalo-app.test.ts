/**
 * `npm start` with ZALO_BOT_TOKEN: the composition root (startApp) runs the Zalo channel against the
 * local fake of the Bot Platform API, by long polling and by webhook, and reports a revoked token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../support/zalo-fake-api.js';

let app: App | undefined;
let fake: FakeZaloApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = fake = dir = undefined;
});

async function start(env: Record<string, string> = {}): Promise<{ app: App; fake: FakeZaloApi }> {
  fake = await startFakeZaloApi({ pollTimeoutMs: 50 });
  dir = mkdtempSync(join(tmpdir(), 'zalo-app-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_PATH: join(dir, 'thidua.sqlite'),
    ZALO_BOT_TOKEN: fake.token,
    ZALO_API_ROOT: fake.apiRoot,
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  app = await startApp(config, { logger: silentLogger() });
  return { app, fake };
}

describe('npm start with ZALO_BOT_TOKEN', () => {
  it('runs Zalo by long polling without an HTTP server, and answers', async () => {
    const { app, fake } = await start();
    expect([...app.channels.keys()]).toEqual(['zalo']);
    expect(app.url).toBeUndefined();
    fake.inject(zaloFixtures.text('Khánh Hòa có những hình thức khen thưởng nào?', { userId: 'z1' }));
    const [answer] = await fake.waitForTexts('z1', 1);
    expect(answer).toContain('Khánh Hòa');
  });

  it('runs Zalo by webhook on the HTTP server, with download links under PUBLIC_BASE_URL', async () => {
    const { app, fake } = await start({
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/hooks/zalo',
      ZALO_WEBHOOK_SECRET: 'a-long-enough-secret',
      PUBLIC_BASE_URL: 'https://bot.example.vn',
    });
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // setWebhook came once the server listened (Zalo calls the URL to verify it), before startApp resolved.
    expect(fake.webhook?.url).toBe('https://bot.example.vn/hooks/zalo');
    expect((await fake.deliverToWebhook(app.url!, zaloFixtures.text('/trogiup', { userId: 'z1' }), { secret: 'wrong-secret-value' })).status).toBe(403);
    expect((await fake.deliverToWebhook(app.url!, zaloFixtures.text('/trogiup', { userId: 'z1' }))).status).toBe(200);
    const [help] = await fake.waitForTexts('z1', 1);
    expect(help).toContain('/baocao');
    // The download route is mounted (a made-up token is simply unknown).
    expect((await fetch(`${app.url}/downloads/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('ends with a clear error when Zalo revokes the token while running', async () => {
    const { app, fake } = await start();
    fake.failNext('getUpdates', 401);
    const err = await app.done;
    expect(err?.message).toMatch(/^Zalo từ chối ZALO_BOT_TOKEN \(lỗi 401\)/);
  });

  it('refuses to start when Zalo rejects the token at start-up', async () => {
    fake = await startFakeZaloApi();
    dir = mkdtempSync(join(tmpdir(), 'zalo-app-'));
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'db.sqlite'), ZALO_BOT_TOKEN: '1:revoked', ZALO_API_ROOT: fake.apiRoot });
    await expect(startApp(config, { logger: silentLogger() })).rejects.toThrow(/Zalo từ chối ZALO_BOT_TOKEN \(lỗi 401\)/);
  });
});
