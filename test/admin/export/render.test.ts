/**
 * The files as LibreOffice prints and reads them (headless, a fresh profile per run): the XLSX on A4
 * landscape pages, the DOCX on A4 portrait pages, both with the page count of the fixed data set; the
 * CSV (UTF-8 with a byte-order mark) read back with the text as typed and no formula in any cell.
 * Skipped when LibreOffice or poppler-utils is absent (.ci/run installs them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/admin/export/csv.js';
import { buildExport, type ExportFormat } from '../../../src/admin/export/export.js';
import type { Table } from '../../../src/admin/export/table.js';
import { realKnowledge, tempDir, tempStore, type TempStore } from '../support.js';
import { convert, hasPdfTools, pdfPages, soffice } from './libreoffice.js';
import { seedSummary, SUMMARY_NOW, SUMMARY_YEAR } from './summary-fixture.js';

const TZ = 'Asia/Ho_Chi_Minh';
/** A4 in points, rounded as pdfinfo's figures are here. */
const A4_LANDSCAPE = '842 x 595';
const A4_PORTRAIT = '595 x 842';

let t: TempStore;
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempStore();
  tmp = tempDir('thidua-render-');
  seedSummary(t.store);
});
afterEach(() => {
  t.cleanup();
  tmp.cleanup();
});

async function pdfOf(format: ExportFormat): Promise<ReturnType<typeof pdfPages>> {
  const file = await buildExport(
    { store: t.store, knowledge: realKnowledge(), timeZone: TZ, now: () => SUMMARY_NOW },
    { format, year: SUMMARY_YEAR, issuer: 'Phòng Giáo dục và Đào tạo', parentBody: 'UBND huyện Củ Chi' },
  );
  const path = join(tmp.dir, `tong-hop.${format}`);
  writeFileSync(path, file.content);
  return pdfPages(convert(path, 'pdf', tmp.dir));
}

describe.skipIf(!soffice || !hasPdfTools)('rendered by LibreOffice', () => {
  it('XLSX: every page A4 landscape; the five sheets of the fixed set on 8 pages', async () => {
    const pdf = await pdfOf('xlsx');
    expect(new Set(pdf.sizes)).toEqual(new Set([A4_LANDSCAPE]));
    // “Tổng hợp”: Củ Chi on two pages, Khánh Hòa and the totals on the third; one page each for the
    // three detail sheets (fitted one page wide) and for “Chưa báo cáo”... as measured and looked at.
    expect(pdf.pages).toBe(8);
  });

  it('DOCX: every page A4 portrait; the fixed set on 4 pages', async () => {
    const pdf = await pdfOf('docx');
    expect(new Set(pdf.sizes)).toEqual(new Set([A4_PORTRAIT]));
    expect(pdf.pages).toBe(4);
  });
});

describe.skipIf(!soffice)('CSV read back by LibreOffice (UTF-8 with BOM)', () => {
  it('text identical, bullets and phones as typed, formulas inert', async () => {
    const typed = [
      'Lễ phát động “Học tập suốt đời”, có dấu phẩy; và "ngoặc kép"',
      '- Kinh phí còn hạn chế\n- Thiếu cán bộ chuyên trách',
      '+ Tuyên truyền trên loa truyền thanh',
      '+84 912 345 678',
      'Hội nghị = 3',
    ];
    const formulas = ['=SUM(1;2)', '=1+1', '@SUM(1)', '-2+3+cmd|\' /C calc\'!A0', '=HYPERLINK("http://x";"bấm vào đây")'];
    const table: Table = { name: 'x', columns: [{ header: 'Nội dung', kind: 'longtext' }], rows: [...typed, ...formulas].map((v) => [v]) };
    const csv = join(tmp.dir, 'bao-cao.csv');
    writeFileSync(csv, tableToCsv(table, TZ));
    // Comma-separated, double quotes, UTF-8 (76), from line 1; cell formats standard.
    const xlsx = convert(csv, 'xlsx', tmp.dir, { infilter: 'CSV:44,34,76,1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells[0]!.value).toBe('Nội dung');
    const values = cells.slice(1);
    for (const c of values) expect(c.type, String(c.value)).not.toBe(ExcelJS.ValueType.Formula);
    expect(values.slice(0, typed.length).map((c) => c.value)).toEqual(typed);
    // Each formula stays text: the guard's apostrophe and the text as typed.
    expect(values.slice(typed.length).map((c) => c.value)).toEqual(formulas.map((f) => `'${f}`));
  });
});
