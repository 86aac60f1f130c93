import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, REGISTRATION, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
beforeEach(() => {
  h = harness();
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

const contactOf = (userId = '100') => h.store.contacts.get('telegram', userId);

describe('registration (/dangky)', () => {
  it('asks the five questions in order, shows a summary and saves on "1" (Xác nhận)', async () => {
    let r = await lan.say('/dangky');
    expect(seen(r)).toContain('(Câu 1/5) Họ và tên của bạn là gì?');
    r = await lan.say(REGISTRATION[0]!);
    expect(seen(r)).toContain('(Câu 2/5) Tên đơn vị');
    r = await lan.say(REGISTRATION[1]!);
    expect(r[0]!.text).toContain('(Câu 3/5) Đơn vị của bạn thực hiện theo kế hoạch nào?');
    expect(r[0]!.choices?.map((c) => c.id)).toEqual(['plan:thai-binh-cdyt', 'plan:thai-binh', 'plan:bac-kan-vp', 'plan:cu-chi', 'plan:tay-ninh', 'plan:khanh-hoa']);
    r = await lan.say('4');
    expect(seen(r)).toContain('(Câu 4/5) Chức vụ của bạn là gì? (không bắt buộc)\nGõ “bỏ qua” nếu không có.');
    r = await lan.say(REGISTRATION[3]!);
    expect(seen(r)).toContain('(Câu 5/5) Số điện thoại');
    r = await lan.say(REGISTRATION[4]!);
    expect(r[0]!.text).toBe(
      [
        'Thông tin đăng ký của bạn:',
        '1. Họ và tên: Nguyễn Thị Lan',
        '2. Tên đơn vị: UBND xã An Nhơn Tây',
        '3. Kế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi',
        '4. Chức vụ: Phó Chủ tịch UBND xã',
        '5. Số điện thoại: 0912 345 678',
        '',
        'Chọn “Xác nhận” nếu thông tin đã đúng, “Sửa” để sửa một mục, hoặc “Hủy”.',
      ].join('\n'),
    );
    expect(r[0]!.choices).toEqual([
      { id: 'form:ok', label: 'Xác nhận' },
      { id: 'form:edit', label: 'Sửa' },
      { id: 'form:cancel', label: 'Hủy' },
    ]);
    expect(contactOf()).toBeUndefined();
    r = await lan.say('1');
    expect(seen(r)).toBe(
      '✅ Đã lưu đăng ký đầu mối của đơn vị “UBND xã An Nhơn Tây”.\nKế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi.\nGõ /baocao để gửi báo cáo năm của đơn vị.',
    );
    expect(contactOf()).toMatchObject({
      fullName: 'Nguyễn Thị Lan',
      unitName: 'UBND xã An Nhơn Tây',
      planId: 'cu-chi',
      role: 'Phó Chủ tịch UBND xã',
      phone: '+84912345678',
      chatId: '100',
    });
    expect(h.store.conversations.get('telegram', '100')).toBeUndefined();
  });

  it('works with buttons (choice ids) and with labels typed without diacritics', async () => {
    await lan.sayAll(['/register', 'Trần Văn Bình', 'Trường THCS Lê Lợi']);
    await lan.press('plan:khanh-hoa');
    await lan.say('bo qua');
    await lan.press('form:skip');
    const r = await lan.say('xac nhan');
    expect(seen(r)).toContain('✅ Đã lưu đăng ký đầu mối của đơn vị “Trường THCS Lê Lợi”.\nKế hoạch: Kế hoạch của UBND tỉnh Khánh Hòa');
    expect(contactOf()).toMatchObject({ planId: 'khanh-hoa', role: null, phone: null });

    const other = new ChatUser(h, '101');
    await other.sayAll(['/dangky', 'Lê Thị Hoa', 'UBND xã Phú Hòa Đông', 'huyen cu chi', '-', '-']);
    await other.press('form:ok');
    expect(contactOf('101')?.planId).toBe('cu-chi');
  });

  it('explains what is expected for each wrong answer and asks the same question again', async () => {
    await lan.say('/dangky');
    let r = await lan.say('😀😀');
    expect(r[0]!.text).toBe('⚠️ Vui lòng gõ họ và tên đầy đủ bằng chữ, ví dụ: Nguyễn Thị Lan.\n\n(Câu 1/5) Họ và tên của bạn là gì?');
    r = await lan.say('bỏ qua');
    expect(r[0]!.text).toContain('⚠️ Mục này bắt buộc, không thể bỏ qua. Vui lòng gõ họ và tên');
    r = await lan.say('A');
    expect(r[0]!.text).toContain('⚠️ Câu trả lời quá ngắn (cần ít nhất 2 ký tự).');
    r = await lan.say('N'.repeat(101));
    expect(r[0]!.text).toContain('⚠️ Nội dung dài 101 ký tự, vượt quá giới hạn 100 ký tự của mục này. Vui lòng rút gọn rồi gửi lại');
    await lan.sayAll(['Nguyễn Thị Lan', 'UBND xã An Nhơn Tây']);
    r = await lan.say('Hà Nội');
    expect(r[0]!.text).toContain('⚠️ Vui lòng chọn một kế hoạch trong danh sách: gõ số thứ tự (ví dụ: 1) hoặc tên địa phương.');
    expect(r[0]!.choices).toHaveLength(6);
    r = await lan.say('Thái Bình');
    expect(r[0]!.text).toContain(
      '⚠️ Có 2 mục khớp với câu trả lời: “Công văn số 209/CDYT ngày 26/4/2024 của Công đoàn ngành Y tế Thái Bình”, “Kế hoạch số 62/KH-UBND ngày 27/3/2024 của UBND tỉnh Thái Bình”. Vui lòng gõ số thứ tự của mục bạn chọn.',
    );
    r = await lan.say('9');
    expect(r[0]!.text).toContain('⚠️ Vui lòng chọn một kế hoạch');
    await lan.sayAll(['2', 'bỏ qua']);
    r = await lan.say('0123');
    expect(r[0]!.text).toBe(
      '⚠️ Số điện thoại chưa đúng. Vui lòng gõ số điện thoại Việt Nam, ví dụ: 0912 345 678 hoặc 0227 3831 234.\n\n(Câu 5/5) Số điện thoại liên hệ của bạn? (không bắt buộc)\nGõ “bỏ qua” nếu không có.',
    );
  });

  it('after 3 wrong answers in a row offers skip (optional field) or cancel', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION.slice(0, 4)]);
    let r = await lan.say('123');
    expect(r[0]!.text).not.toContain('3 lần');
    r = await lan.say('abc');
    expect(r[0]!.text).not.toContain('3 lần');
    r = await lan.say('0000');
    expect(r[0]!.text).toContain('Bạn đã trả lời chưa đúng 3 lần liên tiếp. Gõ “bỏ qua” để bỏ qua mục này, hoặc /huy để hủy.');
    r = await lan.say('bỏ qua');
    expect(r[0]!.text).toContain('5. Số điện thoại: (bỏ qua)');
  });

  it('after 3 wrong answers to a required field offers only cancel; a right answer resets the count', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan', 'UBND xã An Nhơn Tây', 'Hà Nội', 'Đà Nẵng']);
    let r = await lan.say('Huế');
    expect(r[0]!.text).toContain('Bạn đã trả lời chưa đúng 3 lần liên tiếp. Mục này bắt buộc: hãy trả lời theo hướng dẫn trên, hoặc gõ /huy để hủy.');
    r = await lan.say('4');
    expect(r[0]!.text).toContain('(Câu 4/5)');
    r = await lan.say('x');
    expect(r[0]!.text).not.toContain('3 lần');
  });

  it('edits a field from the summary (by number, by name, "sửa <field>") and returns to the summary', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION]);
    let r = await lan.say('2'); // Sửa
    expect(r[0]!.text).toBe('Bạn muốn sửa mục nào? Gõ số thứ tự hoặc tên mục.');
    expect(r[0]!.choices?.map((c) => c.label)).toEqual(['Họ và tên', 'Tên đơn vị', 'Kế hoạch', 'Chức vụ', 'Số điện thoại', 'Quay lại tóm tắt']);
    r = await lan.say('số điện thoại');
    expect(r[0]!.text).toBe(
      'Sửa mục 5: Số điện thoại.\nSố điện thoại liên hệ của bạn? (không bắt buộc)\nHiện tại: 0912 345 678. Gõ “.” để giữ nguyên, hoặc gõ “xóa” để bỏ trống.',
    );
    r = await lan.say('0227 3831 234');
    expect(r[0]!.text).toContain('5. Số điện thoại: 0227 3831 234');
    expect(r[0]!.text).toContain('Thông tin đăng ký của bạn:');
    r = await lan.say('sửa 2');
    expect(r[0]!.text).toContain('Sửa mục 2: Tên đơn vị.');
    r = await lan.say('UBND xã Tân Thông Hội');
    expect(r[0]!.text).toContain('2. Tên đơn vị: UBND xã Tân Thông Hội');
    r = await lan.press('form:edit');
    r = await lan.say('3');
    expect(r[0]!.choices).toHaveLength(6);
    r = await lan.say('.'); // keep the current plan
    expect(r[0]!.text).toContain('3. Kế hoạch: Kế hoạch số 1792/KH-UBND');
    await lan.say('Sửa');
    r = await lan.say('6'); // Quay lại tóm tắt
    expect(r[0]!.text).toContain('Thông tin đăng ký của bạn:');
    await lan.say('1');
    expect(contactOf()).toMatchObject({ unitName: 'UBND xã Tân Thông Hội', phone: '+842273831234' });
  });

  it('cancels after a confirmation; "Không, tiếp tục" resumes where it was', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    let r = await lan.say('/huy');
    expect(r[0]!.text).toBe('Bạn có chắc muốn hủy bản đăng ký đang làm? Các câu trả lời chưa gửi sẽ bị xóa.');
    expect(r[0]!.choices).toEqual([
      { id: 'cancel:yes', label: 'Có, hủy' },
      { id: 'cancel:no', label: 'Không, tiếp tục' },
    ]);
    r = await lan.say('2');
    expect(r[0]!.text).toBe('Tiếp tục:\n\n(Câu 2/5) Tên đơn vị của bạn là gì? (ví dụ: UBND xã An Nhơn Tây, Trường THCS Lê Lợi)');
    await lan.say('/cancel');
    r = await lan.press('cancel:yes');
    expect(r[0]!.text).toBe('Đã hủy bản đăng ký. Gõ /baocao hoặc /dangky khi bạn muốn làm lại.');
    expect(h.store.conversations.get('telegram', '100')).toBeUndefined();
    r = await lan.say('/huy');
    expect(r[0]!.text).toBe('Hiện không có việc gì đang làm dở để hủy. Gõ /trogiup để xem các lệnh.');
  });

  it('"Hủy" in the summary also asks for confirmation; a second /huy confirms', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION]);
    let r = await lan.say('3');
    expect(r[0]!.text).toContain('Bạn có chắc muốn hủy bản đăng ký');
    r = await lan.say('/huy');
    expect(r[0]!.text).toContain('Đã hủy bản đăng ký.');
    expect(contactOf()).toBeUndefined();
  });

  it('re-registering proposes the current answers ("." keeps them) and updates the contact', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
    let r = await lan.say('/dangky');
    expect(r[0]!.text).toContain('(Câu 1/5) Họ và tên của bạn là gì?\nGõ “.” để giữ: Nguyễn Thị Lan.');
    r = await lan.say('.');
    r = await lan.say('UBND xã Trung Lập Hạ');
    expect(r[0]!.text).toContain('Gõ “.” để giữ: Kế hoạch số 1792/KH-UBND');
    r = await lan.sayAll(['.', '.', 'bỏ qua']);
    expect(r[0]!.text).toContain('1. Họ và tên: Nguyễn Thị Lan');
    expect(r[0]!.text).toContain('5. Số điện thoại: 0912 345 678');
    await lan.say('Xác nhận');
    expect(h.store.contacts.count()).toBe(1);
    expect(contactOf()).toMatchObject({ unitName: 'UBND xã Trung Lập Hạ', planId: 'cu-chi', phone: '+84912345678', role: 'Phó Chủ tịch UBND xã' });
  });

  it('is refused in a group chat, without touching the private draft', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const inGroup = new ChatUser(h, '100', { chatId: '-500', chatType: 'group' });
    let r = await inGroup.say('/dangky@thidua_bot');
    expect(seen(r)).toBe(
      'Việc đăng ký, gửi và xem báo cáo chỉ thực hiện trong tin nhắn riêng để bảo vệ thông tin của đơn vị. Vui lòng nhắn riêng cho tôi để tiếp tục.',
    );
    r = await inGroup.say('/baocao');
    expect(seen(r)).toContain('chỉ thực hiện trong tin nhắn riêng');
    r = await inGroup.say('UBND xã Sai Lầm'); // a group message is never a form answer
    expect(seen(r)).not.toContain('Câu 3/5');
    r = await lan.say('UBND xã An Nhơn Tây');
    expect(r[0]!.text).toContain('(Câu 3/5)');
  });
});
