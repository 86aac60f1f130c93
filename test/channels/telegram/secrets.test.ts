/**
 * The Telegram bot token sits in every Bot API URL, and network errors from the HTTP client carry that
 * URL. Whatever goes wrong (refused token, Bot API server down while polling or sending, 5xx, a forged
 * webhook delivery), neither the token nor the webhook secret may reach a log line or an error message.
 * The logger here is raw pino, without the app's scrubbing: the channel itself must not hand them over.
 */
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { startTelegram, type TelegramHandle } from '../../../src/channels/telegram/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Core } from '../../../src/dialog/types.js';
import { createHttpServer } from '../../../src/server/http.js';
import { openStore } from '../../../src/store/db.js';
import { freePort, TelegramEmulator } from '../../support/telegram-emulator.js';

const SECRET = 'webhook-Secret_never-logged';
const core: Core = { handle: async (i) => [{ text: `Bạn viết: ${i.text}` }] };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function rawLogger(lines: string[]) {
  return pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
}

it('keeps the token out of logs and errors when the Bot API server cannot be reached at start', async () => {
  const port = await freePort(); // nothing listens there
  const token = '4242:start-token-that-must-not-leak';
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, LOG_LEVEL: 'trace' });
  const store = openStore(':memory:');
  cleanups.push(async () => store.close());
  const lines: string[] = [];
  const err = (await startTelegram({ config, core, store, logger: rawLogger(lines), resilience: { pacing: false, networkRetry: { attempts: 1 } } }).catch((e: unknown) => e)) as Error;
  expect(err.message).toContain(`Kênh Telegram: không kết nối được máy chủ Bot API tại http://127.0.0.1:${port}`);
  expect(`${err.message}\n${err.stack}\n${lines.join('')}`).not.toContain('start-token-that-must-not-leak');
});

it('keeps the token and the webhook secret out of logs and errors while running, whatever fails', async () => {
  const emulator = await TelegramEmulator.start({ token: '5151:running-token-that-must-not-leak' });
  let emulatorUp = true;
  cleanups.push(async () => {
    if (emulatorUp) await emulator.stop();
  });
  const port = await freePort();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'trace',
  });
  const store = openStore(':memory:');
  const lines: string[] = [];
  const logger = rawLogger(lines);
  const http = createHttpServer({ logger });
  const handle: TelegramHandle = await startTelegram({
    config,
    core,
    store,
    logger,
    http,
    resilience: { pacing: false, maxRetryAfterSeconds: 1, networkRetry: { attempts: 2, firstDelayMs: 10 } },
  });
  await http.listen({ port, host: '127.0.0.1' });
  cleanups.push(async () => {
    await handle.stop();
    await http.close();
    store.close();
  });

  const lan = emulator.user({ userId: 801 });
  await lan.ask('xin chào', 'Bạn viết: xin chào');
  const errors: Error[] = [];
  // A forged delivery, a 5xx, a refused token, then the Bot API server gone.
  await emulator.postToWebhook({ update_id: 1 }, 1, `${SECRET}-almost`);
  emulator.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' }); // retried, then sent
  await handle.send('801', [{ text: 'nhắc hạn' }]);
  emulator.blockedChats.add('801');
  await handle.send('801', [{ text: 'nhắc hạn' }]).catch((e: Error) => errors.push(e));
  emulator.blockedChats.delete('801');
  emulator.failNext('sendMessage', { error_code: 401, description: 'Unauthorized' });
  await handle.send('801', [{ text: 'nhắc hạn' }]).catch((e: Error) => errors.push(e));
  await emulator.stop();
  emulatorUp = false;
  await handle.send('801', [{ text: 'nhắc hạn' }]).catch((e: Error) => errors.push(e));

  expect(errors.map((e) => e.name)).toEqual(['TelegramDeliveryError', 'TelegramDeliveryError', 'TelegramDeliveryError']);
  expect(errors.at(-1)!.message).toContain("Network request for 'sendMessage' failed");
  const everything = [...lines, ...errors.map((e) => `${e.message}\n${e.stack}`)].join('\n');
  expect(lines.some((l) => l.includes('"event":"webhook-refused"'))).toBe(true);
  expect(everything).not.toContain('running-token-that-must-not-leak');
  expect(everything).not.toContain(SECRET);
});
