/**
 * The Telegram channel (startTelegram, real grammY) against the emulator, with a scripted core double:
 * what the user sees for each kind of reply, buttons, files, floods, faults, and shutdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram, TelegramDeliveryError, TelegramStartError, type TelegramDeps, type TelegramHandle } from '../../../src/channels/telegram/index.js';
import { telegramTexts } from '../../../src/channels/telegram/texts.js';
import { loadConfig } from '../../../src/config.js';
import type { CommandSpec } from '../../../src/dialog/context.js';
import type { Core, Inbound, Outbound } from '../../../src/dialog/types.js';
import { createLogger } from '../../../src/log.js';
import { openStore, type Store } from '../../../src/store/db.js';
import { TelegramEmulator } from '../../support/telegram-emulator.js';

interface Running {
  emulator: TelegramEmulator;
  handle: TelegramHandle;
  seen: Inbound[];
  logs: string[];
  store: Store;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function scripted(reply: (inbound: Inbound) => Outbound[] | Promise<Outbound[]>): { core: Core; seen: Inbound[] } {
  const seen: Inbound[] = [];
  return {
    seen,
    core: {
      async handle(inbound) {
        seen.push(inbound);
        return reply(inbound);
      },
    },
  };
}

const echo = (i: Inbound): Outbound[] => [{ text: i.action !== undefined ? `Đã chọn: ${i.action}` : `Bạn viết: ${i.text}` }];

async function start(
  reply: (inbound: Inbound) => Outbound[] | Promise<Outbound[]> = echo,
  opts: { env?: Record<string, string>; deps?: Partial<TelegramDeps>; emulator?: TelegramEmulator } = {},
): Promise<Running> {
  const emulator = opts.emulator ?? (await TelegramEmulator.start());
  if (!opts.emulator) cleanups.push(() => emulator.stop());
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: 'debug', ...opts.env });
  const logs: string[] = [];
  const logger = createLogger(config, { write: (l: string) => void logs.push(l) });
  const store = openStore(':memory:');
  cleanups.push(async () => store.close());
  const { core, seen } = scripted(reply);
  const handle = await startTelegram({
    config,
    core,
    store,
    logger,
    resilience: { pacing: false, networkRetry: { attempts: 2, firstDelayMs: 10 } },
    pollTimeoutSeconds: 1,
    ...opts.deps,
  });
  cleanups.push(() => handle.stop());
  return { emulator, handle, seen, logs, store };
}

describe('Telegram channel: talking to the core', () => {
  it('passes text with the update id and shows "typing…" before the reply', async () => {
    const { emulator, seen } = await start();
    const lan = emulator.user({ userId: 501, firstName: 'Lan' });
    const updateId = await lan.send('hạn nộp báo cáo?');
    const [reply] = await lan.next();
    expect(reply!.plain).toBe('Bạn viết: hạn nộp báo cáo?');
    expect(reply!.parseMode).toBe('HTML');
    expect(seen).toEqual([
      { channel: 'telegram', userId: '501', chatId: '501', chatType: 'private', text: 'hạn nộp báo cáo?', displayName: 'Lan', updateId: String(updateId) },
    ]);
    expect(emulator.chatActions).toContainEqual({ chatId: '501', action: 'typing' });
    expect(emulator.methods().indexOf('sendChatAction')).toBeLessThan(emulator.methods().indexOf('sendMessage'));
  });

  it('shows choices as buttons, answers the press at once and passes the choice id as the action', async () => {
    const { emulator, seen } = await start((i) =>
      i.action ? [{ text: `Đã chọn: ${i.action}` }] : [{ text: 'Gửi báo cáo?', choices: [{ id: 'form:ok', label: 'Gửi' }, { id: 'form:cancel', label: 'Hủy' }] }],
    );
    const lan = emulator.user({ userId: 502 });
    await lan.send('xong');
    const [question] = await lan.next();
    expect(question!.buttons).toEqual([[{ text: 'Gửi', data: 'form:ok' }, { text: 'Hủy', data: 'form:cancel' }]]);
    await lan.pressLabel('Gửi');
    const [answer] = await lan.next();
    expect(answer!.plain).toBe('Đã chọn: form:ok');
    expect(seen[1]).toMatchObject({ action: 'form:ok', chatType: 'private' });
    expect(emulator.callbackAnswers).toHaveLength(1);
    expect(emulator.methods().indexOf('answerCallbackQuery')).toBeLessThan(emulator.methods().lastIndexOf('sendMessage'));
  });

  it('answers a pressed button at once, even while the same chat waits for a slow answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { emulator, seen } = await start(async (i) => {
      if (i.text === 'chậm') await gate;
      return echo(i);
    });
    const lan = emulator.user({ userId: 512 });
    await lan.send('chậm');
    await emulator.until(() => seen.length === 1, 5000, 'the slow message to reach the core');
    await lan.press('form:ok');
    await emulator.until(() => emulator.callbackAnswers.length === 1, 5000, 'the button to be answered');
    expect(lan.all()).toEqual([]); // the slow answer has not come yet: the press did not wait behind it
    release();
    const replies = await lan.next(2);
    expect(replies.map((m) => m.plain)).toEqual(['Bạn viết: chậm', 'Đã chọn: form:ok']);
  });

  it('delivers a 4,097-character answer as two messages, split at a line boundary', async () => {
    const first = `${'Tiêu chí '.repeat(222)}\n${'Khen thưởng '.repeat(150)}`; // within 4096
    const long = `${first}\n${'x'.repeat(4097 - first.length - 1)}`;
    expect(long.length).toBe(4097);
    const { emulator } = await start(() => [{ text: long }]);
    const lan = emulator.user({ userId: 503 });
    await lan.send('tiêu chí?');
    const parts = await lan.next(2);
    expect(parts.map((p) => p.plain)).toEqual([first.trimEnd(), 'x'.repeat(4097 - first.length - 1)]);
    expect(parts.every((p) => p.plain.length <= 4096)).toBe(true);
  });

  it('shows HTML typed by the user literally', async () => {
    const { emulator } = await start();
    const lan = emulator.user({ userId: 504 });
    await lan.send('<b>Lan</b> & <i>Minh</i> <a href="x">y</a>');
    const [reply] = await lan.next();
    expect(reply!.plain).toBe('Bạn viết: <b>Lan</b> & <i>Minh</i> <a href="x">y</a>');
    expect(reply!.raw).toBe('Bạn viết: &lt;b&gt;Lan&lt;/b&gt; &amp; &lt;i&gt;Minh&lt;/i&gt; &lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;');
  });

  it('sends a document from the buffer with its caption', async () => {
    const content = Buffer.from('Mã,Đơn vị\nBC-1,UBND xã\n', 'utf8');
    const { emulator } = await start(() => [
      { text: 'Đây là tệp xuất.', document: { filename: 'bao-cao-2025.csv', mimeType: 'text/csv', content, caption: 'Báo cáo năm 2025 <tất cả>' } },
    ]);
    const admin = emulator.user({ userId: 505 });
    await admin.send('/xuat');
    const [text, file] = await admin.next(2);
    expect(text!.plain).toBe('Đây là tệp xuất.');
    expect(file!.document).toEqual({ filename: 'bao-cao-2025.csv', content, caption: 'Báo cáo năm 2025 <tất cả>' });
  });

  it('sends a photo (the /thongke chart) before the text it illustrates, with its caption', async () => {
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { emulator } = await start(() => [
      { text: '📊 Tình hình báo cáo năm 2025', photo: { filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', content, caption: 'Biểu đồ <năm 2025>' } },
    ]);
    const admin = emulator.user({ userId: 512 });
    await admin.send('/thongke');
    const [picture, text] = await admin.next(2);
    expect(picture!.photo).toEqual({ filename: 'tien-do-bao-cao-2025.png', content, caption: 'Biểu đồ <năm 2025>' });
    expect(text!.plain).toBe('📊 Tình hình báo cáo năm 2025');
    expect(emulator.methods().filter((m) => m === 'sendPhoto' || m === 'sendMessage')).toEqual(['sendPhoto', 'sendMessage']);
  });

  it('leaves out a photo Telegram refuses and still sends the text figures', async () => {
    const { emulator, logs } = await start(() => [
      { text: 'Số liệu: 3 đơn vị', photo: { filename: 'a.png', mimeType: 'image/png', content: Buffer.from([1]) } },
    ]);
    emulator.failNext('sendPhoto', { error_code: 400, description: 'Bad Request: IMAGE_PROCESS_FAILED' });
    const admin = emulator.user({ userId: 513 });
    await admin.send('/thongke');
    const [text] = await admin.next(1);
    expect(text!.plain).toBe('Số liệu: 3 đơn vị');
    expect(admin.all().some((m) => m.photo)).toBe(false);
    expect(logs.some((l) => l.includes('"event":"photo-refused"'))).toBe(true);
  });

  it('explains what it reads when it gets a sticker, a photo or a voice note, without bothering the core', async () => {
    const { emulator, seen } = await start();
    const lan = emulator.user({ userId: 506 });
    for (const kind of ['sticker', 'photo', 'voice'] as const) {
      await lan.sendMedia(kind);
      const [reply] = await lan.next();
      expect(reply!.plain).toBe(telegramTexts.nonText);
    }
    expect(seen).toEqual([]);
  });
});

describe('Telegram channel: limits and faults', () => {
  it('over the flood limit tells the user of each refused message, in order; a pressed button is answered at once', async () => {
    const { emulator, seen } = await start(echo, { deps: { flood: { limit: 2, windowMs: 60_000 } } });
    const lan = emulator.user({ userId: 507 });
    for (const t of ['1', '2', '3', '4']) await lan.send(t);
    await lan.press('form:ok');
    await emulator.until(() => emulator.callbackAnswers.length === 1, 20_000, 'the button to be answered');
    await lan.waitFor(telegramTexts.tooFast());
    const other = emulator.user({ userId: 508 });
    await other.ask('tôi', 'Bạn viết: tôi'); // everything before it has been handled (one process, in order)
    expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: 1', 'Bạn viết: 2', telegramTexts.tooFast('3'), telegramTexts.tooFast('4'), telegramTexts.tooFast()]);
    expect(telegramTexts.tooFast('3')).toContain('Tin “3” chưa được xử lý');
    expect(seen.map((i) => i.text ?? i.action)).toEqual(['1', '2', 'tôi']);
  });

  it('counts a redelivered update once: 100 deliveries of one update are handled once and trip no flood notice', async () => {
    const { emulator, seen } = await start(echo, { deps: { flood: { limit: 5, windowMs: 60_000 } } });
    const lan = emulator.user({ userId: 511 });
    const id = await lan.send('một');
    await lan.waitFor('Bạn viết: một');
    for (let i = 0; i < 100; i += 1) await emulator.redeliver(id);
    await lan.ask('hai', 'Bạn viết: hai');
    expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: một', 'Bạn viết: hai']);
    expect(seen.map((i) => i.text)).toEqual(['một', 'hai']);
  });

  it('waits as long as Telegram says after a 429 and then delivers', async () => {
    const { emulator } = await start();
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const lan = emulator.user({ userId: 509 });
    await lan.send('chào');
    const [reply] = await lan.next();
    expect(reply!.plain).toBe('Bạn viết: chào');
    expect(emulator.methods().filter((m) => m === 'sendMessage')).toHaveLength(2);
  });

  it('retries after a 5xx from Telegram', async () => {
    const { emulator } = await start();
    emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const lan = emulator.user({ userId: 510 });
    await lan.send('chào');
    expect((await lan.next())[0]!.plain).toBe('Bạn viết: chào');
  });

  it('send() rejects when the user blocked the bot, so reminders can record it; handling goes on', async () => {
    const { emulator, handle } = await start();
    emulator.blockedChats.add('511');
    const err = await handle.send('511', [{ text: 'Nhắc hạn báo cáo' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramDeliveryError);
    expect(err).toMatchObject({ kind: 'blocked', errorCode: 403 });

    const blocked = emulator.user({ userId: 511 });
    await blocked.send('xin chào'); // the reply is refused; the bot carries on
    const other = emulator.user({ userId: 512 });
    await other.ask('tiếp', 'Bạn viết: tiếp');
    await handle.send('512', [{ text: 'Nhắc: còn 3 ngày đến hạn báo cáo.' }]);
    expect((await other.next())[0]!.plain).toBe('Nhắc: còn 3 ngày đến hạn báo cáo.');
  });

  it('stops with a clear message when Telegram refuses the token, without printing it', async () => {
    const emulator = await TelegramEmulator.start();
    cleanups.push(() => emulator.stop());
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '999:wrong-token-value', TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: 'silent' });
    const store = openStore(':memory:');
    cleanups.push(async () => store.close());
    const err = await startTelegram({ config, core: scripted(echo).core, store, logger: createLogger(config) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramStartError);
    expect((err as Error).message).toMatch(/TELEGRAM_BOT_TOKEN.*401/);
    expect((err as Error).message).not.toContain('wrong-token-value');
  });
});

describe('Telegram channel: start and stop', () => {
  it('sets the public command menu for everyone and the admin commands only for admin chats', async () => {
    const registry: CommandSpec[] = [
      { names: ['batdau'], description: 'Giới thiệu', run: () => [] },
      { names: ['xuat'], description: 'Xuất báo cáo', adminOnly: true, run: () => [] },
    ];
    const { emulator } = await start(echo, { env: { ADMIN_IDS: 'telegram:77,zalo:abc' }, deps: { commands: registry } });
    expect(emulator.commandMenus).toEqual([
      { scope: { type: 'default' }, commands: [{ command: 'batdau', description: 'Giới thiệu' }] },
      { scope: { type: 'chat', chat_id: '77' }, commands: [{ command: 'batdau', description: 'Giới thiệu' }, { command: 'xuat', description: 'Xuất báo cáo' }] },
    ]);
  });

  it('paces messages per chat without holding other chats or "typing…", and a stop does not wait for the queue', async () => {
    // One message per chat per minute: the second reply to the same chat has to wait its turn.
    const { emulator, handle } = await start(echo, {
      deps: { resilience: { pacing: { out: { maxConcurrent: 1, minTime: 60_000 } } }, shutdownGraceMs: 50 },
    });
    const lan = emulator.user({ userId: 520 });
    const minh = emulator.user({ userId: 521 });
    await lan.ask('một', 'Bạn viết: một');
    await lan.send('hai');
    await minh.ask('ba', 'Bạn viết: ba'); // another chat is not held up
    await emulator.until(() => emulator.chatActions.filter((a) => a.chatId === '520').length === 2, 20_000, 'typing… for the held reply');
    await emulator.until(() => handle.inFlight() === 1, 20_000, 'only the held reply to be in flight');
    expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: một']);
    await handle.stop(); // the held reply is dropped after the grace period, not sent a minute later
    expect(handle.inFlight()).toBe(0);
  });

  it('finishes the update in flight before stop() resolves, and takes no new updates', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { emulator, handle, seen } = await start(async (i) => {
      if (i.text === 'chậm') await gate;
      return echo(i);
    });
    const lan = emulator.user({ userId: 513 });
    await lan.send('chậm');
    await emulator.until(() => seen.length === 1 && handle.inFlight() === 1, 20_000, 'the update to be in flight');
    const stopped = handle.stop();
    release();
    await stopped;
    expect(lan.all().map((m) => m.plain)).toEqual(['Bạn viết: chậm']);
    await lan.send('sau khi dừng');
    expect(emulator.pendingUpdates()).toBe(1);
    expect(seen).toHaveLength(1);
  });
});
