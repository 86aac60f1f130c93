import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, FakeAnswerer, harness, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
beforeEach(() => {
  h = harness(); // clock: 2025-11-20 10:00 in Hà Nội
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

async function registered(user = lan, unit = REGISTRATION[1]!) {
  await user.sayAll(['/dangky', REGISTRATION[0]!, unit, ...REGISTRATION.slice(2), '1']);
}

describe('report (/baocao)', () => {
  it('runs registration first when the user is not registered, then the report, and stores it', async () => {
    let r = await lan.say('/baocao');
    expect(r[0]!.text).toContain('Trước khi gửi báo cáo, vui lòng đăng ký đầu mối của đơn vị (chỉ làm một lần).');
    expect(r[0]!.text).toContain('(Câu 1/5) Họ và tên');
    r = await lan.sayAll([...REGISTRATION, 'Xác nhận']);
    expect(r[0]!.text).toContain('✅ Đã lưu đăng ký đầu mối của đơn vị “UBND xã An Nhơn Tây”');
    expect(r[0]!.text).toContain('Đơn vị: UBND xã An Nhơn Tây\nKế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
    expect(r[0]!.text).toContain('(Câu 1/11) Năm báo cáo là năm nào?\nGõ “.” để giữ: 2025.');

    r = await lan.sayAll(REPORT);
    const summary = r[0]!.text;
    expect(summary).toContain('Tóm tắt báo cáo của bạn:');
    expect(summary).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 120');
    expect(summary).toContain('5. Số “Dòng họ học tập” được công nhận trong năm: (bỏ qua)');
    expect(summary).toContain('6. Số “Công dân học tập” được công nhận trong năm: 12');
    expect(r[0]!.choices?.map((c) => c.label)).toEqual(['Gửi', 'Sửa', 'Hủy']);
    expect(h.store.reports.count()).toBe(0);

    r = await lan.say('1');
    const text = seen(r);
    const code = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(text)?.[1];
    expect(code).toBeDefined();
    expect(text).toBe(
      [
        '✅ Đã nhận báo cáo năm 2025 của đơn vị “UBND xã An Nhơn Tây”.',
        `Mã báo cáo: ${code}`,
        'Thời gian: 10:00 ngày 20/11/2025 (giờ Việt Nam)',
        'Gõ /cuatoi để xem các báo cáo đã gửi.',
      ].join('\n'),
    );
    const stored = h.store.reports.byCode(code!);
    expect(stored).toMatchObject({ planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', year: 2025, version: 1, submittedAt: '2025-11-20T03:00:00.000Z' });
    expect(stored?.answers).toEqual({
      year: 2025,
      activities: 'Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền',
      trainees: 120,
      learningFamilies: 12,
      learningClans: null,
      learningCitizens: 12,
      learningUnits: null,
      learningCommunities: 2,
      models: 'Mô hình “Gia đình học tập 4.0”',
      difficulties: null,
      proposals: 'Đề nghị tặng Giấy khen cho 2 tập thể',
    });
    expect(h.store.conversations.get('telegram', '100')).toBeUndefined();
  });

  it('keeps the current year on "." or "bỏ qua" and takes button presses for the summary', async () => {
    await registered();
    await lan.say('/report');
    let r = await lan.say('.');
    expect(r[0]!.text).toContain('(Câu 2/11)');
    r = await lan.sayAll(REPORT.slice(1));
    expect(r[0]!.text).toContain('1. Năm báo cáo: 2025');
    r = await lan.press('form:ok');
    expect(seen(r)).toContain('✅ Đã nhận báo cáo năm 2025');
  });

  it('explains each wrong answer and asks again', async () => {
    await registered();
    await lan.say('/baocao');
    let r = await lan.say('2019');
    expect(r[0]!.text).toBe('⚠️ Năm báo cáo phải là một năm từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2024.\n\n(Câu 1/11) Năm báo cáo là năm nào?\nGõ “.” để giữ: 2025.');
    r = await lan.say('năm kia');
    expect(r[0]!.text).toContain('⚠️ Năm báo cáo phải là một năm từ 2023 đến 2030');
    r = await lan.say('năm 2024');
    expect(r[0]!.text).toContain('(Câu 2/11)');
    r = await lan.say('👍');
    expect(r[0]!.text).toContain('⚠️ Vui lòng mô tả ngắn các hoạt động tuyên truyền, phát động bằng chữ');
    r = await lan.say('x'.repeat(1501));
    expect(r[0]!.text).toContain('⚠️ Nội dung dài 1.501 ký tự, vượt quá giới hạn 1.500 ký tự của mục này. Vui lòng rút gọn rồi gửi lại (không có gì được lưu).');
    r = await lan.say('Hội nghị phát động');
    expect(r[0]!.text).toContain('(Câu 3/11) Có bao nhiêu lượt');
    r = await lan.say('nhiều lắm');
    expect(r[0]!.text).toBe(
      '⚠️ Vui lòng gõ một số nguyên từ 0 trở lên, ví dụ: 120.\n\n(Câu 3/11) Có bao nhiêu lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng?',
    );
    r = await lan.say('-5');
    expect(r[0]!.text).toContain('⚠️ Số lượng không thể là số âm. Vui lòng gõ một số nguyên từ 0 trở lên');
    r = await lan.say('bỏ qua');
    expect(r[0]!.text).toContain('⚠️ Mục này bắt buộc, không thể bỏ qua.');
    expect(r[0]!.text).toContain('Bạn đã trả lời chưa đúng 3 lần liên tiếp. Mục này bắt buộc');
    r = await lan.say('20000000');
    expect(r[0]!.text).toContain('⚠️ Giá trị phải nằm trong khoảng từ 0 đến 10.000.000.');
    r = await lan.say('1.200 lượt');
    expect(r[0]!.text).toContain('(Câu 4/11)');
    r = await lan.say('12,5');
    expect(r[0]!.text).toContain('⚠️ Số bạn gõ có phần lẻ (như “1,5”), mà mục này chỉ ghi số nguyên. Vui lòng gõ một số nguyên từ 0 trở lên, ví dụ: 12.');
  });

  it('stores counts written with words or units as the number meant ("12 nghìn" is 12.000) and says it back', async () => {
    await registered();
    await lan.sayAll(['/baocao', '.', REPORT[1]!]);
    let r = await lan.say('12 nghìn');
    expect(r[0]!.text).toBe('Đã ghi: 12.000 lượt.\n\n(Câu 4/11) Trong năm, có bao nhiêu “Gia đình học tập” được công nhận? (không bắt buộc)\nGõ “bỏ qua” nếu không có.');
    r = await lan.say('1,2 nghìn gia đình');
    expect(r[0]!.text).toMatch(/^Đã ghi: 1\.200 gia đình\.\n\n\(Câu 5\/11\)/);
    // Not sure which number is meant: asked again, nothing stored.
    r = await lan.say('12 hoặc 13');
    expect(r[0]!.text).toMatch(/^⚠️ Câu trả lời có hơn một số \(như “12 hoặc 13”, “10-15”\) nên chưa rõ cần ghi số nào\. .*\n\n\(Câu 5\/11\)/);
    r = await lan.say('10-15');
    expect(r[0]!.text).toContain('⚠️ Câu trả lời có hơn một số');
    // Typed as digits: nothing to say back.
    r = await lan.say('khoảng 30');
    expect(r[0]!.text).toMatch(/^\(Câu 6\/11\)/);
    r = await lan.say('hai mươi mốt');
    expect(r[0]!.text).toMatch(/^Đã ghi: 21 công dân\.\n\n\(Câu 7\/11\)/);
    r = await lan.say('1k');
    expect(r[0]!.text).toMatch(/^Đã ghi: 1\.000 đơn vị\.\n\n\(Câu 8\/11\)/);
    r = await lan.say('gần 2 triệu');
    expect(r[0]!.text).toMatch(/^Đã ghi: 2\.000\.000 cộng đồng\.\n\n\(Câu 9\/11\)/);
    r = await lan.sayAll(REPORT.slice(8));
    expect(r[0]!.text).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 12.000');
    // Edited from the summary: said back before the summary.
    r = await lan.sayAll(['Sửa 3', '1,5 vạn']);
    expect(r[0]!.text).toMatch(/^Đã ghi: 15\.000 lượt\.\n\nTóm tắt báo cáo của bạn:/);
    const code = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(seen(await lan.say('Gửi')))?.[1];
    expect(h.store.reports.byCode(code!)?.answers).toMatchObject({
      trainees: 15_000,
      learningFamilies: 1200,
      learningClans: 30,
      learningCitizens: 21,
      learningUnits: 1000,
      learningCommunities: 2_000_000,
    });
  });

  it('a second report for the same unit and year is version 2; /cuatoi lists both', async () => {
    await registered();
    await lan.say('/baocao');
    await lan.sayAll([...REPORT, 'Gửi']);
    h.clock.now = new Date('2025-11-21T08:30:00Z');
    await lan.say('/baocao');
    const r = await lan.sayAll([...REPORT, 'gui']);
    expect(seen(r)).toContain('Đây là lần gửi thứ 2 cho năm 2025; các lần gửi trước vẫn được lưu.');
    const all = h.store.reports.listAll();
    expect(all.map((x) => x.version)).toEqual([1, 2]);

    const list = seen(await lan.say('/cuatoi'));
    expect(list).toBe(
      [
        'Các báo cáo bạn đã gửi (2):',
        `1. Mã ${all[1]!.code} — năm 2025, lần gửi 2 — 15:30 ngày 21/11/2025 — UBND xã An Nhơn Tây`,
        `2. Mã ${all[0]!.code} — năm 2025, lần gửi 1 — 10:00 ngày 20/11/2025 — UBND xã An Nhơn Tây`,
        '',
        'Gõ /cuatoi kèm mã để xem nội dung một báo cáo, ví dụ: /cuatoi BC-7K3M9Q.',
      ].join('\n'),
    );
    expect(seen(await new ChatUser(h, '555').say('/myreports'))).toBe('Bạn chưa gửi báo cáo nào. Gõ /baocao để gửi báo cáo năm của đơn vị.');
  });

  it('another contact of the same unit (typed differently) continues the same versions', async () => {
    await registered();
    const binh = new ChatUser(h, '200');
    // Typed without diacritics: offered once to retype, kept as typed ("giữ").
    await binh.sayAll(['/dangky', REGISTRATION[0]!, 'ubnd xa an nhon tay', 'giữ', ...REGISTRATION.slice(2), '1']);
    await lan.say('/baocao');
    await lan.sayAll([...REPORT, '1']);
    await binh.say('/baocao');
    const r = await binh.sayAll([...REPORT, '1']);
    expect(seen(r)).toContain('lần gửi thứ 2');
  });

  it('edits from the summary by number and by name, then sends the edited report', async () => {
    await registered();
    await lan.say('/baocao');
    await lan.sayAll(REPORT);
    let r = await lan.say('2');
    expect(r[0]!.choices).toHaveLength(12);
    r = await lan.say('3');
    expect(r[0]!.text).toContain('Sửa mục 3: Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng.');
    expect(r[0]!.text).toContain('Hiện tại: 120.');
    r = await lan.say('150');
    expect(r[0]!.text).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 150');
    await lan.say('Sửa');
    r = await lan.say('khó khăn');
    expect(r[0]!.text).toContain('Sửa mục 10: Khó khăn, vướng mắc.');
    r = await lan.say('Thiếu kinh phí');
    expect(r[0]!.text).toContain('10. Khó khăn, vướng mắc: Thiếu kinh phí');
    r = await lan.say('sua nam');
    r = await lan.say('2024');
    expect(r[0]!.text).toContain('1. Năm báo cáo: 2024');
    await lan.say('1');
    const [report] = h.store.reports.listAll();
    expect(report).toMatchObject({ year: 2024, answers: expect.objectContaining({ trainees: 150, difficulties: 'Thiếu kinh phí', year: 2024 }) });
  });

  it('/huy discards the draft after confirmation; nothing is stored', async () => {
    await registered();
    await lan.say('/baocao');
    await lan.sayAll(REPORT.slice(0, 5));
    let r = await lan.say('/huy');
    expect(r[0]!.text).toBe('Bạn có chắc muốn hủy bản nháp báo cáo đang làm? Các câu trả lời chưa gửi sẽ bị xóa.');
    r = await lan.say('có');
    expect(r[0]!.text).toBe('Đã hủy bản nháp báo cáo. Gõ /baocao hoặc /dangky khi bạn muốn làm lại.');
    expect(h.store.reports.count()).toBe(0);
    r = await lan.say('/baocao');
    expect(r[0]!.text).toContain('(Câu 1/11)');
  });

  it('answers a question asked mid-report, then says where the report stands and asks again', async () => {
    const answerer = new FakeAnswerer();
    h.cleanup();
    h = harness({ answerer });
    lan = new ChatUser(h, '100');
    await registered();
    await lan.say('/baocao');
    await lan.sayAll(REPORT.slice(0, 2));
    let r = await lan.say('hạn nộp là khi nào?');
    expect(r.map((m) => m.text)).toEqual([
      'Trả lời (kế hoạch cu-chi): hạn nộp là khi nào?',
      '📋 Bạn đang điền báo cáo: đã trả lời 2/11 mục. Tiếp tục với câu hỏi dưới đây (hoặc gõ /huy để hủy):\n\n(Câu 3/11) Có bao nhiêu lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng?',
    ]);
    expect(answerer.requests.at(-1)).toEqual({ text: 'hạn nộp là khi nào?', planId: 'cu-chi' });
    r = await lan.say('120');
    expect(r[0]!.text).toContain('(Câu 4/11)');
    // In a free-text field, text is an answer unless it is clearly a question.
    await lan.sayAll(REPORT.slice(3, 8));
    r = await lan.say('Tiêu chí công nhận mô hình là gì?');
    expect(r[0]!.text).toContain('Trả lời (kế hoạch cu-chi)');
    expect(r[1]!.text).toContain('(Câu 9/11)');
    r = await lan.say('Mô hình tủ sách dòng họ');
    expect(r[0]!.text).toContain('(Câu 10/11)');
    // /hoi always asks.
    r = await lan.say('/hoi 12');
    expect(r[0]!.text).toBe('Không tìm thấy trong các kế hoạch: 12');
    expect(r[1]!.text).toContain('(Câu 10/11)');
    // /trogiup in the middle of the form: the help, then the same question again.
    r = await lan.say('/trogiup');
    expect(r[0]!.text).toContain('Các lệnh của trợ lý:');
    expect(r[1]!.text).toContain('(Câu 10/11)');
    // At the summary, a question is answered and the summary choices come back.
    await lan.sayAll(['-', '-']);
    r = await lan.say('kinh phí lấy ở đâu?');
    expect(r[0]!.text).toContain('Trả lời (kế hoạch cu-chi)');
    expect(r[1]!.text).toContain('📋 Bạn đang ở bước xác nhận báo cáo.');
    expect(r[1]!.choices?.map((c) => c.label)).toEqual(['Gửi', 'Sửa', 'Hủy']);
    expect(h.store.questions.list().map((q) => q.text)).toEqual(['12']); // the others were answered
  });

  it('/baocao during registration queues the report; /dangky during a report says to cancel first', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    let r = await lan.say('/baocao');
    expect(r[0]!.text).toBe(
      'Bạn đang đăng ký đầu mối; sau khi đăng ký xong, tôi sẽ chuyển sang báo cáo. Tiếp tục:\n\n(Câu 2/5) Tên đơn vị của bạn là gì? (ví dụ: UBND xã An Nhơn Tây, Trường THCS Lê Lợi)',
    );
    r = await lan.sayAll([...REGISTRATION.slice(1), '1']);
    expect(r[0]!.text).toContain('(Câu 1/11) Năm báo cáo');
    r = await lan.say('/dangky');
    expect(r[0]!.text).toContain('Bạn đang điền báo cáo. Để đăng ký lại, gõ /huy để hủy bản nháp trước, hoặc tiếp tục:');
    expect(r[0]!.text).toContain('(Câu 1/11)');
    r = await lan.say('/baocao');
    expect(r[0]!.text).toContain('Bạn đang làm dở bản nháp báo cáo. Tiếp tục với câu hỏi dưới đây');
  });

  it('resumes at the same field after a restart (store closed and reopened, new core)', async () => {
    await registered();
    await lan.say('/baocao');
    await lan.sayAll(REPORT.slice(0, 4));
    h.restart();
    lan = new ChatUser(h, '100');
    let r = await lan.say('bỏ qua');
    expect(r[0]!.text).toContain('(Câu 6/11) Trong năm, có bao nhiêu “Công dân học tập”');
    r = await lan.sayAll([...REPORT.slice(5), '1']);
    expect(seen(r)).toContain('Mã báo cáo: BC-');
    expect(h.store.reports.listAll()[0]?.answers).toMatchObject({ learningFamilies: 12, learningClans: null, learningCitizens: 12 });
  });

  it('expires a draft idle longer than DRAFT_TTL_DAYS and tells the user when they next write, then handles the message', async () => {
    await registered();
    await lan.say('/baocao');
    await lan.sayAll(REPORT.slice(0, 3));
    h.clock.now = new Date(h.clock.now.getTime() + 6 * 24 * 3600_000);
    let r = await lan.say('12');
    expect(r[0]!.text).toContain('(Câu 5/11)'); // six days: still there
    h.clock.now = new Date(h.clock.now.getTime() + 7 * 24 * 3600_000 + 1000);
    // A leftover form answer is no longer swallowed: after the notice it is read as any message is.
    r = await lan.say('5');
    expect(r.map((m) => m.text)).toEqual([
      '⏰ Bản nháp báo cáo của đơn vị “UBND xã An Nhơn Tây” của bạn đã hết hạn vì không có trả lời trong hơn 7 ngày nên đã bị xóa; báo cáo chưa được gửi. Gõ /baocao để bắt đầu lại.',
      'Không tìm thấy trong các kế hoạch: 5',
    ]);
    expect(h.store.reports.count()).toBe(0);
    expect(h.store.conversations.get('telegram', '100')).toBeUndefined();
    r = await lan.say('/baocao');
    expect(r[0]!.text).toContain('(Câu 1/11)');
  });

  it('after an expiry, the pick of a “which plan?” asked in the draft is answered after the notice', async () => {
    await lan.say('/dangky');
    const asked = await lan.say('hạn nộp là khi nào?');
    expect(seen(asked)).toContain('Bạn hỏi về kế hoạch nào?');
    h.clock.now = new Date(h.clock.now.getTime() + 8 * 24 * 3600_000);
    const r = await lan.press(asked[0]!.choices![0]!.id);
    expect(r[0]!.text).toContain('⏰ Bản đăng ký đầu mối đang làm dở của bạn đã hết hạn');
    expect(r[1]!.text).toMatch(/^Trả lời \(kế hoạch [a-z-]+\): hạn nộp là khi nào\?$/);
  });

  it('an expired registration says to start it again with /dangky', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    h.clock.now = new Date(h.clock.now.getTime() + 8 * 24 * 3600_000);
    expect(seen(await lan.say('UBND xã An Nhơn Tây'))).toContain(
      '⏰ Bản đăng ký đầu mối đang làm dở của bạn đã hết hạn vì không có trả lời trong hơn 7 ngày nên đã bị xóa; thông tin đăng ký chưa được lưu. Gõ /dangky để bắt đầu lại.',
    );
  });

  it('after an expiry, a command runs and a question is answered after the notice', async () => {
    h.cleanup();
    h = harness({ env: { DRAFT_TTL_DAYS: '2' } });
    lan = new ChatUser(h, '100');
    await registered();
    await lan.say('/baocao');
    h.clock.now = new Date(h.clock.now.getTime() + 3 * 24 * 3600_000);
    let r = await lan.say('hạn nộp là khi nào?');
    expect(r.map((m) => m.text)).toEqual([
      '⏰ Bản nháp báo cáo của đơn vị “UBND xã An Nhơn Tây” của bạn đã hết hạn vì không có trả lời trong hơn 2 ngày nên đã bị xóa; báo cáo chưa được gửi. Gõ /baocao để bắt đầu lại.',
      'Trả lời (kế hoạch cu-chi): hạn nộp là khi nào?',
    ]);
    await lan.say('/baocao');
    h.clock.now = new Date(h.clock.now.getTime() + 3 * 24 * 3600_000);
    r = await lan.say('/baocao');
    expect(r[0]!.text).toContain('⏰ Bản nháp báo cáo của đơn vị “UBND xã An Nhơn Tây” của bạn đã hết hạn');
    expect(r[1]!.text).toContain('(Câu 1/11)');
  });
});
