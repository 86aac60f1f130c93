/**
 * Tables → one XLSX workbook (exceljs), one sheet per table: bold header row, frozen so it stays in
 * view, an autofilter, column widths fitted to the content (within bounds), numbers as number cells,
 * times as date cells showing the wall clock of the bot's time zone, long answers wrapped.
 *
 * Written with exceljs's streaming writer, a batch of rows at a time with a pause for the event loop
 * in between: an export of thousands of reports must not keep the bot from answering other users
 * while it is built (the in-memory workbook took four times as long, in one block).
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { wallClockAsUtc } from '../../calendar.js';
import { sanitizeText } from '../../text/sanitize.js';
import type { Cell, Column, Table } from './table.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = { text: 40, longtext: 60, number: 16, datetime: 20 } as const;
export const DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';
/** Rows written between two pauses for the event loop. */
const ROWS_PER_BATCH = 200;

/** Width in characters: the longest header word or line of content, bounded per kind. */
function widthOf(column: Column, values: Cell[]): number {
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length), Math.min(column.header.length, 24));
  for (const v of values) {
    if (v === null) continue;
    if (v instanceof Date) longest = Math.max(longest, DATETIME_FORMAT.length);
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

function columnStyle(column: Column): Partial<ExcelJS.Style> {
  if (column.kind === 'datetime') return { numFmt: DATETIME_FORMAT, alignment: { vertical: 'top' } };
  if (column.kind === 'longtext') return { alignment: { wrapText: true, vertical: 'top' } };
  return { alignment: { vertical: 'top' } };
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: Table, timeZone: string): Promise<void> {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: sanitizeText(c.header),
    width: widthOf(c, table.rows.map((r) => r[i] ?? null)),
    style: columnStyle(c),
  }));
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for (let i = 0; i < table.rows.length; i++) {
    sheet.addRow(table.rows[i]!.map((cell) => xlsxValue(cell, timeZone))).commit();
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
