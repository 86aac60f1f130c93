/**
 * The admin page as the bot runs it (startApp, src/app.ts): with PUBLIC_BASE_URL set, even the console
 * chat serves /quantri, and the link typed out by the console opens the page.
 */
import { PassThrough } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { silentLogger } from '../../src/log.js';
import { tempDir, testConfig } from '../admin/support.js';
import { freePort } from './support.js';

let app: App | undefined;
let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await app?.stop();
  tmp?.cleanup();
  app = undefined;
});

it('serves the admin page from the console chat when PUBLIC_BASE_URL is set', async () => {
  tmp = tempDir('thidua-web-app-');
  const port = await freePort();
  const config = testConfig({ DATABASE_PATH: `${tmp.dir}/db.sqlite`, PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, PORT: String(port), HOST: '127.0.0.1', ADMIN_IDS: 'console:console' });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  app = await startApp(config, { logger: silentLogger(), consoleInput: input, consoleOutput: output });
  input.write('/quantri\n');
  await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\/quantri\/vao\/\S+/.exec(printed)?.[0], { timeout: 10_000 }).toBeDefined();
  const link = /http:\/\/127\.0\.0\.1:\d+\/quantri\/vao\/\S+/.exec(printed)![0];
  const signIn = await fetch(link, { method: 'POST', redirect: 'manual', headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(signIn.status).toBe(303);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const page = await fetch(`http://127.0.0.1:${port}/quantri/`, { headers: { cookie } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Tổng quan năm');
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  input.end();
});
