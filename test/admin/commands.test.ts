import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts } from '../../src/dialog/messages.js';
import type { Outbound } from '../../src/dialog/types.js';
import { addContact, ChatUser, harness, seen, submitReport, type Harness } from './support.js';

// With good and bad arguments: a stranger learns nothing, not even which arguments are valid.
const ADMIN_COMMANDS = ['/xuat', '/xuat csv 2025', '/xuat pdf', '/thongke', '/thongke 2025', '/thongke 2019', '/chuanop', '/chuanop năm 2024', '/cauhoi', '/cauhoi xlsx', '/export'];

let h: Harness;
let admin: ChatUser;
let stranger: ChatUser;
beforeEach(() => {
  // 10:00 on 20/11/2025 in Việt Nam.
  h = harness({ env: { ADMIN_IDS: 'telegram:900,zalo:adm' }, start: new Date('2025-11-20T03:00:00Z') });
  admin = new ChatUser(h, '900');
  stranger = new ChatUser(h, '555');
});
afterEach(() => h.cleanup());

function seed(): void {
  const s = h.store;
  const lan = addContact(s, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan', role: 'Phó Chủ tịch UBND xã', phone: '0912 345 678' });
  addContact(s, { planId: 'cu-chi', unitName: 'Trường THCS Lê Lợi', fullName: 'Trần Văn Bình', channel: 'zalo', userId: 'z-binh' });
  addContact(s, { planId: 'cu-chi', unitName: 'ubnd xa an nhon tay', fullName: 'Võ Văn Cường' });
  const hoa = addContact(s, { planId: 'thai-binh', unitName: 'Sở Y tế', fullName: 'Lê Thị Hoa', phone: '0227 3831 234' });
  // Stored as the registration stores it (E.164); admins read it as the bot shows it.
  addContact(s, { planId: 'thai-binh', unitName: 'UBND huyện Vũ Thư', fullName: 'Đỗ Minh Tâm', role: 'Chuyên viên', phone: '+84912345678' });
  addContact(s, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ', fullName: 'Phạm Minh' });
  submitReport(s, lan, 2025, { activities: 'Hội nghị', trainees: 10 });
  submitReport(s, lan, 2025, { activities: 'Hội nghị, bản 2', trainees: 12 });
  submitReport(s, hoa, 2025, { activities: 'Tuyên truyền', trainees: 3 });
  submitReport(s, hoa, 2024, { activities: 'Năm trước', trainees: 2 });
}

function documents(replies: Outbound[]) {
  return replies.flatMap((r) => (r.document ? [r.document] : []));
}

describe('refusal for anyone who is not an admin', () => {
  it('gets the same refusal, with no file, whether or not there is data', async () => {
    const before = [];
    for (const cmd of ADMIN_COMMANDS) before.push(await stranger.say(cmd));
    seed();
    h.store.questions.record({ channel: 'telegram', status: 'not_found', intent: 'unknown', text: 'thời tiết', at: new Date() });
    for (const [i, cmd] of ADMIN_COMMANDS.entries()) {
      const after = await stranger.say(cmd);
      expect(after, cmd).toEqual(before[i]);
      expect(seen(after), cmd).toBe(texts.adminOnly);
      expect(documents(after)).toEqual([]);
    }
  });

  it('also in a group, and /trogiup does not list the admin commands', async () => {
    const inGroup = new ChatUser(h, '555', { chatType: 'group', chatId: '-100' });
    expect(seen(await inGroup.say('/chuanop'))).toBe(texts.adminOnly);
    const help = seen(await stranger.say('/trogiup'));
    for (const cmd of ['/xuat', '/thongke', '/chuanop', '/cauhoi']) expect(help).not.toContain(cmd);
    const adminHelp = seen(await admin.say('/trogiup'));
    for (const cmd of ['/xuat', '/thongke', '/chuanop', '/cauhoi']) expect(adminHelp).toContain(cmd);
  });

  it('an admin added to the database (cli admin add) is an admin; removed, no longer', async () => {
    seed();
    h.store.admins.add('telegram', '555', new Date());
    expect(seen(await stranger.say('/thongke'))).toContain('Tình hình báo cáo năm 2025');
    h.store.admins.remove('telegram', '555');
    expect(seen(await stranger.say('/thongke'))).toBe(texts.adminOnly);
  });
});

describe('/xuat', () => {
  it('gives an admin the XLSX file of every report, with a summary', async () => {
    seed();
    const replies = await admin.say('/xuat');
    const [doc] = documents(replies);
    expect(doc!.filename).toBe('bao-cao-thi-dua_20251120-1000.xlsx');
    expect(doc!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(replies[0]!.text).toContain('Dữ liệu báo cáo (mọi năm): 3 báo cáo của các đơn vị (bản mới nhất), 4 lần gửi, 6 đầu mối đã đăng ký.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc!.content as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Tất cả các lần gửi')!.rowCount).toBe(1 + 4);
    expect(wb.getWorksheet('Báo cáo mới nhất')!.rowCount).toBe(1 + 3);
    expect(wb.getWorksheet('Đầu mối')!.rowCount).toBe(1 + 6);
  });

  it('/xuat csv 2025 gives the CSV of that year', async () => {
    seed();
    const [doc] = documents(await admin.say('/xuat csv 2025'));
    expect(doc!.filename).toBe('bao-cao-thi-dua_2025_20251120-1000.csv');
    const rows = parse(doc!.content, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Năm báo cáo'])).toEqual(['2025', '2025', '2025']);
  });

  it('explains the usage and the year range; never a file in a group', async () => {
    expect(seen(await admin.say('/xuat pdf'))).toBe(
      'Không hiểu “pdf”.\nCách dùng: /xuat [xlsx|csv|tonghop] [năm], ví dụ: /xuat (tệp Excel, mọi năm), /xuat csv 2025, /xuat tonghop 2025 (dự thảo báo cáo tổng hợp, tệp Word). Tệp Excel có 5 trang: tổng hợp năm (in khổ A4 ngang), báo cáo mới nhất của mỗi đơn vị, tất cả các lần gửi, danh sách đầu mối, đơn vị chưa báo cáo.',
    );
    expect(seen(await admin.say('/xuat 2019'))).toBe('Năm “2019” không dùng được: năm báo cáo phải từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2025.');
    expect(seen(await admin.say('/xuat 25'))).toBe('Năm “25” không dùng được: năm báo cáo phải từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2025.');
    const inGroup = new ChatUser(h, '900', { chatType: 'group', chatId: '-100' });
    const replies = await inGroup.say('/xuat');
    expect(seen(replies)).toBe(texts.privateOnly);
    expect(documents(replies)).toEqual([]);
  });
});

describe('/xuat tonghop', () => {
  it('sends the draft báo cáo tổng hợp of the year as a Word document, with its counts', async () => {
    seed();
    for (const typed of ['/xuat tonghop 2025', '/xuat tổng hợp năm 2025', '/xuat TONGHOP']) {
      const replies = await admin.say(typed);
      const [doc] = documents(replies);
      expect(doc!.filename, typed).toBe('bao-cao-tong-hop_2025_20251120-1000.docx');
      expect(doc!.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(replies[0]!.text).toBe(
        [
          '📎 Dự thảo báo cáo tổng hợp năm 2025 (Word): 2/5 đơn vị đã báo cáo (0 nộp muộn), 3 chưa báo cáo, 3 kế hoạch.',
          'Số liệu lấy từ cơ sở dữ liệu; mục II–IV trích nguyên văn báo cáo của đơn vị. Điền số, ngày, nơi nhận và ký trước khi gửi.',
        ].join('\n'),
      );
      const xml = await (await JSZip.loadAsync(doc!.content)).file('word/document.xml')!.async('string');
      expect(xml).toContain('năm 2025');
      expect(xml).toContain('UBND xã An Nhơn Tây: ');
    }
    const [y2024] = documents(await admin.say('/xuat tonghop 2024'));
    expect(y2024!.filename).toBe('bao-cao-tong-hop_2024_20251120-1000.docx');
  });
});

describe('/thongke and /chuanop on a seeded database', () => {
  it('/thongke: per plan, registered, reported and missing units with the nearest deadline and days left', async () => {
    seed();
    const text = seen(await admin.say('/thongke'));
    expect(text).toContain('📊 Tình hình báo cáo năm 2025 (lúc 10:00 ngày 20/11/2025):');
    expect(text).toContain('Tổng cộng: 5 đơn vị đã đăng ký, 2 đã báo cáo, 3 chưa báo cáo.');
    const block = (name: string) => text.split('\n\n').find((b) => b.includes(name))!;
    expect(block('huyện Củ Chi')).toContain('Đơn vị đăng ký: 2 · Đã báo cáo: 1 · Chưa báo cáo: 1');
    // The units' deadline ("trước ngày 15 tháng 11": the 14th is the last day), not the Phòng GD&ĐT's
    // own 30/11 that builds on their reports.
    expect(block('huyện Củ Chi')).toContain('Hạn báo cáo gần nhất: trước ngày 15/11/2025 (hạn cuối là ngày 14/11/2025), đã quá hạn 6 ngày — Mục V.1');
    expect(block('huyện Củ Chi')).toContain('Nộp muộn (sau ngày 14/11/2025): 0 báo cáo');
    expect(block('tỉnh Thái Bình')).toContain('Đơn vị đăng ký: 2 · Đã báo cáo: 1 · Chưa báo cáo: 1');
    // "… trước ngày 01/12.": 01/12 is already too late, 30/11 the last day.
    expect(block('tỉnh Thái Bình')).toContain('Hạn báo cáo gần nhất: trước ngày 01/12/2025 (hạn cuối là ngày 30/11/2025), còn 10 ngày — Mục VI.5');
    expect(block('Khánh Hòa')).toContain('Đơn vị đăng ký: 1 · Đã báo cáo: 0 · Chưa báo cáo: 1');
    expect(block('Tây Ninh')).toContain('Đơn vị đăng ký: 0 · Đã báo cáo: 0 · Chưa báo cáo: 0');
    expect(block('Tây Ninh')).toContain('Hạn báo cáo gần nhất: trước ngày 10/12/2025 (hạn cuối là ngày 09/12/2025), còn 19 ngày');
    // No report received: no late count to give.
    expect(block('Tây Ninh')).not.toContain('Nộp muộn');
    expect(block('Bắc Kạn')).toContain('Văn bản không nêu hạn báo cáo cụ thể theo ngày.');
    // Counts only: no personal data in the statistics.
    expect(text).not.toContain('Nguyễn Thị Lan');
  });

  it('/thongke: the chart comes as a PNG photo with the text figures, which stay as they were', async () => {
    seed();
    const replies = await admin.say('/thongke');
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply!.photo).toMatchObject({ filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', caption: 'Biểu đồ tiến độ báo cáo năm 2025. Số liệu chi tiết ở tin tiếp theo.' });
    expect(reply!.photo!.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(reply!.text).toContain('📊 Tình hình báo cáo năm 2025 (lúc 10:00 ngày 20/11/2025):');
    expect(reply!.text).toContain('Tổng cộng: 5 đơn vị đã đăng ký, 2 đã báo cáo, 3 chưa báo cáo.');
    expect(reply!.document).toBeUndefined();
  });

  it('/thongke with no unit registered yet: the text only, no chart of empty bars', async () => {
    const [reply, ...rest] = await admin.say('/thongke');
    expect(rest).toEqual([]);
    expect(reply!.photo).toBeUndefined();
    expect(reply!.text).toContain('Tổng cộng: 0 đơn vị đã đăng ký');
  });

  it('/thongke 2024 counts the reports of that year; passed deadlines show how late', async () => {
    seed();
    const text = seen(await admin.say('/thongke 2024'));
    expect(text).toContain('Tổng cộng: 5 đơn vị đã đăng ký, 1 đã báo cáo, 4 chưa báo cáo.');
    expect(text).toContain('Hạn báo cáo gần nhất: trước ngày 15/11/2024 (hạn cuối là ngày 14/11/2024), đã quá hạn 371 ngày');
    // Tây Ninh's plan runs from 2024: no deadline in 2023, said as such.
    expect(seen(await admin.say('/thongke 2023'))).toContain('   Năm 2023 không có hạn báo cáo theo kế hoạch này (kế hoạch thực hiện 2024–2030).');
    // "năm" may be typed before the year.
    expect(seen(await admin.say('/thongke năm 2024'))).toBe(text);
  });

  it('/chuanop: the missing units with all their contacts', async () => {
    seed();
    const text = seen(await admin.say('/chuanop'));
    expect(text).toContain('📋 Đơn vị chưa báo cáo năm 2025: 3');
    expect(text).toContain('• Trường THCS Lê Lợi\n   – Trần Văn Bình, qua Zalo');
    expect(text).toContain('• UBND huyện Vũ Thư\n   – Đỗ Minh Tâm (Chuyên viên), ĐT 0912 345 678, qua Telegram');
    expect(text).toContain('• UBND phường Lộc Thọ\n   – Phạm Minh, qua Telegram');
    expect(text).toContain('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi: 1 đơn vị — hạn trước ngày 15/11/2025 (hạn cuối 14/11/2025), đã quá hạn 6 ngày');
    expect(text).toContain('Kế hoạch số 62/KH-UBND ngày 27/3/2024 của UBND tỉnh Thái Bình: 1 đơn vị — hạn trước ngày 01/12/2025 (hạn cuối 30/11/2025), còn 10 ngày');
    expect(text).toContain('📋 Đơn vị chưa báo cáo năm 2025: 3\nĐã nhận báo cáo của 2 đơn vị, trong đó 0 nộp muộn.');
    // Units that reported (under any spelling of their name) are not listed.
    expect(text).not.toContain('An Nhơn Tây');
    expect(text).not.toContain('Sở Y tế');
  });

  it('explain their usage when the argument is not a year', async () => {
    expect(seen(await admin.say('/thongke xlsx'))).toBe('Cách dùng: /thongke [năm], ví dụ: /thongke hoặc /thongke 2025.');
    expect(seen(await admin.say('/chuanop năm ngoái'))).toBe('Không hiểu “ngoái”.\nCách dùng: /chuanop [năm], ví dụ: /chuanop hoặc /chuanop 2025.');
    expect(seen(await admin.say('/thongke 2031'))).toBe('Năm “2031” không dùng được: năm báo cáo phải từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2025.');
    expect(seen(await admin.say('/chuanop 202'))).toBe('Năm “202” không dùng được: năm báo cáo phải từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2025.');
  });

  it('/chuanop when nobody is registered, and when everyone has reported', async () => {
    expect(seen(await admin.say('/chuanop'))).toBe('Chưa có đơn vị nào đăng ký đầu mối. Đầu mối đăng ký bằng lệnh /dangky.');
    const c = addContact(h.store, { planId: 'tay-ninh', unitName: 'Sở Nội vụ' });
    submitReport(h.store, c, 2025, { activities: 'x', trainees: 1 });
    expect(seen(await admin.say('/chuanop 2025'))).toBe('✅ Tất cả đơn vị đã đăng ký đều đã gửi báo cáo năm 2025.\nĐã nhận báo cáo của 1 đơn vị, trong đó 0 nộp muộn.');
  });
});

describe('late reports in /thongke and /chuanop', () => {
  // Củ Chi: "Trước ngày 15 tháng 11 hàng năm": 14/11 is the last day, counted in Việt Nam's calendar.
  function seedLate(): void {
    const s = h.store;
    const an = addContact(s, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây' });
    const leLoi = addContact(s, { planId: 'cu-chi', unitName: 'Trường THCS Lê Lợi' });
    const tanThong = addContact(s, { planId: 'cu-chi', unitName: 'UBND xã Tân Thông Hội' });
    const phuHoa = addContact(s, { planId: 'cu-chi', unitName: 'UBND xã Phú Hòa Đông' });
    addContact(s, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ' });
    // In time, then corrected after the deadline: the report arrived in time.
    submitReport(s, an, 2025, { activities: 'Hội nghị', trainees: 10 }, new Date('2025-11-10T03:00:00Z'));
    submitReport(s, an, 2025, { activities: 'Hội nghị, bản sửa', trainees: 12 }, new Date('2025-11-18T03:00:00Z'));
    // 09:00 on 17/11: three days late.
    submitReport(s, leLoi, 2025, { activities: 'Phát động', trainees: 5 }, new Date('2025-11-17T02:00:00Z'));
    // 23:30 on 14/11 in Việt Nam: in time.
    submitReport(s, tanThong, 2025, { activities: 'Tuyên truyền', trainees: 3 }, new Date('2025-11-14T16:30:00Z'));
    // 00:30 on 15/11 in Việt Nam (still the 14th in UTC): "trước ngày 15" is over, one day late.
    submitReport(s, phuHoa, 2025, { activities: 'Tuyên truyền', trainees: 4 }, new Date('2025-11-14T17:30:00Z'));
  }

  it('/thongke counts the late reports of each plan', async () => {
    seedLate();
    const text = seen(await admin.say('/thongke'));
    const block = (name: string) => text.split('\n\n').find((b) => b.includes(name))!;
    expect(block('huyện Củ Chi')).toContain('Đơn vị đăng ký: 4 · Đã báo cáo: 4 · Chưa báo cáo: 0');
    expect(block('huyện Củ Chi')).toContain('Nộp muộn (sau ngày 14/11/2025): 2 báo cáo');
    expect(block('Khánh Hòa')).not.toContain('Nộp muộn');
  });

  it('/chuanop lists the missing units as before and says how many reports came late', async () => {
    seedLate();
    const text = seen(await admin.say('/chuanop'));
    expect(text).toContain('📋 Đơn vị chưa báo cáo năm 2025: 1\nĐã nhận báo cáo của 4 đơn vị, trong đó 2 nộp muộn.');
    expect(text).toContain('• UBND phường Lộc Thọ');
    expect(text).not.toContain('Lê Lợi');
  });
});

describe('/cauhoi', () => {
  it('lists the questions the bot could not answer, grouped however typed, the most asked first', async () => {
    const user = new ChatUser(h, '321');
    await user.say('Thời tiết hôm nay thế nào?');
    h.clock.now = new Date('2025-11-20T04:00:00Z');
    await user.say('hạn nộp báo cáo');
    h.clock.now = new Date('2025-11-20T05:00:00Z');
    await new ChatUser(h, '322', { channel: 'zalo' }).say('thoi tiet hom nay the nao');
    await user.say('THỜI TIẾT HÔM NAY THẾ NÀO !!');
    h.clock.now = new Date('2025-11-20T06:00:00Z');
    await user.say('giá vàng hôm nay');
    const text = seen(await admin.say('/cauhoi'));
    expect(text).toContain('❓ Câu hỏi trợ lý chưa trả lời được: 5 lượt hỏi, 3 câu khác nhau (hỏi nhiều nhất trước; cùng câu gõ khác nhau được gộp lại).');
    // Shown in the wording that reads best: with diacritics, not in capitals.
    expect(text).toContain('1. “Thời tiết hôm nay thế nào?” — 3 lần (3 không tìm thấy); gần nhất 12:00 ngày 20/11/2025');
    expect(text).toContain('2. “giá vàng hôm nay” — 1 lần (1 không tìm thấy); gần nhất 13:00 ngày 20/11/2025');
    expect(text).toContain('3. “hạn nộp báo cáo” — 1 lần (1 phải hỏi lại); gần nhất 11:00 ngày 20/11/2025');
  });

  it('/cauhoi xlsx gives the full list as a file; an empty log says so', async () => {
    expect(seen(await admin.say('/cauhoi'))).toBe('Chưa có câu hỏi nào mà trợ lý không trả lời được.');
    await new ChatUser(h, '321').say('thời tiết');
    const [doc] = documents(await admin.say('/cauhoi xlsx'));
    expect(doc!.filename).toBe('cau-hoi-chua-tra-loi_20251120-1000.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc!.content as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('thời tiết');
    expect(ws.getRow(2).getCell(2).value).toBe(1);
  });
});
