/**
 * One table → CSV bytes: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly), RFC 4180
 * quoting (fields with commas, quotes or any line break are quoted, quotes doubled), CRLF between records.
 *
 * Spreadsheet programs run a cell that starts with =, +, -, @ as a formula. Answers are typed by
 * users, so such a text cell gets a leading apostrophe (the usual CSV-injection guard); numbers and
 * times never start with one of these characters.
 */
import { stringify } from 'csv-stringify/sync';
import { isoLocalDateTime } from '../../calendar.js';
import { sanitizeText } from '../../text/sanitize.js';
import type { Cell, Table } from './table.js';

// Also their full-width forms, which Apple Numbers turns into the ASCII ones before evaluating.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The text a CSV cell holds for a user's text: without the characters XML and the platforms refuse
 * (the file is often opened and saved again as XLSX), guarded against formula injection.
 */
export function csvText(raw: string): string {
  const text = sanitizeText(raw);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell, timeZone: string): string | number {
  if (cell === null) return '';
  if (cell instanceof Date) return isoLocalDateTime(cell, timeZone);
  if (typeof cell === 'number') return cell;
  return csvText(cell);
}

export function tableToCsv(table: Table, timeZone: string): Buffer {
  const records = [table.columns.map((c) => csvText(c.header)), ...table.rows.map((row) => row.map((c) => csvCell(c, timeZone)))];
  // quote_record_delimiter: with record_delimiter set, csv-stringify would otherwise quote only fields
  // holding "\r\n" and leave a lone "\n" bare, which splits the row in two in Excel.
  return Buffer.from(stringify(records, { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true }), 'utf8');
}
