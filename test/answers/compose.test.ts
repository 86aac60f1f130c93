/**
 * Each composer, through the answerer, on the made-up plan "Mẫu": what the user sees — the plan's own
 * words in quotes, then the citation with number, date and section.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import type { AnswerResult } from '../../src/answers/types.js';
import { planSchema } from '../../src/knowledge/schema.js';
import { sampleKnowledge, samplePlanInput } from './sample-plan.js';

let answerer: AnswerEngine;
beforeAll(() => {
  answerer = createAnswerer(sampleKnowledge());
});
const ask = (text: string, planId = 'mau'): AnswerResult => answerer.answer({ text, planId });
const CITE = 'Nguồn: Kế hoạch số 99/KH-UBND ngày 2/1/2024 của Ủy ban nhân dân tỉnh Mẫu';

describe('criteria', () => {
  it('quotes the group asked for and cites its section', () => {
    const r = ask('tiêu chí thi đua cấp xã');
    expect(r).toMatchObject({ status: 'answer', intent: 'criteria', sources: [{ plan: 'mau', section: 'III.1.a' }] });
    expect(r.text).toBe(`Tiêu chí thi đua — a) Đối với cấp xã (Mẫu):\n“Được công nhận “Cộng đồng học tập” cấp xã.”\n${CITE}, Mục III.1.a.`);
  });

  it('says so when the plan sets no criteria for the group (not found), and lists the groups it has', () => {
    const r = ask('tieu chi cap huyen');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('Kế hoạch của Mẫu không nêu tiêu chí riêng cho cấp huyện.');
    expect(r.text).toContain('- Đối với doanh nghiệp (Mục III.1.b)');
  });

  it('lists the groups when none is named', () => {
    const r = ask('tiêu chí thi đua');
    expect(r.text).toContain('Mẫu: kế hoạch đặt tiêu chí thi đua cho 3 nhóm:');
    expect(r.text).toContain('Hỏi tiếp một nhóm, ví dụ: “tiêu chí cấp xã Mẫu”.');
  });
});

describe('awards and standards', () => {
  it('quotes the sơ kết / tổng kết award forms as bullets', () => {
    const r = ask('hình thức khen thưởng tổng kết');
    expect(r.text).toContain('Khen thưởng sơ kết giai đoạn 2023-2025 và tổng kết giai đoạn 2023-2030:\n“+ Bằng khen của Thủ tướng Chính phủ\n+ Giấy khen”');
    expect(r.text).not.toContain('Khen thưởng hằng năm');
  });

  it('answers yes or no for a named award', () => {
    expect(ask('có bằng khen của thủ tướng không').text).toMatch(/^Có\. Mẫu có Bằng khen của Thủ tướng Chính phủ/);
    const absent = ask('có bằng khen của UBND thành phố không');
    expect(absent.text).toMatch(/^Kế hoạch của Mẫu không nêu Bằng khen của Ủy ban nhân dân Thành phố\./);
    expect(absent.status).toBe('not_found');
  });

  it('quotes the standards', () => {
    const r = ask('tiêu chuẩn khen thưởng sơ kết');
    expect(r.intent).toBe('award-standards');
    expect(r.text).toContain('“Tiêu chuẩn khen thưởng: theo quy định của pháp luật về thi đua, khen thưởng.”');
  });
});

describe('deadlines and phases', () => {
  it('gives the date first in one line, then what it is, who does it (the heading of its section) and the quote, then the citation', () => {
    const r = ask('hạn nộp báo cáo');
    expect(r.text).toBe(
      'Hạn và mốc thời gian (Mẫu): trước ngày 05/12 hằng năm.\n\nBáo cáo kết quả thực hiện (gửi UBND tỉnh) — trước ngày 05/12 hằng năm — thuộc mục “3. Sở Giáo dục và Đào tạo”:\n“Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 05 tháng 12 hàng năm.”\n' +
        `${CITE}, Mục VII.3.`,
    );
  });

  it('answers "when is the review" with the review date', () => {
    const r = ask('khi nào sơ kết');
    expect(r.text.split('\n')[0]).toBe('Hạn và mốc thời gian (Mẫu): chậm nhất quý III năm 2025.');
    expect(r.text).toContain('“Tiến hành sơ kết tại đơn vị chậm nhất vào Quý 3 năm 2025.”');
  });

  it('lists the phases, or the one asked for', () => {
    expect(ask('các giai đoạn thực hiện').text).toContain('phong trào từ năm 2023 đến năm 2030, 2 giai đoạn.');
    const second = ask('giai đoạn 2 làm gì');
    expect(second.text).toContain('Giai đoạn 2 (từ 2026-2030):\n“Tiếp tục triển khai và tổng kết vào năm 2030.”');
    expect(second.text).not.toContain('Giai đoạn 1');
  });
});

describe('responsibilities, funding, contents, purposes, solutions', () => {
  it('finds who does the duty the question describes', () => {
    const r = ask('ai thẩm định hồ sơ khen thưởng');
    expect(r.text).toContain('Sở Nội vụ (Mẫu):\n“Thẩm định hồ sơ đề nghị khen thưởng, trình cấp có thẩm quyền.”');
    expect(r.sources).toEqual([{ plan: 'mau', section: 'VII.2' }]);
  });

  it('gives all duties of a named agency', () => {
    expect(ask('Sở GD&ĐT có nhiệm vụ gì').text).toContain('Sở Giáo dục và Đào tạo (Mẫu):');
  });

  it('quotes the funding section and the agency that arranges the money', () => {
    const r = ask('kinh phí lấy từ đâu');
    expect(r.text).toContain('Kinh phí thực hiện (Mẫu):\n“Từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.”');
    expect(r.text).toContain('Sở Tài chính:\n“Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm.”');
  });

  it('says plainly when a plan has no funding section, and which plans have one', () => {
    const r = ask('kinh phí thực hiện', 'mau-hai');
    expect(r.status).toBe('not_found');
    expect(r.text).toContain('không nêu kinh phí thực hiện.');
    expect(r.text).toContain('Các văn bản có nội dung này: Mẫu (Kế hoạch 99/KH-UBND).');
  });

  it('quotes contents, purposes or requirements, solutions', () => {
    expect(ask('nội dung thi đua').text).toContain('“- Tuyên truyền về học tập suốt đời.');
    expect(ask('mục đích của kế hoạch').text).toBe(`Mục đích (Mẫu):\n“Nâng cao nhận thức về học tập suốt đời.”\n${CITE}, Mục I.1.`);
    expect(ask('yêu cầu của kế hoạch').text).toContain('“Triển khai đến tận thôn, tổ dân phố.”');
    expect(ask('giải pháp thực hiện').text).toContain('“Tăng cường ứng dụng công nghệ thông tin.”');
  });
});

describe('basis, audience, document', () => {
  it('quotes the basis from the preamble', () => {
    const r = ask('căn cứ pháp lý');
    expect(r.text).toContain('Căn cứ ban hành (Mẫu):\n“Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ”');
    expect(r.text).toContain('Mục II, phần mở đầu.');
  });

  it('shows where and how a cited document is used', () => {
    const r = ask('Thông tư 25 nói gì');
    expect(r.intent).toBe('basis');
    expect(r.text).toContain('Mẫu, Mục II:\n“Xây dựng Cộng đồng học tập theo Thông tư 25/TT-BGDĐT');
  });

  it('falls back to the criteria groups for who the plan applies to', () => {
    expect(ask('kế hoạch áp dụng cho ai').text).toContain('kế hoạch đặt tiêu chí thi đua cho các nhóm:\n- Đối với cấp xã');
  });

  it('gives number, date, issuer and signer', () => {
    expect(ask('ai ký kế hoạch').text).toContain('Người ký: Nguyễn Văn Mẫu (TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH).');
    const info = ask('giới thiệu tóm tắt kế hoạch', 'mau-hai').text;
    expect(info).toContain('Số: văn bản không ghi số. Ngày ban hành: văn bản không ghi ngày.');
    expect(info).toContain('(văn bản không ghi số, ngày ban hành)');
    // Asked for the number alone, a document without one says so as "not stated".
    expect(ask('số hiệu văn bản', 'mau-hai')).toMatchObject({ status: 'not_found', text: expect.stringContaining('không nêu số văn bản.') });
  });

  it('answers each part a question asks, the date as the header writes it', () => {
    const both = ask('kế hoạch ban hành ngày nào và ai ký').text;
    expect(both).toContain('Ngày ban hành:');
    expect(both).toContain('Người ký: Nguyễn Văn Mẫu');
  });
});

describe('award kinds read from the plan', () => {
  it('takes a year for the sơ kết or the tổng kết by the plan\'s own phases, not by a glossary entry', () => {
    expect(ask('hình thức khen thưởng năm 2025').sources).toEqual([{ plan: 'mau', section: 'III.2.b' }]);
    expect(ask('hình thức khen thưởng năm 2030').sources).toEqual([{ plan: 'mau', section: 'III.2.b' }]);
    const glossaryYears = loadGlossary().awardKinds.flatMap((k) => k.synonyms).filter((s) => /\d/.test(s));
    expect(glossaryYears).toEqual([]);
  });
});

describe('which plan', () => {
  it('asks which plan when several have the answer, with short ids and labels that lead with the place', () => {
    const r = answerer.answer({ text: 'hạn nộp báo cáo' });
    expect(r).toMatchObject({ status: 'clarify', intent: 'deadlines', sources: [] });
    expect(r.text).toContain('Câu hỏi này cần biết kế hoạch của địa phương nào.');
    expect(r.options).toEqual([
      { id: 'p:mau', label: 'Mẫu — Kế hoạch 99/KH-UBND', planId: 'mau' },
      { id: 'p:mau-hai', label: 'Mẫu Hai — Kế hoạch UBND tỉnh', planId: 'mau-hai' },
    ]);
  });

  it('answers at once when only one plan has the answer', () => {
    const r = answerer.answer({ text: 'hình thức khen thưởng' });
    expect(r).toMatchObject({ status: 'answer', sources: [{ plan: 'mau', section: 'III.2.a' }, { plan: 'mau', section: 'III.2.b' }] });
  });
});

/**
 * The sample plan written the way some real plans are: an award's own line carries a note after its
 * name, the progress section opens with its own sentence, the title's period differs from the phases.
 */
describe('plans that say more than the bare structure', () => {
  let variant: AnswerEngine;
  beforeAll(() => {
    const input = samplePlanInput();
    const sections = input.sections.map((s) => (s.id === 'V' ? { ...s, text: 'Phong trào được triển khai từ năm 2023 đến năm 2030, chia thành 02 giai đoạn:' } : s));
    const awards = input.awards.map((a) =>
      a.kind === 'so-ket-tong-ket' ? { ...a, standards: ['Bằng khen của Thủ tướng Chính phủ: Thực hiện theo Hướng dẫn số 216/HD-BNV ngày 14/01/2024 của Bộ Nội vụ', ...(a.standards ?? [])] } : a,
    );
    const plan = planSchema.parse({ ...input, period: { from: 2024, to: 2030 }, sections, awards });
    variant = createAnswerer({ plans: [plan], plan: (id) => (id === plan.id ? plan : undefined) });
  });
  const askVariant = (text: string) => variant.answer({ text, planId: 'mau' });

  it('quotes an award with the note the document writes after its name', () => {
    const forms = askVariant('hình thức khen thưởng tổng kết').text;
    expect(forms).toContain('“+ Bằng khen của Thủ tướng Chính phủ: Thực hiện theo Hướng dẫn số 216/HD-BNV ngày 14/01/2024 của Bộ Nội vụ\n+ Giấy khen”');
    expect(askVariant('bằng khen thủ tướng theo hướng dẫn nào').text).toContain('Hướng dẫn số 216/HD-BNV ngày 14/01/2024');
  });

  it('opens the phases with the plan\'s own sentence, not the period of its title', () => {
    const r = askVariant('chia mấy giai đoạn');
    expect(r.text).toMatch(/^Tiến độ thực hiện \(Mẫu\): “Phong trào được triển khai từ năm 2023 đến năm 2030, chia thành 02 giai đoạn:”\n/);
    expect(r.text).not.toContain('từ năm 2024');
    expect(r.sources.map((s) => s.section)).toEqual(['V', 'V.1', 'V.2']);
  });
});

describe('audience and purposes, precisely', () => {
  it('a group named in a "who takes part" question is answered with that group\'s own words', () => {
    const r = ask('doanh nghiệp có thuộc đối tượng thi đua không');
    expect(r.intent).toBe('audience');
    expect(r.text).toContain('Tiêu chí thi đua — b) Đối với doanh nghiệp (Mẫu):\n“Các tổ chức trong doanh nghiệp được công nhận “Đơn vị học tập”.”');
    expect(r.sources).toEqual([{ plan: 'mau', section: 'III.1.b' }]);
  });

  it('says when the plan has no "mục tiêu" before quoting its purposes', () => {
    const r = ask('mục tiêu của kế hoạch');
    expect(r.text).toMatch(/^Kế hoạch của Mẫu không nêu mục tiêu thi đua riêng\.\nMục đích, yêu cầu \(Mẫu\):/);
  });
});
