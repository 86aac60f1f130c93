/**
 * Generate → check → select, through the answerer on the real plans: each mechanism on questions
 * written for these tests (never the sealed batches).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import type { AnswerResult } from '../../src/answers/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

let answerer: AnswerEngine;
beforeAll(() => {
  answerer = createAnswerer(loadKnowledge());
});
const ask = (text: string, planId?: string): AnswerResult => answerer.answer({ text, planId });
const plansOf = (r: AnswerResult) => [...new Set(r.sources.map((s) => s.plan))].sort();

describe('candidates are checked before one is chosen', () => {
  it('keeps the candidates and their scores in `why`', () => {
    const r = ask('hạn gửi báo cáo kết quả của Tây Ninh');
    expect(r.why?.candidates.length).toBeGreaterThan(1);
    const chosen = r.why!.candidates[r.why!.chosen!]!;
    expect(chosen).toMatchObject({ intent: 'deadlines', plan: 'tay-ninh' });
    expect(chosen.score).toBe(Math.max(...r.why!.candidates.filter((c) => c.source !== 'passage').map((c) => c.score)));
    expect(r.why?.expected).toBeUndefined();
  });

  it('reads past a polite preamble to the clause that asks', () => {
    const r = ask('Dạ em chào anh chị, em là văn thư của một trường tiểu học, cho em hỏi bên Tây Ninh thì kinh phí thực hiện lấy từ đâu ạ');
    expect(r).toMatchObject({ status: 'answer', intent: 'funding' });
    expect(plansOf(r)).toEqual(['tay-ninh']);
  });

  it('a clause that only says someone asks ("lãnh đạo đang hỏi gấp:") is preamble too', () => {
    const r = ask('trưởng phòng đang hỏi gấp: kế hoạch Củ Chi sơ kết giai đoạn 1 cấp huyện vào quý mấy');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('Quý 4 năm 2025');
  });

  it('of two answers that both cover the question, takes the one that holds it in one sentence', () => {
    // The keywords favour the agencies' tasks; the phase's own sentence says whose guidance the tổng kết follows.
    const r = ask('ở Tây Ninh việc tổng kết phong trào năm 2030 làm theo hướng dẫn của cơ quan nào');
    expect(r.sources).toEqual([{ plan: 'tay-ninh', section: 'V.2' }]);
    expect(r.why?.decision).toBe('intent');
    const chosen = r.why!.candidates[r.why!.chosen!]!;
    expect(chosen.focus).toBe(1);
    expect(chosen.score).toBeLessThan(Math.max(...r.why!.candidates.map((c) => c.score)));
  });

  it('answers with a cited document when the question names it, even when the keywords point elsewhere', () => {
    const r = ask('Hướng dẫn 216 của Bộ Nội vụ ra ngày nào');
    expect(r.intent).toBe('basis');
    expect(r.text).toContain('Hướng dẫn số 216/HD-BNV ngày 14/01/2024 của Bộ Nội vụ');
  });
});

describe('when no plan can answer', () => {
  it('says the plans do not state an amount of money instead of asking which plan', () => {
    const r = ask('mỗi Giấy khen được thưởng bao nhiêu tiền');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('Các kế hoạch đang có không nêu số tiền');
    expect(r.options).toBeUndefined();
  });

  it('says one plan does not state what it lacks, and names the plans that do', () => {
    const r = ask('ai ký kế hoạch của UBND tỉnh Khánh Hòa');
    expect(r.status).toBe('not_found');
    expect(r.text).toMatch(/^Khánh Hòa — .* không nêu người ký\./);
    expect(r.text).toContain('Các văn bản có nội dung này:');
  });

  it('with no place named, a body only one plan names as asked points at it; a word only one plan uses does not', () => {
    const r = ask('Phòng Tài chính – Kế hoạch huyện có những nhiệm vụ gì');
    expect(r.why?.decision).toBe('only plan naming the body');
    expect(plansOf(r)).toEqual(['cu-chi']);
    // "dịp" is Củ Chi's word only, but the others answer who awards each year too: the user picks.
    expect(ask('khen thưởng hằng năm do cấp nào xét, vào dịp nào').status).toBe('clarify');
  });

  it('a thing asked that no plan writes ("những giấy tờ nào") is not stated, named in the user\'s words; a plan named shows its nearest passage as such', () => {
    const none = ask('đơn vị muốn đề nghị khen thì cần chuẩn bị những giấy tờ nào');
    expect(none.status).toBe('not_found');
    expect(none.text).toContain('Các kế hoạch đang có không nêu “giấy tờ”.');
    expect(none.options).toBeUndefined();
    const one = ask('Khánh Hòa: hồ sơ khen thưởng cần những giấy tờ nào vậy');
    expect(one.status).toBe('not_found');
    expect(one.text).toMatch(/^Khánh Hòa — .* không nêu “giấy tờ”\.\nĐoạn gần nhất trong Khánh Hòa/u);
    // Typed without diacritics, the words cannot be quoted as the user meant them.
    expect(ask('don vi can chuan bi nhung giay to gi de de nghi khen').text).toContain('Các kế hoạch đang có không nêu nội dung này.');
    // A letter away from a question's cue ("thời gian nào") is a slip, not an unwritten thing.
    const slip = ask('Khanh Hoa so ket giai doan 1 vao thoi giam nao');
    expect(slip.status).toBe('answer');
    expect(slip.text).toContain('vào năm 2025');
  });

  it('offers in a clarification only the plans that hold an answer', () => {
    const r = ask('tiêu chí thi đua đối với cấp huyện là gì');
    expect(r.status).toBe('clarify');
    expect(r.options?.map((o) => o.planId)).toEqual(['thai-binh', 'tay-ninh', 'khanh-hoa']);
  });
});

describe('the same answer in every plan, and which plans lack a thing', () => {
  it('answers once and names the plans when every plan says the same', () => {
    const r = ask('cá nhân muốn được khen phải đạt tiêu chí thi đua gì');
    expect(r.status).toBe('answer');
    expect(r.text).toMatch(/^Các kế hoạch .* cùng nêu như sau:/);
    expect(plansOf(r).length).toBeGreaterThan(2);
  });

  it('answers across plans when they word it differently but give the same date', () => {
    const r = ask('phong trào này tổng kết vào năm nào');
    expect(r.status).toBe('answer');
    // The fact in the plan's own words, from the asked word to its date.
    expect(r.text).toMatch(/^Cả \d kế hoạch có nội dung này đều nêu: tổng kết vào năm 2030\./);
    expect(plansOf(r).length).toBeGreaterThan(2);
  });

  it('answers a count every plan gives alike once ("mấy giai đoạn": 2), each plan\'s own sentence quoted', () => {
    const r = ask('phong trào thi đua này gồm bao nhiêu giai đoạn');
    expect(r.status).toBe('answer');
    expect(r.text).toMatch(/^Cả 5 kế hoạch có nội dung này đều nêu: chia thành 02 giai đoạn\./);
    expect(r.text).toContain('chia thành 02 giai đoạn');
    expect(r.why?.decision).toBe('same fact in every plan');
  });

  it('answers a body\'s task that the plans word nearly alike once, one plan quoted and the others cited, and leaves a district\'s body out', () => {
    // "Hội" typed with its tone opens the body's name: it is not the "hỏi" of a polite intro.
    const r = ask('Hội Khuyến học tỉnh có nhiệm vụ gì trong phong trào');
    expect(r.status).toBe('answer');
    expect(r.text).toMatch(/^Các kế hoạch Thái Bình \(Kế hoạch 62\/KH-UBND\); Tây Ninh \(Kế hoạch\); Khánh Hòa \(Kế hoạch\) nêu gần như giống nhau\. Theo Thái Bình/);
    expect(r.text).toContain('trong hệ thống tổ chức khuyến học');
    expect(r.text).toMatch(/Nội dung tương tự tại:\n• Kế hoạch của Ủy ban nhân dân tỉnh Tây Ninh .*Mục VII\.6\.\n• Kế hoạch của Ủy ban nhân dân tỉnh Khánh Hòa .*Mục VII\.6\./);
    expect(plansOf(r)).toEqual(['khanh-hoa', 'tay-ninh', 'thai-binh']);
    expect(r.why?.decision).toBe('nearly the same in every plan');
  });

  it('takes the part a body\'s tasks share across plans, whatever else each plan gives it', () => {
    // Thái Bình lists the Mặt trận among all bodies first; the others add its report: the call to rally is shared.
    const r = ask('Ủy ban Mặt trận Tổ quốc tỉnh có trách nhiệm gì');
    expect(r.why?.decision).toBe('nearly the same in every plan');
    expect(r.text).toContain('cộng đồng doanh nghiệp và mọi tầng lớp nhân dân');
    expect(r.sources).toEqual([
      { plan: 'thai-binh', section: 'VI.3' },
      { plan: 'tay-ninh', section: 'VII.7' },
      { plan: 'khanh-hoa', section: 'VII.7' },
    ]);
  });

  it('still asks which plan for a group\'s criteria that differ by one item', () => {
    expect(ask('tiêu chí thi đua đối với cấp xã gồm những gì').status).toBe('clarify');
  });

  it('lists the plans without a named award among those that list awards, each with what it has instead', () => {
    const r = ask('những kế hoạch nào không có Bằng khen của Thủ tướng Chính phủ');
    expect(r.text).toMatch(/^Không nêu Bằng khen của Thủ tướng Chính phủ \(3 văn bản\): Bắc Kạn .*; Củ Chi .*; Tây Ninh .*\. Có nêu: Thái Bình \(Kế hoạch 62\/KH-UBND\); Khánh Hòa/);
    // Công văn 209 lists no award forms at all: it is not one of the plans "without the Bằng khen".
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'cu-chi', 'tay-ninh']);
    expect(r.text).toContain('+ Giấy khen của Chánh Văn phòng');
  });

  it('asks among the plans that list awards whatever the question word of the rest ("thì khen của ai")', () => {
    const r = ask('kế hoạch nào không có Bằng khen Thủ tướng thì khen của ai là cao nhất');
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'cu-chi', 'tay-ninh']);
  });

  it('a plan is not said to have the award denied for listing another bằng khen asked beside it', () => {
    const r = ask('kế hoạch nào không có Bằng khen Thủ tướng, vậy cao nhất là bằng khen của ai');
    expect(r.text).toMatch(/^Không nêu Bằng khen của Thủ tướng Chính phủ \(3 văn bản\): Bắc Kạn/);
    expect(ask('Bắc Kạn có bằng khen thủ tướng không, bằng khen của ai').text).not.toContain('Có. Bắc Kạn có Bằng khen của Thủ tướng');
  });

  it('asks of every plan when the negation is of the topic itself', () => {
    const r = ask('kế hoạch nào không nói gì về kinh phí');
    // Named as the intent names the topic, each plan by its full name and title on a line of its own.
    expect(r.text).toMatch(/^Không nêu kinh phí thực hiện \(3 văn bản\):\n• Thái Bình — Công văn số 209\/CDYT ngày 26\/4\/2024 của Công đoàn ngành Y tế Thái Bình: “.*”\n/);
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'thai-binh', 'thai-binh-cdyt']);
    // Asked whether they have such a part: each plan's parts show it has none (a letter has no headed parts).
    const parts = ask('văn bản nào không có mục riêng về kinh phí');
    expect(parts.text).toContain('Bắc Kạn — Kế hoạch của Văn phòng UBND tỉnh Bắc Kạn (giai đoạn 2024–2030): “Triển khai Phong trào');
    expect(parts.text).toContain('\n  Các phần: I. MỤC ĐÍCH, YÊU CẦU; II. NỘI DUNG PHONG TRÀO THI ĐUA; III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG; IV. GIẢI PHÁP THỰC HIỆN; V. TIẾN ĐỘ THỰC HIỆN; VI. TỔ CHỨC THỰC HIỆN.\n');
    expect(parts.text).not.toContain('Các phần: .');
    expect(r.text).not.toContain('Các phần:');
  });

  it('asks among the plans that have the topic when it is named apart from what is denied, which the lead names', () => {
    const r = ask('Trong các kế hoạch có chia giai đoạn, giai đoạn 1 của kế hoạch nào không bắt đầu năm 2023?');
    // The công văn has no phases at all: it is not one whose phase 1 starts later.
    expect(plansOf(r)).toEqual(['tay-ninh']);
    expect(r.text).toMatch(/^Không nêu “bắt đầu năm 2023” \(1 văn bản\): Tây Ninh/u);
    expect(r.text).toContain('Giai đoạn 1 (từ 2024 - 2025)');
  });

  it('"không … từ 2023 mà từ 2024": the stated part shares the words the denied one has before "từ"', () => {
    const r = ask('văn bản nào không chia giai đoạn 1 từ năm 2023 mà từ năm 2024');
    expect(r.text).toMatch(/^Không nêu “chia giai đoạn 1 từ năm 2023” \(2 văn bản\)/u);
    expect(r.text).toContain('1 trong 2 văn bản có nội dung này: Kế hoạch của UBND tỉnh Tây Ninh');
    expect(plansOf(r)).toEqual(['tay-ninh']);
  });

  it('leaves out a plan the question excludes ("không tính công văn của công đoàn") and asks of the others', () => {
    const r = ask('không tính công văn của công đoàn thì văn bản nào không nói gì về kinh phí');
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'thai-binh']);
    // "nước ngoài" before a place's name leaves nothing out.
    expect(ask('kế hoạch nào có tiêu chí cho người Việt Nam ở nước ngoài').status).toBe('answer');
  });

  it('shows what each plan without a dated deadline writes instead', () => {
    const r = ask('văn bản nào không nêu hạn gửi báo cáo cụ thể');
    expect(r.text).toMatch(/^Không nêu hạn báo cáo và các mốc thời gian \(2 văn bản\): Thái Bình \(Công văn 209\/CDYT\); Bắc Kạn \(Kế hoạch\)\./);
    expect(r.text).toContain('thực hiện chế độ báo cáo định kỳ theo quy định');
    expect(r.text).toContain('báo cáo kết quả thực hiện về Thường trực Công đoàn ngành');
    // The lists say it is not there: the blocks do not say it again.
    expect(r.text).not.toMatch(/không nêu ngày cụ thể/);
  });

  it('asks which of the named plans lack a thing, not what each of them has', () => {
    const r = ask('Thái Bình, Tây Ninh và Khánh Hòa, tỉnh nào không có Bằng khen Thủ tướng khi tổng kết');
    expect(r.text).toMatch(/^Không nêu Bằng khen của Thủ tướng Chính phủ \(1 văn bản\): Tây Ninh \(Kế hoạch\)\. Có nêu: /);
    expect(plansOf(r)).toEqual(['tay-ninh']);
  });

  it('counts a body only as named: the district\'s office is not the province\'s department', () => {
    const r = ask('kế hoạch nào giao cho Sở Tài chính lo kinh phí');
    expect(plansOf(r)).toEqual(['khanh-hoa', 'tay-ninh']);
    expect(r.text).toContain('Không nêu trong:');
    expect(r.text).toMatch(/Không nêu trong:.*Củ Chi/);
  });

  it('answers the date of a cited document from the plans that write it', () => {
    const r = ask('quyết định 1373 của thủ tướng được ký ngày mấy');
    expect(plansOf(r)).toEqual(['khanh-hoa', 'thai-binh']);
    expect(r.text).toContain('ngày 30/7/2021');
    // Asked for the plans that cite it, every one is listed, with or without the date.
    expect(plansOf(ask('những kế hoạch nào có dẫn quyết định 1373'))).toEqual(['cu-chi', 'khanh-hoa', 'thai-binh']);
  });

  it('takes a span of years as one thing, and leaves out what a contrast says is not asked', () => {
    const r = ask('văn bản nào lấy mốc 2024 - 2030 chứ không phải 2023 - 2030');
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'tay-ninh']);
  });
});

describe('a body as its section heads it', () => {
  it('"Đề nghị …", "Giao …": the heading\'s own verb stays, since a plan asks some bodies and assigns others', () => {
    expect(ask('Ban Tuyên giáo Tỉnh ủy Thái Bình làm gì trong phong trào').text).toMatch(/^Đề nghị Ban Tuyên giáo Tỉnh ủy \(Thái Bình\):\n“/u);
    expect(ask('phòng GD&ĐT huyện Củ Chi được giao những việc gì').text).toMatch(/^Giao Phòng Giáo dục và Đào tạo huyện \(Củ Chi\):\n/u);
    expect(ask('Phòng Nội vụ huyện Củ Chi có nhiệm vụ gì').text).toMatch(/^Phòng Nội vụ huyện \(Củ Chi\):\n“/u);
  });
});

describe('a partner of the task', () => {
  it('a body after "phối hợp với" is the partner: the tasks are the other body\'s, which name it', () => {
    const r = ask('Sở Nội vụ Tây Ninh chủ trì những việc gì, phối hợp với Sở GD&ĐT làm những gì');
    expect(r.sources).toEqual([{ plan: 'tay-ninh', section: 'VII.3' }]);
    expect(r.text).toMatch(/^Sở Nội vụ \(Tây Ninh\):\n“Phối hợp với Sở Giáo dục và Đào tạo ban hành hướng dẫn khen thưởng/u);
  });
});

describe('who asks', () => {
  it('a body named only as who asks is not whose tasks are asked when the question names a level instead', () => {
    const other = ask('em ở Sở GD&ĐT Tây Ninh, kế hoạch giao UBND cấp huyện làm những gì');
    expect(other.text).not.toMatch(/^Sở Giáo dục và Đào tạo \(Tây Ninh\)/u);
    expect(other.text).toContain('UBND các huyện, thị xã, thành phố');
    // Asking of itself, it is.
    expect(ask('bên em là Sở GD&ĐT Tây Ninh, bên em phải làm những gì').text).toMatch(/^Sở Giáo dục và Đào tạo \(Tây Ninh\):/u);
  });

  it('a body named in the preamble is told its own deadline first: the one it sends, else the one every unit sends', () => {
    const commune = ask('Em ở UBND xã Tân Thạnh Đông, Củ Chi ạ. Hạn báo cáo hằng năm là ngày nào?');
    expect(commune.text).toMatch(/^Hạn và mốc thời gian \(Củ Chi\): trước ngày 15\/11 hằng năm; trước ngày 30\/11 hằng năm/u);
    const office = ask('bên mình là phòng GD&ĐT Củ Chi, hằng năm báo cáo lên huyện trước ngày nào');
    expect(office.text).toMatch(/^Hạn và mốc thời gian \(Củ Chi\): trước ngày 30\/11 hằng năm/u);
  });
});

describe('a finer ask of a date', () => {
  it('"quý nào" is answered by a quarter; a plan that gives only a year says so, then shows what it says', () => {
    const r = ask('Củ Chi sơ kết vào quý nào');
    expect(r.status).toBe('answer');
    expect(r.text).toMatch(/quý/i);
    const bk = ask('Bắc Kạn sơ kết vào quý nào');
    expect(bk.status).toBe('not_found');
    expect(bk.text).toMatch(/^Bắc Kạn — .* không nêu quý cụ thể\./);
    expect(bk.text).toContain('Đoạn gần nhất');
    expect(bk.text).toContain('2023 - 2025');
  });

  it('"ngày mấy" is not answered by a year that happens to stand in the passage', () => {
    const r = ask('Tây Ninh làm lễ phát động phong trào vào ngày mấy');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('không nêu ngày cụ thể');
  });
});

describe('a count or a person asked, which the plans do not hold', () => {
  it('says the plan gives no count, not a passage that has the words', () => {
    const r = ask('ở Củ Chi hiện có bao nhiêu ấp được công nhận cộng đồng học tập');
    expect(r).toMatchObject({ status: 'not_found' });
    expect(r.text).toContain('không nêu con số thống kê');
  });

  it('says the plan names no head of the steering board, and claims no other plan does', () => {
    const r = ask('ai làm trưởng ban chỉ đạo phong trào của tỉnh Khánh Hòa');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('không nêu tên người phụ trách');
    expect(r.text).not.toContain('Các văn bản có nội dung này');
  });

  it('a post named and then asked who holds it asks for a name, however far the ask stands', () => {
    for (const q of ['Tây Ninh: giám đốc sở nội vụ hiện nay là ai', 'phó trưởng ban thường trực BCĐ phong trào ở Khánh Hòa tên là gì']) {
      const r = ask(q);
      expect(r.status, q).toBe('not_found');
      expect(r.text, q).toContain('không nêu tên người phụ trách');
    }
    // A typo repaired reveals the kind: "trưởng bna" is a post.
    expect(ask('BCĐ phong trào Thái Bình do ai làm trưởng bna').text).toContain('không nêu tên người phụ trách');
  });

  it('"mấy" or "bao nhiêu" before any thing asks a count; before what the plans enumerate, or a time, it does not', () => {
    for (const q of ['Khánh Hòa mỗi huyện phải có bao nhiêu thư viện cộng đồng', 'tay ninh moi ap co may cau lac bo doc sach', 'Thái Bình có bao nhiêu % dòng họ học tập']) {
      const r = ask(q);
      expect(r.status, q).toBe('not_found');
      expect(r.text, q).toContain('không nêu con số thống kê');
    }
    expect(ask('Kế hoạch Tây Ninh chia mấy giai đoạn').status).toBe('answer');
    expect(ask('Củ Chi có mấy hình thức khen thưởng').status).toBe('answer');
  });

  it('a post that is whose award it is asks for no name', () => {
    const r = ask('Bằng khen của Chủ tịch UBND tỉnh Tây Ninh dành cho đối tượng là ai');
    expect(r.text).not.toContain('không nêu tên người phụ trách');
  });
});

describe('the basis', () => {
  it('a document listed without its issuer is shown in the preamble\'s words that say whose it is', () => {
    const r = ask('kế hoạch Thái Bình được ban hành căn cứ những văn bản nào');
    expect(r.text).toContain('theo đề nghị của Sở Giáo dục và Đào tạo tại Văn bản số 31/TTr-SGDĐT ngày 26/3/2024');
  });
});

describe('a question of two parts', () => {
  it('the part the chosen answer leaves out is answered by the sentence of the section that holds it', () => {
    const r = ask('Khánh Hòa: Sở Tài chính được giao gì, tổng kết phong trào vào năm nào');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('Sở Tài chính bố trí kinh phí');
    expect(r.text).toContain('tổng kết vào năm 2030');
    expect(r.sources.map((x) => x.section)).toEqual(expect.arrayContaining(['VII.4', 'V.2']));
  });

  it('the other part is quoted from the plan\'s own words, under the heading above them, never from a line the bot wrote', () => {
    const r = ask('khánh hòa sơ kết giai đoạn 1 vào năm nào, đợt đó có những loại giấy khen gì');
    expect(r.text).toContain('Giai đoạn I (từ năm 2023 đến năm 2025):\n“…tiến hành sơ kết, đánh giá, rút kinh nghiệm ở cấp sở, ngành, địa phương và cấp tỉnh vào năm 2025');
    expect(r.text).not.toContain('“Tiến độ thực hiện');
  });

  it('a generic award named in the other part of "gồm những hình thức nào" is one of the forms, all of which are listed', () => {
    const r = ask('Khánh Hòa khen thưởng tổng kết có những hình thức nào, giấy khen do ai tặng');
    expect(r.text).toContain('+ Bằng khen của Thủ tướng Chính phủ');
    expect(r.text).toContain('+ Giấy khen');
  });

  it('a date asked beside a task whose own sentence has the date is answered by that sentence; no line the bot wrote is quoted', () => {
    const r = ask('KH 1792: ai chủ trì tham mưu thành lập ban chỉ đạo cấp huyện, thời hạn khi nào vậy');
    expect(r.text).toContain('trên địa bàn huyện trong Quý 1 năm 2024.”');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'VII.2' }]);
    expect(r.text).not.toMatch(/“[^”]*— thuộc mục/u);
  });

  it('the other part may be another sentence of a section the answer cites, and is cited by the section that holds it', () => {
    const r = ask('Công văn 209/CDYT kính gửi những ai, công đoàn cơ sở báo cáo về đâu?');
    expect(r.text).toContain('Kính gửi: Các Công đoàn cơ sở trực thuộc.');
    expect(r.text).toMatch(/báo cáo kết quả thực hiện về Thường trực Công đoàn ngành theo quy định\.\/\.”\nNguồn: Công văn số 209\/CDYT ngày 26\/4\/2024 của Công đoàn ngành Y tế Thái Bình, Phần kết thúc\.$/u);
  });

  it('award forms asked are answered by the forms, not by the standards that only say "khen thưởng"', () => {
    const r = ask('VP UBND Bắc Kạn: đợt sơ kết, tổng kết khen bằng những hình thức nào, tiêu chuẩn xét ra sao');
    expect(r.text).toContain('+ Giấy khen của Chánh Văn phòng');
  });

  it('a question of one part gets one answer', () => {
    const r = ask('Khánh Hòa: Sở Tài chính được giao nhiệm vụ gì');
    expect(r.sources.map((x) => x.section)).toEqual(['VII.4']);
  });
});

describe('an overview of a long answer', () => {
  it('a part\'s window cut a few words before its clause ends goes on to that end', () => {
    const r = ask('Tây Ninh: lễ phát động phong trào do UBND huyện, thị xã tổ chức tại những cấp nào?');
    expect(r.text).toContain('ở cấp huyện, cấp xã');
    // Not cut a few words before its sentence ends either: "vào tháng 10 | hàng năm".
    expect(ask('những kế hoạch nào trao khen thưởng vào dịp Tuần lễ hưởng ứng học tập suốt đời').text).toContain('tháng 10 hàng năm');
  });
});

describe('a span of years', () => {
  it('is found however the plan writes it: "năm 2026 - năm 2030"', () => {
    const r = ask('Củ Chi trong giai đoạn 2026 - 2030 phòng nào chủ trì tham mưu');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('năm 2026 - năm 2030');
  });
});

describe('diacritics as evidence', () => {
  it('a word typed without diacritics in a question typed with them is that word: "giao" (assign) is no "Giáo" (dục)', () => {
    const r = ask('Khánh Hòa giao Hội Khuyến học tỉnh những việc gì');
    expect(r.status).toBe('answer');
    expect(r.sources.map((s) => s.section)).toContain('VII.6');
  });
});

describe('recipients', () => {
  it('"gửi đi đâu" asks for the recipients, listed as the document writes them, with the block\'s own labels', () => {
    const r = ask('công văn 209 được gửi đi đâu');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Ban TG-NC LĐLĐ tỉnh');
    expect(ask('nơi nhận của kế hoạch Bắc Kạn').text).toContain('Nơi nhận — Gửi bản điện tử:');
  });

  it('"gửi bản điện tử tới những nơi nào" asks for them too, whatever stands between; a report\'s "gửi cho ai" does not', () => {
    const r = ask('văn bản của VP UBND Bắc Kạn được gửi bản điện tử tới những nơi nào, ai ký');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Nơi nhận — Gửi bản điện tử:');
    expect(r.text).toContain('Vũ Đức Chính');
    expect(ask('Tây Ninh báo cáo kết quả hằng năm gửi cho cơ quan nào').intent).not.toBe('document');
  });

  it('"gửi kế hoạch này cho ai": the document itself named inside the ask, its recipients answered', () => {
    const r = ask('Tây Ninh gửi kế hoạch này tới những ai');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('TT.HĐND tỉnh');
  });

  it('"có gửi … không" asks whether the document went there: its signer and recipients both answered', () => {
    const r = ask('ai ký kế hoạch 1792 của Củ Chi, kế hoạch có gửi Ủy ban Mặt trận Tổ quốc huyện không');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Nguyễn Thị Hằng');
    // The label as the document writes it (its scan reads "Noi nhận").
    expect(r.text).toMatch(/N[oơ]i nhận:\n- Sở GD và ĐT Thành phố/);
  });
});

describe('a document number asked', () => {
  it('is answered from the plan\'s own header, and a plan that leaves it blank says so', () => {
    const r = ask('Củ Chi: kế hoạch số mấy');
    expect(r.text).toContain('1792 /KH-UBND');
    expect(r.why?.expected).toBe('docnumber');
    const tn = ask('kế hoạch của UBND tỉnh Tây Ninh có số hiệu là bao nhiêu, ký ngày nào');
    expect(tn.status).toBe('not_found');
    expect(tn.text).toMatch(/không nêu số văn bản, ngày ban hành/);
  });

  it('a blank in the header is shown as written, and no number the plan cites stands in for it', () => {
    const r = ask('văn bản của VP UBND Bắc Kạn mang số mấy');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('Văn bản ghi: “Số: /KH-VP”.');
    // Its opening cites the province's Kế hoạch số 33: that is not its own number.
    expect(r.text).not.toContain('33/KH-UBND');
    expect(r.text).toContain('Các văn bản có nội dung này: Thái Bình (Kế hoạch 62/KH-UBND); Củ Chi (Kế hoạch 1792/KH-UBND).');
  });
});

describe('sections, ordinals and documents', () => {
  it('quotes a section named by number, in the plans\' own numbering', () => {
    expect(ask('phần VI của kế hoạch Củ Chi nói gì')).toMatchObject({ sources: [{ plan: 'cu-chi', section: 'VI' }] });
    expect(ask('điểm a khoản 1 mục III kế hoạch Khánh Hòa').sources).toEqual([{ plan: 'khanh-hoa', section: 'III.1.a' }]);
    expect(ask('Tây Ninh VII.3 giao gì').sources).toEqual([{ plan: 'tay-ninh', section: 'VII.3' }]);
  });

  it('a section named and another part asked: the section, then the sentence that answers the part', () => {
    const r = ask('mục VI kế hoạch huyện Củ Chi ghi những gì, đơn vị nào bố trí kinh phí');
    expect(r.sources.map((x) => x.section)).toEqual(['VI', 'VII.4']);
    expect(r.text).toContain('Phòng Tài chính – Kế hoạch huyện (Củ Chi)');
  });

  it('"văn bản nào có mục …" asks of a part by its heading: the documents with a section so headed', () => {
    const r = ask('văn bản nào có riêng phần mục tiêu thi đua vậy');
    expect([...new Set(r.sources.map((x) => x.plan))]).toEqual(['tay-ninh']);
    const none = ask('những văn bản nào không có mục kinh phí thực hiện');
    expect(none.sources.map((x) => x.plan).sort()).toEqual(['bac-kan-vp', 'thai-binh', 'thai-binh-cdyt']);
    // Asked of "kế hoạch", a letter (which has no headed parts) is none of them.
    expect(ask('kế hoạch nào thiếu mục kinh phí thực hiện').sources.map((x) => x.plan).sort()).toEqual(['bac-kan-vp', 'thai-binh']);
  });

  it('an ordinal of a list named by its heading is an item of that list, whatever else the words fit', () => {
    const r = ask('Tây Ninh, điểm thứ hai của mục tiêu thi đua hướng tới những ai');
    expect(r.status).toBe('answer');
    expect(r.sources.map((x) => x.section)).toEqual(['III.1']);
    expect(r.text).toContain('Thư viện, Bảo tàng');
  });

  it('an ordinal of a part named by its heading counts that part\'s numbered subsections, whatever answer the rest fits', () => {
    const r = ask('phần tổ chức thực hiện của Tây Ninh, ý thứ ba giao cho cơ quan nào');
    expect(r.sources).toEqual([{ plan: 'tay-ninh', section: 'VII.3' }]);
    expect(r.text).toMatch(/^Tây Ninh — VII\. TỔ CHỨC THỰC HIỆN › 3\. Sở Nội vụ \(ý thứ ba của mục VII\):/u);
  });

  it('finds a subsection written without its part\'s numeral when the plan has one so numbered', () => {
    const r = ask('nội dung cụ thể 2.3 trong kế hoạch Củ Chi là gì');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'II.2.3' }]);
    expect(r.text).toContain('Thi đua xây dựng Đơn vị học tập');
  });

  it('says so when the plan has no such section', () => {
    const r = ask('mục VIII kế hoạch Tây Ninh');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('không có mục VIII. Các phần của văn bản: I, II, III, IV, V, VI, VII.');
  });

  it('picks one item of a list by its ordinal', () => {
    const r = ask('giải pháp thứ hai trong kế hoạch Tây Ninh');
    expect(r.sources).toEqual([{ plan: 'tay-ninh', section: 'IV.2' }]);
    expect(r.text).toContain('ý thứ hai');
  });

  it('answers each part of a two-part question about the document, the date as written', () => {
    const r = ask('kế hoạch 1792 ban hành ngày nào, ai ký');
    expect(r.text).toContain('Ngày ban hành: “Củ Chi, ngày 06 tháng 3 năm 2024”');
    expect(r.text).toContain('Người ký:');
  });
});

describe('two awards asked', () => {
  it('a generic award asked apart from a precise one ("giấy khen … không, bằng khen của ai") is listed too', () => {
    const r = ask('Tây Ninh khi tổng kết có giấy khen của chủ tịch huyện không, còn bằng khen do ai');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('Bằng khen của Chủ tịch UBND tỉnh');
    expect(r.text).toContain('Giấy khen của Chủ tịch UBND huyện');
  });
});

describe('light words that are half of a word', () => {
  it('"anh" typed bare after "phan" is "phản ánh", the word the plans write, not a polite "anh"', () => {
    const r = ask('o Thai Binh trien khai gap kho khan thi phan anh ve dau');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('phản ánh về Sở Giáo dục và Đào tạo');
    expect(r.sources).toEqual([{ plan: 'thai-binh', section: 'ket-thuc' }]);
  });
});

describe('slips', () => {
  it('a slip that is a syllable of its own ("khem") is read as the word the plans pair with the one before it', () => {
    const r = ask('Khánh Hòa khi tổng kết có những loại bằng khem nào');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('Bằng khen của Thủ tướng Chính phủ');
  });
});

describe('abbreviations read by their context', () => {
  it('"BK" after "UBND" is Bắc Kạn, alone it is a Bằng khen', () => {
    expect(plansOf(ask('VP UBND BK giao ai tham mưu khen thưởng'))).toEqual(['bac-kan-vp']);
    expect(answerer.analyzer.analyze('tỉnh nào có BK của Thủ tướng').expanded.join(' ')).toContain('bang khen');
  });

  it('"TN" opening a question is Tây Ninh', () => {
    expect(plansOf(ask('TN sơ kết giai đoạn 1 vào năm nào'))).toEqual(['tay-ninh']);
  });
});

describe('this session\'s checks, on questions written for these tests', () => {
  it('a body no plan of the place names is not answered with another body\'s tasks (Ban Tuyên giáo vs Sở Thông tin và Truyền thông)', () => {
    const none = ask('ở Khánh Hòa, Ban Tuyên giáo Tỉnh ủy phải làm những gì');
    expect(none.status).toBe('not_found');
    const tb = ask('ở Thái Bình, Ban Tuyên giáo Tỉnh ủy phải làm những gì');
    expect(tb.status).toBe('answer');
    expect(tb.sources.map((s) => `${s.plan}#${s.section}`)).toContain('thai-binh#VI.2');
  });

  it('a provincial department no plan gives tasks to is "not stated" by name, and still found where a plan writes it', () => {
    const r = ask('KH 62 của tỉnh Thái Bình phân công Sở Y tế làm gì');
    expect(r.status).toBe('not_found');
    expect(r.text).toMatch(/không nêu nội dung nào về Sở Y tế\./u);
    const labor = ask('Khánh Hòa giao sở LĐTBXH những việc gì');
    expect(labor.status).toBe('not_found');
    expect(labor.text).toContain('Sở Lao động – Thương binh và Xã hội');
    const sent = ask('công văn 209 gửi cho những nơi nào, có Sở Y tế không');
    expect(sent.status).toBe('answer');
    expect(sent.text).toContain('Ban GD Sở Y tế');
  });

  it('"trong 5 bản kế hoạch, bản nào…" lists the kế hoạch only, without the công văn', () => {
    const r = ask('trong 5 bản kế hoạch thì bản nào thiếu phần kinh phí thực hiện');
    expect(r.status).toBe('answer');
    expect(plansOf(r)).toEqual(['bac-kan-vp', 'thai-binh']);
  });

  it('a date in the next item does not answer when the thing asked happens ("Lễ phát động … ngày nào")', () => {
    const r = ask('ngày tổ chức Lễ phát động cấp tỉnh của Tây Ninh là ngày nào');
    expect(r.status).toBe('not_found');
    expect(r.text).toMatch(/^Tây Ninh — .* không nêu ngày cụ thể\./u);
  });

  it('a document of the preamble asked by its number is quoted with its clause: who asked for what', () => {
    const r = ask('tờ trình 31/TTr-SGDĐT do cơ quan nào gửi');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('theo đề nghị của Sở Giáo dục và Đào tạo tại Văn bản số 31/TTr-SGDĐT ngày 26/3/2024');
  });

  it('a question whose only words may as well be question words is answered by its ordinal', () => {
    const r = ask('cong van 209 y thu ba noi ve viec gi');
    expect(r.status).toBe('answer');
    expect(r.sources.map((s) => `${s.plan}#${s.section}`)).toEqual(['thai-binh-cdyt#3']);
  });

  it('a named award asked with "còn hình thức nào" gets the other forms of that round too', () => {
    const r = ask('Bắc Kạn khen thưởng sơ kết có Bằng khen Chủ tịch UBND tỉnh không, còn hình thức nào khác');
    expect(r.status).toBe('answer');
    expect(r.text).toMatch(/^Có\. Bắc Kạn có /u);
    expect(r.text).toContain('Các hình thức khen thưởng kế hoạch nêu:');
  });

  it('a deadline given to a body named in its heading says which body', () => {
    const r = ask('hạn chót để Củ Chi lập xong Ban chỉ đạo cấp huyện');
    expect(r).toMatchObject({ status: 'answer', intent: 'deadlines' });
    expect(r.text).toContain('thuộc mục “2. Giao Phòng Giáo dục và Đào tạo huyện”');
    expect(r.text).toContain('Quý 1 năm 2024');
  });

  it('states a two-part shared fact in the plan\'s own words ("chia mấy giai đoạn, tổng kết năm nào")', () => {
    const r = ask('phong trao gom may giai doan va nam nao thi tong ket');
    expect(r.status).toBe('answer');
    expect(r.text.split('\n')[0]).toBe('Cả 5 kế hoạch có nội dung này đều nêu: chia thành 02 giai đoạn; tổng kết vào năm 2030.');
  });
});
