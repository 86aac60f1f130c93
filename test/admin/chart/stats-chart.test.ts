/**
 * The /thongke chart: rows from the statistics (on time / late / missing per plan, labelled as the plan
 * buttons are), the SVG ECharts draws (every label in it), and the PNG resvg makes of it (a real PNG
 * of the expected size, with the three colours of the bars in it, the same bytes every time).
 */
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressChartSvg } from '../../../src/admin/chart/progress-chart.js';
import { progressRows, statsChart } from '../../../src/admin/chart/stats-chart.js';
import { chartTexts } from '../../../src/admin/chart/texts.js';
import { reportingStats } from '../../../src/admin/stats.js';
import { addContact, realKnowledge, submitReport, tempStore, type TempStore } from '../support.js';

const TZ = 'Asia/Ho_Chi_Minh';
const AT = new Date('2025-11-20T03:00:00Z');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let t: TempStore;
beforeEach(() => {
  t = tempStore();
});
afterEach(() => t.cleanup());

function seed(): void {
  const s = t.store;
  const onTime = addContact(s, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây' });
  const late = addContact(s, { planId: 'cu-chi', unitName: 'Trường THCS Lê Lợi' });
  addContact(s, { planId: 'cu-chi', unitName: 'UBND xã Phú Hòa Đông' });
  const hoa = addContact(s, { planId: 'thai-binh', unitName: 'Sở Y tế' });
  addContact(s, { planId: 'thai-binh', unitName: 'UBND huyện Vũ Thư' });
  addContact(s, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ' });
  submitReport(s, onTime, 2025, { activities: 'Hội nghị' }, new Date('2025-11-10T03:30:00Z'));
  // Củ Chi's units report "trước ngày 15 tháng 11": the 14th is the last day, the 17th is late.
  submitReport(s, late, 2025, { activities: 'Tuyên truyền' }, new Date('2025-11-17T03:30:00Z'));
  submitReport(s, hoa, 2025, { activities: 'Tuyên truyền' }, new Date('2025-11-10T03:30:00Z'));
}

const stats = () => reportingStats({ store: t.store, knowledge: realKnowledge() }, { year: 2025, today: { year: 2025, month: 11, day: 20 }, timeZone: TZ });

function pngSize(png: Buffer): { width: number; height: number } {
  // The first chunk of every PNG is IHDR: length, "IHDR", width, height (big-endian).
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the rows of the chart', () => {
  it('splits each plan into on time, late and missing, labelled by place then document', () => {
    seed();
    const rows = progressRows(stats());
    const row = (document: string) => rows.find((r) => r.document === document);
    expect(row('Kế hoạch 1792/KH-UBND')).toEqual({ place: 'Củ Chi', document: 'Kế hoạch 1792/KH-UBND', onTime: 1, late: 1, missing: 1 });
    expect(row('Kế hoạch 62/KH-UBND')).toEqual({ place: 'Thái Bình', document: 'Kế hoạch 62/KH-UBND', onTime: 1, late: 0, missing: 1 });
    // The two Thái Bình documents stay apart.
    expect(row('Công văn 209/CDYT')).toEqual({ place: 'Thái Bình', document: 'Công văn 209/CDYT', onTime: 0, late: 0, missing: 0 });
    expect(row('Kế hoạch UBND tỉnh')?.place).toBeDefined();
    expect(rows).toHaveLength(realKnowledge().plans.length);
  });

  it('names a plan no longer in the data by its id', () => {
    addContact(t.store, { planId: 'ke-hoach-cu', unitName: 'UBND xã Cũ' });
    const rows = progressRows(stats());
    expect(rows.at(-1)).toEqual({ place: 'ke-hoach-cu', document: chartTexts.unknownPlan, onTime: 0, late: 0, missing: 1 });
  });
});

describe('the SVG', () => {
  it('has the title, the time of the figures, the legend, every plan label and the numbers', () => {
    seed();
    const { svg, width, height } = progressChartSvg(progressRows(stats()), { title: chartTexts.title(2025), subtitle: chartTexts.asOf('10:00 ngày 20/11/2025') });
    expect(width).toBe(540);
    expect(height).toBeGreaterThan(0);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['Tiến độ báo cáo năm 2025', 'Số liệu lúc 10:00 ngày 20/11/2025']));
    expect(texts).toEqual(expect.arrayContaining(['Đã báo cáo đúng hạn', 'Nộp muộn', 'Chưa báo cáo']));
    expect(texts).toEqual(expect.arrayContaining(['Củ Chi', 'Kế hoạch 1792/KH-UBND', 'Thái Bình', 'Công văn 209/CDYT', 'Kế hoạch 62/KH-UBND', 'Khánh Hòa', 'Tây Ninh', 'Bắc Kạn']));
    expect(texts).toEqual(expect.arrayContaining(['3 đơn vị', '2 đơn vị', '1 đơn vị', 'chưa có đơn vị']));
    // Numbers on the bars: zero segments carry none.
    expect(texts.filter((s) => s === '1').length).toBe(6);
    expect(texts).not.toContain('0');
    expect(svg).toContain('font-family:Be Vietnam Pro;');
  });
});

describe('the PNG', () => {
  it('is a PNG of twice the SVG size that decodes, with green, amber and grey bars', async () => {
    seed();
    const photo = await statsChart(stats(), { year: 2025, at: AT, timeZone: TZ });
    expect(photo).toMatchObject({ filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', caption: chartTexts.caption(2025) });
    const png = photo!.content;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svg = progressChartSvg(progressRows(stats()), { title: '', subtitle: '' });
    expect(pngSize(png)).toEqual({ width: 2 * svg.width, height: 2 * svg.height });

    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([1080, 2 * svg.height]);
    const colours = new Set<string>();
    for (let i = 0; i < image.data.length; i += 4) colours.add(image.data.subarray(i, i + 3).toString('hex'));
    for (const bar of ['16a34a', 'f59e0b', 'd1d5db']) expect(colours, bar).toContain(bar);
  });

  it('is the same, byte for byte, for the same figures (no system font, no clock inside)', async () => {
    seed();
    const a = await statsChart(stats(), { year: 2025, at: AT, timeZone: TZ });
    const b = await statsChart(stats(), { year: 2025, at: AT, timeZone: TZ });
    expect(a!.content.equals(b!.content)).toBe(true);
  });

  it('is not drawn when no plan has a unit or a report yet', async () => {
    expect(await statsChart(stats(), { year: 2025, at: AT, timeZone: TZ })).toBeUndefined();
  });
});
