/** The core with the real answerer (src/answers/answerer.ts) over the real plans. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answers/answerer.js';
import { texts } from '../../src/dialog/messages.js';
import { ChatUser, harness, realKnowledge, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
beforeAll(() => {
  h = harness({ answerer: createAnswerer(realKnowledge()) });
});
afterAll(() => h.cleanup());

describe('core + real answerer', () => {
  it('the example questions of /batdau are answered', async () => {
    const user = new ChatUser(h, 'ex');
    for (const q of texts.exampleQuestions) {
      const r = await user.say(q);
      expect(r).toHaveLength(1);
      // No "which plan?": at most the parts of a long answer to open.
      expect((r[0]!.choices ?? []).every((c) => c.id.startsWith('part:'))).toBe(true);
      expect(r[0]!.text).not.toContain('không tìm thấy');
    }
    expect(h.store.questions.list().filter((q) => texts.exampleQuestions.includes(q.text))).toEqual([]);
  });

  it('without a registered plan, "hạn nộp là khi nào?" asks which plan; the name typed next answers it', async () => {
    const user = new ChatUser(h, 'clarify');
    let r = await user.say('hạn nộp là khi nào?');
    expect(r[0]!.choices?.map((c) => c.id)).toContain('p:cu-chi');
    expect(h.store.questions.list()[0]).toMatchObject({ text: 'hạn nộp là khi nào?', status: 'clarify' });
    r = await user.say('cu chi');
    expect(r[0]!.text).toContain('Củ Chi');
    expect(r[0]!.answer).toMatchObject({ status: 'answer', intent: 'deadlines' });
    expect((r[0]!.choices ?? []).every((c) => c.id.startsWith('part:'))).toBe(true);
  });

  it('a registered user gets the answer for their own plan, also in the middle of a report', async () => {
    const user = new ChatUser(h, 'reg');
    await user.sayAll(['/baocao', ...REGISTRATION, '1', ...REPORT.slice(0, 2)]);
    const r = await user.say('hạn nộp báo cáo là khi nào?');
    expect(r).toHaveLength(2);
    expect(r[0]!.text).toContain('(Củ Chi)');
    expect(r[1]!.text).toContain('📋 Bạn đang điền báo cáo: đã trả lời 2/11 mục.');
    expect(r[1]!.text).toContain('(Câu 3/11)');
    const done = await user.sayAll([...REPORT.slice(2), '1']);
    expect(seen(done)).toContain('Mã báo cáo: BC-');
  });

  it('mid-report, a topic typed where a number is expected ("tiêu chí cấp xã") is answered; a wrong count is not', async () => {
    const user = new ChatUser(h, 'topic');
    await user.sayAll(['/baocao', ...REGISTRATION, '1']);
    let r = await user.say('tiêu chí cấp xã');
    expect(r).toHaveLength(2);
    expect(r[0]!.text).toContain('Tiêu chí thi đua');
    expect(r[0]!.text).toContain('(Củ Chi)');
    expect(r[1]!.text).toContain('📋 Bạn đang điền báo cáo: đã trả lời 0/11 mục.');
    expect(r[1]!.text).toContain('(Câu 1/11) Năm báo cáo là năm nào?');
    await user.sayAll(REPORT.slice(0, 2));
    r = await user.say('khen thưởng');
    expect(r[0]!.text).toContain('Hình thức khen thưởng');
    expect(r[1]!.text).toContain('(Câu 3/11)');
    r = await user.say('nhiều lắm');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain('⚠️ Vui lòng gõ một số nguyên từ 0 trở lên, ví dụ: 120.');
    expect(h.store.questions.list().map((q) => q.text)).not.toContain('nhiều lắm');
  });

  it('at the plan choice of registration, a wrong plan name is explained, not answered', async () => {
    const user = new ChatUser(h, 'choice');
    await user.sayAll(['/dangky', 'Nguyễn Thị Lan', 'UBND xã An Nhơn Tây']);
    const r = await user.say('không phải Thái Bình');
    expect(r).toHaveLength(1);
    expect(r[0]!.text).toContain('⚠️ Vui lòng chọn một kế hoạch trong danh sách');
  });

  it('a question asked without a form that is longer than MAX_INPUT_CHARS is answered from its beginning', async () => {
    const user = new ChatUser(h, 'long');
    const r = await user.say(`Hạn nộp báo cáo của Tây Ninh là khi nào? ${'Xin cảm ơn. '.repeat(300)}`);
    expect(r).toHaveLength(1);
    expect(r[0]!.text.split('\n')[0]).toBe('(Câu hỏi dài quá 2.000 ký tự nên tôi chỉ đọc 2.000 ký tự đầu.)');
    expect(r[0]!.text).toContain('(Tây Ninh)');
  });

  it('a question the documents do not answer is logged as not_found', async () => {
    const user = new ChatUser(h, 'nf');
    const r = await user.say('Giá vàng hôm nay bao nhiêu?');
    expect(r[0]!.text.length).toBeGreaterThan(0);
    expect(h.store.questions.list({ status: 'not_found' }).map((q) => q.text)).toContain('Giá vàng hôm nay bao nhiêu?');
  });
});
