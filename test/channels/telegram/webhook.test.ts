/**
 * Webhook mode: the bot's HTTP server receives updates from the emulator (which sends the secret it was
 * given in setWebhook); requests with a missing or wrong secret are refused and never handled.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramHandle } from '../../../src/channels/telegram/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Inbound, Outbound } from '../../../src/dialog/types.js';
import { silentLogger } from '../../../src/log.js';
import { createHttpServer } from '../../../src/server/http.js';
import { openStore } from '../../../src/store/db.js';
import { freePort, TelegramEmulator } from '../../support/telegram-emulator.js';

const SECRET = 'webhook-Secret_0123456789';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startWebhookBot(reply: (i: Inbound) => Promise<Outbound[]> | Outbound[]) {
  const emulator = await TelegramEmulator.start();
  cleanups.push(() => emulator.stop());
  const port = await freePort();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'silent',
  });
  const logger = silentLogger();
  const store = openStore(':memory:');
  const http: FastifyInstance = createHttpServer({ logger });
  const seen: Inbound[] = [];
  const handle: TelegramHandle = await startTelegram({
    config,
    core: {
      async handle(i) {
        seen.push(i);
        return reply(i);
      },
    },
    store,
    logger,
    http,
    resilience: { pacing: false },
  });
  await http.listen({ port, host: '127.0.0.1' });
  cleanups.push(async () => {
    await handle.stop();
    await http.close();
    store.close();
  });
  return { emulator, handle, seen };
}

const echo = (i: Inbound): Outbound[] => [{ text: `Bạn viết: ${i.text ?? i.action}` }];

it('registers the webhook with its secret and handles updates delivered with it', async () => {
  const { emulator, handle, seen } = await startWebhookBot(echo);
  expect(handle.mode).toBe('webhook');
  expect(emulator.webhook).toEqual({ url: expect.stringMatching(/\/telegram\/hook$/), secret: SECRET });
  expect(emulator.methods()).not.toContain('getUpdates');

  const lan = emulator.user({ userId: 601 });
  const updateId = await lan.send('hạn nộp?');
  expect(emulator.webhookDeliveries).toEqual([{ updateId, status: 200, body: '' }]);
  expect((await lan.next())[0]!.plain).toBe('Bạn viết: hạn nộp?');
  expect(seen[0]).toMatchObject({ updateId: String(updateId), text: 'hạn nộp?' });
});

it('refuses an update with a wrong or a missing secret (401) and never handles it', async () => {
  const { emulator, seen } = await startWebhookBot(echo);
  const update = (id: number) => ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: 602, type: 'private', first_name: 'X' }, from: { id: 602, is_bot: false, first_name: 'X' }, text: 'giả mạo' },
  });
  const wrong = await emulator.postToWebhook(update(900001), 900001, 'not-the-secret');
  const missing = await emulator.postToWebhook(update(900002), 900002, undefined);
  expect(wrong.status).toBe(401);
  expect(missing.status).toBe(401);

  const lan = emulator.user({ userId: 602 });
  await lan.send('thật');
  await lan.next();
  expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: thật']);
  expect(seen.map((i) => i.text)).toEqual(['thật']);
});

it('answers a redelivered update 200 and hands it to the core only once', async () => {
  const { emulator, seen } = await startWebhookBot(echo);
  const lan = emulator.user({ userId: 603 });
  const id = await lan.send('một lần');
  expect((await lan.next())[0]!.plain).toBe('Bạn viết: một lần');
  await emulator.redeliver(id);
  expect(emulator.webhookDeliveries.map((d) => d.status)).toEqual([200, 200]);
  await lan.ask('lần hai', 'Bạn viết: lần hai');
  expect(seen.map((i) => i.text)).toEqual(['một lần', 'lần hai']);
});

it('answers Telegram as soon as the update is stored, before it is handled, and still sends the reply', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { emulator, seen, handle } = await startWebhookBot(async (i) => {
    await gate;
    return echo(i);
  });
  const lan = emulator.user({ userId: 604 });
  await lan.send('chậm'); // resolves when the webhook POST was answered
  expect(emulator.webhookDeliveries.at(-1)!.status).toBe(200);
  await emulator.until(() => seen.length === 1, 5000, 'the update to reach the core');
  expect(lan.all()).toEqual([]);
  expect(handle.inFlight()).toBe(1);
  release();
  expect((await lan.next())[0]!.plain).toBe('Bạn viết: chậm');
});

it('turns deliveries away with 503 while shutting down, so Telegram delivers them after the restart', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { emulator, handle, seen } = await startWebhookBot(async (i) => {
    if (i.text === 'chậm') await gate;
    return echo(i);
  });
  const lan = emulator.user({ userId: 605 });
  await lan.send('chậm');
  await emulator.until(() => seen.length === 1, 5000, 'the update to reach the core');
  const stopped = handle.stop();
  const late = await emulator.postToWebhook({ update_id: 900003, message: { message_id: 1, date: 0, chat: { id: 605, type: 'private' }, from: { id: 605, is_bot: false, first_name: 'L' }, text: 'muộn' } }, 900003, SECRET);
  expect(late.status).toBe(503);
  release();
  await stopped;
  expect(seen.map((i) => i.text)).toEqual(['chậm']);
  expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: chậm']);
});

describe('what the webhook accepts', () => {
  async function post(url: string, body: string, secret: string | undefined): Promise<number> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body,
    });
    await res.text();
    return res.status;
  }

  it('checks the secret before reading the body: without it, even garbage or a huge body gets 401', async () => {
    const { emulator, seen } = await startWebhookBot(echo);
    const url = emulator.webhook!.url;
    expect(await post(url, '{not json', undefined)).toBe(401);
    expect(await post(url, JSON.stringify({ update_id: 1, padding: 'x'.repeat(2_000_000) }), 'wrong')).toBe(401);
    expect(await post(url, '{not json', SECRET)).toBe(400);
    expect(seen).toEqual([]);
  });

  it('refuses a body over the size limit (413) and bodies that are not an update (400), handling none', async () => {
    const { emulator, seen } = await startWebhookBot(echo);
    const url = emulator.webhook!.url;
    const update = (id: number, text: string) => ({
      update_id: id,
      message: { message_id: id, date: 0, chat: { id: 606, type: 'private' }, from: { id: 606, is_bot: false, first_name: 'L' }, text },
    });
    expect(await post(url, JSON.stringify(update(900010, 'x'.repeat(2_000_000))), SECRET)).toBe(413);
    expect(await post(url, JSON.stringify([update(900011, 'mảng')]), SECRET)).toBe(400);
    expect(await post(url, JSON.stringify({ message: update(900012, 'không có update_id').message }), SECRET)).toBe(400);
    expect(await post(url, 'null', SECRET)).toBe(400);
    expect(seen).toEqual([]);

    // An update whose message lacks what the bot reads is dropped with 200, so Telegram does not hold
    // the updates after it; the next good one is handled.
    expect(await post(url, JSON.stringify({ update_id: 900013, message: { message_id: 1, text: 'không có chat' } }), SECRET)).toBe(200);
    expect(await post(url, JSON.stringify(update(900014, 'đúng')), SECRET)).toBe(200);
    await emulator.until(() => seen.length > 0, 5000, 'the good update to be handled');
    expect(seen.map((i) => i.text)).toEqual(['đúng']);
  });
});
