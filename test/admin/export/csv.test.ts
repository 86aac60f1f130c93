import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/admin/export/csv.js';
import type { Table } from '../../../src/admin/export/table.js';

const TZ = 'Asia/Ho_Chi_Minh';

/** One text column of `values` written as CSV, then read back as a spreadsheet program would get it. */
function roundTrip(values: readonly string[]): string[] {
  const table: Table = { name: 'x', columns: [{ header: 'Nội dung', kind: 'longtext' }], rows: values.map((v) => [v]) };
  const rows = parse(tableToCsv(table, TZ), { bom: true, columns: true }) as Record<string, string>[];
  return rows.map((r) => r['Nội dung']!);
}

describe('CSV cells keep the text as written', () => {
  it('a bullet, a phone and a negative number come back exactly as typed (no apostrophe)', () => {
    const harmless = [
      '- Lễ phát động phong trào “Học tập suốt đời” tại 12 xã',
      '- Kinh phí còn hạn chế\n- Thiếu cán bộ chuyên trách',
      '+ Tuyên truyền trên loa truyền thanh',
      '- Tổ chức 3 hội nghị (tháng 5 và tháng 9), 120 lượt người dự',
      '+84 912 345 678',
      '+84912345678',
      '-5',
      '-1.234,5',
      'Hội nghị = 3',
      'Email: a@b.vn',
    ];
    expect(roundTrip(harmless)).toEqual(harmless);
  });

  it('what a spreadsheet would run as a formula is made inert with a leading apostrophe', () => {
    const formulas = [
      '=SUM(A1)',
      '@cmd',
      '=HYPERLINK("http://x","bấm vào đây")',
      '-2+3+cmd|\' /C calc\'!A0',
      // A bullet that calls a function or reaches into another sheet or program is no bullet.
      '- cmd|\' /C calc\'!A0',
      '- HYPERLINK("http://x")',
      '+ WEBSERVICE("http://x")',
      '- [book.xlsx]Sheet1!A1',
      // A sign glued to text is not a bullet, and text after a number is not a number.
      '-Kinh phí',
      '+84 mô hình',
      '\t=1',
      '＝SUM(A1)',
      '－1',
      '＠x',
    ];
    const back = roundTrip(formulas);
    expect(back).toEqual(formulas.map((f) => `'${f}`));
    // Nothing left that starts as a formula: each cell now starts with the apostrophe.
    expect(back.filter((v) => !v.startsWith("'"))).toEqual([]);
  });
});
