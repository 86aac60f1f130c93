/**
 * Conversations as real (and careless) unit contacts type them: phone numbers in every Vietnamese
 * format, placeholders, "xóa", "năm ngoái", "hủy" typed without the slash, "sửa mục 4", negative
 * answers at the summary, commands in capitals, with diacritics or with spaces, over-long messages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, FakeAnswerer, harness, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
let answerer: FakeAnswerer;
let lan: ChatUser;
beforeEach(() => {
  answerer = new FakeAnswerer();
  h = harness({ answerer }); // clock: 2025-11-20 10:00 in Hà Nội
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

const contact = () => h.store.contacts.get('telegram', '100');

async function registered() {
  await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
}

/** Starts a report and answers its first `n` fields with the standard answers. */
async function reportUpTo(n: number) {
  await registered();
  await lan.say('/baocao');
  if (n > 0) await lan.sayAll(REPORT.slice(0, n));
}

describe('registration as typed', () => {
  it.each([
    ['0912 345 678', '0912 345 678'],
    ['+84912345678', '0912 345 678'],
    ['84-912-345-678', '0912 345 678'],
    ['0912.345.678', '0912 345 678'],
    ['(0227) 3831 234', '0227 3831 234'],
  ])('takes the phone "%s" and shows it as %s', async (typed, shown) => {
    const r = await lan.sayAll(['/dangky', ...REGISTRATION.slice(0, 4), typed]);
    expect(r[0]!.text).toContain(`5. Số điện thoại: ${shown}`);
    await lan.say('1');
    expect(contact()?.phone).toMatch(/^\+84\d{9,10}$/);
  });

  it('"không có" for the phone skips it; two numbers are refused, not cut to the first', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION.slice(0, 4)]);
    let r = await lan.say('0912 345 678 hoặc 0987 654 321');
    expect(r[0]!.text).toBe(
      '⚠️ Vui lòng chỉ gõ một số điện thoại, ví dụ: 0912 345 678.\n\n(Câu 5/5) Số điện thoại liên hệ của bạn? (không bắt buộc)\nGõ “bỏ qua” nếu không có.',
    );
    r = await lan.say('không có');
    expect(r[0]!.text).toContain('5. Số điện thoại: (bỏ qua)');
  });

  it('a unit name of digits only is refused with the field\'s message', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const r = await lan.say('123');
    expect(r[0]!.text).toBe(
      '⚠️ Vui lòng gõ tên đơn vị bằng chữ, ví dụ: UBND xã An Nhơn Tây.\n\n(Câu 2/5) Tên đơn vị của bạn là gì? (ví dụ: UBND xã An Nhơn Tây, Trường THCS Lê Lợi)',
    );
  });

  it('re-registering proposes the current answers; "xóa" empties the phone and the contact is updated', async () => {
    await registered();
    let r = await lan.say('/dangky');
    expect(r[0]!.text).toContain('(Câu 1/5) Họ và tên của bạn là gì?\nGõ “.” để giữ: Nguyễn Thị Lan.');
    r = await lan.sayAll(['.', 'Trường THCS Lê Lợi', '.']);
    expect(r[0]!.text).toBe('(Câu 4/5) Chức vụ của bạn là gì? (không bắt buộc)\nGõ “.” để giữ: Phó Chủ tịch UBND xã, hoặc gõ “xóa” để bỏ trống.');
    r = await lan.sayAll(['Hiệu trưởng']);
    expect(r[0]!.text).toBe('(Câu 5/5) Số điện thoại liên hệ của bạn? (không bắt buộc)\nGõ “.” để giữ: 0912 345 678, hoặc gõ “xóa” để bỏ trống.');
    r = await lan.say('xóa');
    expect(r[0]!.text).toContain('4. Chức vụ: Hiệu trưởng\n5. Số điện thoại: (bỏ qua)');
    r = await lan.say('xác nhận');
    expect(seen(r)).toBe(
      '✅ Đã lưu đăng ký đầu mối của đơn vị “Trường THCS Lê Lợi”.\nKế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi.\nGõ /baocao để gửi báo cáo năm của đơn vị.',
    );
    expect(contact()).toMatchObject({ fullName: 'Nguyễn Thị Lan', unitName: 'Trường THCS Lê Lợi', role: 'Hiệu trưởng', phone: null });
    expect(h.store.contacts.count()).toBe(1);
  });

  it('"sửa kế hoạch" from the summary changes the plan; "." keeps the other answers', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION]);
    let r = await lan.say('sua ke hoach');
    expect(r[0]!.text).toContain('Sửa mục 3: Kế hoạch.');
    expect(r[0]!.choices).toHaveLength(6);
    r = await lan.say('tay ninh');
    expect(r[0]!.text).toContain('3. Kế hoạch: Kế hoạch của UBND tỉnh Tây Ninh (giai đoạn 2024–2030)');
    await lan.say('Xác nhận');
    expect(contact()?.planId).toBe('tay-ninh');
  });

  it('"xóa" on a required field says it cannot be left empty', async () => {
    await lan.say('/dangky');
    const r = await lan.say('xoá');
    expect(r[0]!.text).toContain('⚠️ Mục này bắt buộc, không thể bỏ qua. Vui lòng gõ họ và tên đầy đủ bằng chữ');
  });

  it('a plan is not picked by a negative answer ("không phải Củ Chi")', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan', 'UBND xã An Nhơn Tây']);
    const r = await lan.say('không phải Củ Chi');
    expect(r[0]!.text).toContain('⚠️ Vui lòng chọn một kế hoạch trong danh sách');
  });
});

describe('report answers as typed', () => {
  it('"năm nay" and "năm ngoái" are the current and the previous year', async () => {
    await reportUpTo(0);
    let r = await lan.say('năm ngoái');
    expect(r[0]!.text).toContain('(Câu 2/11)');
    r = await lan.sayAll([...REPORT.slice(1), 'sửa năm']);
    expect(r[0]!.text).toBe('Sửa mục 1: Năm báo cáo.\nNăm báo cáo là năm nào?\nHiện tại: 2024. Gõ “.” để giữ nguyên.');
    r = await lan.say('năm nay');
    expect(r[0]!.text).toContain('1. Năm báo cáo: 2025');
  });

  it('counts: "12 người", "mười hai", "1.000", "không" are taken; "1,5" and "-3" are explained', async () => {
    await reportUpTo(2);
    let r = await lan.say('1,5');
    expect(r[0]!.text).toContain('⚠️ Số bạn gõ có phần lẻ (như “1,5”), mà mục này chỉ ghi số nguyên. Vui lòng gõ một số nguyên từ 0 trở lên, ví dụ: 120.');
    r = await lan.say('-3');
    expect(r[0]!.text).toContain('⚠️ Số lượng không thể là số âm. Vui lòng gõ một số nguyên từ 0 trở lên, ví dụ: 120.');
    r = await lan.sayAll(['1.000', '12 người', 'mười hai', 'không', '…', '—']);
    expect(r[0]!.text).toContain('(Câu 9/11)');
    r = await lan.sayAll(['N/A', '.', 'xóa']);
    const summary = r[0]!.text;
    expect(summary).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 1.000');
    expect(summary).toContain('4. Số “Gia đình học tập” được công nhận trong năm: 12');
    expect(summary).toContain('5. Số “Dòng họ học tập” được công nhận trong năm: 12');
    expect(summary).toContain('6. Số “Công dân học tập” được công nhận trong năm: 0');
    expect(summary).toContain('7. Số “Đơn vị học tập” được công nhận trong năm: (bỏ qua)');
    expect(summary).toContain('8. Số “Cộng đồng học tập” được công nhận trong năm: (bỏ qua)');
    expect(summary).toContain('9. Mô hình hay, sáng kiến: (bỏ qua)');
    expect(summary).toContain('11. Đề xuất, kiến nghị (kể cả đề nghị khen thưởng): (bỏ qua)');
  });

  it('a placeholder for a required field says it cannot be skipped; "?" explains the field again', async () => {
    await reportUpTo(1);
    let r = await lan.say('...');
    expect(r[0]!.text).toContain('⚠️ Mục này bắt buộc, không thể bỏ qua. Vui lòng mô tả ngắn các hoạt động tuyên truyền');
    r = await lan.say('?');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain('⚠️ Vui lòng mô tả ngắn các hoạt động tuyên truyền, phát động bằng chữ');
    r = await lan.say('0');
    expect(r[0]!.text).toContain('⚠️ Vui lòng mô tả ngắn các hoạt động tuyên truyền, phát động bằng chữ');
    expect(r[0]!.text).toContain('Bạn đã trả lời chưa đúng 3 lần liên tiếp. Mục này bắt buộc: hãy trả lời theo hướng dẫn trên, hoặc gõ /huy để hủy.');
    expect(answerer.requests).toHaveLength(0);
  });

  it('text over the limit gets a message and nothing is stored', async () => {
    await reportUpTo(1);
    const r = await lan.say('ệ'.repeat(1600));
    expect(r[0]!.text).toContain('⚠️ Nội dung dài 1.600 ký tự, vượt quá giới hạn 1.500 ký tự của mục này. Vui lòng rút gọn rồi gửi lại (không có gì được lưu).');
    expect(r[0]!.text).toContain('(Câu 2/11)');
    expect(h.store.conversations.get('telegram', '100')?.state).toMatchObject({ flow: { answers: { year: 2025 } } });
  });
});

describe('the summary and "Sửa" as typed', () => {
  beforeEach(async () => {
    await reportUpTo(REPORT.length);
  });

  it('"sửa mục 4", "sửa lại câu số 9" and field names with or without diacritics go to that field', async () => {
    for (const [typed, heading] of [
      ['sửa mục 4', 'Sửa mục 4: Số “Gia đình học tập” được công nhận trong năm.'],
      ['Sửa lại câu số 9', 'Sửa mục 9: Mô hình hay, sáng kiến.'],
      ['sua kho khan', 'Sửa mục 10: Khó khăn, vướng mắc.'],
      ['Sửa Đề xuất', 'Sửa mục 11: Đề xuất, kiến nghị (kể cả đề nghị khen thưởng).'],
      ['sửa dòng họ', 'Sửa mục 5: Số “Dòng họ học tập” được công nhận trong năm.'],
      ['sua so luot', 'Sửa mục 3: Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng.'],
    ]) {
      const r = await lan.say(typed!);
      expect(r[0]!.text.split('\n')[0]).toBe(heading);
      await lan.say('.');
    }
  });

  it('"dung gui" / "dung huy" typed without diacritics (đừng gửi? đúng, gửi?) sends nothing and asks again', async () => {
    for (const typed of ['dung gui', 'dung huy']) {
      const r = await lan.say(typed);
      expect(r[0]!.text).toBe(
        'Vui lòng chọn 1 (Gửi), 2 (Sửa) hoặc 3 (Hủy). Để sửa ngay một mục, gõ “Sửa” kèm số thứ tự của mục, ví dụ: “Sửa 2”.',
      );
    }
    expect(h.store.reports.listAll()).toEqual([]);
    expect((await lan.say('dung roi'))[0]!.text).toContain('✅ Đã nhận báo cáo năm 2025');
  });

  it('in the "Sửa" menu, "mục 9" and "sửa 9" pick field 9; an unknown pick lists the range', async () => {
    await lan.say('Sửa');
    let r = await lan.say('mục 99');
    expect(r[0]!.text).toBe('Không tìm thấy mục này. Vui lòng gõ số thứ tự của mục cần sửa (từ 1 đến 11), hoặc 12 để quay lại tóm tắt.');
    r = await lan.say('sửa 9');
    expect(r[0]!.text).toBe(
      'Sửa mục 9: Mô hình hay, sáng kiến.\nĐơn vị có mô hình hay, sáng kiến nào? (không bắt buộc)\nHiện tại: Mô hình “Gia đình học tập 4.0”. Gõ “.” để giữ nguyên, hoặc gõ “xóa” để bỏ trống.\nTối đa 1.500 ký tự.',
    );
    r = await lan.say('xóa');
    expect(r[0]!.text).toContain('9. Mô hình hay, sáng kiến: (bỏ qua)');
    await lan.say('Gửi');
    expect(h.store.reports.listAll()[0]?.answers.models).toBeNull();
  });

  it('a question while editing a field is answered, then the same field is asked again', async () => {
    await lan.say('sửa 3');
    const r = await lan.say('hạn nộp là khi nào?');
    expect(r.map((m) => m.text)).toEqual([
      'Trả lời (kế hoạch cu-chi): hạn nộp là khi nào?',
      '📋 Bạn đang sửa báo cáo trước khi gửi. Tiếp tục (hoặc gõ /huy để hủy):\n\nSửa mục 3: Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng.\nCó bao nhiêu lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng?\nHiện tại: 120. Gõ “.” để giữ nguyên.',
    ]);
  });

  it('a number that is not a choice, or "không đồng ý", does not send; the reply says how to edit directly', async () => {
    for (const typed of ['5', 'không đồng ý', 'đừng']) {
      const r = await lan.say(typed);
      expect(r[0]!.text).toBe('Vui lòng chọn 1 (Gửi), 2 (Sửa) hoặc 3 (Hủy). Để sửa ngay một mục, gõ “Sửa” kèm số thứ tự của mục, ví dụ: “Sửa 2”.');
      expect(r[0]!.choices?.map((c) => c.label)).toEqual(['Gửi', 'Sửa', 'Hủy']);
    }
    expect(h.store.reports.count()).toBe(0);
    const r = await lan.say('gửi báo cáo');
    expect(seen(r)).toContain('Mã báo cáo: BC-');
  });
});

describe('cancelling as typed', () => {
  it('"hủy" typed without the slash asks for confirmation at a field, and "đừng hủy" keeps the draft', async () => {
    await reportUpTo(2);
    let r = await lan.say('Hủy');
    expect(r[0]!.text).toBe('Bạn có chắc muốn hủy bản nháp báo cáo đang làm? Các câu trả lời chưa gửi sẽ bị xóa.');
    expect(r[0]!.choices?.map((c) => c.label)).toEqual(['Có, hủy', 'Không, tiếp tục']);
    r = await lan.say('đừng hủy');
    expect(r[0]!.text).toBe('Tiếp tục:\n\n(Câu 3/11) Có bao nhiêu lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng?');
    await lan.say('/huy');
    r = await lan.say('ko');
    expect(r[0]!.text).toContain('Tiếp tục:\n\n(Câu 3/11)');
    await lan.say('huỷ');
    r = await lan.say('có');
    expect(r[0]!.text).toBe('Đã hủy bản nháp báo cáo. Gõ /baocao hoặc /dangky khi bạn muốn làm lại.');
    expect(h.store.conversations.get('telegram', '100')).toBeUndefined();
  });

  it('/huy in the "Sửa" menu and while editing a field; "hủy" with nothing in progress says so', async () => {
    await reportUpTo(REPORT.length);
    await lan.say('Sửa');
    let r = await lan.say('/huy');
    expect(r[0]!.text).toContain('Bạn có chắc muốn hủy bản nháp báo cáo đang làm?');
    r = await lan.say('2');
    expect(r[0]!.text).toBe('Tiếp tục:\n\nBạn muốn sửa mục nào? Gõ số thứ tự hoặc tên mục.');
    await lan.say('3');
    r = await lan.say('/CANCEL');
    r = await lan.say('1');
    expect(r[0]!.text).toBe('Đã hủy bản nháp báo cáo. Gõ /baocao hoặc /dangky khi bạn muốn làm lại.');
    r = await lan.say('hủy');
    expect(r[0]!.text).toBe('Hiện không có việc gì đang làm dở để hủy. Gõ /trogiup để xem các lệnh.');
    expect(h.store.reports.count()).toBe(0);
  });

  it('"Huy" is a name, not "hủy"', async () => {
    await lan.say('/dangky');
    const r = await lan.say('Huy');
    expect(r[0]!.text).toContain('(Câu 2/5)');
  });
});

describe('commands as typed', () => {
  it('capitals, @botname, diacritics, spaces and English aliases all reach the command', async () => {
    expect(seen(await lan.say('/BAOCAO@thidua_bot'))).toContain('Trước khi gửi báo cáo, vui lòng đăng ký đầu mối');
    expect(seen(await lan.say('/Huy'))).toContain('Bạn có chắc muốn hủy bản đăng ký đang làm?');
    expect(seen(await lan.say('có'))).toContain('Đã hủy bản đăng ký.');
    for (const typed of ['/Đăng Ký', '/dang ky', '/register', '/ dangky']) {
      expect(seen(await lan.say(typed))).toContain('(Câu 1/5) Họ và tên của bạn là gì?');
      await lan.sayAll(['/cancel', 'có']);
    }
    expect(seen(await lan.say('/tro giup'))).toContain('Các lệnh của trợ lý:');
    expect(seen(await lan.say('/báo cáo'))).toContain('(Câu 1/5) Họ và tên');
    expect(seen(await lan.say('/myreports'))).toContain('📋 Bạn đang đăng ký đầu mối: đã trả lời 0/5 mục.');
    expect(seen(await lan.say('/bao cao tuan nay'))).toContain('Không có lệnh “/bao”. Gõ /trogiup để xem các lệnh.');
  });
});

describe('over-long messages (MAX_INPUT_CHARS)', () => {
  beforeEach(() => {
    h.cleanup();
    answerer = new FakeAnswerer();
    h = harness({ answerer, env: { MAX_INPUT_CHARS: '100' } });
    lan = new ChatUser(h, '100');
  });

  it('a long question is answered from its first characters, with the notice of the ask command', async () => {
    const question = `Tiêu chí thi đua cấp xã ${'rất '.repeat(40)}cụ thể là gì?`;
    const r = await lan.say(question);
    const read = Array.from(question).slice(0, 100).join('').trim();
    expect(seen(r)).toBe(`(Câu hỏi dài quá 100 ký tự nên tôi chỉ đọc 100 ký tự đầu.)\nTrả lời (kế hoạch không rõ): ${read}`);
    expect(answerer.requests).toEqual([{ text: read }]);
  });

  it('a long answer to a form is refused, never cut; the same step is asked again', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const r = await lan.say(`Trường ${'Tiểu học '.repeat(20)}`.trim());
    expect(r.map((m) => m.text)).toEqual([
      'Tin nhắn dài 186 ký tự, vượt quá giới hạn 100 ký tự. Vui lòng rút gọn rồi gửi lại.',
      '📋 Bạn đang đăng ký đầu mối: đã trả lời 1/5 mục. Tiếp tục với câu hỏi dưới đây (hoặc gõ /huy để hủy):\n\n(Câu 2/5) Tên đơn vị của bạn là gì? (ví dụ: UBND xã An Nhơn Tây, Trường THCS Lê Lợi)',
    ]);
    expect(answerer.requests).toHaveLength(0);
  });

  it('a long command is refused too', async () => {
    const r = await lan.say(`/hoi ${'hạn nộp báo cáo '.repeat(10)}`);
    expect(seen(r)).toBe('Tin nhắn dài 165 ký tự, vượt quá giới hạn 100 ký tự. Vui lòng rút gọn rồi gửi lại.');
    expect(answerer.requests).toHaveLength(0);
  });
});
