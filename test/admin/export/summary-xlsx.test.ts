/**
 * The XLSX as an admin prints it: the first sheet "Tổng hợp" (title, one row per unit with its
 * figures, totals per plan, counts of units reported / late / missing), the detail sheets, and "Chưa
 * báo cáo"; every figure read back with exceljs and checked against the database; the print settings
 * (A4 landscape, one page wide with fitToPage, the header row repeated, borders, row heights).
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/admin/export/export.js';
import { wrappedLines } from '../../../src/admin/export/row-height.js';
import { formatPhone } from '../../../src/reports/field-values.js';
import { loadForm } from '../../../src/reports/form-definition.js';
import { countFields } from '../../../src/reports/totals.js';
import { realKnowledge, tempStore, type TempStore } from '../support.js';
import { seedSummary, SUMMARY_NOW, SUMMARY_YEAR } from './summary-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
const fields = countFields(loadForm('report'));
/** Title, plans, "Số liệu tính đến", a blank line, then the header. */
const HEADER_ROW = 5;

let t: TempStore;
let seeded: { late: string[]; missing: string[] };
beforeEach(() => {
  t = tempStore();
  seeded = seedSummary(t.store);
});
afterEach(() => t.cleanup());

async function workbook(filter: { year?: number; planId?: string } = { year: SUMMARY_YEAR }): Promise<ExcelJS.Workbook> {
  const file = await buildExport({ store: t.store, knowledge: realKnowledge(), timeZone: TZ, now: () => SUMMARY_NOW }, { format: 'xlsx', ...filter });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.content as unknown as ArrayBuffer);
  return wb;
}

function rowsBelowHeader(ws: ExcelJS.Worksheet, headerRow: number): { headers: string[]; rows: ExcelJS.Row[] } {
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) rows.push(ws.getRow(r));
  return { headers, rows };
}

const text = (row: ExcelJS.Row, col: number) => row.getCell(col).value;

describe('XLSX sheet “Tổng hợp”', () => {
  it('title rows say what, which plans, which year and as of when', async () => {
    const ws = (await workbook()).getWorksheet('Tổng hợp')!;
    expect(ws.getRow(1).getCell(1).value).toBe('TỔNG HỢP KẾT QUẢ BÁO CÁO NĂM 2025');
    expect(ws.getRow(2).getCell(1).value).toBe('Kế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi; Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)');
    expect(ws.getRow(3).getCell(1).value).toBe('Số liệu tính đến 10:00 ngày 05/12/2025');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const { headers } = rowsBelowHeader(ws, HEADER_ROW);
    expect(headers).toEqual(['STT', 'Tên đơn vị', 'Mã báo cáo', 'Thời gian gửi (giờ Việt Nam)', 'Tình trạng', ...fields.map((f) => f.label)]);
  });

  it('one row per unit with the figures of its latest report of the year; totals per plan equal the database’s sums', async () => {
    const ws = (await workbook()).getWorksheet('Tổng hợp')!;
    const { rows } = rowsBelowHeader(ws, HEADER_ROW);
    const latest = t.store.reports.listLatest({ year: SUMMARY_YEAR });
    for (const report of latest) {
      const row = rows.find((r) => text(r, 2) === report.unitName && text(r, 3) === report.code);
      expect(row, report.unitName).toBeDefined();
      fields.forEach((f, i) => expect(text(row!, 6 + i), `${report.unitName} ${f.id}`).toBe(report.answers[f.id] ?? null));
    }
    // Units never reported: a row saying so, without figures.
    for (const name of seeded.missing) {
      const row = rows.find((r) => text(r, 2) === name)!;
      expect(text(row, 5)).toBe('Chưa báo cáo');
      fields.forEach((_, i) => expect(text(row, 6 + i)).toBeNull());
    }
    // Late units say by how many days; the others are in time.
    for (const name of seeded.late) expect(text(rows.find((r) => text(r, 2) === name)!, 5), name).toMatch(/^Muộn \d+ ngày$/);
    expect(text(rows.find((r) => text(r, 2) === 'UBND phường Lộc Thọ')!, 5)).toBe('Đúng hạn');

    for (const [planId, name] of [
      ['cu-chi', 'Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi'],
      ['khanh-hoa', 'Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030)'],
    ] as const) {
      const total = rows.find((r) => text(r, 2) === `Tổng cộng — ${name}`)!;
      expect(total.getCell(2).font?.bold).toBe(true);
      const planReports = latest.filter((r) => r.planId === planId);
      for (const [i, f] of fields.entries()) {
        const figures = planReports.map((r) => r.answers[f.id]).filter((v): v is number => typeof v === 'number');
        expect(text(total, 6 + i), `${planId} ${f.id}`).toBe(figures.length ? figures.reduce((a, b) => a + b, 0) : null);
      }
    }
    // The corrected report counts with its latest figures; last year's report not at all.
    const all = rows.find((r) => text(r, 2) === 'Tổng cộng tất cả kế hoạch')!;
    expect(text(all, 6)).toBe(latest.reduce((n, r) => n + (r.answers.trainees as number), 0));
    expect(latest.some((r) => r.answers.trainees === 5000)).toBe(true);
    expect(text(all, 6)).not.toBeGreaterThan(999_999);
  });

  it('counts the units reported, late and missing, per plan and over all', async () => {
    const ws = (await workbook()).getWorksheet('Tổng hợp')!;
    const notes = rowsBelowHeader(ws, HEADER_ROW).rows.map((r) => text(r, 1)).filter((v) => typeof v === 'string' && v.startsWith('Đơn vị:'));
    expect(notes).toEqual([
      'Đơn vị: 30 · Đã báo cáo: 26 (nộp muộn: 2) · Chưa báo cáo: 4',
      'Đơn vị: 5 · Đã báo cáo: 3 (nộp muộn: 1) · Chưa báo cáo: 2',
      'Đơn vị: 35 · Đã báo cáo: 29 (nộp muộn: 3) · Chưa báo cáo: 6',
    ]);
  });

  it('prints on A4 landscape, one page wide (fitToPage), the header row on every page, borders, counts as #,##0', async () => {
    const wb = await workbook();
    for (const ws of wb.worksheets) {
      const header = ws.name === 'Tổng hợp' || ws.name === 'Chưa báo cáo' ? HEADER_ROW : 1;
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`${header}:${header}`);
      const head = ws.getRow(header);
      expect(head.getCell(1).border?.bottom?.style, ws.name).toBe('thin');
      expect(head.getCell(1).alignment?.wrapText, ws.name).toBe(true);
      const body = ws.getRow(header + 1);
      expect(body.getCell(2).border?.left?.style, ws.name).toBe('thin');
    }
    const ws = wb.getWorksheet('Tổng hợp')!;
    const row = ws.getRow(HEADER_ROW + 2);
    expect(row.getCell(6).numFmt).toBe('#,##0');
    expect(row.getCell(4).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
  });

  it('rows are tall enough for their wrapped text, the wrapped header row too', async () => {
    const wb = await workbook();
    for (const ws of wb.worksheets) {
      const widths = ws.columns.map((c) => c.width ?? 10);
      ws.eachRow((row, no) => {
        if (no < HEADER_ROW && (ws.name === 'Tổng hợp' || ws.name === 'Chưa báo cáo')) return;
        let lines = 1;
        row.eachCell((cell, col) => {
          if (typeof cell.value === 'string' && !cell.isMerged) lines = Math.max(lines, wrappedLines(cell.value, widths[col - 1]!));
        });
        // 15 points a line of the 11-point font.
        if (lines > 1) expect(row.height, `${ws.name} row ${no}`).toBeGreaterThanOrEqual(lines * 15);
      });
    }
    const summary = wb.getWorksheet('Tổng hợp')!;
    // "Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng" in a narrow column.
    expect(summary.getRow(HEADER_ROW).height).toBeGreaterThanOrEqual(5 * 15);
  });

  it('without a year: the summary is of the current year, as /thongke', async () => {
    const ws = (await workbook({})).getWorksheet('Tổng hợp')!;
    expect(ws.getRow(1).getCell(1).value).toBe('TỔNG HỢP KẾT QUẢ BÁO CÁO NĂM 2025');
  });
});

describe('XLSX sheet “Chưa báo cáo”', () => {
  it('each missing unit with every contact (name, role, phone, channel)', async () => {
    const ws = (await workbook()).getWorksheet('Chưa báo cáo')!;
    expect(ws.getRow(1).getCell(1).value).toBe('ĐƠN VỊ CHƯA BÁO CÁO NĂM 2025');
    const { headers, rows } = rowsBelowHeader(ws, HEADER_ROW);
    expect(headers).toEqual(['STT', 'Kế hoạch', 'Tên đơn vị', 'Họ và tên', 'Chức vụ', 'Số điện thoại', 'Kênh']);
    const units = [...new Set(rows.map((r) => text(r, 3)))];
    expect(units.slice().sort()).toEqual(seeded.missing.slice().sort());
    for (const contact of t.store.contacts.list()) {
      if (!seeded.missing.includes(contact.unitName)) continue;
      const row = rows.find((r) => text(r, 4) === contact.fullName && text(r, 3) === contact.unitName);
      expect(row, contact.fullName).toBeDefined();
      expect(text(row!, 5)).toBe(contact.role);
      expect(text(row!, 6)).toBe(contact.phone ? formatPhone(contact.phone) : null);
      expect(text(row!, 7)).toBe(contact.channel === 'zalo' ? 'Zalo' : 'Telegram');
    }
    // The unit registered by two people lists both.
    expect(rows.filter((r) => text(r, 3) === 'Trường THCS Phú Mỹ Hưng').map((r) => text(r, 4))).toHaveLength(2);
  });
});
