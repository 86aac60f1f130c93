/** The answerer given the conversation so far: follow-ups completed from it, and what each answer resolved. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import type { AnswerResult, AskContext } from '../../src/answers/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

let answerer: AnswerEngine;
beforeAll(() => {
  answerer = createAnswerer(loadKnowledge());
});

/** Asks each line in turn, each with the context the previous answer resolved (small talk keeps it). */
function converse(lines: readonly string[], planId?: string): AnswerResult[] {
  let context: AskContext | undefined;
  return lines.map((text) => {
    const r = answerer.answer({ text, ...(planId ? { planId } : {}), ...(context ? { context } : {}) });
    if (r.resolved && !r.smallTalk) context = r.resolved;
    return r;
  });
}
const plansOf = (r: AnswerResult) => [...new Set(r.sources.map((s) => s.plan))];

describe('follow-ups take what they lack from the context', () => {
  it('"còn X thì sao?": the same topic for another plan, and the first line says what was taken', () => {
    const [, next] = converse(['Củ Chi hạn nộp báo cáo là ngày nào', 'thế còn Khánh Hòa thì sao?']);
    expect(next!.status).toBe('answer');
    expect(next!.intent).toBe('deadlines');
    expect(plansOf(next!)).toEqual(['khanh-hoa']);
    expect(next!.filled).toContain('topic');
    expect(next!.text.split('\n')[0]).toBe('Khánh Hòa — hạn báo cáo và các mốc thời gian (tiếp câu hỏi trước):');
  });

  it('after an answer every plan gave alike to a question naming none, a follow-up is asked of them all again', () => {
    const [first, next] = converse(['Giai đoạn II của phong trào thực hiện từ năm nào', 'thế còn giai đoạn I']);
    expect(first!.status).toBe('answer');
    expect(first!.text).toContain('Giai đoạn 2 (từ 2026-2030)');
    expect(plansOf(first!).length).toBe(5);
    // Phase 1 starts in 2024 in Tây Ninh, in 2023 elsewhere: which plan, not five answers side by side.
    expect(next!.status).toBe('clarify');
  });

  it('after "which plan?", a yes/no question of its own naming a place is that question, not the menu\'s', () => {
    const [, next] = converse(['ai ký văn bản vậy', 'Củ Chi có Giấy khen không']);
    expect(next!.status).toBe('answer');
    expect(next!.intent).toBe('awards');
    expect(plansOf(next!)).toEqual(['cu-chi']);
    expect(next!.filled ?? []).not.toContain('topic');
    expect(next!.text).not.toContain('tiếp câu hỏi trước');
  });

  it('"có giống không" after a plan switch asks the same of the other plan', () => {
    const [, next] = converse(['tiêu chí thi đua với cấp xã ở Tây Ninh là gì', 'thai binh co giong vay khong']);
    expect(next!.status).toBe('answer');
    expect(next!.intent).toBe('criteria');
    expect(plansOf(next!)).toEqual(['thai-binh']);
    // With a slot of its own it is still the previous question, not a yes/no of its own…
    const [, , third] = converse(['tiêu chí thi đua với cấp huyện ở Tây Ninh là gì', 'cấp xã thì sao', 'Thái Bình cấp xã có giống không']);
    expect(third!.sources).toEqual([{ plan: 'thai-binh', section: 'IV.2.d' }]);
    // …and "giống" weighs nothing in a question of its own.
    expect(converse(['Khánh Hòa có tiêu chí cho cấp huyện giống Tây Ninh không'])[0]!.status).toBe('answer');
  });

  it('another body asked after a body\'s tasks gets its own section, not the one just quoted that names it', () => {
    const [, next] = converse(['Khánh Hòa: Sở Giáo dục và Đào tạo làm gì', 'hội khuyến học tỉnh thì làm gì']);
    expect(next!.sources).toEqual([{ plan: 'khanh-hoa', section: 'VII.6' }]);
  });

  it('a new topic without a place stays with the plan of the conversation', () => {
    const [, next] = converse(['tiêu chí thi đua cấp xã ở Tây Ninh', 'vậy kinh phí lấy từ đâu']);
    expect(next!.intent).toBe('funding');
    expect(plansOf(next!)).toEqual(['tay-ninh']);
    expect(next!.filled).toEqual(['plan']);
    expect(next!.text.split('\n')[0]).toMatch(/^Tây Ninh — kinh phí thực hiện \(tiếp câu hỏi trước\):$/);
  });

  it('"của huyện" after a criteria question: the other group of the same plan', () => {
    const [first, next] = converse(['Tây Ninh đặt tiêu chí gì cho cấp xã', 'còn của huyện']);
    expect(first!.sources.map((s) => s.section)).toEqual(['III.2.3']);
    expect(next!.sources.map((s) => s.section)).toEqual(['III.2.2']);
  });

  it('a plan picked after "which plan?" answers the question that was asked', () => {
    const [menu, picked, more] = converse(['kinh phí thực hiện lấy từ nguồn nào', 'Tây Ninh', 'còn Khánh Hòa']);
    expect(menu!.status).toBe('clarify');
    expect(menu!.resolved!.plans).toEqual([]);
    expect(picked!.intent).toBe('funding');
    expect(plansOf(picked!)).toEqual(['tay-ninh']);
    expect(plansOf(more!)).toEqual(['khanh-hoa']);
    expect(more!.intent).toBe('funding');
  });

  it('a complete new question replaces the context, even right after a menu', () => {
    const [, next] = converse(['kinh phí thực hiện lấy từ nguồn nào', 'Củ Chi giao phòng nào tổng hợp báo cáo của các đơn vị']);
    expect(plansOf(next!)).toEqual(['cu-chi']);
    expect(next!.intent).not.toBe('funding');
    expect(next!.filled).toBeUndefined();
  });

  it('"nói rõ hơn" quotes the section the previous answer came from', () => {
    const [first, more] = converse(['Bắc Kạn sơ kết giai đoạn 1 vào năm nào', 'nói rõ hơn']);
    // Of a heading and the item under it, the item ("V.1", not "V").
    const cited = first!.sources.filter((s) => s.section);
    const section = cited.find((s) => !cited.some((x) => x.section.startsWith(`${s.section}.`)))!;
    expect(more!.status).toBe('answer');
    expect(more!.sources).toEqual([section]);
  });

  it('a detail request said politely ("giúp mình", "đoạn đó") is still a detail request, and quotes the item, not its heading', () => {
    const [first, more] = converse(['Tây Ninh sơ kết giai đoạn 1 như thế nào', 'cho mình xem nguyên văn giúp phần đó nhé']);
    expect(first!.status).toBe('answer');
    expect(more!.status).toBe('answer');
    const cited = first!.sources.map((s) => s.section);
    const deepest = cited.filter((c) => !cited.some((x) => x.startsWith(`${c}.`)));
    expect(more!.sources.map((s) => s.section)).toEqual([deepest[0]]);
  });

  it('an ordinal picks that item of the previous answer', () => {
    const [list, item] = converse(['các giải pháp thực hiện của Bắc Kạn', 'ý thứ 2']);
    expect(list!.status).toBe('answer');
    expect(item!.status).toBe('answer');
    expect(item!.text).toMatch(/ý thứ hai|thứ 2/);
    expect(item!.text.length).toBeLessThan(list!.text.length);
  });

  it('"ý thứ hai nói gì", "ý đầu tiên là gì": the ordinal with its question words still picks the item', () => {
    const [, second, plain] = converse(['các giải pháp thực hiện của Bắc Kạn', 'ý thứ hai nói gì', 'ý thứ 2']);
    expect(second!.status).toBe('answer');
    expect(second!.text).toBe(plain!.text);
    const [, first] = converse(['các giải pháp thực hiện của Bắc Kạn', 'ý đầu tiên là gì vậy']);
    expect(first!.status).toBe('answer');
    expect(first!.text).toMatch(/ý thứ nhất|thứ 1/);
  });

  it('an ordinal with words of its own, after one item of a list was read, is another item of that list', () => {
    const [, , sibling] = converse(['mục đích yêu cầu của Khánh Hòa có những ý nào', 'phần yêu cầu ý b', 'còn ý a thì đề cập đến những gì']);
    expect(sibling!.sources).toEqual([{ plan: 'khanh-hoa', section: 'I.2.a' }]);
    expect(sibling!.text).toContain('2. Yêu cầu › Mục I.2.a (ý thứ nhất của mục I.2)');
  });

  it('small talk leaves the context alone; the registered plan counts only when the context has none', () => {
    const [, , next] = converse(['hạn báo cáo của Tây Ninh là khi nào', 'cảm ơn', 'còn kinh phí?'], 'cu-chi');
    expect(plansOf(next!)).toEqual(['tay-ninh']);
    const [alone] = converse(['kinh phí lấy từ đâu'], 'cu-chi');
    expect(plansOf(alone!)).toEqual(['cu-chi']);
    expect(alone!.filled).toBeUndefined();
  });

  it('"nói rõ hơn ý 2", "ý cuối" after an answer drawn from several sections: that section, quoted', () => {
    const [list, second, last] = converse(['công văn 209 đề nghị các công đoàn cơ sở làm những gì', 'nói rõ hơn ý 2', 'ý cuối']);
    expect(list!.sources.map((s) => s.section)).toEqual(['1', '2', '3', '4']);
    expect(second!.sources).toEqual([{ plan: 'thai-binh-cdyt', section: '2' }]);
    expect(last!.sources).toEqual([{ plan: 'thai-binh-cdyt', section: '4' }]);
  });

  it("a place's initials alone are that place in a follow-up, not the award or the document type", () => {
    const [, bk] = converse(['Thái Bình khen thưởng sơ kết những hình thức nào', 'còn BK thì sao']);
    expect(plansOf(bk!)).toEqual(['bac-kan-vp']);
    expect(bk!.intent).toBe('awards');
    const [, kh] = converse(['tiêu chí thi đua cấp xã của Tây Ninh', 'KH thì sao']);
    expect(plansOf(kh!)).toEqual(['khanh-hoa']);
  });

  it('initials at the head of a follow-up read as the place when that reading covers the question better', () => {
    const [, bk] = converse(['Tây Ninh khen thưởng hằng năm thế nào', 'BK tiêu chí thi đua đối với cá nhân']);
    expect(plansOf(bk!)).toEqual(['bac-kan-vp']);
    expect(bk!.intent).toBe('criteria');
  });

  it('"kế hoạch đó" keeps the plan of the conversation even in words that read as across plans', () => {
    const [, basis] = converse(['Củ Chi hạn nộp báo cáo là ngày nào', 'kế hoạch đó căn cứ những văn bản nào']);
    expect(plansOf(basis!)).toEqual(['cu-chi']);
    expect(basis!.intent).toBe('basis');
  });

  it("another plan's body of the same rank: the previous plan's level word becomes the new plan's", () => {
    // Khánh Hòa is a province ("Hội Khuyến học tỉnh"), Củ Chi a district: its "Hội Khuyến học huyện".
    const [, next] = converse(['Khánh Hòa giao Hội Khuyến học tỉnh nhiệm vụ gì', 'còn Củ Chi thì sao']);
    expect(next!.status).toBe('answer');
    expect(plansOf(next!)).toEqual(['cu-chi']);
    expect(next!.text).toContain('Hội Khuyến học huyện');
    expect(next!.resolved!.question).toMatch(/huyện/);
    // A level the user names is kept as said; so is a level that is not the previous plan's own.
    const [, named] = converse(['Khánh Hòa giao Hội Khuyến học tỉnh nhiệm vụ gì', 'còn Củ Chi cấp xã']);
    expect(named!.resolved!.question).not.toMatch(/huyện/);
    const [, commune] = converse(['tiêu chí thi đua cấp xã của Tây Ninh', 'còn Củ Chi']);
    expect(commune!.resolved!.question).toMatch(/cấp xã/);
  });

  it('"còn tổng kết?" after a question on stage 1 and its sơ kết: the stage goes with the phase', () => {
    const [first, next] = converse(['Tây Ninh sơ kết giai đoạn 1 vào năm nào', 'còn tổng kết']);
    expect(first!.sources.map((s) => s.section)).toEqual(['V.1']);
    expect(next!.sources.map((s) => s.section)).toEqual(['V.2']);
    expect(next!.resolved!.question).not.toMatch(/giai đoạn 1/);
  });

  it('a new topic after a finer ask ("quý nào", then "tổng kết thì sao") asks its time in the terms the plan gives', () => {
    const [first, next] = converse(['Thái Bình: tỉnh sơ kết vào quý nào', 'tổng kết thì sao']);
    expect(first!.text).toContain('quý IV năm 2025');
    expect(next!.status).toBe('answer');
    expect(next!.text).toContain('2030');
    // Only a plan, the question unchanged: the finer ask stands ("còn Bắc Kạn?" gives no quarter).
    const [, other] = converse(['Thái Bình: tỉnh sơ kết vào quý nào', 'còn Bắc Kạn?']);
    expect(other!.status).toBe('not_found');
    expect(other!.text).toContain('không nêu quý cụ thể');
  });

  it('"kế hoạch đó" after a letter that named one of the plans by number is that plan, not the letter', () => {
    const [first, next] = converse(['Công văn 209 căn cứ vào kế hoạch nào của UBND tỉnh', 'vậy kế hoạch đó sơ kết vào quý nào']);
    expect(first!.resolved?.mentions).toEqual(['thai-binh']);
    expect(plansOf(next!)).toEqual(['thai-binh']);
    expect(next!.text).toContain('quý IV năm 2025');
    // "ở đó" still means the letter.
    const [, there] = converse(['Công văn 209 căn cứ vào kế hoạch nào của UBND tỉnh', 'ở đó ai ký']);
    expect(plansOf(there!)).toEqual(['thai-binh-cdyt']);
  });

  it('a follow-up that asks another kind of answer (a date after award forms) is a new question on the same plan', () => {
    const [, next] = converse(['hình thức khen thưởng hằng năm ở Tây Ninh', 'sơ kết khi nào']);
    expect(plansOf(next!)).toEqual(['tay-ninh']);
    expect(next!.sources.map((s) => s.section)).toEqual(['V.1']);
    expect(next!.filled).toEqual(['plan']);
  });

  it('without a context nothing is taken: a place alone describes that document', () => {
    const [card] = converse(['Khánh Hòa']);
    expect(card!.intent).toBe('document');
    expect(card!.filled).toBeUndefined();
  });
});

describe('an ordinal of an answer citing several sections', () => {
  it('an item that is a heading over subsections is shown by its subsections, never as an empty quote', () => {
    const [, second] = converse(['nội dung phong trào thi đua của Củ Chi gồm những gì', 'ý thứ hai cụ thể là gì']);
    expect(second!.status).toBe('answer');
    expect(second!.text).not.toContain('“”');
    expect(second!.text).toContain('Kế hoạch số 2686/KH-UBND');
  });

  it('the item holding the sentence that answered is cited beside its section; an ordinal next still counts the section\'s items', () => {
    const [first, next] = converse(['Khánh Hòa yêu cầu kiểm tra, giám sát việc thực hiện phong trào thế nào', 'ý b là gì']);
    expect(first!.sources).toEqual([
      { plan: 'khanh-hoa', section: 'I.2' },
      { plan: 'khanh-hoa', section: 'I.2.c' },
    ]);
    expect(next!.sources).toEqual([{ plan: 'khanh-hoa', section: 'I.2.b' }]);
  });

  it('an ordinal beyond the sections cited is an item inside the one the question named by its heading', () => {
    const [, second] = converse(['Củ Chi nêu nội dung cụ thể của phong trào ra sao', 'ý thứ tư là gì']);
    expect(second!.status).toBe('answer');
    expect(second!.sources).toEqual([{ plan: 'cu-chi', section: 'II.2.4' }]);
  });
});

describe('"trích nguyên văn" after an item was opened', () => {
  it('opens that item; another ordinal still counts in the list', () => {
    const [, item, quoted, last] = converse(['nội dung thi đua của Khánh Hòa gồm những gì', 'ý thứ hai là gì', 'trích nguyên văn giúp mình', 'ý cuối']);
    expect(item!.sources).toEqual([{ plan: 'khanh-hoa', section: 'II.2' }]);
    expect(quoted!.sources).toEqual([{ plan: 'khanh-hoa', section: 'II.2' }]);
    expect(last!.sources).toEqual([{ plan: 'khanh-hoa', section: 'II.6' }]);
  });
});

describe('a thing named alike in place of the previous one', () => {
  it('"còn cộng đồng học tập" after "… đơn vị học tập theo thông tư nào" asks the same of it', () => {
    const [, next] = converse(['Củ Chi xây dựng đơn vị học tập căn cứ thông tư nào', 'còn cộng đồng học tập']);
    expect(next!.resolved?.question.toLowerCase()).toBe('củ chi xây dựng cộng đồng học tập căn cứ thông tư nào');
    expect(next!.text).toContain('Thông tư 25/TT-BGDĐT');
  });

  it('a one-word change is another question, not the same one of another thing', () => {
    const [, next] = converse(['Tây Ninh ai tổng hợp báo cáo kết quả', 'thế hạn báo cáo?']);
    expect(next!.intent).toBe('deadlines');
  });
});

describe('a noun pointed at by a demonstrative stands for the previous topic', () => {
  it('"bên nào lo khoản này" on another plan asks the previous question of that plan', () => {
    const [, next] = converse(['Ở Khánh Hòa ai tham mưu bố trí kinh phí cho phong trào', 'thế Tây Ninh thì bên nào lo khoản này']);
    expect(next!.status).toBe('answer');
    expect(plansOf(next!)).toEqual(['tay-ninh']);
    expect(next!.text).toContain('Tham mưu UBND tỉnh bố trí kinh phí');
  });

  it('a noun the previous question asked for with "nào" is the one its answer named, not its topic', () => {
    const [, next] = converse(['Tây Ninh giao Sở GDĐT phối hợp Hội Khuyến học triển khai thông tư nào', 'thông tư đó quy định về việc gì']);
    expect(next!.resolved?.question).toBe('thông tư đó quy định về việc gì');
  });
});

describe('a lettered point "a"', () => {
  it('is the letter after an item noun, and after it was quoted alone, "ý c" is the list\'s third', () => {
    const [, a, c] = converse(['Kế hoạch Khánh Hòa đặt ra những yêu cầu gì', 'nguyên văn ý a giúp', 'ý c của yêu cầu nói gì']);
    expect(a!.sources).toEqual([{ plan: 'khanh-hoa', section: 'I.2.a' }]);
    expect(c!.sources).toEqual([{ plan: 'khanh-hoa', section: 'I.2.c' }]);
  });
});

describe('an ordinal after an answer from the opening or closing words', () => {
  it('counts the document\'s own numbered parts, which those words do not have', () => {
    const [, third] = converse(['công đoàn cơ sở gửi báo cáo theo công văn 209 về đâu', 'thế ý 3 là gì']);
    expect(third!.sources).toEqual([{ plan: 'thai-binh-cdyt', section: '3' }]);
    expect(third!.text).toContain('Tăng cường tuyên truyền về các điển hình tiêu biểu');
  });
});

describe('a message of question words only', () => {
  it('is asked of the section just quoted before any intent its words point to ("vào tháng mấy")', () => {
    const [, when] = converse(['Ở Củ Chi ai xét khen thưởng hằng năm cho tập thể, cá nhân xuất sắc', 'vào tháng mấy']);
    expect(when!.sources).toEqual([{ plan: 'cu-chi', section: 'III.2.1' }]);
    expect(when!.text).toContain('tháng 10 hàng năm');
  });

  it('"khi nào?" alone goes on with the plan of the conversation instead of asking which plan', () => {
    const [, when] = converse(['kế hoạch Khánh Hòa giao ai thẩm định thành tích trình Chủ tịch UBND tỉnh khen thưởng', 'khi nào']);
    expect(when!.status).not.toBe('clarify');
    expect(plansOf(when!)).toEqual(['khanh-hoa']);
  });
});

describe('"… có nhắc X không": whether the plan writes X', () => {
  it('the item asked about must write it, not only the list it stands in; the item is shown as the nearest passage', () => {
    const [, second] = converse(['giải pháp thực hiện của kế hoạch Bắc Kạn là gì', 'giải pháp 2 có đề cập đến thư viện không']);
    expect(second!.status).toBe('not_found');
    expect(second!.text).toContain('không nêu nội dung này');
    expect(second!.text).toContain('Mục IV.2');
  });
});

describe('a body named after "ai …?"', () => {
  it('asks what that body does, not whether it does what the previous question asked', () => {
    const [, next] = converse(['Ở Khánh Hòa ai tổng hợp báo cáo kết quả phong trào', 'thế còn Sở Tài chính thì sao']);
    expect(next!.status).toBe('answer');
    expect(next!.sources).toEqual([{ plan: 'khanh-hoa', section: 'VII.4' }]);
  });

  it('"còn <body> làm gì" after any question asks that body\'s tasks, its level written after its name', () => {
    const [, next] = converse(['hạn gửi kế hoạch của các xã ở Củ Chi là ngày nào', 'còn Phòng Nội vụ huyện làm gì']);
    expect(next!.sources).toEqual([{ plan: 'cu-chi', section: 'VII.3' }]);
  });
});

describe('"cụ thể hơn" with an ordinal', () => {
  it('is a detail request for that item, though "thế" of it is also a lean word', () => {
    const [, b] = converse(['Kế hoạch Khánh Hòa đặt ra những yêu cầu gì', 'ý b cụ thể hơn']);
    expect(b!.sources).toEqual([{ plan: 'khanh-hoa', section: 'I.2.b' }]);
  });
});
