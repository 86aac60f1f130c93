/**
 * How tall a spreadsheet row must be for its wrapped text to show whole, on screen and on paper.
 * Neither exceljs nor the XLSX format sizes rows by their content: Excel grows a row only when the
 * user edits it, and prints the rest clipped or over the next row. So the height is computed here
 * from the text and the column width, the way the spreadsheet will wrap it: word by word.
 */

/** Points per line of the default 11 pt font (Calibri, and Carlito which LibreOffice uses for it). */
export const LINE_POINTS = 15;
/** Excel's largest row height. */
export const MAX_ROW_POINTS = 409;
/**
 * Characters of ordinary text that fit in a column of width 1 (the width of one digit of the default
 * font). Measured on LibreOffice's rendering of Vietnamese unit names about 1.45; less keeps a margin
 * for capitals, wide letters ("m", "W") and bold text.
 */
const CHARS_PER_WIDTH = 1.15;
/** The cell's inner padding, in widths. */
const PADDING = 1;

/** The number of lines `text` takes wrapped into a column of `width` (greedy, word by word). */
export function wrappedLines(text: string, width: number, opts: { bold?: boolean } = {}): number {
  const capacity = Math.max(1, Math.floor((width - PADDING) * CHARS_PER_WIDTH * (opts.bold ? 0.9 : 1)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = Array.from(word).length;
      if (line === 0) {
        // A word longer than the line is broken across lines.
        lines += Math.ceil(len / capacity) - 1;
        line = len % capacity || capacity;
      } else if (line + 1 + len <= capacity) {
        line += 1 + len;
      } else {
        lines += Math.ceil(len / capacity);
        line = len % capacity || capacity;
      }
    }
  }
  return lines;
}

/** The row height in points for cells of `texts` in columns of `widths` (same order). */
export function rowHeight(texts: readonly string[], widths: readonly number[], opts: { bold?: boolean; linePoints?: number } = {}): number {
  let lines = 1;
  texts.forEach((text, i) => {
    if (text) lines = Math.max(lines, wrappedLines(text, widths[i] ?? 10, opts));
  });
  return Math.min(MAX_ROW_POINTS, lines * (opts.linePoints ?? LINE_POINTS) + 3);
}
