/**
 * A table to export: typed columns and rows of cells, independent of the file format. The XLSX and
 * CSV writers turn the same tables into files, so both always hold the same data.
 */

/**
 * text: short text; longtext: an answer that may hold line breaks (wrapped in XLSX);
 * number: a count or a year (a number cell); datetime: an instant, shown in the bot's time zone.
 */
export type ColumnKind = 'text' | 'longtext' | 'number' | 'datetime';

export interface Column {
  header: string;
  kind: ColumnKind;
}

export type Cell = string | number | Date | null;

export interface Table {
  /** Sheet name in the XLSX file (at most 31 characters, none of []:*?/\). */
  name: string;
  columns: Column[];
  rows: Cell[][];
}
