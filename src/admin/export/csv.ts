/**
 * One table → CSV bytes: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly), RFC 4180
 * quoting (fields with commas, quotes or any line break are quoted, quotes doubled), CRLF between records.
 *
 * Text is kept as the user typed it, except what a spreadsheet would run as a formula (OWASP, "CSV
 * Injection"): such a cell gets a leading apostrophe, which Excel and LibreOffice show as text.
 */
import { stringify } from 'csv-stringify/sync';
import { isoLocalDateTime } from '../../calendar.js';
import { sanitizeText } from '../../text/sanitize.js';
import type { Cell, Table } from './table.js';

/**
 * Always a formula: "=", "@" (Excel's older function syntax), a tab or carriage return ahead of one
 * (OWASP), and the full-width forms of every sign, which Apple Numbers turns into the ASCII ones first.
 */
const ALWAYS_FORMULA = /^[=@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** "+" or "-" starts a formula too, unless what follows is harmless (below). */
const SIGN_START = /^[+-]/;
/**
 * A number or a phone ("-5", "+84912345678", "+84 912 345 678", "-1.234,5"): with no letter there is
 * no function to call and no cell to reference, whatever the spreadsheet makes of it.
 */
const NUMBER_LIKE = /^[+-][\d\s.,/()%+-]*$/u;
/** A bullet: the sign, then a space ("- Lễ phát động…", "+ Tuyên truyền…"). */
const BULLET = /^[+-]\s/;
/**
 * What a bullet would need to do harm once read as a formula: a function call (a name directly
 * followed by "(": HYPERLINK(, WEBSERVICE(), DDE ("cmd|' /C calc'!A0"), a reference into another
 * sheet or file (Excel's "!" and "[book]", LibreOffice's "#$Sheet"). Plain words joined by spaces
 * are at worst an error value (#NAME?), never an action.
 */
const FORMULA_MACHINERY = /[\p{L}\p{N}_.]\(|[|!#[\]]/u;

/** Whether a spreadsheet opening the CSV would run `text` as a formula (see the rules above). */
export function runsAsFormula(text: string): boolean {
  if (ALWAYS_FORMULA.test(text)) return true;
  if (!SIGN_START.test(text)) return false;
  if (NUMBER_LIKE.test(text)) return false;
  return !(BULLET.test(text) && !FORMULA_MACHINERY.test(text));
}

/**
 * The text a CSV cell holds for a user's text: without the characters XML and the platforms refuse
 * (the file is often opened and saved again as XLSX), guarded against formula injection.
 */
export function csvText(raw: string): string {
  const text = sanitizeText(raw);
  return runsAsFormula(text) ? `'${text}` : text;
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
