/**
 * Word pairs ("thi_dua") must not span punctuation: in "Thư viện, Bảo tàng" the pair "viện bảo" is not
 * a phrase, and matching it made "lương giáo viên bao nhiêu" look like a question about libraries.
 * Text is cut into segments at punctuation; pairs are formed inside a segment only.
 */
import { foldDiacritics } from '../text/normalize.js';

/** Sentence and clause punctuation, and a dash between spaces ("Thi đua - Khen thưởng"). */
const BREAK = /[,.;:!?()[\]{}"“”‘’…\n\r\t]+|\s[-–—]+\s/u;

/** The syllables of a text, and for each one whether a segment starts there. */
export function segmentedSyllables(text: string): { tokens: string[]; breakBefore: boolean[] } {
  const tokens: string[] = [];
  const breakBefore: boolean[] = [];
  // Fold once (the costly part), then cut: folding keeps the punctuation the cut needs.
  for (const segment of foldDiacritics(text).split(BREAK)) {
    let first = true;
    for (const w of segment.split(/[^a-z0-9]+/)) {
      if (!w) continue;
      tokens.push(w);
      breakBefore.push(first);
      first = false;
    }
  }
  return { tokens, breakBefore };
}

/** Pairs of neighbouring tokens that are not separated by a break. */
export function pairsWithin(tokens: readonly string[], breakBefore: readonly boolean[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) if (!breakBefore[i]) out.push(`${tokens[i - 1]}_${tokens[i]}`);
  return out;
}
