/**
 * A small made-up plan ("tỉnh Mẫu") with one of everything, so each composer can be tested on exact
 * expectations independent of how the real plans are curated.
 */
import type { Knowledge } from '../../src/knowledge/loader.js';
import { planSchema, type Plan, type PlanInput } from '../../src/knowledge/schema.js';

const node = (id: string, heading: string | null, text: string, children: PlanInput['sections'] = []) => ({ id, heading, text, children });

export function samplePlanInput(): PlanInput {
  return {
    id: 'mau',
    source: { file: 'mau.txt', fromLine: 1, toLine: 100 },
    kind: 'ke-hoach',
    shortName: 'Kế hoạch số 99/KH-UBND ngày 2/1/2024 của UBND tỉnh Mẫu',
    title: { quote: 'Thực hiện Phong trào thi đua trên địa bàn tỉnh Mẫu' },
    issuer: { name: 'Ủy ban nhân dân tỉnh Mẫu', level: 'province', parent: null },
    number: '99/KH-UBND',
    date: '2024-01-02',
    locality: { name: 'Mẫu', province: 'Mẫu', district: null },
    period: { from: 2023, to: 2030 },
    basis: [{ type: 'Quyết định', number: '1315/QĐ-TTg', date: '2023-11-09', issuer: 'Thủ tướng Chính phủ', quote: 'Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ' }],
    signer: { name: 'Nguyễn Văn Mẫu', items: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] },
    recipients: { to: [], items: ['Bộ Giáo dục và Đào tạo', 'Lưu: VT'] },
    sections: [
      node('mo-dau', null, 'Thực hiện Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:'),
      node('I', 'MỤC ĐÍCH, YÊU CẦU', '', [
        node('I.1', 'Mục đích', '- Nâng cao nhận thức về học tập suốt đời.'),
        node('I.2', 'Yêu cầu', '- Triển khai đến tận thôn, tổ dân phố.'),
      ]),
      node('II', 'NỘI DUNG PHONG TRÀO THI ĐUA', '1. Tuyên truyền về học tập suốt đời.\n2. Xây dựng Cộng đồng học tập theo Thông tư 25/TT-BGDĐT ngày 27 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo.'),
      node('III', 'TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG', '', [
        node('III.1', 'Tiêu chí thi đua', '', [
          node('III.1.a', 'Đối với cấp xã', '- Được công nhận “Cộng đồng học tập” cấp xã.'),
          node('III.1.b', 'Đối với doanh nghiệp', '- Các tổ chức trong doanh nghiệp được công nhận “Đơn vị học tập”.'),
          node('III.1.c', 'Đối với cá nhân', '- Được công nhận danh hiệu “Công dân học tập”.'),
        ]),
        node('III.2', 'Hình thức khen thưởng', '', [
          node('III.2.a', 'Khen thưởng hằng năm', 'Các sở, ngành khen thưởng kịp thời theo thẩm quyền.'),
          node('III.2.b', 'Khen thưởng sơ kết giai đoạn 2023-2025 và tổng kết giai đoạn 2023-2030', '+ Bằng khen của Thủ tướng Chính phủ;\n+ Giấy khen.\nTiêu chuẩn khen thưởng: theo quy định của pháp luật về thi đua, khen thưởng.'),
        ]),
      ]),
      node('IV', 'GIẢI PHÁP THỰC HIỆN', '1. Tăng cường ứng dụng công nghệ thông tin.'),
      node('V', 'TIẾN ĐỘ THỰC HIỆN', '', [
        node('V.1', 'Giai đoạn 1 (từ 2023-2025)', 'Tiến hành sơ kết tại đơn vị chậm nhất vào Quý 3 năm 2025.'),
        node('V.2', 'Giai đoạn 2 (từ 2026-2030)', 'Tiếp tục triển khai và tổng kết vào năm 2030.'),
      ]),
      node('VI', 'KINH PHÍ THỰC HIỆN', 'Từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.'),
      node('VII', 'TỔ CHỨC THỰC HIỆN', '', [
        node('VII.1', 'Sở Tài chính', 'Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm.'),
        node('VII.2', 'Sở Nội vụ', 'Thẩm định hồ sơ đề nghị khen thưởng, trình cấp có thẩm quyền.'),
        node('VII.3', 'Sở Giáo dục và Đào tạo', 'Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 05 tháng 12 hàng năm.'),
      ]),
    ],
    criteria: [
      { key: 'cap-xa', label: 'Đối với cấp xã', section: 'III.1.a', items: ['Được công nhận “Cộng đồng học tập” cấp xã.'] },
      { key: 'doanh-nghiep', label: 'Đối với doanh nghiệp', section: 'III.1.b', items: ['Các tổ chức trong doanh nghiệp được công nhận “Đơn vị học tập”.'] },
      { key: 'ca-nhan', label: 'Đối với cá nhân', section: 'III.1.c', items: ['Được công nhận danh hiệu “Công dân học tập”.'] },
    ],
    awards: [
      { kind: 'hang-nam', label: 'Khen thưởng hằng năm', section: 'III.2.a', standards: ['Các sở, ngành khen thưởng kịp thời theo thẩm quyền.'] },
      {
        kind: 'so-ket-tong-ket',
        label: 'Khen thưởng sơ kết giai đoạn 2023-2025 và tổng kết giai đoạn 2023-2030',
        section: 'III.2.b',
        periods: [{ kind: 'so-ket', from: 2023, to: 2025 }, { kind: 'tong-ket', from: 2023, to: 2030 }],
        items: ['Bằng khen của Thủ tướng Chính phủ', 'Giấy khen'],
        standards: ['Tiêu chuẩn khen thưởng: theo quy định của pháp luật về thi đua, khen thưởng.'],
      },
    ],
    deadlines: [
      {
        kind: 'report',
        what: 'Báo cáo kết quả thực hiện',
        from: 'Sở Giáo dục và Đào tạo',
        to: 'UBND tỉnh',
        when: { type: 'yearly', day: 5, month: 12 },
        section: 'VII.3',
        quote: 'Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 05 tháng 12 hàng năm.',
      },
      {
        kind: 'review',
        what: 'Sơ kết giai đoạn 1 tại đơn vị',
        from: null,
        to: null,
        when: { type: 'quarter', quarter: 3, year: 2025 },
        section: 'V.1',
        quote: 'Tiến hành sơ kết tại đơn vị chậm nhất vào Quý 3 năm 2025.',
      },
    ],
    phases: [
      { label: 'Giai đoạn 1 (từ 2023-2025)', from: 2023, to: 2025, section: 'V.1', quote: 'Tiến hành sơ kết tại đơn vị chậm nhất vào Quý 3 năm 2025.' },
      { label: 'Giai đoạn 2 (từ 2026-2030)', from: 2026, to: 2030, section: 'V.2', quote: 'Tiếp tục triển khai và tổng kết vào năm 2030.' },
    ],
    responsibilities: [
      { agency: 'Sở Tài chính', section: 'VII.1', items: ['Bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách hằng năm.'] },
      { agency: 'Sở Nội vụ', section: 'VII.2', items: ['Thẩm định hồ sơ đề nghị khen thưởng, trình cấp có thẩm quyền.'] },
      { agency: 'Sở Giáo dục và Đào tạo', section: 'VII.3', items: ['Tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 05 tháng 12 hàng năm.'] },
    ],
    funding: [{ section: 'VI', items: ['Từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.'] }],
    contents: [{ section: 'II', items: ['Tuyên truyền về học tập suốt đời.', 'Xây dựng Cộng đồng học tập theo Thông tư 25/TT-BGDĐT ngày 27 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo.'] }],
    purposes: [
      { section: 'I.1', items: ['Nâng cao nhận thức về học tập suốt đời.'] },
      { section: 'I.2', items: ['Triển khai đến tận thôn, tổ dân phố.'] },
    ],
    solutions: [{ section: 'IV', items: ['Tăng cường ứng dụng công nghệ thông tin.'] }],
    references: [
      { type: 'Thông tư', number: '25/TT-BGDĐT', date: '2023-12-27', issuer: 'Bộ Giáo dục và Đào tạo', section: 'II', quote: 'Thông tư 25/TT-BGDĐT ngày 27 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo' },
    ],
  };
}

/**
 * The sample plan, and a second one ("Mẫu Hai") without funding, criteria or awards: neither the
 * structured fields nor the sections that would hold them (its text must not say what it lacks), and
 * with its own reporting date, so the two answer a deadline question differently.
 */
const withDay = <T extends { text?: string; items?: string[] }>(x: T): T => ({
  ...x,
  ...(x.text !== undefined ? { text: x.text.replace('05 tháng 12', '10 tháng 12') } : {}),
  ...(x.items ? { items: x.items.map((i) => i.replace('05 tháng 12', '10 tháng 12')) } : {}),
});

export function sampleKnowledge(): Knowledge {
  const first = planSchema.parse(samplePlanInput());
  const input = samplePlanInput();
  const second = planSchema.parse({
    ...input,
    id: 'mau-hai',
    number: null,
    date: null,
    shortName: 'Kế hoạch của UBND tỉnh Mẫu Hai',
    issuer: { ...input.issuer, name: 'Ủy ban nhân dân tỉnh Mẫu Hai' },
    locality: { name: 'Mẫu Hai', province: 'Mẫu Hai', district: null },
    sections: input.sections
      .filter((n) => n.id !== 'III' && n.id !== 'VI')
      .map((n) => (n.id === 'VII' ? { ...n, children: n.children.filter((c) => c.id !== 'VII.1').map(withDay) } : n)),
    deadlines: input.deadlines.map((d) => ({ ...d, quote: d.quote.replace('05 tháng 12', '10 tháng 12'), when: d.when.type === 'yearly' ? { ...d.when, day: 10 } : d.when })),
    funding: [],
    criteria: [],
    awards: [],
    responsibilities: input.responsibilities.filter((r) => r.agency !== 'Sở Tài chính').map(withDay),
  });
  const plans: Plan[] = [first, second];
  return { plans, plan: (id) => plans.find((p) => p.id === id) };
}
