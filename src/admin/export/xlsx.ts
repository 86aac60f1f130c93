/**
 * Tables → one XLSX workbook (exceljs), one sheet per table, each ready to print: A4 landscape, fitted
 * to one page wide (Excel ignores `fitToWidth` unless `fitToPage` is set), the header row repeated on
 * every page, thin borders, all text wrapped with row heights that fit it (row-height.ts: exceljs and
 * the format leave rows at 15 points whatever they hold), page numbers in the footer. On screen: bold
 * header row, frozen so it stays in view, an autofilter, column widths fitted to the content (within
 * bounds), numbers as number cells (counts with thousands separators), times as date cells showing the
 * wall clock of the bot's time zone. A table may carry title rows above its header, and heading,
 * total and note rows (table.ts).
 *
 * Written with exceljs's streaming writer, a batch of rows at a time with a pause for the event loop
 * in between: an export of thousands of reports must not keep the bot from answering other users
 * while it is built (the in-memory workbook took four times as long, in one block).
 */
import { setImmediate as pause } from 'node:timers/promises';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { wallClockAsUtc } from '../../calendar.js';
import { sanitizeText } from '../../text/sanitize.js';
import { LINE_POINTS, MAX_ROW_POINTS, rowHeight, wrappedLines } from './row-height.js';
import type { Cell, Column, RowKind, Table } from './table.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = { text: 32, longtext: 45, number: 16, count: 16, datetime: 20 } as const;
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
/** Counts as Vietnamese documents print them: "12.000" (the separator follows the reader's locale). */
export const COUNT_FORMAT = '#,##0';
/** Rows written between two pauses for the event loop. */
const ROWS_PER_BATCH = 200;
const TITLE_POINTS = 14;

/** A4 (paper size 9) landscape, one page wide and as many pages down as it takes. */
export const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** Named on every styled cell: a font without a name is printed in the program's default, a serif in LibreOffice. */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

/** Width in characters: the longest header word or line of content, bounded per kind. */
function widthOf(column: Column, values: Cell[]): number {
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length), Math.min(column.header.length, 24));
  for (const v of values) {
    if (v === null) continue;
    if (v instanceof Date) longest = Math.max(longest, DATETIME_FORMAT.length);
    else if (typeof v === 'number') longest = Math.max(longest, v.toLocaleString('vi-VN').length);
    else for (const line of String(v).split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH[column.kind], longest + 2));
}

/** Excel refuses a file with a longer cell ("We found a problem with some content"): cut, and say so. */
export const MAX_CELL_CHARS = 32_767;

/**
 * XML stores line breaks as LF (a CR would be lost on reading), and Excel breaks lines on LF. A
 * character XML refuses (U+FFFF, a lone surrogate, a control character), however it got into the
 * database, is dropped: one would make the whole file unreadable. Text is always a string cell, never
 * a formula: an answer starting with "=" stays the text the user typed.
 */
function xlsxValue(cell: Cell, timeZone: string): Cell {
  if (cell instanceof Date) return wallClockAsUtc(cell, timeZone);
  if (typeof cell === 'string') {
    const text = sanitizeText(cell);
    return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
  }
  return cell;
}

/** The text a cell wraps, for its row height: numbers and dates never wrap (too narrow, they show "###"). */
function wrappedText(cell: Cell): string {
  return typeof cell === 'string' ? cell : '';
}

const NUMBER_FORMATS: Partial<Record<Column['kind'], string>> = { datetime: DATETIME_FORMAT, count: COUNT_FORMAT, number: '0' };

function cellStyle(column: Column, kind: RowKind): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: FONT,
    border: BORDERS,
    alignment: { vertical: 'top', wrapText: true, ...(column.kind === 'count' || column.kind === 'number' ? { horizontal: 'right' as const } : {}) },
  };
  const numFmt = NUMBER_FORMATS[column.kind];
  if (numFmt) style.numFmt = numFmt;
  if (kind === 'total') {
    style.font = { ...FONT, bold: true };
    style.fill = TOTAL_FILL;
  }
  return style;
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  border: BORDERS,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

/** A row with one text across the whole table: a title line, a heading or a note. */
function spanningRow(sheet: ExcelJS.Worksheet, rowNo: number, text: string, widths: readonly number[], style: Partial<ExcelJS.Style>, pageBreakAfter = false): void {
  const row = sheet.getRow(rowNo);
  const cell = row.getCell(1);
  cell.value = sanitizeText(text);
  cell.style = style;
  const width = widths.reduce((a, b) => a + b, 0);
  if (widths.length > 1) sheet.mergeCells(rowNo, 1, rowNo, widths.length);
  const points = ((style.font?.size ?? 11) / 11) * LINE_POINTS;
  row.height = Math.min(MAX_ROW_POINTS, wrappedLines(text, width, { bold: style.font?.bold }) * points + 3);
  if (pageBreakAfter) row.addPageBreak();
  row.commit();
}


async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: Table, timeZone: string): Promise<void> {
  const titles = table.title ?? [];
  // A blank line between the title and the table.
  const headerRowNo = titles.length > 0 ? titles.length + 2 : 1;
  const widths = table.columns.map((c, i) => widthOf(c, table.rows.filter((_, r) => (table.rowKinds?.[r] ?? 'data') !== 'group' && (table.rowKinds?.[r] ?? 'data') !== 'note').map((r) => r[i] ?? null)));
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRowNo }],
    pageSetup: { ...PAGE_SETUP, printTitlesRow: `${headerRowNo}:${headerRowNo}` },
    headerFooter: { oddFooter: '&CTrang &P/&N', differentFirst: false, differentOddEven: false },
  });
  // A column style too: cells added later in Excel wrap and show numbers alike (and exceljs drops a
  // column of the default width 9 without one, leaving it to the program's default).
  sheet.columns = widths.map((width, i) => {
    const { alignment, numFmt } = cellStyle(table.columns[i]!, 'data');
    return { width, style: numFmt ? { alignment, numFmt } : { alignment } };
  });
  titles.forEach((line, i) => spanningRow(sheet, i + 1, line, widths, { font: { ...FONT, bold: i === 0, size: i === 0 ? TITLE_POINTS : 11 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  if (table.columns.length > 0 && !table.rowKinds) {
    sheet.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo, column: table.columns.length } };
  }
  const header = sheet.getRow(headerRowNo);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = sanitizeText(c.header);
    cell.style = HEADER_STYLE;
  });
  header.height = rowHeight(table.columns.map((c) => c.header), widths, { bold: true });
  header.commit();

  const styles = (['data', 'total'] as const).map((kind) => table.columns.map((c) => cellStyle(c, kind)));
  const groupStyle: Partial<ExcelJS.Style> = { font: { ...FONT, bold: true }, border: BORDERS, alignment: { vertical: 'middle', wrapText: true } };
  const noteStyle: Partial<ExcelJS.Style> = { font: { ...FONT, italic: true }, border: BORDERS, alignment: { vertical: 'top', wrapText: true } };
  // Each group (a plan) starts on a new page, so it never begins at the foot of one.
  const breakAfter = (i: number) => table.rowKinds?.[i + 1] === 'group';
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    const kind = table.rowKinds?.[i] ?? 'data';
    const rowNo = headerRowNo + 1 + i;
    if (kind === 'group' || kind === 'note') {
      spanningRow(sheet, rowNo, String(cells[0] ?? ''), widths, kind === 'group' ? groupStyle : noteStyle, breakAfter(i));
    } else {
      const row = sheet.getRow(rowNo);
      const rowStyles = styles[kind === 'total' ? 1 : 0]!;
      table.columns.forEach((column, c) => {
        const cell = row.getCell(c + 1);
        cell.value = xlsxValue(cells[c] ?? null, timeZone);
        cell.style = rowStyles[c]!;
      });
      row.height = rowHeight(
        table.columns.map((_, c) => wrappedText(cells[c] ?? null)),
        widths,
        { bold: kind === 'total' },
      );
      if (breakAfter(i)) row.addPageBreak();
      row.commit();
    }
    if ((i + 1) % ROWS_PER_BATCH === 0) await pause();
  }
  sheet.commit();
}

export async function tablesToXlsx(tables: readonly Table[], opts: { timeZone: string; createdAt: Date; title?: string }): Promise<Buffer> {
  // exceljs takes most of a second to load: only when a workbook is actually written, not at every start.
  const { default: excel } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'thidua-bot';
  workbook.created = opts.createdAt;
  if (opts.title) workbook.title = opts.title;
  for (const table of tables) await writeSheet(workbook, table, opts.timeZone);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
