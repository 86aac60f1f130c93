/**
 * Plan text → logical lines: markdown markers removed, whitespace collapsed, and lines that a page break
 * cut in the middle of a sentence joined again ("Việc đánh giá kết" + "quả Phong trào …").
 */
import { parseMarker } from './numbering.js';

export interface LogicalLine {
  /** The text as written, without markdown markers, whitespace collapsed. */
  text: string;
  /** 1-based numbers of the source lines this logical line came from. */
  from: number;
  to: number;
  /** True when an empty line precedes it in the source (ends titles and header blocks). */
  blankBefore: boolean;
}

/** Removes markdown heading hashes, emphasis asterisks and trailing hard-break spaces; collapses whitespace. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*+/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Ends a sentence, a heading lead-in or a list item; a line ending otherwise may continue on the next one. */
const LINE_END = /[.;:!?…]$/;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_DIGIT = /^\d/;

/** True when `next` continues `prev` across a page break rather than starting a new paragraph. */
function continues(prev: string, next: string): boolean {
  if (LINE_END.test(prev)) return false;
  // A document number cut after its dash: "Thông tư số 25/2023/TT-" + "BGDDT ngày …".
  if (/\p{Lu}-$/u.test(prev) && /^\p{Lu}{2,}(?=[\s,.;]|$)/u.test(next)) return true;
  if (parseMarker(next)) return false;
  return STARTS_LOWER.test(next) || STARTS_DIGIT.test(next);
}

/**
 * Splits `text` into logical lines. `fromLine`/`toLine` (1-based, inclusive) select the lines of one
 * document when a file holds several.
 */
export function toLogicalLines(text: string, fromLine = 1, toLine = Number.POSITIVE_INFINITY): LogicalLine[] {
  const raw = text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const out: LogicalLine[] = [];
  let blank = false;
  for (let i = Math.max(1, fromLine); i <= Math.min(raw.length, toLine); i++) {
    const cleaned = stripMarkdown(raw[i - 1] ?? '');
    if (cleaned === '') {
      blank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (last && continues(last.text, cleaned)) {
      last.text = `${last.text} ${cleaned}`;
      last.to = i;
    } else {
      out.push({ text: cleaned, from: i, to: i, blankBefore: blank || out.length === 0 });
    }
    blank = false;
  }
  return out;
}
