/**
 * The conversation through the core with the real answerer: follow-ups that lean on the previous answer,
 * a menu that gives way, small talk, the parts of a long answer; and the context's life (per chat,
 * across a restart, ending after the quiet period and on /huy). Questions written for these tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import type { Outbound } from '../../src/dialog/types.js';
import { ChatUser, harness, realKnowledge, type Harness } from './support.js';

let engine: AnswerEngine | undefined;
let h: Harness;
beforeEach(() => {
  engine ??= createAnswerer(realKnowledge());
  h = harness({ answerer: engine, env: { CONTEXT_IDLE_MINUTES: '30' } });
});
afterEach(() => h.cleanup());

const plansOf = (r: readonly Outbound[]) => [...new Set((r.find((o) => o.answer)?.answer?.sources ?? []).map((s) => s.plan))];
const intentOf = (r: readonly Outbound[]) => r.find((o) => o.answer)?.answer?.intent;
const minutes = (n: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + n * 60_000);
};

describe('follow-ups', () => {
  it('"còn X thì sao", "ở đó", "của huyện": each takes what it lacks from the answer before', async () => {
    const user = new ChatUser(h, 'f1');
    await user.say('Củ Chi hạn nộp báo cáo là ngày nào');
    let r = await user.say('thế còn Tây Ninh thì sao?');
    expect(plansOf(r)).toEqual(['tay-ninh']);
    expect(intentOf(r)).toBe('deadlines');
    expect(r[0]!.text.split('\n')[0]).toBe('Tây Ninh — hạn báo cáo và các mốc thời gian (tiếp câu hỏi trước):');
    r = await user.say('tiêu chí cấp xã ở đó?');
    expect(plansOf(r)).toEqual(['tay-ninh']);
    expect(r[0]!.answer?.sources).toEqual([{ plan: 'tay-ninh', section: 'III.2.3' }]);
    r = await user.say('còn của huyện');
    expect(r[0]!.answer?.sources).toEqual([{ plan: 'tay-ninh', section: 'III.2.2' }]);
  });

  it('the context survives a restart of the bot', async () => {
    await new ChatUser(h, 'f2').say('kinh phí của Khánh Hòa lấy từ nguồn nào');
    h.restart();
    const r = await new ChatUser(h, 'f2').say('còn Tây Ninh?');
    expect(plansOf(r)).toEqual(['tay-ninh']);
    expect(intentOf(r)).toBe('funding');
  });

  it('ends after the quiet period, and on /huy', async () => {
    const user = new ChatUser(h, 'f3');
    await user.say('kinh phí của Khánh Hòa lấy từ nguồn nào');
    minutes(31);
    let r = await user.say('còn Tây Ninh?');
    expect(intentOf(r)).toBe('document');
    expect(r[0]!.text).not.toContain('tiếp câu hỏi trước');

    await user.say('kinh phí của Khánh Hòa lấy từ nguồn nào');
    minutes(29);
    r = await user.say('/huy');
    expect(r[0]!.text).toBe('Đã bỏ ngữ cảnh các câu hỏi trước. Câu hỏi tiếp theo sẽ được hiểu độc lập.');
    r = await user.say('còn Tây Ninh?');
    expect(intentOf(r)).toBe('document');
  });

  it('the registered plan is the default only when the context has none', async () => {
    const user = new ChatUser(h, 'f4');
    h.store.contacts.upsert({ channel: 'telegram', userId: 'f4', chatId: 'f4', fullName: 'Lê Văn Hòa', unitName: 'UBND xã Tân Thông Hội', planId: 'cu-chi', role: null, phone: null, at: h.clock.now });
    let r = await user.say('kinh phí lấy từ đâu');
    expect(plansOf(r)).toEqual(['cu-chi']);
    await user.say('hạn báo cáo của Khánh Hòa');
    r = await user.say('vậy kinh phí lấy từ đâu');
    expect(plansOf(r)).toEqual(['khanh-hoa']);
  });

  it('in a group, each member has their own thread', async () => {
    const a = new ChatUser(h, 'ga', { chatId: 'group-1', chatType: 'group' });
    const b = new ChatUser(h, 'gb', { chatId: 'group-1', chatType: 'group' });
    await a.say('hạn báo cáo của Khánh Hòa');
    await b.say('kinh phí của Củ Chi lấy từ đâu');
    expect(plansOf(await a.say('còn Tây Ninh?'))).toEqual(['tay-ninh']);
    expect(intentOf(await a.say('còn Tây Ninh?'))).toBe('deadlines');
    expect(intentOf(await b.say('còn Tây Ninh?'))).toBe('funding');
  });
});

describe('a menu gives way', () => {
  it('a question of its own is answered as such; the old one is dropped', async () => {
    const user = new ChatUser(h, 'm1');
    let r = await user.say('kinh phi lay tu dau');
    expect(r[0]!.answer?.status).toBe('clarify');
    r = await user.say('han nop bao cao khanh hoa');
    expect(intentOf(r)).toBe('deadlines');
    expect(plansOf(r)).toEqual(['khanh-hoa']);
  });

  it('a number, a plan name or a short form as typed picks from it', async () => {
    for (const [pick, plan] of [
      ['2', 'tay-ninh'],
      ['khanh hoa', 'khanh-hoa'],
      ['KH 1792', 'cu-chi'],
      ['TN', 'tay-ninh'],
    ] as const) {
      const user = new ChatUser(h, `m-${pick}`);
      const menu = await user.say('kinh phí thực hiện lấy từ nguồn nào');
      expect(menu[0]!.choices?.map((c) => c.label)).toEqual(['Củ Chi — Kế hoạch 1792/KH-UBND', 'Tây Ninh — Kế hoạch UBND tỉnh', 'Khánh Hòa — Kế hoạch UBND tỉnh']);
      const r = await user.say(pick);
      expect(plansOf(r), pick).toEqual([plan]);
      expect(intentOf(r), pick).toBe('funding');
      // The plan picked is remembered: the next question stays with it.
      expect(plansOf(await user.say('còn hạn báo cáo?')), pick).toEqual([plan]);
    }
  });

  it('a pick answers the question as it was asked, its aside about the asker included, for that plan', async () => {
    const user = new ChatUser(h, 'm-aside');
    const menu = await user.say('văn bản này ai ký vậy, mình cần điền vào tờ trình gửi thủ trưởng cơ quan');
    expect(menu[0]!.answer?.status).toBe('clarify');
    const r = await user.say('Thái Bình KH 62');
    expect(plansOf(r)).toEqual(['thai-binh']);
    expect(r[0]!.text).toContain('Trần Thị Bích Hằng');
  });

  it('"trích nguyên văn câu đó cho mình với" quotes the section the answer came from, the pointing words and the politeness aside', async () => {
    const user = new ChatUser(h, 'm-quote');
    const first = await user.say('ở Tây Ninh dịp nào thì biểu dương các gương điển hình học tập');
    const section = first[0]!.answer?.sources[0];
    expect(section?.plan).toBe('tay-ninh');
    const r = await user.say('trích nguyên văn câu đó cho mình với');
    expect(r[0]!.answer?.status).toBe('answer');
    expect(r[0]!.answer?.sources).toEqual([section]);
  });

  it('a follow-up asked of a stage just quoted, after a plan that states no date, is answered by the body named there', async () => {
    const user = new ChatUser(h, 'm-body');
    const r1 = await user.say('văn phòng ubnd bắc kạn gửi báo cáo hàng năm hạn chót ngày nào');
    expect(r1[0]!.answer?.status).toBe('not_found');
    const r2 = await user.say('thế ai làm chế độ báo cáo');
    expect(r2[0]!.answer?.status).toBe('answer');
    expect(r2[0]!.text).toContain('Phòng Hành chính tổ chức - Quản trị tài vụ');
  });
});

describe('small talk', () => {
  it('gets one short polite reply, leaves the context alone, and is not logged as unanswered', async () => {
    const user = new ChatUser(h, 's1');
    const greet = await user.say('chào bạn');
    expect(greet).toHaveLength(1);
    expect(greet[0]!.text.length).toBeLessThanOrEqual(200);
    expect(greet[0]!.text).toMatch(/^Xin chào/);
    expect(greet[0]!.text).toMatch(/ví dụ: “.+”, “.+”\./);
    await user.say('hạn báo cáo Tây Ninh');
    for (const t of ['cảm ơn bạn nhiều', 'ok', 'alo', 'bạn là ai', 'tạm biệt', '👍', '2']) {
      const r = await user.say(t);
      expect(r, t).toHaveLength(1);
      expect(r[0]!.text.length, t).toBeLessThanOrEqual(200);
      expect(r[0]!.answer?.status, t).toBe('reply');
    }
    expect(plansOf(await user.say('còn kinh phí?'))).toEqual(['tay-ninh']);
    expect(h.store.questions.list().map((q) => q.text)).toEqual([]);
  });

  it('/batdau keeps the full introduction', async () => {
    const [intro] = await new ChatUser(h, 's2').say('/batdau');
    expect(intro!.text.length).toBeGreaterThan(400);
  });
});

describe('answers sized for a phone', () => {
  it('a single-fact answer is one message of at most 1,000 characters, the key fact on its first line', async () => {
    const user = new ChatUser(h, 'p1');
    for (const q of ['hạn nộp báo cáo năm của Khánh Hòa', 'Tây Ninh sơ kết khen thưởng những hình thức nào', 'ai ký công văn 209']) {
      const r = await user.say(q);
      expect(r, q).toHaveLength(1);
      expect(r[0]!.text.length, q).toBeLessThanOrEqual(1000);
    }
    const [deadline] = await user.say('hạn nộp báo cáo năm của Khánh Hòa');
    expect(deadline!.text.split('\n')[0]).toBe('Hạn và mốc thời gian (Khánh Hòa): trước ngày 01/12 hằng năm.');
  });

  it('a long answer is an overview whose parts open by choice, by number or button, as often as wanted', async () => {
    const user = new ChatUser(h, 'p2');
    const [overview] = await user.say('các tỉnh khen thưởng những hình thức nào');
    expect(overview!.text.length).toBeLessThanOrEqual(1000);
    const choices = overview!.choices!;
    expect(choices.length).toBeGreaterThanOrEqual(3);
    expect(choices.every((c) => c.id.startsWith('part:') && c.label.startsWith('Xem: ') && c.label.length <= 40)).toBe(true);
    const second = await user.say('2');
    expect(second[0]!.text).toContain(choices[1]!.label.replace('Xem: ', '').replace('…', ''));
    expect(second[0]!.choices).toEqual(choices);
    const third = await user.press(choices[2]!.id);
    expect(third[0]!.text).toContain(choices[2]!.label.replace('Xem: ', '').replace('…', ''));
  });
});
