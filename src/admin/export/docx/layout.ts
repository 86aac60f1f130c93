/**
 * The presentation rules of Nghị định 30/2020/NĐ-CP (Phụ lục I) as docx building blocks: A4 portrait,
 * margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body text 14 pt, justified,
 * the first line indented, at least 6 pt between paragraphs; the header table with the issuing body on
 * the left and the Quốc hiệu, Tiêu ngữ on the right; page numbers from page 2, centred in the top margin.
 */
import {
  AlignmentType,
  BorderStyle,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableBordersOptions,
  type ITableCellBorders,
} from 'docx';

export const FONT = 'Times New Roman';
/** Sizes in half-points, as docx counts them. */
export const SIZE = { body: 28, table: 26, header: 26, nation: 24, recipients: 24, recipientLines: 22 } as const;
/** Millimetres in twips, rounded (docx's own conversion truncates: A4 would be 11905 × 16837, not Word's 11906 × 16838). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
};
/** The width of the text: 210 − 30 − 15 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const FIRST_LINE = mm(12.7);
const BODY_SPACING = { before: 0, after: 120, line: 288 } as const;
const TIGHT = { before: 0, after: 0, line: 240 } as const;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

// The document's default run is Times New Roman 14 pt (summary-docx.ts): a run names only what
// differs, which keeps document.xml (and the time to write it) small.
function runOptions(text: string, style: RunStyle, lineBreak?: number) {
  return {
    text,
    break: lineBreak,
    size: style.size === undefined || style.size === SIZE.body ? undefined : style.size,
    bold: style.bold || undefined,
    italics: style.italics || undefined,
    underline: style.underline ? {} : undefined,
  };
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun(runOptions(text, style));
}

/** Runs of a text that may hold line breaks: one line per run, each after a break. */
export function multilineRuns(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun(runOptions(line, style, i > 0 ? 1 : undefined)));
}

/** A paragraph of the body: justified, first line indented. */
export function bodyParagraph(children: TextRun[], opts: { indent?: boolean; keepNext?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: FIRST_LINE },
    spacing: { ...BODY_SPACING, ...(opts.after === undefined ? {} : { after: opts.after }) },
    keepNext: opts.keepNext,
  });
}

export function heading(text: string): Paragraph {
  return bodyParagraph([run(text, { bold: true })], { keepNext: true });
}

export function centered(children: TextRun[], spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { ...TIGHT, ...spacing } });
}

/** A line on its own, flush left, without the body's indent and spacing ("Nơi nhận:"). */
export function flushLeft(children: TextRun[], spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.LEFT, spacing: { ...TIGHT, ...spacing } });
}

/** The short solid line NĐ 30 draws under the issuing body and under the subject: a bottom border, indented. */
export function shortLine(totalWidth: number, lineWidth: number): Paragraph {
  const side = Math.max(0, Math.round((totalWidth - lineWidth) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const NO_TABLE_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID_BORDERS: ITableBordersOptions = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A table without borders that lays out blocks side by side (the header, the signature). */
export function layoutTable(rows: Paragraph[][][], widths: readonly number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((children, i) => new TableCell({ children, width: { size: widths[i]!, type: WidthType.DXA }, borders: NO_BORDERS })),
        }),
    ),
  });
}

export type GridCell = { text: string; align?: 'left' | 'center' | 'right'; bold?: boolean };

/** A table of figures with grid lines; the first row is the header, repeated on every page. */
export function gridTable(rows: GridCell[][], widths: readonly number[]): Table {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: cells.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                margins: { top: 40, bottom: 40, left: 80, right: 80 },
                children: [
                  new Paragraph({
                    children: multilineRuns(cell.text, { size: SIZE.table, bold: r === 0 || cell.bold }),
                    alignment: alignment[r === 0 ? 'center' : (cell.align ?? 'left')],
                    spacing: TIGHT,
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The page number, centred at the top (the first page has none: the section sets a title page). */
export function pageNumberParagraph(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT] })],
  });
}
