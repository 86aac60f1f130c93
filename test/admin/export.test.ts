import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvText } from '../../src/admin/export/csv.js';
import { buildExport } from '../../src/admin/export/export.js';
import { loadForm } from '../../src/reports/form-definition.js';
import { formatPhone } from '../../src/reports/field-values.js';
import type { Report } from '../../src/store/reports.js';
import { addContact, realKnowledge, submitReport, tempStore, TRICKY_ANSWERS, type TempStore } from './support.js';

const TZ = 'Asia/Ho_Chi_Minh';
const reportForm = loadForm('report');
const registrationForm = loadForm('registration');
const label = (id: string) => reportForm.fields.find((f) => f.id === id)!.label;
const regLabel = (id: string) => registrationForm.fields.find((f) => f.id === id)!.label;

let t: TempStore;
beforeEach(() => {
  t = tempStore();
  const store = t.store;
  const lan = addContact(store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan', role: 'Phó Chủ tịch UBND xã', phone: '+84912345678' });
  const binh = addContact(store, { planId: 'cu-chi', unitName: 'Trường THCS Lê Lợi', fullName: 'Trần Văn Bình', channel: 'zalo', userId: 'z-abc' });
  // Phones as the registration stores them (E.164).
  const hoa = addContact(store, { planId: 'thai-binh', unitName: 'Sở Y tế tỉnh Thái Bình', fullName: 'Lê Thị Hoa', phone: '+842273831234' });
  addContact(store, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ', fullName: 'Phạm Minh' });
  submitReport(store, lan, 2024, { activities: 'Năm 2024: 2 hội nghị', trainees: 80 }, new Date('2024-11-14T09:00:00Z'));
  submitReport(store, lan, 2025, TRICKY_ANSWERS, new Date('2025-11-10T03:30:00Z'));
  submitReport(store, lan, 2025, { ...TRICKY_ANSWERS, trainees: 125, proposals: 'Bản sửa: "thêm" 1 cá nhân, 2 tập thể' }, new Date('2025-11-12T17:05:09Z'));
  submitReport(store, binh, 2025, { activities: 'Phát động\ntrong toàn trường', trainees: 45, models: '+84 mô hình', learningFamilies: '7' as unknown as number });
  submitReport(store, hoa, 2025, { activities: '@Sở: tuyên truyền', trainees: 0 });
});
afterEach(() => t.cleanup());

function build(format: 'xlsx' | 'csv', filter: { year?: number; planId?: string } = {}) {
  return buildExport({ store: t.store, knowledge: realKnowledge(), timeZone: TZ, now: () => new Date('2025-11-20T01:00:00Z') }, { format, ...filter });
}

/** The wall clock in Việt Nam (UTC+7, no daylight saving) of an instant, as the UTC fields of a Date. */
function vnWallClock(iso: string): Date {
  return new Date(new Date(iso).getTime() + 7 * 3600_000);
}

async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  return wb;
}

/** A sheet as objects keyed by the header texts. */
function sheetRows(ws: ExcelJS.Worksheet): { headers: string[]; rows: Record<string, unknown>[] } {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return { headers, rows };
}

function expectReportRow(row: Record<string, unknown>, report: Report, opts: { csv: boolean }): void {
  // Both files hold line breaks as LF (XML has no CR; sanitizeText normalises CR LF); CSV keeps the rest
  // of the text byte for byte (formula guard aside).
  const text = (v: string | number | null | undefined) =>
    v === null || v === undefined ? (opts.csv ? '' : null) : opts.csv ? csvText(String(v)) : String(v).replace(/\r\n?/g, '\n');
  const num = (v: string | number | null | undefined) => (v === null || v === undefined ? (opts.csv ? '' : null) : opts.csv ? String(v) : Number(v));
  expect(row['Mã báo cáo']).toBe(report.code);
  expect(row[label('year')]).toBe(opts.csv ? String(report.year) : report.year);
  expect(row[regLabel('unitName')]).toBe(report.unitName);
  expect(row['Lần gửi']).toBe(opts.csv ? String(report.version) : report.version);
  expect(row['Mã kế hoạch']).toBe(report.planId);
  expect(row[regLabel('planId')]).toBe(realKnowledge().plan(report.planId)!.shortName);
  for (const field of reportForm.fields) {
    if (field.type === 'year') continue;
    const value = report.answers[field.id];
    expect(row[field.label], field.id).toEqual(field.type === 'integer' ? num(value) : text(value));
  }
}

describe('XLSX export', () => {
  it('has the summary, the three detail sheets with form labels as headers, bold and frozen, sensible widths, and the missing units', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Báo cáo mới nhất', 'Tất cả các lần gửi', 'Đầu mối', 'Chưa báo cáo']);
    for (const ws of wb.worksheets.slice(1, 4)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      for (const col of ws.columns) expect(col.width).toBeGreaterThanOrEqual(8);
      for (const col of ws.columns) expect(col.width).toBeLessThanOrEqual(60);
    }
    const { headers } = sheetRows(wb.getWorksheet('Tất cả các lần gửi')!);
    for (const field of reportForm.fields) expect(headers).toContain(field.label);
    expect(headers).toContain('Thời gian gửi (giờ Việt Nam)');
    const contactHeaders = sheetRows(wb.getWorksheet('Đầu mối')!).headers;
    for (const field of registrationForm.fields) expect(contactHeaders).toContain(field.label);
  });

  it('round trip: every version exactly once, the latest per unit and year, equal to the database', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    const all = t.store.reports.listAll();
    const latest = t.store.reports.listLatest();
    expect(all).toHaveLength(5);
    expect(latest).toHaveLength(4);

    const versions = sheetRows(wb.getWorksheet('Tất cả các lần gửi')!).rows;
    expect(versions.map((r) => r['Mã báo cáo']).sort()).toEqual(all.map((r) => r.code).sort());
    for (const report of all) {
      const row = versions.find((r) => r['Mã báo cáo'] === report.code)!;
      expectReportRow(row, report, { csv: false });
      expect(row['Bản mới nhất']).toBe(latest.some((l) => l.id === report.id) ? 'Có' : 'Không');
      // A date cell showing the time in Việt Nam.
      expect(row['Thời gian gửi (giờ Việt Nam)']).toEqual(vnWallClock(report.submittedAt));
    }

    const newest = sheetRows(wb.getWorksheet('Báo cáo mới nhất')!).rows;
    expect(newest.map((r) => r['Mã báo cáo']).sort()).toEqual(latest.map((r) => r.code).sort());
    for (const report of latest) expectReportRow(newest.find((r) => r['Mã báo cáo'] === report.code)!, report, { csv: false });
  });

  it('keeps numbers as numbers, line breaks, quotes and formula-like text as plain text', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    const ws = wb.getWorksheet('Tất cả các lần gửi')!;
    const { headers } = sheetRows(ws);
    const col = (name: string) => headers.indexOf(name) + 1;
    const lan2025 = t.store.reports.listAll({ year: 2025 }).find((r) => r.unitName === 'UBND xã An Nhơn Tây' && r.version === 1)!;
    const rowNo = sheetRows(ws).rows.findIndex((r) => r['Mã báo cáo'] === lan2025.code) + 2;
    const cell = (name: string) => ws.getRow(rowNo).getCell(col(name));
    expect(cell(label('trainees')).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(label('activities')).value).toBe(TRICKY_ANSWERS.activities);
    expect(cell(label('models')).type).toBe(ExcelJS.ValueType.String);
    expect(cell(label('models')).value).toBe('=HYPERLINK("http://x","bấm vào đây")');
    expect(cell(label('activities')).alignment?.wrapText).toBe(true);
    // A count stored as digits (older data) is exported as a number too.
    const binh = sheetRows(ws).rows.find((r) => r[regLabel('unitName')] === 'Trường THCS Lê Lợi')!;
    expect(binh[label('learningFamilies')]).toBe(7);
  });

  it('answers that start like a formula stay text in every sheet: nothing for Excel to run', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    const risky: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            risky.push(cell.value);
          }
        }),
      );
    }
    // The user's text is kept exactly (no apostrophe needed in XLSX: the cell is typed as text).
    expect(risky).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","bấm vào đây")', '+84 mô hình', '@Sở: tuyên truyền', TRICKY_ANSWERS.difficulties!.toString().replace(/\r\n?/g, '\n')]));
  });

  it('as an admin reads it: bold header cells, times as dates in Việt Nam, phones as the bot shows them, empty skipped answers', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    const ws = wb.getWorksheet('Báo cáo mới nhất')!;
    const { headers, rows } = sheetRows(ws);
    headers.forEach((_, i) => expect(ws.getRow(1).getCell(i + 1).font?.bold, headers[i]).toBe(true));
    const when = ws.getRow(2).getCell(headers.indexOf('Thời gian gửi (giờ Việt Nam)') + 1);
    expect(when.type).toBe(ExcelJS.ValueType.Date);
    expect(when.numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    const lan = rows.find((r) => r[regLabel('unitName')] === 'UBND xã An Nhơn Tây' && r[label('year')] === 2025)!;
    expect(lan[regLabel('phone')]).toBe('0912 345 678');
    // Skipped optional answer: an empty cell, not "null" or 0.
    expect(lan[label('learningClans')]).toBeNull();
    const binh = rows.find((r) => r[regLabel('unitName')] === 'Trường THCS Lê Lợi')!;
    expect(binh[label('difficulties')]).toBeNull();
    const contacts = sheetRows(wb.getWorksheet('Đầu mối')!).rows;
    expect(contacts.find((r) => r[regLabel('fullName')] === 'Lê Thị Hoa')![regLabel('phone')]).toBe('0227 3831 234');
  });

  it('long answers are kept whole (wrapped, width bounded); a cell over Excel’s limit is cut visibly', async () => {
    const lan = t.store.contacts.list().find((c) => c.fullName === 'Nguyễn Thị Lan')!;
    const long = 'Tổ chức tuyên truyền sâu rộng trong toàn xã, "có ngoặc", có phẩy.\n'.repeat(22).slice(0, 1500);
    const huge = 'x'.repeat(40_000);
    const r = submitReport(t.store, lan, 2026, { activities: long, trainees: 1, legacyNote: huge } as never);
    const wb = await readWorkbook((await build('xlsx', { year: 2026 })).content);
    const ws = wb.getWorksheet('Tất cả các lần gửi')!;
    const { headers, rows } = sheetRows(ws);
    const row = rows.find((x) => x['Mã báo cáo'] === r.code)!;
    expect(row[label('activities')]).toBe(long);
    expect(ws.getColumn(headers.indexOf(label('activities')) + 1).width).toBeLessThanOrEqual(60);
    const cut = row['legacyNote'] as string;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…')).toBe(true);
    // The CSV has no such limit: the answer is whole there.
    const csv = parse((await build('csv', { year: 2026 })).content, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv[0]!['legacyNote']).toBe(huge);
    expect(csv[0]![label('activities')]).toBe(long);
  });

  it('contacts sheet: every contact once, with the number of reports sent', async () => {
    const wb = await readWorkbook((await build('xlsx')).content);
    const rows = sheetRows(wb.getWorksheet('Đầu mối')!).rows;
    const contacts = t.store.contacts.list();
    expect(rows).toHaveLength(contacts.length);
    for (const c of contacts) {
      const row = rows.find((r) => r['Mã người dùng trên kênh'] === c.userId)!;
      expect(row[regLabel('fullName')]).toBe(c.fullName);
      expect(row[regLabel('unitName')]).toBe(c.unitName);
      expect(row[regLabel('role')]).toBe(c.role);
      expect(row[regLabel('phone')]).toBe(c.phone === null ? null : formatPhone(c.phone));
      expect(row['Kênh']).toBe(c.channel === 'zalo' ? 'Zalo' : 'Telegram');
      expect(row['Số lần gửi báo cáo']).toBe(t.store.reports.listAll().filter((r) => r.contactId === c.id).length);
    }
  });

  it('filters by year and plan', async () => {
    const wb = await readWorkbook((await build('xlsx', { year: 2025, planId: 'cu-chi' })).content);
    const versions = sheetRows(wb.getWorksheet('Tất cả các lần gửi')!).rows;
    expect(versions.map((r) => r['Mã báo cáo']).sort()).toEqual(t.store.reports.listAll({ year: 2025, planId: 'cu-chi' }).map((r) => r.code).sort());
    expect(versions).toHaveLength(3);
    expect(sheetRows(wb.getWorksheet('Đầu mối')!).rows).toHaveLength(2);
  });
});

describe('late marks ("Nộp muộn") in both exports', () => {
  // Khánh Hòa: "Trước ngày 01 tháng 12 hàng năm": 30/11 is the last day, so a report of 01/12 is late.
  function seedLate(): { late: Report[]; inTime: Report[] } {
    const minh = t.store.contacts.list().find((c) => c.fullName === 'Phạm Minh')!;
    const first = submitReport(t.store, minh, 2025, { activities: 'Tuyên truyền', trainees: 5 }, new Date('2025-12-01T01:00:00Z'));
    // A correction days later: the report still arrived on 01/12, one day late.
    const second = submitReport(t.store, minh, 2025, { activities: 'Tuyên truyền, bản sửa', trainees: 6 }, new Date('2025-12-05T01:00:00Z'));
    const lan = t.store.contacts.list().find((c) => c.fullName === 'Nguyễn Thị Lan')!;
    // Củ Chi 2026: "trước ngày 15 tháng 11": sent at 09:00 on 17/11 in Việt Nam, three days after the 14th.
    const cuChi = submitReport(t.store, lan, 2026, { activities: 'Năm 2026', trainees: 9 }, new Date('2026-11-17T02:00:00Z'));
    const late = [first, second, cuChi];
    return { late, inTime: t.store.reports.listAll().filter((r) => !late.some((l) => l.id === r.id)) };
  }
  const expected = (r: Report) => (r.planId === 'khanh-hoa' ? 'Muộn 1 ngày' : 'Muộn 3 ngày');

  it('XLSX: every report row says how many days late, empty when in time', async () => {
    const { late, inTime } = seedLate();
    const wb = await readWorkbook((await build('xlsx')).content);
    const versions = sheetRows(wb.getWorksheet('Tất cả các lần gửi')!);
    expect(versions.headers).toContain('Nộp muộn');
    for (const r of late) expect(versions.rows.find((x) => x['Mã báo cáo'] === r.code)!['Nộp muộn'], r.code).toBe(expected(r));
    for (const r of inTime) expect(versions.rows.find((x) => x['Mã báo cáo'] === r.code)!['Nộp muộn'], r.code).toBeNull();
    const newest = sheetRows(wb.getWorksheet('Báo cáo mới nhất')!).rows;
    expect(newest.find((x) => x[regLabel('unitName')] === 'UBND phường Lộc Thọ')!['Nộp muộn']).toBe('Muộn 1 ngày');
    expect(newest.filter((x) => x['Nộp muộn'] !== null)).toHaveLength(2);
  });

  it('CSV: the same marks, read back with the CSV parser', async () => {
    const { late, inTime } = seedLate();
    const records = parse((await build('csv')).content, { bom: true, columns: true }) as Record<string, string>[];
    for (const r of late) expect(records.find((x) => x['Mã báo cáo'] === r.code)!['Nộp muộn'], r.code).toBe(expected(r));
    for (const r of inTime) expect(records.find((x) => x['Mã báo cáo'] === r.code)!['Nộp muộn'], r.code).toBe('');
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a byte-order mark and CRLF record ends', async () => {
    const file = await build('csv');
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe('bao-cao-thi-dua_20251120-0800.csv');
    const text = file.content.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields every line ends with CRLF; line breaks inside answers stay inside quotes.
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '""');
    // (An answer with a line break but no comma or quote once went out bare and split its row.)
    expect(outsideQuotes.match(/.{0,40}[^\r]\n.{0,20}/g)).toBeNull();
    expect(text).toContain('"Phát động\ntrong toàn trường"');
    expect(outsideQuotes.split('\r\n')).toHaveLength(1 + t.store.reports.listAll().length + 1);
  });

  it('round trip: every version exactly once, with newlines, quotes, commas and Vietnamese intact', async () => {
    const records = parse((await build('csv')).content, { bom: true, columns: true }) as Record<string, string>[];
    const all = t.store.reports.listAll();
    expect(records.map((r) => r['Mã báo cáo']).sort()).toEqual(all.map((r) => r.code).sort());
    for (const report of all) {
      const row = records.find((r) => r['Mã báo cáo'] === report.code)!;
      expectReportRow(row, report, { csv: true });
      const w = vnWallClock(report.submittedAt).toISOString();
      expect(row['Thời gian gửi (giờ Việt Nam)']).toBe(`${w.slice(0, 10)} ${w.slice(11, 19)}`);
    }
    const tricky = records.find((r) => r[label('activities')] === TRICKY_ANSWERS.activities);
    expect(tricky).toBeDefined();
    // A bullet list ("- Kinh phí…") is no formula: it comes back as typed, without an apostrophe.
    expect(records.some((r) => r[label('difficulties')] === String(TRICKY_ANSWERS.difficulties).replace(/\r\n/g, '\n'))).toBe(true);
  });

  it('guards text that a spreadsheet would run as a formula', async () => {
    const records = parse((await build('csv')).content, { bom: true, columns: true }) as Record<string, string>[];
    const values = records.flatMap((r) => Object.values(r));
    // A phone is written as the bot shows it: no "+84…" that would need the guard.
    expect(records.find((r) => r[regLabel('fullName')] === 'Nguyễn Thị Lan')![regLabel('phone')]).toBe('0912 345 678');
    expect(values).toContain(`'=HYPERLINK("http://x","bấm vào đây")`);
    expect(values).toContain(`'+84 mô hình`);
    expect(values).toContain(`'@Sở: tuyên truyền`);
    // Left bare only the bullet list: every other sign at the start is guarded.
    // (Both 2025 versions of An Nhơn Tây's report hold that list.)
    const bullets = String(TRICKY_ANSWERS.difficulties).replace(/\r\n/g, '\n');
    expect(values.filter((v) => /^[=+@-]/.test(v))).toEqual([bullets, bullets]);
    // Full-width signs too (Apple Numbers reads "＝" as "="); ordinary text is left alone.
    expect(['＝SUM(A1)', '＋1', '－1', '＠x', '\t=1', 'Hội nghị = 3'].map(csvText)).toEqual(["'＝SUM(A1)", "'＋1", "'－1", "'＠x", "'\t=1", 'Hội nghị = 3']);
  });

  it('an empty database still gives a file with the header row', async () => {
    t.reopen();
    const empty = tempStore();
    try {
      const file = await buildExport({ store: empty.store, knowledge: realKnowledge(), timeZone: TZ }, { format: 'csv' });
      const rows = parse(file.content, { bom: true }) as string[][];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Mã báo cáo');
    } finally {
      empty.cleanup();
    }
  });
});
