/**
 * The admin export end to end through Telegram: the whole bot (startApp) on the Telegram emulator. An
 * admin (ADMIN_IDS) who types /xuat receives the XLSX file as a Telegram document; anyone else gets
 * the refusal and no file. /thongke brings the chart as a Telegram photo, then the text figures.
 */
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts } from '../../src/dialog/messages.js';
import { addContact, submitReport, TRICKY_ANSWERS } from '../admin/support.js';
import { startTestBot, type TestBot } from '../support/telegram-app.js';
import { TelegramEmulator } from '../support/telegram-emulator.js';

const ADMIN = 7001;
const STRANGER = 7002;

let emulator: TelegramEmulator;
let bot: TestBot;
beforeEach(async () => {
  emulator = await TelegramEmulator.start();
  bot = await startTestBot(emulator, { env: { ADMIN_IDS: `telegram:${ADMIN}` } });
  const store = bot.app.store;
  const lan = addContact(store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan', phone: '0912 345 678' });
  addContact(store, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ', fullName: 'Phạm Minh' });
  submitReport(store, lan, 2025, TRICKY_ANSWERS);
  submitReport(store, lan, 2025, { ...TRICKY_ANSWERS, trainees: 130 });
});
afterEach(async () => {
  await bot.close();
  await emulator.stop();
});

describe('admin export through Telegram', () => {
  it('an admin receives the XLSX document with every report', async () => {
    const admin = emulator.user({ userId: ADMIN, firstName: 'Quản trị' });
    await admin.send('/xuat');
    const messages = await admin.waitFor((m) => m.document !== undefined);
    const doc = messages.at(-1)!.document!;
    expect(doc.filename).toMatch(/^bao-cao-thi-dua_\d{8}-\d{4}\.xlsx$/);
    expect(messages.map((m) => m.plain).join('\n')).toContain('1 báo cáo của các đơn vị (bản mới nhất), 2 lần gửi, 2 đầu mối đã đăng ký');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc.content as unknown as ArrayBuffer);
    const versions = wb.getWorksheet('Tất cả các lần gửi')!;
    expect(versions.rowCount).toBe(3);
    const codes = [versions.getRow(2).getCell(1).value, versions.getRow(3).getCell(1).value].sort();
    expect(codes).toEqual(bot.app.store.reports.listAll().map((r) => r.code).sort());
    expect(wb.getWorksheet('Đầu mối')!.getRow(2).getCell(1).value).toBe('Nguyễn Thị Lan');
  });

  it('an admin typing /thongke receives the chart as a photo (a PNG), then the text figures', async () => {
    const admin = emulator.user({ userId: ADMIN, firstName: 'Quản trị' });
    await admin.send('/thongke');
    const messages = await admin.waitFor((m) => m.plain.includes('Tình hình báo cáo năm'));
    const [picture, text] = messages;
    expect(picture!.photo?.filename).toMatch(/^tien-do-bao-cao-\d{4}\.png$/);
    expect(picture!.photo?.caption).toMatch(/^Biểu đồ tiến độ báo cáo năm \d{4}\./);
    const image = PNG.sync.read(picture!.photo!.content);
    expect(image.width).toBe(1080);
    expect(text!.plain).toContain('Tổng cộng: 2 đơn vị đã đăng ký');
    expect(emulator.calls.filter((c) => c.method === 'sendPhoto')).toHaveLength(1);
  });

  it('anyone else receives only the refusal, never a file', async () => {
    const stranger = emulator.user({ userId: STRANGER, firstName: 'Khách' });
    for (const cmd of ['/xuat', '/xuat csv', '/chuanop', '/thongke', '/cauhoi xlsx']) {
      await stranger.send(cmd);
      const [reply] = await stranger.next(1);
      expect(reply!.plain).toBe(texts.adminOnly);
    }
    // Nothing else arrives: the admin's own request afterwards is answered, the stranger's chat stays as it was.
    const admin = emulator.user({ userId: ADMIN });
    await admin.send('/thongke');
    await admin.waitFor('Tình hình báo cáo năm');
    expect(stranger.all()).toHaveLength(5);
    expect(stranger.all().some((m) => m.document)).toBe(false);
    expect(emulator.calls.filter((c) => c.method === 'sendDocument')).toEqual([]);
    expect(emulator.calls.filter((c) => c.method === 'sendPhoto' && String(c.params.chat_id) === String(STRANGER))).toEqual([]);
  });
});
