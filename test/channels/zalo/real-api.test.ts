/**
 * The Zalo channel against the fake API behaving as clients of the real API report it (shared reference,
 * "What clients of the real API report"): webhook state at start, verification of the webhook URL,
 * gateway outages, idle and empty polls, group mentions by display name. What is asserted is what the
 * user receives and what the operator reads in the log.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startZalo, type ZaloHandle } from '../../../src/channels/zalo/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Core, Inbound, Outbound } from '../../../src/dialog/types.js';
import { createHttpServer } from '../../../src/server/http.js';
import { silentLogger } from '../../../src/log.js';
import { openStore } from '../../../src/store/db.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi, type FakeZaloOptions } from '../../support/zalo-fake-api.js';
import { WEBHOOK_SECRET, WEBHOOK_URL, zaloRig, type ZaloRig } from './harness.js';

class EchoCore implements Core {
  readonly seen: Inbound[] = [];
  async handle(inbound: Inbound): Promise<Outbound[]> {
    this.seen.push(inbound);
    return [{ text: `Bạn hỏi: ${inbound.text ?? ''}` }];
  }
}

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A logger that keeps every line, parsed. */
function captureLogs(): { logger: pino.Logger; lines: LogLine[]; at(level: 'info' | 'warn' | 'error'): LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const levels = { info: 30, warn: 40, error: 50 };
  return { logger, lines, at: (level) => lines.filter((l) => l.level === levels[level]) };
}

let rig: ZaloRig | undefined;
let core: EchoCore;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

async function start(opts: { env?: Record<string, string>; fake?: FakeZaloOptions } = {}) {
  core = new EchoCore();
  const logs = captureLogs();
  rig = await zaloRig({ core: () => core, deps: { logger: logs.logger }, ...opts });
  return { ...rig, logs };
}

const webhookEnv = { ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET };
const calls = (fake: FakeZaloApi) => fake.calls.map((c) => (c.errorCode ? `${c.method} ${c.errorCode}` : c.method));

describe('Zalo polling start: the webhook state as the real API reports it', () => {
  it('a bot that never had a webhook (getWebhookInfo 404) polls without deleting anything, and says so at info', async () => {
    const { fake, logs } = await start();
    fake.inject(zaloFixtures.text('xin chào', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: xin chào']);
    expect(calls(fake).slice(0, 2)).toEqual(['getMe', 'getWebhookInfo 404']);
    expect(calls(fake)).not.toContain('deleteWebhook');
    expect(logs.at('info').map((l) => l.msg)).toContain('Bot Zalo chưa từng đặt webhook (Zalo trả lời 400/404): chạy long polling như bình thường.');
    expect(logs.at('warn')).toEqual([]);
    expect(logs.at('error')).toEqual([]);
  });

  it('deletes a webhook left from an earlier run, and only then polls', async () => {
    const { fake } = await start({ fake: { initialWebhook: { url: 'https://old.example.vn/hook', secret: 'old-secret-123' } } });
    expect(fake.webhook).toBeUndefined();
    fake.inject(zaloFixtures.text('còn đó không?', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: còn đó không?']);
    expect(calls(fake).slice(0, 4)).toEqual(['getMe', 'getWebhookInfo', 'deleteWebhook', 'getUpdates']);
  });

  it('a 400 from getWebhookInfo, or a gateway page then a 400 from deleteWebhook, never stops the bot', async () => {
    const { fake, logs, ...r } = await start();
    const restartWith = async (fail: () => void) => {
      await r.stopBot();
      fail();
      await r.startBot();
      return calls(fake).slice(calls(fake).lastIndexOf('getMe'));
    };
    const afterBadRequest = await restartWith(() => fake.failNext('getWebhookInfo', 400));
    expect(afterBadRequest.slice(0, 2)).toEqual(['getMe', 'getWebhookInfo 400']);
    expect(afterBadRequest).not.toContain('deleteWebhook');

    // Unknown state (an HTML 502): deleting is tried, its 400 ("no webhook") is fine too.
    const afterGateway = await restartWith(() => fake.failNext('getWebhookInfo', 502, { html: true }));
    expect(afterGateway.slice(0, 3)).toEqual(['getMe', 'getWebhookInfo 502', 'deleteWebhook 400']);
    fake.inject(zaloFixtures.text('vẫn chạy', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: vẫn chạy']);
    expect(logs.at('error')).toEqual([]);
  });
});

describe('Zalo webhook start: listen first, then setWebhook', () => {
  it('registers the webhook only once the server listens, so Zalo verifies it; logs the verification', async () => {
    const fake = await startFakeZaloApi({ webhookTarget: () => localUrl });
    let localUrl: string | undefined;
    const store = openStore(':memory:');
    const http = createHttpServer({ logger: silentLogger() });
    const logs = captureLogs();
    const config = loadConfig({ LOG_LEVEL: 'silent', ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot, ...webhookEnv });
    let zalo: ZaloHandle | undefined;
    try {
      zalo = await startZalo({ config, core: new EchoCore(), store, logger: logs.logger, http, backoff: { initialMs: 5, maxMs: 20 } });
      // Not yet: Zalo would call a URL nobody answers.
      expect(calls(fake)).toEqual(['getMe']);
      localUrl = await http.listen({ host: '127.0.0.1', port: 0 });
      await zalo.afterListen();
      expect(fake.webhook).toMatchObject({ url: WEBHOOK_URL, verification: { ok: true, outcome: 'success' } });
      expect(logs.at('info').map((l) => l.msg)).toContain('Zalo đã gọi thử địa chỉ webhook và nhận được trả lời: webhook hoạt động.');
      expect(logs.at('warn')).toEqual([]);
      // Zalo's test call was an empty object with the secret: answered 200, handled as nothing.
      const res = await fake.deliverToWebhook(localUrl, {});
      expect(res.status).toBe(200);
    } finally {
      await zalo?.stop();
      await http.close();
      store.close();
      await fake.close();
    }
  });

  it('warns the operator in Vietnamese, with Zalo’s hint, when the verification fails, and keeps serving', async () => {
    const { fake, logs, localUrl } = await start({ env: webhookEnv, fake: { webhookTarget: () => undefined } });
    expect(fake.webhook?.verification).toMatchObject({ ok: false, outcome: 'unreachable' });
    const [warning] = logs.at('warn');
    expect(warning?.msg).toMatch(/^Zalo đã lưu webhook nhưng gọi thử địa chỉ không thành công \(unreachable\); Zalo gợi ý: Could not connect/);
    expect(warning?.msg).toContain('hãy kiểm tra ZALO_WEBHOOK_URL là địa chỉ HTTPS công khai');
    expect(warning).toMatchObject({ verification: { ok: false, outcome: 'unreachable' } });
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('có ai không', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: có ai không']);
  });

  it('retries setWebhook through a gateway page; gives up with a clear error for the app when Zalo refuses it', async () => {
    const { fake, ...r } = await start({ env: webhookEnv });
    await r.stopBot();
    fake.failNext('setWebhook', 504, { html: true });
    await r.startBot();
    expect(calls(fake).filter((c) => c.startsWith('setWebhook'))).toEqual(['setWebhook', 'setWebhook 504', 'setWebhook']);
    expect(r.fatal).toEqual([]);

    await r.stopBot();
    fake.failNext('setWebhook', 400, { description: 'Bad Request: url is not reachable' });
    await expect(r.startBot()).rejects.toThrow('Kênh Zalo: Zalo từ chối lệnh setWebhook (lỗi 400: Bad Request: url is not reachable).');
    expect(r.fatal.map((e) => e.message)).toEqual(['Kênh Zalo: Zalo từ chối lệnh setWebhook (lỗi 400: Bad Request: url is not reachable).']);
  });
});

describe('Zalo outages and idle polls', () => {
  it('retries a reply through HTML 502/504 pages and the documented 403 "Internal server error"', async () => {
    const { fake } = await start();
    fake.failNext('sendMessage', 502, { html: true });
    fake.failNext('sendMessage', 403, { description: 'Internal server error' });
    fake.failNext('sendMessage', 504, { html: true });
    fake.inject(zaloFixtures.text('còn đó không?', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: còn đó không?']);
    expect(calls(fake).filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage 502', 'sendMessage 403', 'sendMessage 504', 'sendMessage']);
  });

  it('does not retry a 403 that refuses the chat itself', async () => {
    const { fake, zalo } = await start();
    await expect(zalo.send('never-wrote', [{ text: 'nhắc hạn' }])).rejects.toThrow(/error 403/);
    expect(calls(fake).filter((c) => c.startsWith('sendMessage'))).toEqual(['sendMessage 403']);
  });

  it('polls through gateway pages on getUpdates and still answers', async () => {
    const { fake } = await start();
    fake.failNext('getUpdates', 502, { html: true, times: 2 });
    fake.inject(zaloFixtures.text('sau sự cố', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: sau sự cố']);
    expect(calls(fake).filter((c) => c === 'getUpdates 502')).toHaveLength(2);
  });

  it('takes HTTP 408 idle polls as normal: no warning', async () => {
    const { fake, logs } = await start();
    await fake.waitFor(() => calls(fake).filter((c) => c === 'getUpdates 408').length >= 3, 'three idle polls');
    fake.inject(zaloFixtures.text('một', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: một']);
    expect(logs.at('warn')).toEqual([]);
  });

  it('takes an empty {ok:true} poll as "nothing yet": no warning, and the next message is answered', async () => {
    const { fake, logs } = await start({ fake: { idlePoll: 'ok-empty' } });
    await fake.waitFor(() => fake.calls.filter((c) => c.method === 'getUpdates').length >= 3, 'three empty polls');
    fake.inject(zaloFixtures.text('hai', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: hai']);
    expect(logs.at('warn')).toEqual([]);
  });
});

describe('Zalo groups: the mention carries the bot’s display name', () => {
  it('removes "@<display name>" (not the account name) before the core sees the question', async () => {
    const { fake } = await start({ fake: { botName: 'bot.thidua.test', botDisplayName: 'Trợ lý Thi đua XHHT' } });
    fake.inject(zaloFixtures.groupMention('Trợ lý Thi đua XHHT', 'hạn báo cáo của Củ Chi?', { userId: 'u1', chatId: 'g1' }));
    expect(await fake.waitForTexts('g1', 1)).toEqual(['Bạn hỏi: hạn báo cáo của Củ Chi?']);
    expect(core.seen[0]).toMatchObject({ chatType: 'group', chatId: 'g1', text: 'hạn báo cáo của Củ Chi?' });
  });
});
