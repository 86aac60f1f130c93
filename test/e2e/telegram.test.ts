/**
 * End to end on Telegram: the whole bot (`startApp` — real knowledge, answerer, core, SQLite, grammY)
 * against the Telegram emulator on 127.0.0.1, driven as Telegram users would: typing, pressing buttons,
 * sending stickers, writing in a group.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { telegramTexts } from '../../src/channels/telegram/texts.js';
import { BOT_USERNAME, freePort, TelegramEmulator, type EmulatedUser } from '../support/telegram-emulator.js';
import { FAST, startTestBot, type TestBot } from '../support/telegram-app.js';

let emulator: TelegramEmulator;
let bot: TestBot;

const CU_CHI_DEADLINE = 'Trước ngày 15 tháng 11 hàng năm báo cáo tình hình tổ chức thực hiện Phong trào thi đua';
const CU_CHI_SOURCE = 'Nguồn: Kế hoạch số 1792/KH-UBND';

/**
 * Registers as the contact of a Củ Chi unit. `choose: 'buttons'` presses the buttons; 'typed' types the
 * option's number ("4") and the confirmation's label ("xac nhan") instead, as a user may.
 */
async function register(user: EmulatedUser, name = 'Nguyễn Thị Lan', choose: 'buttons' | 'typed' = 'buttons'): Promise<void> {
  await user.ask('/dangky', '(Câu 1/5)');
  await user.ask(name, '(Câu 2/5)');
  await user.ask('UBND xã An Nhơn Tây', '(Câu 3/5)');
  if (choose === 'buttons') await user.pressLabel('Củ Chi');
  else await user.send('4');
  await user.waitFor('(Câu 4/5)');
  await user.ask('Phó Chủ tịch UBND xã', '(Câu 5/5)');
  await user.ask('bỏ qua', 'Thông tin đăng ký của bạn');
  if (choose === 'buttons') await user.pressLabel('Xác nhận');
  else await user.send('xac nhan');
  const [saved] = (await user.waitFor('Đã lưu đăng ký')).slice(-1);
  expect(saved!.plain).toContain('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
}

/** Report answers after the year, typed (some with Vietnamese number words, some skipped). */
const REPORT_ANSWERS: Array<[answer: string, next: string]> = [
  ['Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền', '(Câu 3/11)'],
  ['120 người', '(Câu 4/11)'],
  ['12', '(Câu 5/11)'],
  ['bỏ qua', '(Câu 6/11)'],
  ['mười hai', '(Câu 7/11)'],
  ['-', '(Câu 8/11)'],
  ['2', '(Câu 9/11)'],
  ['Mô hình “Gia đình học tập 4.0”', '(Câu 10/11)'],
  ['bo qua', '(Câu 11/11)'],
  ['Đề nghị tặng Giấy khen cho 2 tập thể', 'Tóm tắt báo cáo của bạn'],
];

async function answerReport(user: EmulatedUser, answers: ReadonlyArray<[string, string]>): Promise<void> {
  for (const [answer, next] of answers) await user.ask(answer, next);
}

describe('Telegram end to end (long polling)', () => {
  beforeEach(async () => {
    emulator = await TelegramEmulator.start();
    bot = await startTestBot(emulator);
  });
  afterEach(async () => {
    await bot.close();
    await emulator.stop();
  });

  it('greets with /batdau, says it is an automated assistant, and sets the Vietnamese command menu', async () => {
    const lan = emulator.user({ userId: 1001, firstName: 'Lan' });
    const [greeting] = await lan.ask('/batdau', 'trợ lý tự động');
    expect(greeting!.plain).toMatch(/^Xin chào Lan!/);
    const menu = emulator.commandMenus.find((m) => m.scope.type === 'default');
    expect(menu?.commands.map((c) => c.command)).toEqual(['batdau', 'hoi', 'dangky', 'baocao', 'cuatoi', 'huy', 'toi', 'trogiup']);
    expect(menu?.commands.every((c) => /[àáảãạăâđêôơư]/i.test(c.description))).toBe(true);
  });

  it('answers a question typed with and without diacritics, quoting the plan and citing it', async () => {
    const lan = emulator.user({ userId: 1002 });
    const [withMarks] = await lan.ask('Hạn báo cáo của Củ Chi là khi nào?', CU_CHI_SOURCE);
    const [without] = await lan.ask('han bao cao cua cu chi la khi nao', CU_CHI_SOURCE);
    for (const answer of [withMarks!, without!]) {
      expect(answer.plain).toContain(CU_CHI_DEADLINE);
      // The dates first, in bold: what a phone shows before the quotes.
      expect(answer.plain.split("\n")[0]).toMatch(/^Hạn và mốc thời gian \(Củ Chi\): .*trước ngày 15\/11 hằng năm/);
      expect(answer.raw.startsWith('<b>Hạn và mốc thời gian (Củ Chi)')).toBe(true);
    }
  });

  it('keeps the conversation: a pressed plan is remembered, follow-ups lean on it, a typed question replaces the menu', async () => {
    const an = emulator.user({ userId: 1010 });
    const [menu] = (await an.ask('kinh phí thực hiện lấy từ nguồn nào', (m) => m.buttons.length > 0)).slice(-1);
    const labels = menu!.buttons.flat().map((b) => b.text);
    // Buttons lead with the place and fit a phone: no number, nothing cut.
    expect(labels).toEqual(['Củ Chi — Kế hoạch 1792/KH-UBND', 'Tây Ninh — Kế hoạch UBND tỉnh', 'Khánh Hòa — Kế hoạch UBND tỉnh']);
    await an.pressLabel('Tây Ninh');
    const [funding] = (await an.waitFor('Kinh phí thực hiện (Tây Ninh)')).slice(-1);
    expect(funding!.raw.startsWith('<b>Kinh phí thực hiện (Tây Ninh):</b>')).toBe(true);
    // After the press, the menu shows the choice made instead of the old buttons.
    const edited = an.all().find((m) => m.messageId === menu!.messageId)!;
    expect(edited.buttons.flat().map((b) => b.text)).toEqual(['✓ Tây Ninh — Kế hoạch UBND tỉnh']);

    const [next] = (await an.ask('còn Khánh Hòa thì sao?', 'Khánh Hòa')).slice(-1);
    expect(next!.plain.split('\n')[0]).toBe('Khánh Hòa — kinh phí thực hiện (tiếp câu hỏi trước):');
    expect(next!.raw.startsWith('<b>Khánh Hòa — kinh phí thực hiện (tiếp câu hỏi trước):</b>')).toBe(true);

    // A question without a place stays with Khánh Hòa; after /huy it asks which plan again.
    expect((await an.ask('tiêu chí thi đua là gì', 'Khánh Hòa')).at(-1)!.plain).toContain('Khánh Hòa');
    await an.ask('/huy', 'Đã bỏ ngữ cảnh');
    await an.ask('tiêu chí thi đua là gì', (m) => m.buttons.length > 0);
    const [deadline] = (await an.ask('han nop bao cao khanh hoa', 'Hạn và mốc thời gian (Khánh Hòa)')).slice(-1);
    expect(deadline!.plain.split('\n')[0]).toBe('Hạn và mốc thời gian (Khánh Hòa): trước ngày 01/12 hằng năm.');

    const [thanks] = (await an.ask('cảm ơn nhé', 'Không có gì')).slice(-1);
    expect(thanks!.raw).not.toContain('<b>');
    expect(thanks!.plain.length).toBeLessThanOrEqual(200);
  });

  it('registers a unit and takes a complete report through buttons and typed answers', async () => {
    const lan = emulator.user({ userId: 1003 });
    await register(lan);
    await lan.ask('/baocao', '(Câu 1/11)');
    await lan.ask('2025', '(Câu 2/11)');
    await answerReport(lan, REPORT_ANSWERS);
    const [summary] = lan.all().slice(-1);
    expect(summary!.plain).toContain('6. Số “Công dân học tập” được công nhận trong năm: 12');
    expect(summary!.buttons.flat().map((b) => b.text)).toEqual(['Gửi', 'Sửa', 'Hủy']);

    await lan.pressLabel('Gửi');
    const [receipt] = await lan.waitFor('Đã nhận báo cáo năm 2025');
    const code = /Mã báo cáo: (\S+)/.exec(receipt!.plain)?.[1];
    expect(code).toMatch(/^BC-/);
    const [mine] = await lan.ask('/cuatoi', code!);
    expect(mine!.plain).toContain('UBND xã An Nhơn Tây');
  });

  it('keeps a report going across a restart of the bot', async () => {
    const lan = emulator.user({ userId: 1004 });
    await register(lan);
    await lan.ask('/baocao', '(Câu 1/11)');
    await lan.ask('2025', '(Câu 2/11)');
    await answerReport(lan, REPORT_ANSWERS.slice(0, 4)); // up to question 6

    await bot.restart();

    await answerReport(lan, REPORT_ANSWERS.slice(4));
    await lan.pressLabel('Gửi');
    const [receipt] = await lan.waitFor('Đã nhận báo cáo năm 2025');
    expect(receipt!.plain).toContain('“UBND xã An Nhơn Tây”');
    const [summary] = lan.all().filter((m) => m.plain.startsWith('Tóm tắt báo cáo'));
    expect(summary!.plain).toContain('2. Hoạt động tuyên truyền, phát động đã thực hiện: Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền');
  });

  it('keeps the code of a report stored just before a shutdown and delivers it after the restart', { timeout: 60_000 }, async () => {
    const lan = emulator.user({ userId: 1011 });
    await register(lan);
    await lan.ask('/baocao', '(Câu 1/11)');
    await lan.ask('2025', '(Câu 2/11)');
    await answerReport(lan, REPORT_ANSWERS);
    // Telegram stops answering sendMessage just as the report is stored: its receipt cannot go out.
    const held = emulator.holdNext('sendMessage');
    await lan.pressLabel('Gửi');
    await held.arrived;
    await bot.app.stop(); // the grace runs out with the receipt still unsent
    expect(lan.all().some((m) => m.plain.includes('Đã nhận báo cáo năm 2025'))).toBe(false);

    await bot.restart();
    const [receipt] = await lan.waitFor('Đã nhận báo cáo năm 2025');
    expect(receipt!.plain).toContain('“UBND xã An Nhơn Tây”');
    held.release(); // the call Telegram sat on (given up by the bot at shutdown)
  });

  it('handles an update delivered twice only once', async () => {
    const lan = emulator.user({ userId: 1005 });
    const id = await lan.send('Khánh Hòa có những hình thức khen thưởng nào?');
    await lan.waitFor('Nguồn:');
    await emulator.redeliver(id);
    await lan.ask('/trogiup', '/baocao');
    const answers = lan.all().filter((m) => m.plain.includes('Nguồn:'));
    expect(answers).toHaveLength(1);
    expect(bot.logs.filter((l) => l.includes('"event":"duplicate-update"'))).toHaveLength(1); // it did arrive twice
  });

  it('shows HTML typed by the user literally (and takes a choice typed as its number or its label)', async () => {
    const lan = emulator.user({ userId: 1006 });
    await register(lan, '<b>Lan</b> & <i>Minh</i>', 'typed');
    const summary = lan.all().find((m) => m.plain.startsWith('Thông tin đăng ký của bạn'))!;
    expect(summary.plain).toContain('1. Họ và tên: <b>Lan</b> & <i>Minh</i>');
    expect(summary.raw).toContain('1. Họ và tên: &lt;b&gt;Lan&lt;/b&gt; &amp; &lt;i&gt;Minh&lt;/i&gt;');
  });

  it('explains what it reads when it gets a sticker or a photo', async () => {
    const lan = emulator.user({ userId: 1007 });
    await lan.sendMedia('sticker');
    expect((await lan.next())[0]!.plain).toBe(telegramTexts.nonText);
    await lan.sendMedia('photo');
    expect((await lan.next())[0]!.plain).toBe(telegramTexts.nonText);
  });

  it('in a group, answers only when mentioned or replied to, and never runs a report there', async () => {
    const member = emulator.user({ userId: 1008, chatId: -4001, chatType: 'supergroup', chatTitle: 'Tổ thi đua xã' });
    await member.send('Mọi người ơi, chiều nay họp lúc mấy giờ?'); // not for the bot
    const mention = `@${BOT_USERNAME}`;
    await member.send(`${mention} hạn báo cáo của Củ Chi?`, { entities: [{ type: 'mention', offset: 0, length: mention.length }] });
    const [answer] = await member.waitFor(CU_CHI_SOURCE);
    expect(answer!.plain).toContain(CU_CHI_DEADLINE);

    const botMessage = { message_id: answer!.messageId, date: 0, chat: { id: -4001, type: 'supergroup', title: 'Tổ thi đua xã' }, from: { id: 666, is_bot: true, first_name: 'Trợ lý thi đua', username: BOT_USERNAME }, text: 'x' };
    await member.send('Còn Khánh Hòa có những hình thức khen thưởng nào?', { reply_to_message: botMessage });
    await member.waitFor('Khánh Hòa');

    await member.send(`/baocao@${BOT_USERNAME}`);
    await member.waitFor('nhắn riêng');
    expect(member.all()).toHaveLength(3);
  });

  it('logs neither the token nor what users wrote', async () => {
    const lan = emulator.user({ userId: 1009, firstName: 'Bí Mật' });
    await lan.ask('Câu hỏi riêng tư về tiêu chí của Tây Ninh', 'Tây Ninh');
    await bot.restart();
    const logs = bot.logs.join('\n');
    expect(logs).toContain('telegram bot connected');
    expect(logs).not.toContain(emulator.token);
    expect(logs).not.toContain('riêng tư');
    expect(logs).not.toContain('Bí Mật');
  });
});

describe('Telegram end to end (admins)', () => {
  const ADMIN = 4242;
  beforeEach(async () => {
    emulator = await TelegramEmulator.start();
    bot = await startTestBot(emulator, { env: { ADMIN_IDS: `telegram:${ADMIN}` } });
  });
  afterEach(async () => {
    await bot.close();
    await emulator.stop();
  });

  it('shows admins their commands in the menu and sends them the export as a file', async () => {
    const adminMenu = emulator.commandMenus.find((m) => m.scope.type === 'chat' && String(m.scope.chat_id) === String(ADMIN));
    expect(adminMenu?.commands.map((c) => c.command)).toEqual(expect.arrayContaining(['xuat', 'thongke', 'chuanop', 'cauhoi']));
    const publicMenu = emulator.commandMenus.find((m) => m.scope.type === 'default');
    expect(publicMenu?.commands.map((c) => c.command)).not.toContain('xuat');

    const lan = emulator.user({ userId: 3001 });
    await register(lan);
    await lan.ask('/baocao', '(Câu 1/11)');
    await lan.ask('2025', '(Câu 2/11)');
    await answerReport(lan, REPORT_ANSWERS);
    await lan.pressLabel('Gửi');
    await lan.waitFor('Đã nhận báo cáo năm 2025');

    const admin = emulator.user({ userId: ADMIN });
    await admin.send('/xuat csv 2025');
    const got = await admin.waitFor((m) => m.document !== undefined);
    const file = got.at(-1)!.document!;
    expect(file.filename).toMatch(/\.csv$/);
    expect(file.content.toString('utf8')).toContain('UBND xã An Nhơn Tây');

    await lan.ask('/xuat', 'chỉ dành cho quản trị viên');
  });
});

describe('Telegram end to end (webhook)', () => {
  const SECRET = 'e2e-webhook-secret_42';
  let port: number;

  beforeEach(async () => {
    emulator = await TelegramEmulator.start();
    port = await freePort();
    bot = await startTestBot(emulator, {
      env: { PORT: String(port), TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg/${'hook'}`, TELEGRAM_WEBHOOK_SECRET: SECRET },
      telegram: FAST,
    });
  });
  afterEach(async () => {
    await bot.close();
    await emulator.stop();
  });

  it('takes updates with the right secret, refuses a wrong or missing one, and handles a retried delivery once', async () => {
    expect(bot.app.telegram?.mode).toBe('webhook');
    expect(emulator.webhook).toEqual({ url: `http://127.0.0.1:${port}/tg/hook`, secret: SECRET });
    const lan = emulator.user({ userId: 2001 });

    const id = await lan.send('Tiêu chí thi đua của Khánh Hòa?');
    const [answer] = await lan.waitFor('Nguồn:');
    expect(answer!.plain).toContain('Khánh Hòa');
    expect(emulator.webhookDeliveries.at(-1)).toMatchObject({ updateId: id, status: 200 });

    await emulator.redeliver(id); // Telegram retries a delivery it thinks failed
    expect(emulator.webhookDeliveries.at(-1)).toMatchObject({ updateId: id, status: 200 });

    const forged = { update_id: id + 1000, message: { message_id: 1, date: 0, chat: { id: 2001, type: 'private', first_name: 'L' }, from: { id: 2001, is_bot: false, first_name: 'L' }, text: '/baocao' } };
    expect((await emulator.postToWebhook(forged, id + 1000, 'wrong-secret')).status).toBe(401);
    expect((await emulator.postToWebhook(forged, id + 1000, undefined)).status).toBe(401);

    await lan.ask('/trogiup', '/baocao');
    const texts = lan.all().map((m) => m.plain);
    expect(texts).toHaveLength(2); // the answer once, then the help: the forged /baocao was never handled
    expect(texts[0]).toContain('Nguồn:');
    expect(texts[1]).toContain('/trogiup');
    expect(bot.logs.filter((l) => l.includes('"event":"duplicate-update"'))).toHaveLength(1);

    const health = await fetch(`${bot.app.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  });
});
