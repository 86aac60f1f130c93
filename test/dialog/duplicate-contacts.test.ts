/**
 * A contact who registers a unit another contact already reports for: both contacts and the admins are
 * told (the others through the outbox, in the same commit as the registration), and the export marks the
 * versions sent by a different contact than the version before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExportTables } from '../../src/admin/export/report-tables.js';
import type { Table } from '../../src/admin/export/table.js';
import { loadForm } from '../../src/reports/form-definition.js';
import { ChatUser, harness, realKnowledge, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
let binh: ChatUser;
beforeEach(async () => {
  h = harness({ env: { ADMIN_IDS: 'telegram:900,zalo:adm' } });
  lan = new ChatUser(h, '100');
  binh = new ChatUser(h, '200', { channel: 'zalo', chatId: 'chat-200' });
  await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
});
afterEach(() => h.cleanup());

const waiting = (channel: 'telegram' | 'zalo') => h.store.outbox.waiting(channel).map((w) => ({ chatId: w.chatId, text: w.message.text }));
const binhRegisters = (unit = 'UBND xã An Nhơn Tây') => binh.sayAll(['/dangky', 'Trần Văn Bình', unit, '4', 'Văn thư', '0987 654 321', '1']);

describe('a second contact for the same unit', () => {
  it('tells the new contact, the unit’s other contact and every admin', async () => {
    const r = seen(await binhRegisters('ubnd xã an nhơn tây'));
    expect(r).toContain('✅ Đã lưu đăng ký đầu mối của đơn vị “ubnd xã an nhơn tây”.');
    // The new contact learns that there is another contact, not who (personal data).
    expect(r).toContain(
      'ℹ️ Đơn vị “ubnd xã an nhơn tây” đã có một đầu mối khác đăng ký báo cáo. Báo cáo của đơn vị là chung: lần gửi sau, của bất kỳ đầu mối nào, sẽ là bản mới nhất của đơn vị. Quản trị viên đã được báo; nếu bạn đăng ký nhầm đơn vị, gõ /dangky để sửa.',
    );
    expect(r).not.toContain('Nguyễn Thị Lan');

    const plan = 'Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi';
    const admin = [
      `⚠️ Đơn vị “ubnd xã an nhơn tây” (${plan}) nay có 2 đầu mối báo cáo:`,
      '• Mới đăng ký: Trần Văn Bình (zalo:200, 0987 654 321)',
      '• Đã có từ 20/11/2025: Nguyễn Thị Lan (telegram:100, 0912 345 678)',
      'Lần gửi sau cùng, của bất kỳ ai trong số này, là bản mới nhất của đơn vị; tệp xuất đánh dấu lần gửi của một đầu mối khác với lần trước (cột “Người gửi khác lần trước”).',
    ].join('\n');
    expect(waiting('telegram')).toEqual([
      {
        chatId: '100',
        text: [
          `ℹ️ Một người khác vừa đăng ký làm đầu mối báo cáo cho đơn vị “UBND xã An Nhơn Tây” (${plan}).`,
          'Từ nay báo cáo người đó gửi cũng là báo cáo của đơn vị, và lần gửi sau cùng, của bất kỳ ai, là bản mới nhất. Nếu việc này không đúng, xin báo cho quản trị viên.',
        ].join('\n'),
      },
      { chatId: '900', text: admin },
    ]);
    expect(waiting('zalo')).toEqual([{ chatId: 'adm', text: admin }]);
  });

  it('says nothing to anyone when the contact updates a registration of the same unit, or registers another unit', async () => {
    await binhRegisters('Trường THCS Lê Lợi');
    expect(waiting('telegram')).toEqual([]);
    await lan.sayAll(['/dangky', '.', '.', '.', '.', '0912 000 111', '1']);
    expect(waiting('telegram')).toEqual([]);
    expect(waiting('zalo')).toEqual([]);
  });

  it('the export marks each version sent by another contact than the one before', async () => {
    await lan.sayAll(['/baocao', ...REPORT, 'Gửi']);
    await binhRegisters();
    await binh.sayAll(['/baocao', '.', ...Array(10).fill('.'), 'Gửi']);
    await binh.sayAll(['/baocao', '.', ...Array(10).fill('.'), 'Gửi']);
    await lan.sayAll(['/baocao', '.', ...Array(10).fill('.'), 'Gửi']);
    const tables = await buildExportTables({ store: h.store, knowledge: realKnowledge(), forms: { report: loadForm('report'), registration: loadForm('registration') }, timeZone: 'Asia/Ho_Chi_Minh' });
    const column = (t: Table, header: string) => t.rows.map((row) => row[t.columns.findIndex((c) => c.header === header)]);
    expect(column(tables.versions, 'Lần gửi')).toEqual([1, 2, 3, 4]);
    expect(column(tables.versions, 'Họ và tên')).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình', 'Trần Văn Bình', 'Nguyễn Thị Lan']);
    expect(column(tables.versions, 'Người gửi khác lần trước')).toEqual([null, 'Có', null, 'Có']);
    expect(column(tables.latest, 'Người gửi khác lần trước')).toEqual(['Có']);
  });
});
