/**
 * A table to export: typed columns and rows of cells, independent of the file format. The XLSX and
 * CSV writers turn the same tables into files, so both always hold the same data.
 */

/**
 * text: short text; longtext: an answer that may hold line breaks (wrapped in XLSX);
 * number: a year or a version (a number cell, shown as typed); count: a figure that is added up
 * (a number cell shown with thousands separators, "12.000"); datetime: an instant, shown in the
 * bot's time zone.
 */
export type ColumnKind = 'text' | 'longtext' | 'number' | 'count' | 'datetime';

export interface Column {
  header: string;
  kind: ColumnKind;
}

export type Cell = string | number | Date | null;

/**
 * data: an ordinary row; group: a heading across the table (its first cell is the text); total: a row
 * of sums (bold); note: a remark across the table (its first cell is the text).
 */
export type RowKind = 'data' | 'group' | 'total' | 'note';

export interface Table {
  /** Sheet name in the XLSX file (at most 31 characters, none of []:*?/\). */
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** Lines printed above the header row (what, which year, as of when); XLSX only. */
  title?: string[];
  /** The kind of each row (default data); XLSX only. */
  rowKinds?: RowKind[];
}
