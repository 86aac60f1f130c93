/**
 * A new province's plan, written for this test in the style of the real ones: the importer alone must
 * produce a valid, faithful plan that needs only a short review.
 */
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/knowledge/importer/import-plan.js';
import { planSchema } from '../../../src/knowledge/schema.js';
import { sectionIds } from '../../../src/knowledge/sections.js';
import { unfaithfulStrings, uncoveredLines } from '../../../src/knowledge/verbatim.js';

const text = `
Số: 45 /KH-UBND

Ninh Bình, ngày 12 tháng 4 năm 2024

KẾ HOẠCH

Triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030” trên địa bàn tỉnh Ninh Bình

Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ về việc ban hành Kế hoạch, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao nhận thức của các tầng lớp nhân dân về học tập suốt đời.

2. Yêu cầu

- Triển khai sâu rộng đến tận thôn, tổ dân phố; việc đánh giá kết

quả phải gắn với nhiệm vụ chính trị.

II. NỘI DUNG PHONG TRÀO THI ĐUA

1. Tuyên truyền, phổ biến về khuyến học, khuyến tài, đầy mạnh học tập suốt đời.

2. Xây dựng mô hình công dân học tập.

III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG

1. Tiêu chí thi đua

a) Đối với cấp huyện

- Được công nhận “Cộng đồng học tập” cấp huyện.

đ) Đối với cấp xã

- Được công nhận “Cộng đồng học tập” cấp xã.

e) Đối với cá nhân

- Được công nhận danh hiệu “Công dân học tập”.

2. Hình thức khen thưởng

2.1 Khen thưởng hằng năm

Ủy ban nhân dân tỉnh biểu dương, khen thưởng kịp thời theo thẩm quyền.

2.2. Khen thưởng sơ kết giai đoạn 2023 - 2025 và tổng kết giai đoạn 2023 - 2030

- Hình thức khen thưởng:

+ Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh;

+ Giấy khen của Giám đốc các sở.

- Tiêu chuẩn khen thưởng: Thực hiện theo quy định của pháp luật về thi đua, khen thưởng.

IV. TIẾN ĐỘ THỰC HIỆN

1. Giai đoạn 1 (từ năm 2023 đến năm 2025): Các sở, ban, ngành tiến hành sơ kết vào Quý 4 năm 2025.

2. Giai đoạn 2 (từ năm 2026 đến năm 2030): Ủy ban nhân dân tỉnh tổng kết vào năm 2030.

V. KINH PHÍ THỰC HIỆN

Từ nguồn ngân sách nhà nước theo phân cấp hiện hành.

VI. TỔ CHỨC THỰC HIỆN

1. Sở Giáo dục và Đào tạo

- Chủ trì, phối hợp với Sở Nội vụ hướng dẫn khen thưởng.

- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 05/12.

2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.

3. Ủy ban nhân dân các huyện, thành phố: Trước ngày 25 tháng 11 hàng năm báo cáo kết quả về Sở Giáo dục và Đào tạo.

Trên đây là Kế hoạch triển khai Phong trào thi đua trên địa bàn tỉnh Ninh Bình./.

Noi nhận:

- Bộ Giáo dục và Đào tạo;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
`;

describe('importPlan on a plan it has never seen', () => {
  const { plan, warnings } = importPlan(text, { fileName: 'data/sources/ninh-binh.txt', id: 'ninh-binh' });

  it('produces a plan that validates, is faithful to the text and drops no line of it', () => {
    const parsed = planSchema.parse(plan);
    expect(unfaithfulStrings(parsed, text)).toEqual([]);
    expect(uncoveredLines(parsed, text)).toEqual([]);
  });

  it('reads the header, issuer, locality, period, basis, signer and recipients', () => {
    expect(plan).toMatchObject({
      id: 'ninh-binh',
      source: { file: 'ninh-binh.txt', fromLine: 2 },
      kind: 'ke-hoach',
      shortName: 'Kế hoạch số 45/KH-UBND ngày 12/4/2024 của UBND tỉnh Ninh Bình',
      number: '45/KH-UBND',
      date: '2024-04-12',
      issuer: { name: 'Ủy ban nhân dân tỉnh Ninh Bình', level: 'province' },
      locality: { name: 'Ninh Bình', province: 'Ninh Bình', district: null },
      period: { from: 2023, to: 2030 },
      signer: { name: 'Nguyễn Văn A', items: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] },
      recipients: { to: [], items: ['Bộ Giáo dục và Đào tạo', 'Lưu: VT.'], labels: ['Noi nhận:'] },
    });
    expect(plan.title.quote).toMatch(/^Triển khai Phong trào .* trên địa bàn tỉnh Ninh Bình$/);
    expect(plan.basis.map((b) => [b.type, b.number, b.date, b.issuer])).toEqual([['Quyết định', '1315/QĐ-TTg', '2023-11-09', 'Thủ tướng Chính phủ']]);
    expect(warnings).toEqual(['issuer: guessed "Ủy ban nhân dân tỉnh Ninh Bình" (province); review']);
  });

  it('builds the section tree with the preamble and closing as their own parts', () => {
    expect(sectionIds(plan.sections)).toEqual([
      'mo-dau',
      'I', 'I.1', 'I.2',
      'II', 'II.1', 'II.2',
      'III', 'III.1', 'III.1.a', 'III.1.đ', 'III.1.e', 'III.2', 'III.2.1', 'III.2.2',
      'IV', 'IV.1', 'IV.2',
      'V',
      'VI', 'VI.1', 'VI.2', 'VI.3',
      'ket-thuc',
    ]);
    // The page break inside I.2 is mended; the OCR slip "đầy mạnh" is kept as written.
    expect(plan.sections[1]!.children[1]!.text).toBe('- Triển khai sâu rộng đến tận thôn, tổ dân phố; việc đánh giá kết quả phải gắn với nhiệm vụ chính trị.');
    expect(plan.sections[2]!.children[0]!.text).toContain('đầy mạnh học tập suốt đời');
  });

  it('extracts criteria, awards, phases and funding', () => {
    expect(plan.criteria.map((c) => [c.key, c.section, c.items])).toEqual([
      ['cap-huyen', 'III.1.a', ['Được công nhận “Cộng đồng học tập” cấp huyện.']],
      ['cap-xa', 'III.1.đ', ['Được công nhận “Cộng đồng học tập” cấp xã.']],
      ['ca-nhan', 'III.1.e', ['Được công nhận danh hiệu “Công dân học tập”.']],
    ]);
    expect(plan.awards).toEqual([
      { kind: 'hang-nam', label: 'Khen thưởng hằng năm', section: 'III.2.1', periods: [], items: [], standards: ['Ủy ban nhân dân tỉnh biểu dương, khen thưởng kịp thời theo thẩm quyền.'] },
      {
        kind: 'so-ket-tong-ket',
        label: 'Khen thưởng sơ kết giai đoạn 2023 - 2025 và tổng kết giai đoạn 2023 - 2030',
        section: 'III.2.2',
        periods: [
          { kind: 'so-ket', from: 2023, to: 2025 },
          { kind: 'tong-ket', from: 2023, to: 2030 },
        ],
        items: ['Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Giấy khen của Giám đốc các sở'],
        standards: ['Thực hiện theo quy định của pháp luật về thi đua, khen thưởng.'],
      },
    ]);
    expect(plan.phases.map((p) => [p.label, p.from, p.to, p.section])).toEqual([
      ['Giai đoạn 1 (từ năm 2023 đến năm 2025)', 2023, 2025, 'IV.1'],
      ['Giai đoạn 2 (từ năm 2026 đến năm 2030)', 2026, 2030, 'IV.2'],
    ]);
    expect(plan.funding).toEqual([{ section: 'V', items: ['Từ nguồn ngân sách nhà nước theo phân cấp hiện hành.'] }]);
    expect(plan.contents?.[0]?.section).toBe('II');
    expect(plan.purposes.map((p) => p.section)).toEqual(['I.1', 'I.2']);
  });

  it('extracts deadlines and who is responsible for what', () => {
    expect(plan.deadlines.map((d) => [d.kind, d.when, d.section, d.from, d.to])).toEqual([
      ['review', { type: 'quarter', quarter: 4, year: 2025 }, 'IV.1', 'Các sở, ban, ngành', null],
      ['review', { type: 'year', year: 2030 }, 'IV.2', 'Ủy ban nhân dân tỉnh', null],
      ['report', { type: 'yearly', day: 5, month: 12 }, 'VI.1', 'Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân tỉnh'],
      ['report', { type: 'yearly', day: 25, month: 11 }, 'VI.3', 'Ủy ban nhân dân các huyện, thành phố', 'Sở Giáo dục và Đào tạo'],
    ]);
    expect(plan.responsibilities.map((r) => [r.agency, r.section, r.items.length])).toEqual([
      ['Sở Giáo dục và Đào tạo', 'VI.1', 2],
      ['Sở Tài chính', 'VI.2', 1],
      ['Ủy ban nhân dân các huyện, thành phố', 'VI.3', 1],
    ]);
  });

  it('never invents a number or a date the document leaves blank', () => {
    const blank = text.replace('Số: 45 /KH-UBND', 'Số: /KH-UBND').replace('ngày 12 tháng 4 năm 2024', 'ngày tháng năm 2024');
    const { plan: p, warnings: w } = importPlan(blank, { fileName: 'x.txt', id: 'ninh-binh' });
    expect(p.number).toBeNull();
    expect(p.date).toBeNull();
    expect(p.shortName).toBe('Kế hoạch của UBND tỉnh Ninh Bình (giai đoạn 2023–2030)');
    expect(w).toContain('number: "Số: /KH-UBND" leaves the number blank → null');
  });

  it('takes the issuer from the header when the text prints it, with the national name and motto kept as header lines', () => {
    const withHeader = text.replace(
      'Số: 45 /KH-UBND',
      'ỦY BAN NHÂN DÂN HUYỆN YÊN MÔ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 45 /KH-UBND',
    );
    const { plan: p } = importPlan(withHeader, { fileName: 'x.txt', id: 'yen-mo' });
    expect(p.issuer).toMatchObject({ name: 'Ủy ban nhân dân huyện Yên Mô', level: 'district' });
    expect(p.header?.items.slice(0, 4)).toEqual([
      'ỦY BAN NHÂN DÂN HUYỆN YÊN MÔ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 45 /KH-UBND',
    ]);
    expect(uncoveredLines(planSchema.parse(p), withHeader)).toEqual([]);
  });
});
