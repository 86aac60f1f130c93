/**
 * A name or unit name typed without diacritics goes into official exports as typed, so the registration
 * offers once to type it again with them; either answer is accepted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, REGISTRATION, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
beforeEach(() => {
  h = harness();
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

const offer = (label: string, typed: string) =>
  `Bạn đã gõ “${typed}”, chưa có dấu tiếng Việt. Mục “${label}” được ghi vào các báo cáo và danh sách gửi cấp trên, nên nếu được, xin bạn gõ lại có dấu. Nếu muốn giữ nguyên như đã gõ, hãy gõ “.” hoặc “giữ”.`;
const contact = () => h.store.contacts.get('telegram', '100');

describe('the offer to retype a name with diacritics', () => {
  it('offers once; a name retyped with diacritics is stored', async () => {
    await lan.say('/dangky');
    let r = await lan.say('nguyen thi lan');
    expect(seen(r)).toBe(offer('Họ và tên', 'nguyen thi lan'));
    r = await lan.say('Nguyễn Thị Lan');
    expect(r[0]!.text).toContain('(Câu 2/5) Tên đơn vị');
    r = await lan.say('UBND xa An Nhon');
    expect(seen(r)).toBe(offer('Tên đơn vị', 'UBND xa An Nhon'));
    r = await lan.say('UBND xã An Nhơn');
    expect(r[0]!.text).toContain('(Câu 3/5)');
    await lan.sayAll(REGISTRATION.slice(2));
    await lan.say('Xác nhận');
    expect(contact()).toMatchObject({ fullName: 'Nguyễn Thị Lan', unitName: 'UBND xã An Nhơn' });
  });

  it('keeps the text as typed on ".", "giữ" or the same text again', async () => {
    await lan.say('/dangky');
    await lan.say('nguyen thi lan');
    let r = await lan.say('.');
    expect(r[0]!.text).toContain('(Câu 2/5)');
    await lan.say('UBND xa An Nhon');
    r = await lan.say('giữ');
    expect(r[0]!.text).toContain('(Câu 3/5)');
    r = await lan.sayAll([...REGISTRATION.slice(2)]);
    expect(r[0]!.text).toContain('1. Họ và tên: nguyen thi lan');
    expect(r[0]!.text).toContain('2. Tên đơn vị: UBND xa An Nhon');
    // "Sửa" the name, again without diacritics: no second offer in the same form.
    await lan.say('sửa họ tên');
    r = await lan.say('tran thi lan');
    expect(r[0]!.text).toContain('1. Họ và tên: tran thi lan');
    await lan.say('Xác nhận');
    expect(contact()).toMatchObject({ fullName: 'tran thi lan', unitName: 'UBND xa An Nhon' });

    const binh = new ChatUser(h, '200');
    await binh.say('/dangky');
    await binh.say('tran van binh');
    r = await binh.say('tran van binh');
    expect(r[0]!.text).toContain('(Câu 2/5)');
  });

  it('does not offer for words that carry no mark anyway, nor for a text with any mark', async () => {
    await lan.say('/dangky');
    for (const typed of ['Lan Anh', 'Nguyễn Thi Lan']) {
      await lan.say('/huy');
      await lan.say('có');
      await lan.say('/dangky');
      const r = await lan.say(typed);
      expect(r[0]!.text, typed).toContain('(Câu 2/5)');
    }
  });

  it('asks the offer again after a question typed in between', async () => {
    await lan.say('/dangky');
    await lan.say('nguyen thi lan');
    const r = seen(await lan.say('Hạn nộp báo cáo của Củ Chi là khi nào?'));
    expect(r).toContain(offer('Họ và tên', 'nguyen thi lan'));
  });
});
