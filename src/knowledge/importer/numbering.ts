/**
 * The numbering at the start of a line: "III." (part), "1." / "1.1." / "2.1" (item), "a)" / "đ)" (point),
 * "-" / "+" (bullets, which stay in their section's text).
 */

export type Marker =
  | { kind: 'roman'; label: string }
  | { kind: 'decimal'; parts: number[]; label: string }
  | { kind: 'letter'; label: string }
  | { kind: 'bullet'; symbol: string };

export interface MarkedLine {
  marker: Marker;
  /** The line without its marker. */
  rest: string;
}

const ROMAN = /^(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s+(\S.*)$/;
/** "1. x", "1.1. x", "1.1 x", "2.1 x"; a bare number needs its dot ("5 người" is not an item). */
const DECIMAL_DOTTED = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/;
const DECIMAL_SINGLE = /^(\d{1,2})\.\s+(\S.*)$/;
/** Vietnamese points run a, b, c, d, đ, e, g, h, i, k, l, m, n … */
const LETTER = /^([a-zđ])\)\s+(\S.*)$/;
const BULLET = /^([-+•–])\s+(\S.*)$/;

export function parseMarker(line: string): MarkedLine | null {
  let m = ROMAN.exec(line);
  if (m) return { marker: { kind: 'roman', label: m[1]! }, rest: m[2]! };
  m = DECIMAL_DOTTED.exec(line) ?? DECIMAL_SINGLE.exec(line);
  if (m) {
    const label = m[1]!;
    return { marker: { kind: 'decimal', parts: label.split('.').map(Number), label }, rest: m[2]! };
  }
  m = LETTER.exec(line);
  if (m) return { marker: { kind: 'letter', label: m[1]! }, rest: m[2]! };
  m = BULLET.exec(line);
  if (m) return { marker: { kind: 'bullet', symbol: m[1]! }, rest: m[2]! };
  return null;
}

/** The line without any leading bullet markers ("- + Giấy khen …" → "Giấy khen …"). */
export function stripBullets(line: string): string {
  let out = line;
  for (;;) {
    const m = BULLET.exec(out);
    if (!m) return out;
    out = m[2]!;
  }
}
