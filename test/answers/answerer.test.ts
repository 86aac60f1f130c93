/** The answerer on the real plans: bad input, places not in the data, across plans, the asker's plan. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

let answerer: AnswerEngine;
beforeAll(() => {
  answerer = createAnswerer(loadKnowledge(), { maxInputChars: 2000 });
});
const ask = (text: string, planId?: string) => answerer.answer({ text, planId });

describe('bad input gets a clear reply, never an exception', () => {
  it('empty and blank', () => {
    for (const text of ['', '   ', '\n\t']) {
      const r = ask(text);
      expect(r.status).toBe('not_found');
      expect(r.text).toMatch(/^Anh\/chị chưa nhập câu hỏi\.\nTôi trả lời được câu hỏi về /);
    }
  });

  it('only punctuation', () => {
    for (const text of ['?!?!', '…']) expect(ask(text).text).toMatch(/^Tôi chưa đọc được câu hỏi: tin nhắn không có chữ hoặc số nào\./);
  });

  it('an emoji alone is a reaction: one short polite reply, not a failed question', () => {
    for (const text of ['😀🎉👍', '👍', '🙏']) {
      const r = ask(text);
      expect(r.smallTalk).toBe('ack');
      expect(r.text.length).toBeLessThanOrEqual(200);
    }
  });

  it('20,000 characters: cut at the limit, and the answer says so', () => {
    const long = `hạn nộp báo cáo Tây Ninh ${'rất '.repeat(5000)}`;
    expect(long.length).toBeGreaterThan(20_000);
    const r = ask(long);
    expect(r.text.startsWith('(Câu hỏi dài quá 2.000 ký tự nên tôi chỉ đọc 2.000 ký tự đầu.)\n')).toBe(true);
    expect(r.status).toBe('answer');
    expect(r.text).toContain('10 tháng 12');
  });

  it('HTML tags are ignored, SQL-looking text is just text', () => {
    expect(ask('<b>tiêu chí cấp xã</b> <i>Khánh Hòa</i>').sources).toEqual([{ plan: 'khanh-hoa', section: 'III.1.đ' }]);
    for (const text of ["'; DROP TABLE users; --", '<script>alert(1)</script>', 'SELECT * FROM reports WHERE 1=1']) {
      const r = ask(text);
      expect(r.status, text).toBe('not_found');
      expect(r.text, text).toContain('Tôi không tìm thấy nội dung này trong các kế hoạch đang có.');
    }
  });

  it('control and zero-width characters do not split words', () => {
    expect(ask('hạn\u0000 nộp\u200b báo cáo Tây\u0007 Ninh').text).toContain('10 tháng 12');
  });

  it('random junk of every kind never throws', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạ0123456789 .,;:!?/\\-_&<>"\'()[]{}😀\u0000\u200b\n';
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rand() * 120);
      let text = '';
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const r = ask(text);
      expect(['answer', 'clarify', 'not_found']).toContain(r.status);
      expect(r.text.length).toBeGreaterThan(0);
    }
  });

  it('a request without text (bad caller) still gets a reply', () => {
    expect(answerer.answer({} as never).status).toBe('not_found');
  });
});

describe('what is not in the documents', () => {
  it('a thing a plan\'s contents do not mention is not said to be the whole topic it lacks', () => {
    const r = ask('nội dung thi đua thứ 2 của Bắc Kạn có nhắc đến câu lạc bộ bóng đá không');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('không nêu nội dung này');
    expect(r.text).not.toContain('không nêu nội dung thi đua');
  });

  it('weather, salaries: says so and suggests what can be asked', () => {
    for (const text of ['thời tiết Hà Nội hôm nay', 'lương giáo viên bao nhiêu', 'giá vàng hôm nay']) {
      const r = ask(text);
      expect(r.status, text).toBe('not_found');
      expect(r.text, text).toContain('Ví dụ: “');
    }
  });

  it('a province that is not in the data is named in the reply', () => {
    const r = ask('tiêu chí thi đua của Nghệ An');
    expect(r.status).toBe('not_found');
    expect(r.text).toMatch(/^Hiện tôi chưa có kế hoạch của Nghệ An\. Các kế hoạch đang có:\n- Thái Bình — /);
  });
});

describe('which plan', () => {
  it('uses the asker\'s registered plan when the question names none', () => {
    expect(ask('hạn nộp báo cáo', 'tay-ninh').sources).toEqual([{ plan: 'tay-ninh', section: 'VII.9' }]);
  });

  it('a place named in the question wins over the registered plan', () => {
    expect(ask('hạn nộp báo cáo Khánh Hòa', 'tay-ninh').sources).toEqual([{ plan: 'khanh-hoa', section: 'VII.9' }]);
  });

  it('asks back with the plans as choices when neither says', () => {
    const r = ask('tiêu chí thi đua cấp huyện');
    expect(r.status).toBe('clarify');
    expect(r.options?.map((o) => o.id)).toEqual(['p:thai-binh', 'p:tay-ninh', 'p:khanh-hoa']);
    for (const o of r.options ?? []) expect(Buffer.byteLength(o.id)).toBeLessThanOrEqual(64);
  });

  it('answers across plans when asked which provinces', () => {
    const r = ask('tỉnh nào có Bằng khen của Thủ tướng Chính phủ?');
    // The plans are the answer: named in full in the first line, which an overview keeps.
    expect(r.text).toMatch(/^2 trong 6 văn bản có Bằng khen của Thủ tướng Chính phủ: Kế hoạch số 62\/KH-UBND ngày 27\/3\/2024 của UBND tỉnh Thái Bình; Kế hoạch của UBND tỉnh Khánh Hòa/);
    expect(r.text).toContain('■ Thái Bình — Kế hoạch số 62/KH-UBND');
    expect(r.text).toContain('■ Khánh Hòa — Kế hoạch của UBND tỉnh Khánh Hòa');
    expect(r.text).toContain('Không nêu trong: Thái Bình (Công văn 209/CDYT); Bắc Kạn (Kế hoạch); Củ Chi (Kế hoạch 1792/KH-UBND); Tây Ninh (Kế hoạch).');
  });

  it('compares two named plans', () => {
    const r = ask('so sánh hạn báo cáo của Tây Ninh và Khánh Hòa');
    expect(r.sources).toEqual([
      { plan: 'tay-ninh', section: 'VII.9' },
      { plan: 'khanh-hoa', section: 'VII.9' },
    ]);
    expect(r.text).toContain('Hạn: trước ngày 10/12 hằng năm.');
    expect(r.text).toContain('Hạn: trước ngày 01/12 hằng năm.');
  });

  it('help lists every plan', () => {
    const r = ask('bạn trả lời được gì');
    expect(r.intent).toBe('help');
    for (const p of loadKnowledge().plans) expect(r.text).toContain(p.shortName);
  });

  it('"có kế hoạch nào" alone asks what the bot holds; with a topic after it, which plans hold that', () => {
    expect(ask('có kế hoạch nào').intent).toBe('help');
    const r = ask('có kế hoạch nào tổ chức Lễ phát động phong trào không');
    expect(r.intent).not.toBe('help');
    expect(r.sources.map((s) => s.plan)).toContain('tay-ninh');
  });
});

describe('questions the plans answer in passing', () => {
  it('a dated event that is not a deadline is found even when a heading outranks its passage', () => {
    const r = ask('tuần lễ học tập suốt đời củ chi tháng mấy');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'III.2.1' }]);
    expect(r.text).toContain('Tuần lễ hưởng ứng học tập suốt đời diễn ra vào tháng 10 hàng năm.');
  });

  it('only an agency and a place: what that agency does', () => {
    const r = ask('hội khuyến học tỉnh thái bình');
    expect(r).toMatchObject({ status: 'answer', intent: 'responsibilities', sources: [{ plan: 'thai-binh', section: 'VI.4' }] });
    expect(r.text).toMatch(/^Hội Khuyến học tỉnh \(Thái Bình\):\n“Chủ trì tổ chức triển khai thi đua/);
  });

  it('"khi nào" about a named milestone that is not a report gives that milestone', () => {
    const r = ask('Ban chỉ đạo cấp huyện Củ Chi thành lập khi nào');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'VII.2' }]);
    expect(r.text.split('\n')[0]).toBe('Hạn và mốc thời gian (Củ Chi): quý I năm 2024.');
    expect(r.text).toContain('trên địa bàn huyện trong Quý 1 năm 2024.”');
  });

  it('"Ban chỉ đạo" with only a place: who sets it up and how', () => {
    const r = ask('ban chi dao cu chi');
    expect(r.intent).toBe('responsibilities');
    expect(r.text).toContain('thành lập Ban chỉ đạo Phong trào thi đua cấp huyện');
  });

  it('"phòng GD" is the education office, not "giai đoạn"', () => {
    const r = ask('cu chi cac don vi bao cao ve phong gd truoc ngay nao');
    expect(r.text).toMatch(/^Hạn và mốc thời gian \(Củ Chi\): trước ngày 15\/11 hằng năm[.;].*\n+Báo cáo tình hình tổ chức thực hiện Phong trào thi đua \(hằng năm\) \(gửi Phòng Giáo dục và Đào tạo huyện\)/);
  });
});

describe('phases', () => {
  it('"sơ kết" or "tổng kết" alone answers with its own phase', () => {
    const review = ask('Khánh Hòa sơ kết vào năm nào');
    expect(review.sources.map((x) => x.section)).toEqual(['V', 'V.1']);
    const final = ask('Tây Ninh tổng kết vào năm nào');
    expect(final.sources.map((x) => x.section)).toContain('V.2');
    expect(final.sources.map((x) => x.section)).not.toContain('V.1');
    expect(final.text).toContain('tổng kết vào năm 2030');
  });
});


describe('a named body must be named by the answer', () => {
  it('"which plans give X a task" lists only the plans that name X, not those that only use its words', () => {
    // Thái Bình's plan speaks of "thông tin, tuyên truyền" and "truyền thông" but gives the Sở no task.
    const r = ask('ở đâu có giao việc cho sở tt&tt');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['tay-ninh', 'khanh-hoa']));
  });
});

describe('asked which body does a task', () => {
  it('"đơn vị nào" asks for the body: the body named "các cơ quan, đơn vị" is not the answer for being named so', () => {
    const r = ask('Kế hoạch Tây Ninh giao đơn vị nào lo việc tuyên truyền trên báo, đài');
    expect(r.status).toBe('answer');
    expect(r.sources).toEqual([{ plan: 'tay-ninh', section: 'VII.5' }]);
    expect(r.text).toContain('Sở Thông tin và Truyền thông (Tây Ninh)');
  });

  it('"lo" (to see to a task) is a light word, not the plans\' "lộ" of "lộ trình"', () => {
    const r = ask('huyen cu chi ben nao lo tuyen truyen phong trao');
    expect(r.status).toBe('answer');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'VII.5' }]);
  });

  it('verbs of citing ("trích dẫn", "tham chiếu") carry the question, like "nhắc", not its topic', () => {
    const r = ask('kế hoạch Khánh Hòa có trích dẫn thông tri nào của tỉnh ủy');
    expect(r.status).toBe('answer');
    expect(r.sources).toEqual([{ plan: 'khanh-hoa', section: 'II' }]);
    expect(r.text).toContain('Thông tri số 13-TT/TU');
  });
});

describe('a body named: its own section before one it shares', () => {
  it('gives the tasks of the section headed by the body, not the list of bodies it is named in last', () => {
    const r = ask('Khánh Hòa giao UBND các huyện, thị xã, thành phố những nhiệm vụ gì');
    expect(r.sources).toEqual([{ plan: 'khanh-hoa', section: 'VII.8' }]);
  });
});

describe('a clarify menu offers only the plans that name the body asked about', () => {
  it('the union letter and the Văn phòng plan, which give Sở Nội vụ no task, are not offered', () => {
    const r = ask('nhiệm vụ của sở nội vụ là gì');
    expect(r.status).toBe('clarify');
    const offered = (r.options ?? []).map((o) => o.planId);
    expect(offered).toEqual(expect.arrayContaining(['thai-binh', 'tay-ninh', 'khanh-hoa']));
    expect(offered).not.toContain('thai-binh-cdyt');
    expect(offered).not.toContain('bac-kan-vp');
  });
});

describe('a day and month the question writes must be in the answer', () => {
  it('"which plans … before 10/12" lists only the plan with that date, not every yearly deadline', () => {
    const r = ask('kế hoạch nào bắt báo cáo trước ngày 10/12');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['tay-ninh']));
  });
});

describe('an abbreviation with two meanings is read both ways', () => {
  it('a place\'s initials read as an award find nothing: the place reading is checked and answers', () => {
    // "BK" is Bằng khen or Bắc Kạn; no answer names a Bằng khen for "nhóm đối tượng", Bắc Kạn's plan has them.
    const r = answerer.answer({ text: 'thế BK đặt tiêu chí thi đua cho những nhóm đối tượng nào' });
    expect(r.status).toBe('answer');
    expect([...new Set(r.sources.map((s) => s.plan))]).toEqual(['bac-kan-vp']);
  });

  it('letters read as an award that leave the plan open ("which plan?") are the place when that reading answers fully', () => {
    const r = answerer.answer({ text: 'BK yêu cầu lồng ghép các danh hiệu thi đua với phong trào nào' });
    expect(r.status).toBe('answer');
    expect([...new Set(r.sources.map((s) => s.plan))]).toEqual(['bac-kan-vp']);
    // "KH" read as "kế hoạch" is left so: "KH" is in half the questions as the document type.
    const kh = answerer.answer({ text: 'KH này thực hiện theo văn bản nào của cấp trên' });
    expect(kh.sources.map((s) => s.plan)).not.toContain('khanh-hoa');
  });

  it('a plan number keeps the letters a document type ("KH 62" is Kế hoạch 62, not Khánh Hòa 62)', () => {
    const r = answerer.answer({ text: 'KH 62 có mức tiền thưởng bao nhiêu' });
    expect(r.status).toBe('not_found');
    expect(r.text.split('\n')[0]).toMatch(/^Thái Bình — Kế hoạch số 62\/KH-UBND/);
  });
});

describe('where a report goes, when the plan gives no date for it', () => {
  it('the union letter, which names where reports go but no date, is one of the plans on offer', () => {
    const r = answerer.answer({ text: 'cuối năm các đơn vị nộp báo cáo kết quả về cơ quan nào' });
    expect(r.status).toBe('clarify');
    expect((r.options ?? []).map((o) => o.planId)).toContain('thai-binh-cdyt');
    // Asked when, it is not: the letter states no date.
    const when = answerer.answer({ text: 'cuối năm các đơn vị nộp báo cáo kết quả trước ngày nào' });
    expect((when.options ?? []).map((o) => o.planId)).not.toContain('thai-binh-cdyt');
  });
});

describe('what an answer stands for by what it is', () => {
  it('"văn bản" in a question on the signer is the document itself: every plan with a signer is on offer', () => {
    const r = answerer.answer({ text: 'người ký văn bản này là ai' });
    expect(r.status).toBe('clarify');
    expect((r.options ?? []).map((o) => o.planId)).toEqual(expect.arrayContaining(['thai-binh', 'cu-chi', 'bac-kan-vp', 'tay-ninh']));
  });
});

describe('issuing a document, said as "ra"', () => {
  it('"ra văn bản … hôm nào" and "ra … ngày tháng nào" ask for the date of issue', () => {
    const r = ask('UBND tỉnh Thái Bình ra văn bản số 62 vào hôm nào');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('27/3/2024');
    // Khánh Hòa's header gives no date: it says so, never a passage's date in its place.
    const blank = ask('Khánh Hòa ra kế hoạch này ngày tháng nào');
    expect(blank.status).toBe('not_found');
    expect(blank.text).toContain('không nêu ngày ban hành');
    // "ban hành ngày" asks the date plainly: no report deadline of the plan stands in for it.
    const plain = ask('kế hoạch Tây Ninh được ban hành ngày bao nhiêu');
    expect(plain.status).toBe('not_found');
    expect(plain.text).toContain('không nêu ngày ban hành');
  });
});

describe('which plans hold a thing', () => {
  it('"gắn … với", "nơi nào" ask which plans; they are not words the passage must have', () => {
    const r = ask('nơi nào gắn việc khen thưởng với Tuần lễ hưởng ứng học tập suốt đời');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['cu-chi', 'tay-ninh']));
  });

  it('a plan that covers the question well enough is left out when others cover it much better', () => {
    // Tây Ninh funds the movement but says nothing of "huy động … tài trợ".
    const r = ask('những nơi nào huy động nguồn tài trợ cho phong trào');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['cu-chi', 'khanh-hoa']));
  });

  it('a quarter written "quý 4" is the plans\' "quý IV", and the line shown keeps the date whole', () => {
    const r = ask('kế hoạch nào cho UBND tỉnh sơ kết vào quý 4 năm 2025');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['thai-binh', 'cu-chi']));
    expect(r.text).toContain('quý IV năm 2025');
    expect(r.text).toContain('Quý 4 năm 2025');
  });
});

describe('which plans deny one thing and state another', () => {
  it('"không … mà chỉ có …": the plans lacking the one, then among them those holding the other', () => {
    const r = ask('Kế hoạch nào không đề nghị Thủ tướng khen thưởng mà chỉ có Bằng khen của Chủ tịch UBND tỉnh?');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['bac-kan-vp', 'tay-ninh']));
    expect(r.text).toContain('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
  });

  it('"có … mà không có …": the part stated first, the denied one after', () => {
    const r = ask('Những tỉnh nào có Bằng khen của Chủ tịch UBND tỉnh mà không có Bằng khen Thủ tướng?');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['bac-kan-vp', 'tay-ninh']));
  });

  it('a body denied and another stated: the plan that gives the task to the other body', () => {
    const r = ask('KH nào không giao việc cho Sở Thông tin và Truyền thông mà giao cho Ban Tuyên giáo Tỉnh ủy?');
    expect(r.sources.map((s) => s.plan)).toEqual(['thai-binh']);
    expect(r.text).toContain('Ban Tuyên giáo Tỉnh ủy');
  });

  it('"KH nào" after a clause ending in "tỉnh" is which plan, not Khánh Hòa', () => {
    const r = ask('cấp tỉnh: KH nào có tiêu chí');
    expect(new Set(r.sources.map((s) => s.plan)).size).toBeGreaterThan(1);
  });
});

describe('which documents leave a part of their card blank', () => {
  it('"chưa ghi số" lists the unnumbered plans with the line each writes, and the title that names it instead', () => {
    const r = ask('những kế hoạch nào chưa ghi số');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['bac-kan-vp', 'tay-ninh', 'khanh-hoa']));
    expect(r.text).toContain('Văn bản ghi: “Số: /KH-VP”.');
    expect(r.text).toContain('Trích yếu: “Thực hiện Phong trào “Cả nước thi đua xây dựng xã hội học tập');
  });
});

describe('a body\'s task that the plans copy from one model', () => {
  it('a task one plan writes and the others hold nearly whole, adding words of their own, is one answer', () => {
    const r = ask('Hội Khuyến học có nhiệm vụ chủ trì việc gì');
    expect(r.status).toBe('answer');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['thai-binh', 'cu-chi', 'tay-ninh', 'khanh-hoa']));
    expect(r.text).toContain('nêu gần như giống nhau');
    expect(r.text).toContain('trong hệ thống tổ chức khuyến học');
  });
});

describe('the same sentence in every plan', () => {
  it('a sentence every plan copies is quoted once, the plans cited', () => {
    const r = ask('các danh hiệu thi đua xây dựng xã hội học tập được lồng ghép vào phong trào nào');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('nêu gần như giống nhau');
    expect(r.text).toContain('Toàn dân đoàn kết xây dựng đời sống văn hóa');
    expect(new Set(r.sources.map((s) => s.plan)).size).toBe(4);
  });

  it('nearly the same sentence with other words where the answer stands is not one answer', () => {
    // Each plan names its own places after "địa bàn": thôn, tổ dân phố; khu phố, ấp…
    expect(ask('phong trào phải triển khai sâu rộng tới địa bàn nào').status).toBe('clarify');
  });
});

describe('phases', () => {
  it('"bắt đầu", "kéo dài" ask when; "giai đoạn một" is phase 1, which the plans date differently', () => {
    const r = ask('giai đoạn một bắt đầu vào năm nào vậy');
    expect(r.status).toBe('clarify');
    expect((r.options ?? []).map((o) => o.planId)).toEqual(expect.arrayContaining(['tay-ninh', 'thai-binh']));
  });

  it('"tỉnh nào … không tính từ 2023" lists the plan that starts later', () => {
    const r = ask('kế hoạch nào giai đoạn 1 không tính từ năm 2023');
    expect(r.sources.map((s) => s.plan)).toContain('tay-ninh');
    expect(r.sources.map((s) => s.plan)).not.toContain('thai-binh');
  });
});

describe('asked of the kế hoạch only', () => {
  it('"trong các kế hoạch, kế hoạch nào không …" leaves the union\'s công văn out; asked plainly, it is one of them', () => {
    const only = ask('trong các kế hoạch, kế hoạch nào không quy định kinh phí thực hiện');
    expect(new Set(only.sources.map((s) => s.plan))).toEqual(new Set(['thai-binh', 'bac-kan-vp']));
    const all = ask('kế hoạch nào không quy định kinh phí thực hiện');
    expect(all.sources.map((s) => s.plan)).toContain('thai-binh-cdyt');
  });
});

describe('a phase named in the question', () => {
  it('"giai đoạn II … sở nào chủ trì" is answered by that phase, not by a body\'s tasks that do not name it', () => {
    const r = ask('Khánh Hòa giai đoạn II thì sở nào được giao chủ trì');
    expect(r.intent).toBe('phases');
    expect(r.sources.map((s) => s.section)).toContain('V.2');
  });

  it('with an award asked, the award forms answer, not the phases that do not name the award', () => {
    const r = ask('bằng khen nào được đề nghị khi sơ kết giai đoạn 1');
    expect(r.status).toBe('clarify');
    expect((r.options ?? []).map((o) => o.planId)).toEqual(expect.arrayContaining(['thai-binh', 'tay-ninh', 'khanh-hoa']));
  });
});

describe('the period a plan applies to', () => {
  it('"áp dụng cho giai đoạn nào" is the document\'s period, with its title as written', () => {
    const r = ask('văn phòng UBND Bắc Kạn: kế hoạch này áp dụng cho giai đoạn nào');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Giai đoạn: 2024–2030.');
    expect(r.text).toContain('giai đoạn 2024 - 2030');
  });
});

describe('a finer kind asked of the plans across plans', () => {
  it('"kế hoạch nào … sơ kết vào quý nào" lists only the plans that give a quarter', () => {
    const r = ask('những kế hoạch nào có ghi sơ kết vào quý nào');
    expect(new Set(r.sources.map((s) => s.plan))).toEqual(new Set(['thai-binh', 'cu-chi']));
  });
});

describe('"đến tận đâu" asks where to', () => {
  it('its words are the question\'s grammar: the answer need not write them', () => {
    const r = ask('Củ Chi muốn phong trào được triển khai tới tận đâu');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('khu phố, ấp');
  });
});

describe('how the movement is divided', () => {
  it('"chia giai đoạn ra sao" is answered by a plan that lists its phases without the word "chia"', () => {
    const r = ask('kế hoạch Tây Ninh chia các giai đoạn ra sao');
    expect(r.status).toBe('answer');
    expect(r.text).toContain('từ 2024 - 2025');
  });
});

describe('an answer without the kind asked for', () => {
  it('covering the question only in part, it is no answer: "khi nào" asked of a letter that gives no date', () => {
    const r = ask('bên công đoàn y tế TB sơ kết vào lúc nào');
    expect(r.status).toBe('not_found');
  });
});

describe('a document\'s facts cite where they stand', () => {
  it('the signer and "Nơi nhận" its closing part, the date and "Kính gửi" its opening', () => {
    const signer = ask('ai là người ký kế hoạch 1792 Củ Chi');
    expect(signer.sources).toEqual([{ plan: 'cu-chi', section: 'ket-thuc' }]);
    expect(signer.text).toContain('Phần kết thúc');
    const to = ask('công văn 209 kính gửi những đơn vị nào');
    expect(to.sources.map((s) => s.section)).toContain('mo-dau');
    const date = ask('kế hoạch 62 Thái Bình ban hành ngày nào');
    expect(date.sources).toEqual([{ plan: 'thai-binh', section: 'mo-dau' }]);
  });

  it('"có gửi … không" after the recipients is asked of the same list', () => {
    const r = ask('kế hoạch Tây Ninh có gửi Hội Cựu giáo chức tỉnh không');
    expect(r.intent).toBe('document');
    expect(r.text).toContain('Hội Cựu giáo chức tỉnh');
  });
});

describe('the same fact in every plan is the same day, not the same year', () => {
  it('dates of issue written in words ("ngày 26 tháng 4 năm 2024") differ where the days do: the plans are offered', () => {
    const r = ask('văn bản ban hành vào ngày tháng năm nào');
    expect(r.status).toBe('clarify');
  });
});

describe('a subsection asked by its number under a heading the question writes', () => {
  it('"nội dung cụ thể, ý 2.2" is the 2.2 under "Nội dung cụ thể", though the plan has another 2.2', () => {
    const r = ask('Củ Chi mục nội dung cụ thể, ý 2.2 nói gì');
    expect(r.sources).toEqual([{ plan: 'cu-chi', section: 'II.2.2' }]);
  });
});

describe('"cuối" after an item noun', () => {
  it('"giải pháp cuối là gì" is the last solution', () => {
    const r = ask('Khánh Hòa giải pháp cuối là gì');
    expect(r.sources).toEqual([{ plan: 'khanh-hoa', section: 'IV.6' }]);
  });
});
