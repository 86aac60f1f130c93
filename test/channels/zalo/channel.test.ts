import { afterEach, describe, expect, it, vi } from 'vitest';
import { startZalo } from '../../../src/channels/zalo/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Core, Inbound, Outbound } from '../../../src/dialog/types.js';
import { pino } from 'pino';
import { silentLogger } from '../../../src/log.js';
import { openStore } from '../../../src/store/db.js';
import { freePort } from '../../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures } from '../../support/zalo-fake-api.js';
import { PUBLIC_BASE_URL, WEBHOOK_SECRET, WEBHOOK_URL, zaloRig, type ZaloRig } from './harness.js';

/** A core double: says what it received, and a few canned replies by keyword. */
class ScriptedCore implements Core {
  readonly seen: Inbound[] = [];
  /** "chờ" waits for this to be released. */
  release!: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));
  async handle(inbound: Inbound): Promise<Outbound[]> {
    this.seen.push(inbound);
    const text = inbound.text ?? '';
    if (text === 'chờ') await this.gate;
    if (text === 'chọn') {
      return [{ text: 'Bạn muốn làm gì?', choices: [{ id: 'a', label: 'Hỏi đáp' }, { id: 'b', label: 'Báo cáo' }, { id: 'c', label: 'Hủy' }] }];
    }
    if (text === 'dài') return [{ text: LONG_ANSWER }];
    if (text === 'xuất') {
      return [{ text: 'Đã xuất dữ liệu.', document: { filename: 'bao-cao.csv', mimeType: 'text/csv', content: Buffer.from('ma,don_vi\nBC-1,Xã A\n'), caption: '1 báo cáo' } }];
    }
    if (text === 'thống kê') return [{ text: 'Số liệu: 3 đơn vị', photo: { filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', content: CHART_PNG, caption: 'Biểu đồ năm 2025' } }];
    if (text === 'lỗi') throw new Error('boom');
    return [{ text: `Bạn hỏi: ${text}` }];
  }
}

/** Stands for the /thongke chart: Zalo must fetch these bytes from the link. */
const CHART_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

/** 2,001 characters in 21 lines. */
const LONG_ANSWER = [...Array.from({ length: 20 }, (_, i) => `${String(i + 1).padStart(2, '0')}. ${'Nội dung trích dẫn kế hoạch. '.repeat(3).slice(0, 95).trimEnd()}`), 'Hết.'].join('\n').padEnd(2001, '.');

let rig: ZaloRig | undefined;
let core: ScriptedCore;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

async function polling(env: Record<string, string> = {}) {
  core = new ScriptedCore();
  rig = await zaloRig({ env, core: () => core });
  return rig;
}

async function webhook(env: Record<string, string> = {}) {
  core = new ScriptedCore();
  rig = await zaloRig({ env: { ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET, ...env }, core: () => core });
  return rig;
}

describe('Zalo channel, long polling', () => {
  it('asks for the webhook first (none: 404, no delete), answers a text and shows typing while working', async () => {
    const { fake, zalo } = await polling();
    expect(zalo.mode).toBe('polling');
    expect(fake.calls.slice(0, 2)).toEqual([{ method: 'getMe' }, { method: 'getWebhookInfo', errorCode: 404 }]);
    expect(fake.calls.some((c) => c.method === 'deleteWebhook')).toBe(false);
    fake.inject(zaloFixtures.text('hạn báo cáo khi nào', { userId: 'u1', messageId: 'm1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: hạn báo cáo khi nào']);
    expect(fake.chatActions).toContainEqual({ chatId: 'u1', action: 'typing' });
    expect(core.seen[0]).toMatchObject({ channel: 'zalo', userId: 'u1', chatId: 'u1', updateId: 'm1', chatType: 'private', displayName: 'Nguyễn Văn A' });
  });

  it('renders choices as a numbered list with how to answer', async () => {
    const { fake } = await polling();
    fake.inject(zaloFixtures.text('chọn', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual([
      'Bạn muốn làm gì?\n\n1. Hỏi đáp\n2. Báo cáo\n3. Hủy\n\nTrả lời 1, 2 hoặc 3 (hoặc gõ đúng tên lựa chọn) để chọn.',
    ]);
  });

  it('sends a 2,001-character answer as two messages of at most 2000 characters', async () => {
    expect(LONG_ANSWER.length).toBe(2001);
    const { fake } = await polling();
    fake.inject(zaloFixtures.text('dài', { userId: 'u1' }));
    const texts = await fake.waitForTexts('u1', 2);
    expect(texts).toHaveLength(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
    expect(texts.join('\n')).toBe(LONG_ANSWER);
  });

  it('explains images, stickers, voice and unsupported content; ignores unknown events; handles a duplicate once', async () => {
    const { fake } = await polling();
    fake.inject(zaloFixtures.imagePhoto({ userId: 'u1' }));
    fake.inject(zaloFixtures.imagePhotoUrl({ userId: 'u1' }));
    fake.inject(zaloFixtures.sticker({ userId: 'u1' }));
    fake.inject(zaloFixtures.voice({ userId: 'u1' }));
    fake.inject(zaloFixtures.unsupported({ userId: 'u1' }));
    fake.inject(zaloFixtures.unknownEvent({ userId: 'u1' }));
    const dup = zaloFixtures.text('một lần thôi', { userId: 'u1', messageId: 'same-id' });
    fake.inject(dup);
    fake.inject(dup);
    fake.inject(zaloFixtures.text('cuối', { userId: 'u1' }));
    const texts = await fake.waitForTexts('u1', 7);
    expect(texts[0]).toContain('Bot chưa đọc được hình ảnh');
    expect(texts[1]).toContain('Bot chưa đọc được hình ảnh');
    expect(texts[2]).toContain('Bot chỉ hiểu tin nhắn chữ');
    expect(texts[3]).toContain('tin nhắn thoại');
    expect(texts[4]).toContain('không đọc được nội dung');
    expect(texts.slice(5)).toEqual(['Bạn hỏi: một lần thôi', 'Bạn hỏi: cuối']);
    expect(core.seen.map((i) => i.text)).toEqual(['một lần thôi', 'cuối']);
  });

  it('apologises in Vietnamese when the core fails, and keeps going', async () => {
    const { fake } = await polling();
    fake.inject(zaloFixtures.text('lỗi', { userId: 'u1' }));
    fake.inject(zaloFixtures.text('tiếp', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 2)).toEqual([
      'Xin lỗi, bot gặp lỗi khi xử lý tin nhắn của bạn. Bạn vui lòng gửi lại sau ít phút.',
      'Bạn hỏi: tiếp',
    ]);
  });

  it('backs off on 429 from sendMessage and still delivers', async () => {
    const { fake } = await polling();
    fake.failNext('sendMessage', 429);
    fake.inject(zaloFixtures.text('xin chào', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: xin chào']);
    expect(fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.errorCode)).toEqual([429, undefined]);
  });

  it('send() delivers to a known chat and rejects when Zalo refuses', async () => {
    const { fake, zalo } = await polling();
    fake.inject(zaloFixtures.text('xin chào', { userId: 'u1' }));
    await fake.waitForTexts('u1', 1);
    await zalo.send('u1', [{ text: 'Nhắc hạn báo cáo: còn 3 ngày.' }]);
    expect(fake.textsTo('u1').at(-1)).toBe('Nhắc hạn báo cáo: còn 3 ngày.');
    await expect(zalo.send('never-wrote', [{ text: 'Nhắc hạn' }])).rejects.toMatchObject({ name: 'ZaloApiError', errorCode: 403 });
  });

  it('stops on 401 while running and tells the app', async () => {
    const { fake, fatal } = await polling();
    fake.failNext('getUpdates', 401);
    await fake.waitFor(() => fake.calls.some((c) => c.errorCode === 401), 'the 401');
    await vi.waitFor(() => expect(fatal).toHaveLength(1));
    expect(fatal[0]!.message).toContain('Zalo từ chối ZALO_BOT_TOKEN (lỗi 401)');
    expect(fatal[0]!.message).not.toContain(fake.token);
  });

  it('warns Zalo admins once when the monthly quota threshold is reached', async () => {
    const { fake, zalo } = await polling({ ZALO_MONTHLY_QUOTA: '10', ZALO_QUOTA_WARN_PERCENT: '50', ADMIN_IDS: 'zalo:admin1,telegram:99' });
    fake.allowChat('admin1');
    for (let i = 0; i < 4; i++) fake.inject(zaloFixtures.text(`câu ${i}`, { userId: 'u1' }));
    await fake.waitForTexts('u1', 4);
    // 4 received + 4 sent = 8 ≥ 5 (50 % of 10): exactly one warning.
    const warnings = fake.textsTo('admin1');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^⚠️ Cảnh báo hạn mức Zalo: bot đã dùng 5\/10 tin nhắn của tháng \d{2}\/\d{4} \(50%, tính cả tin gửi và tin nhận\)\./);
    await vi.waitFor(() => expect(zalo.quota.current()).toMatchObject({ sent: 5, received: 4 }));
  });

  it('gives admins an export as a single-use link when PUBLIC_BASE_URL is set', async () => {
    const { fake, http } = await polling({ PUBLIC_BASE_URL });
    fake.inject(zaloFixtures.text('xuất', { userId: 'u1' }));
    const [text] = await fake.waitForTexts('u1', 1);
    expect(text).toContain('Đã xuất dữ liệu.\n\n1 báo cáo\n\nTải tệp bao-cao.csv (21 byte) tại:\nhttps://bot.example.vn/downloads/');
    const path = new URL(/https:\/\/\S+/.exec(text!)![0]).pathname;
    const first = await http.inject({ method: 'POST', url: path });
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe('ma,don_vi\nBC-1,Xã A\n');
    expect((await http.inject({ method: 'POST', url: path })).statusCode).toBe(410);
  });
});

describe('Zalo channel: photos (the /thongke chart)', () => {
  it('sends the photo with sendPhoto from a download link Zalo can fetch, then the text figures', async () => {
    const { fake } = await polling({ PUBLIC_BASE_URL });
    fake.inject(zaloFixtures.text('thống kê', { userId: 'u1' }));
    const [text] = await fake.waitForTexts('u1', 1);
    expect(text).toBe('Số liệu: 3 đơn vị');
    expect(fake.photos).toHaveLength(1);
    const [photo] = fake.photos;
    expect(photo).toMatchObject({ chatId: 'u1', caption: 'Biểu đồ năm 2025' });
    expect(photo!.url).toMatch(/^https:\/\/bot\.example\.vn\/downloads\/[A-Za-z0-9_-]{43}$/);
    // What Zalo fetched from the link is the picture itself.
    expect(photo!.fetched).toEqual({ contentType: 'image/png', content: CHART_PNG });
    const sends = fake.calls.filter((c) => c.method === 'sendPhoto' || c.method === 'sendMessage').map((c) => c.method);
    expect(sends).toEqual(['sendPhoto', 'sendMessage']);
  });

  it('without PUBLIC_BASE_URL sends the text figures only', async () => {
    const { fake } = await polling();
    fake.inject(zaloFixtures.text('thống kê', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Số liệu: 3 đơn vị']);
    expect(fake.calls.some((c) => c.method === 'sendPhoto')).toBe(false);
  });

  it('still sends the text figures when Zalo refuses the photo', async () => {
    const { fake } = await polling({ PUBLIC_BASE_URL });
    fake.failNext('sendPhoto', 400, { description: 'Bad Request: could not download the photo' });
    fake.inject(zaloFixtures.text('thống kê', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Số liệu: 3 đơn vị']);
    expect(fake.photos).toEqual([]);
  });
});

describe('Zalo channel, webhook', () => {
  it('registers the webhook with its secret and handles enveloped and bare bodies', async () => {
    const { fake, localUrl, zalo } = await webhook();
    expect(zalo.mode).toBe('webhook');
    expect(fake.webhook).toMatchObject({ url: WEBHOOK_URL, secret: WEBHOOK_SECRET });
    expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);

    const a = await fake.deliverToWebhook(localUrl, zaloFixtures.enveloped(zaloFixtures.text('có dấu', { userId: 'u1' })));
    const b = await fake.deliverToWebhook(localUrl, zaloFixtures.bare(zaloFixtures.text('khong dau', { userId: 'u1' })));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await fake.waitForTexts('u1', 2)).toEqual(['Bạn hỏi: có dấu', 'Bạn hỏi: khong dau']);
  });

  it('refuses a wrong or missing secret with 403 and handles nothing', async () => {
    const { fake, localUrl } = await webhook();
    const wrong = await fake.deliverToWebhook(localUrl, zaloFixtures.text('giả mạo', { userId: 'u1' }), { secret: 'webhook-secret-0123456788' });
    const missing = await fake.deliverToWebhook(localUrl, zaloFixtures.text('giả mạo', { userId: 'u1' }), { secret: null });
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('thật', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: thật']);
    expect(core.seen.map((i) => i.text)).toEqual(['thật']);
  });

  it('rejects an array body with 400, ignores an unknown event with 200, handles a redelivered message once', async () => {
    const { fake, localUrl } = await webhook();
    const update = zaloFixtures.text('một lần', { userId: 'u1', messageId: 'dup-1' });
    expect((await fake.deliverToWebhook(localUrl, zaloFixtures.array(update))).status).toBe(400);
    expect((await fake.deliverToWebhook(localUrl, { hello: 'world' })).status).toBe(400);
    expect((await fake.deliverToWebhook(localUrl, zaloFixtures.unknownEvent({ userId: 'u1' }))).status).toBe(200);
    const [first, second] = await Promise.all([fake.deliverToWebhook(localUrl, update), fake.deliverToWebhook(localUrl, update)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('sau', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 2)).toEqual(['Bạn hỏi: một lần', 'Bạn hỏi: sau']);
    expect(core.seen.map((i) => i.text)).toEqual(['một lần', 'sau']);
  });
});

describe('Zalo channel, webhook limits', () => {
  it('answers 200 at once and does the work after', async () => {
    const { fake, localUrl } = await webhook();
    const res = await fake.deliverToWebhook(localUrl, zaloFixtures.text('chờ', { userId: 'u1' }));
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(core.seen).toHaveLength(1));
    expect(fake.textsTo('u1')).toEqual([]); // the core is still working
    core.release();
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: chờ']);
  });

  it('refuses an oversized body (413) and, without the secret, any body unread (403)', async () => {
    const { fake, localUrl } = await webhook();
    const huge = zaloFixtures.text('x'.repeat(2_000_000), { userId: 'u1' });
    expect((await fake.deliverToWebhook(localUrl, huge)).status).toBe(413);
    expect((await fake.deliverToWebhook(localUrl, huge, { secret: null })).status).toBe(403);
    const garbage = await fetch(`${localUrl}/zalo/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(garbage.status).toBe(403);
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('sau', { userId: 'u1' }));
    expect(await fake.waitForTexts('u1', 1)).toEqual(['Bạn hỏi: sau']);
    expect(core.seen.map((i) => i.text)).toEqual(['sau']);
  });
});

describe('Zalo channel shutdown', () => {
  it('finishes the reply in flight before stop() resolves, and takes no new updates', async () => {
    const { fake, zalo } = await polling();
    fake.inject(zaloFixtures.text('chờ', { userId: 'u1' }));
    await vi.waitFor(() => expect(core.seen).toHaveLength(1));
    const stopped = zalo.stop();
    core.release();
    await stopped;
    expect(fake.textsTo('u1')).toEqual(['Bạn hỏi: chờ']);
    await fake.waitFor(() => fake.openPolls === 0, 'the poll to be closed');
    fake.inject(zaloFixtures.text('sau khi dừng', { userId: 'u1' }));
    expect(fake.pendingUpdates).toBe(1);
  });

  it('does not wait for ever on a reply Zalo keeps refusing: after the grace period it is dropped', async () => {
    core = new ScriptedCore();
    rig = await zaloRig({ core: () => core, deps: { shutdownGraceMs: 50 } });
    const { fake, zalo } = rig;
    fake.failNext('sendMessage', 429, { retryAfter: 3600 });
    fake.inject(zaloFixtures.text('xin chào', { userId: 'u1' }));
    await fake.waitFor(() => fake.calls.some((c) => c.method === 'sendMessage' && c.errorCode === 429), 'the 429');
    await zalo.stop(); // would wait an hour without the grace period
    expect(fake.textsTo('u1')).toEqual([]);
  });
});

describe('Zalo channel start-up', () => {
  it('refuses to start with a token Zalo rejects, with a clear message and no token in it', async () => {
    const fake = await startFakeZaloApi();
    const store = openStore(':memory:');
    const config = loadConfig({ LOG_LEVEL: 'silent', ZALO_BOT_TOKEN: '123:not-the-token', ZALO_API_ROOT: fake.apiRoot });
    try {
      const start = startZalo({ config, core: new ScriptedCore(), store, logger: silentLogger() });
      await expect(start).rejects.toThrow(/^Zalo từ chối ZALO_BOT_TOKEN \(lỗi 401\)/);
      await expect(start).rejects.not.toThrow(/not-the-token/);
    } finally {
      store.close();
      await fake.close();
    }
  });

  it('says which server it could not reach, without the token, when the Zalo API is unreachable', async () => {
    const port = await freePort(); // nothing listens there
    const store = openStore(':memory:');
    const config = loadConfig({ LOG_LEVEL: 'silent', ZALO_BOT_TOKEN: '123:unreachable-token', ZALO_API_ROOT: `http://127.0.0.1:${port}` });
    try {
      const err = (await startZalo({ config, core: new ScriptedCore(), store, logger: silentLogger() }).catch((e: unknown) => e)) as Error;
      expect(err.message).toBe(
        `Kênh Zalo: không kết nối được máy chủ Zalo Bot API tại http://127.0.0.1:${port} (ECONNREFUSED). Hãy kiểm tra ZALO_API_ROOT và kết nối mạng.`,
      );
      expect(err.stack).not.toContain('unreachable-token');
    } finally {
      store.close();
    }
  });

  it('needs the webhook secret and the HTTP server in webhook mode', async () => {
    const store = openStore(':memory:');
    const config = loadConfig({ LOG_LEVEL: 'silent', ZALO_BOT_TOKEN: '1:x', ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET });
    try {
      await expect(startZalo({ config, core: new ScriptedCore(), store, logger: silentLogger() })).rejects.toThrow(/cần máy chủ HTTP của bot/);
      const plain = loadConfig({ ZALO_BOT_TOKEN: '1:x', ZALO_WEBHOOK_URL: 'http://bot.example.vn/hook', ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET });
      await expect(startZalo({ config: plain, core: new ScriptedCore(), store, logger: silentLogger() })).rejects.toThrow(
        'ZALO_WEBHOOK_URL phải là địa chỉ công khai bắt đầu bằng https:// (Zalo không nhận webhook khác).',
      );
      expect(() => loadConfig({ ZALO_BOT_TOKEN: '1:x', ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: 'short' })).toThrow(/ZALO_WEBHOOK_SECRET/);
    } finally {
      store.close();
    }
  });
});

describe('Zalo channel logs', () => {
  it('never log the token, the webhook secret, message texts or names, even on errors', async () => {
    const lines: string[] = [];
    // Raw pino without the app's scrubbing: the channel itself must not hand secrets to the logger.
    const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    core = new ScriptedCore();
    rig = await zaloRig({
      env: { ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET },
      core: () => core,
      deps: { logger },
    });
    const { fake, localUrl } = rig;
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('bí mật riêng', { userId: 'u1', displayName: 'Trần Thị Bình' }), { secret: 'wrong-secret-123' });
    fake.failNext('sendMessage', 429);
    fake.failNext('sendChatAction', 500);
    await fake.deliverToWebhook(localUrl, zaloFixtures.text('lỗi', { userId: 'u1', displayName: 'Trần Thị Bình' }));
    await fake.deliverToWebhook(localUrl, zaloFixtures.array(zaloFixtures.text('mảng')));
    await fake.deliverToWebhook(localUrl, zaloFixtures.unknownEvent({ userId: 'u1' }));
    await fake.waitForTexts('u1', 1);
    fake.failNext('sendMessage', 401);
    await expect(rig.zalo.send('u1', [{ text: 'nhắc hạn' }])).rejects.toThrow();
    await rig.zalo.stop();
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of [fake.token, WEBHOOK_SECRET, 'bí mật riêng', 'Trần Thị Bình', 'nhắc hạn', 'mảng']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('message.reaction.received');
  });
});
