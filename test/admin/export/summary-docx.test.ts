/**
 * The báo cáo tổng hợp (DOCX) read back (jszip, as docx itself packs it): the layout of Nghị định
 * 30/2020/NĐ-CP in document.xml (A4, margins, Times New Roman 14 pt, page numbers from page 2 centred at
 * the top, Quốc hiệu and underlined Tiêu ngữ, Số and date left blank), every figure equal to the
 * database's, each unit's text quoted as written and attributed, and sections without text saying so.
 */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/admin/export/export.js';
import { loadForm } from '../../../src/reports/form-definition.js';
import { countFields } from '../../../src/reports/totals.js';
import { addContact, realKnowledge, submitReport, tempStore, type TempStore } from '../support.js';
import { seedSummary, SUMMARY_NOW, SUMMARY_YEAR } from './summary-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
const fields = countFields(loadForm('report'));
const vi = (n: number) => n.toLocaleString('vi-VN');

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

interface Docx {
  xml: string;
  /** The text of each paragraph, in order (table cells are paragraphs too). */
  paragraphs: string[];
  files: Record<string, string>;
  filename: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function docx(request: { year?: number; planId?: string; issuer?: string; parentBody?: string } = { year: SUMMARY_YEAR }): Promise<Docx> {
  const file = await buildExport({ store: t.store, knowledge: realKnowledge(), timeZone: TZ, now: () => SUMMARY_NOW }, { format: 'docx', ...request });
  expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const zip = await JSZip.loadAsync(file.content);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) files[name] = await zip.file(name)!.async('string');
  const xml = files['word/document.xml']!;
  // A line break inside a paragraph reads as "\n".
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join('')),
  );
  return { xml, paragraphs, files, filename: file.filename };
}

describe('DOCX báo cáo tổng hợp: layout per Nghị định 30/2020/NĐ-CP', () => {
  it('A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt, page numbers from page 2 centred at the top', async () => {
    seedSummary(t.store);
    const d = await docx();
    expect(d.filename).toBe('bao-cao-tong-hop_2025_20251205-1000.docx');
    // Twips: 210 × 297 mm; 20 mm = 1134, 30 mm = 1701, 15 mm = 850 or 851.
    expect(d.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(d.xml)![1]!;
    const m = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`).exec(margins)![1]);
    expect(m('top')).toBe(1134);
    expect(m('bottom')).toBe(1134);
    expect(m('left')).toBe(1701);
    expect(Math.abs(m('right') - 850)).toBeLessThanOrEqual(1);
    expect(d.xml).toContain('<w:titlePg/>');
    expect(d.files['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(d.files['word/styles.xml']).toMatch(/<w:sz w:val="28"\/>/);
    // The default header holds the page number field, centred; the first page's header is empty.
    const headerRefs = [...d.xml.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((x) => x[1]);
    expect(headerRefs.sort()).toEqual(['default', 'first']);
    const headers = Object.entries(d.files).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(headers.find((h) => /PAGE/.test(h))).toContain('<w:jc w:val="center"/>');
  });

  it('header: issuing body on the left, Quốc hiệu and underlined Tiêu ngữ on the right, Số and date left blank; the title', async () => {
    seedSummary(t.store);
    const d = await docx({ year: SUMMARY_YEAR, issuer: 'Phòng Giáo dục và Đào tạo', parentBody: 'UBND huyện Củ Chi' });
    const p = d.paragraphs;
    expect(p.slice(0, 7)).toEqual([
      'UBND HUYỆN CỦ CHI',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:      /BC-……',
      '……, ngày     tháng     năm ……',
    ]);
    expect(d.xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>)[\s\S])*Độc lập - Tự do - Hạnh phúc/);
    expect(p).toContain('BÁO CÁO');
    expect(p).toContain('Kết quả thực hiện Phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” năm 2025');
    // Without an issuer: dots for the admin to fill in.
    expect((await docx()).paragraphs[0]).toBe('……………');
  });

  it('sections I–IV in order, then Nơi nhận and the signature block left blank', async () => {
    seedSummary(t.store);
    const p = (await docx()).paragraphs;
    const at = (s: string) => p.indexOf(s);
    const order = ['I. KẾT QUẢ THỰC HIỆN', 'II. MÔ HÌNH, CÁCH LÀM HAY', 'III. KHÓ KHĂN, VƯỚNG MẮC', 'IV. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:', 'QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ'];
    for (const s of order) expect(at(s), s).toBeGreaterThan(0);
    expect(order.map(at)).toEqual(order.map(at).slice().sort((a, b) => a - b));
  });
});

describe('DOCX báo cáo tổng hợp: every figure from the database, every quote as written', () => {
  it('the table of totals per plan equals the sums of the latest reports of the year', async () => {
    seedSummary(t.store);
    const p = (await docx()).paragraphs;
    const latest = t.store.reports.listLatest({ year: SUMMARY_YEAR });
    for (const [planId, name] of [
      ['cu-chi', '1. Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi'],
      ['khanh-hoa', '2. Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)'],
    ] as const) {
      const from = p.indexOf(name);
      expect(from, name).toBeGreaterThan(0);
      const reports = latest.filter((r) => r.planId === planId);
      for (const [i, f] of fields.entries()) {
        const figures = reports.map((r) => r.answers[f.id]).filter((v): v is number => typeof v === 'number');
        // A row: STT, Nội dung, Đơn vị tính, Số lượng, Số đơn vị có số liệu.
        const row = p.indexOf(f.label, from);
        expect(p.slice(row - 1, row + 4), `${planId} ${f.id}`).toEqual([
          String(i + 1),
          f.label,
          f.unit ?? '',
          figures.length ? vi(figures.reduce((a, b) => a + b, 0)) : '',
          `${figures.length}/${reports.length}`,
        ]);
      }
    }
    expect(p).toContain('Tình hình báo cáo: 30 đơn vị; 26 đơn vị đã gửi báo cáo (2 đơn vị nộp muộn so với hạn cuối ngày 14/11/2025); 4 đơn vị chưa báo cáo:');
    expect(p).toContain('Tình hình báo cáo: 5 đơn vị; 3 đơn vị đã gửi báo cáo (1 đơn vị nộp muộn so với hạn cuối ngày 30/11/2025); 2 đơn vị chưa báo cáo:');
    expect(p).toContain('Trường THCS Phú Hòa Đông; Trường THCS Phú Mỹ Hưng; Trường THCS Phước Hiệp; Trường THCS Phước Thạnh.');
  });

  it('quotes each unit’s text as written, attributed to the unit, in the section the mapping names', async () => {
    seedSummary(t.store);
    const p = (await docx()).paragraphs;
    const section = (from: string, to: string) => p.slice(p.indexOf(from), p.indexOf(to));
    const latest = t.store.reports.listLatest({ year: SUMMARY_YEAR });
    const quoted = (lines: string[]) => lines.join('\n');
    for (const [id, from, to] of [
      ['models', 'II. MÔ HÌNH, CÁCH LÀM HAY', 'III. KHÓ KHĂN, VƯỚNG MẮC'],
      ['difficulties', 'III. KHÓ KHĂN, VƯỚNG MẮC', 'IV. ĐỀ XUẤT, KIẾN NGHỊ'],
      ['proposals', 'IV. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:'],
    ] as const) {
      const text = quoted(section(from, to));
      const writers = latest.filter((r) => typeof r.answers[id] === 'string');
      expect(writers.length, id).toBeGreaterThan(0);
      for (const r of writers) expect(text, `${id} ${r.unitName}`).toContain(`${r.unitName}: “${r.answers[id]}”`);
      // Nothing but the units' words (and the plan headings) in the section.
      expect(section(from, to).length).toBeLessThanOrEqual(1 + writers.length * 2 + 2);
    }
    const results = quoted(section('I. KẾT QUẢ THỰC HIỆN', 'II. MÔ HÌNH, CÁCH LÀM HAY'));
    for (const r of latest) expect(results).toContain(`${r.unitName}: “${r.answers.activities}”`);
  });

  it('a section no unit wrote anything for says so plainly; a database without reports gives no figures', async () => {
    const lan = addContact(t.store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan' });
    submitReport(t.store, lan, SUMMARY_YEAR, { activities: 'Hội nghị phát động', trainees: 12 }, new Date('2025-11-10T03:00:00Z'));
    const p = (await docx()).paragraphs;
    expect(p).toContain('Chưa có đơn vị nào nêu mô hình, cách làm hay trong báo cáo.');
    expect(p).toContain('Chưa có đơn vị nào nêu khó khăn, vướng mắc trong báo cáo.');
    expect(p).toContain('Chưa có đơn vị nào nêu đề xuất, kiến nghị trong báo cáo.');
    expect(p).toContain('UBND xã An Nhơn Tây: “Hội nghị phát động”');
    expect(p).toContain('Tình hình báo cáo: 1 đơn vị; 1 đơn vị đã gửi báo cáo (không có đơn vị nào nộp muộn so với hạn cuối ngày 14/11/2025); 0 đơn vị chưa báo cáo.');

    const empty = tempStore();
    try {
      const file = await buildExport({ store: empty.store, knowledge: realKnowledge(), timeZone: TZ, now: () => SUMMARY_NOW }, { format: 'docx', year: SUMMARY_YEAR });
      const zip = await JSZip.loadAsync(file.content);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('Chưa có đơn vị nào đăng ký đầu mối hoặc gửi báo cáo năm 2025.');
      expect(xml).not.toContain('Số liệu tổng hợp:');
    } finally {
      empty.cleanup();
    }
  });

  it('filters by plan like the other formats', async () => {
    seedSummary(t.store);
    const p = (await docx({ year: SUMMARY_YEAR, planId: 'khanh-hoa' })).paragraphs;
    expect(p.join('\n')).not.toContain('Củ Chi');
    expect(p).toContain('Tình hình báo cáo: 5 đơn vị; 3 đơn vị đã gửi báo cáo (1 đơn vị nộp muộn so với hạn cuối ngày 30/11/2025); 2 đơn vị chưa báo cáo:');
  });
});
