/**
 * Whole numbers written in Vietnamese words ("mười hai", "hai mươi lăm", "một trăm linh năm",
 * "ba nghìn", "không"), on folded syllables. Used by the form engine after digits failed.
 */

const DIGITS: Record<string, number> = {
  khong: 0,
  mot: 1, // một, mốt
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4, // "hai mươi tư"
  nam: 5,
  lam: 5, // "mười lăm"
  nham: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALES: Record<string, number> = { nghin: 1_000, ngan: 1_000, trieu: 1_000_000 };
const NUMBER_WORDS = new Set([...Object.keys(DIGITS), ...Object.keys(SCALES), 'muoi', 'tram', 'linh', 'le']);

/** True when the syllable can be part of a number written in words. */
export function isNumberWord(syllable: string): boolean {
  return NUMBER_WORDS.has(syllable);
}

/** Value of a group below 1000 ("hai trăm linh năm" → 205), or undefined when it is not well formed. */
function parseGroup(words: string[]): number | undefined {
  let hundreds = 0;
  let tens = 0;
  let pending: number | undefined;
  let sawTens = false;
  let sawHundreds = false;
  for (const w of words) {
    if (w in DIGITS) {
      if (pending !== undefined) return undefined; // "hai ba"
      pending = DIGITS[w];
    } else if (w === 'tram') {
      if (sawHundreds || sawTens) return undefined;
      hundreds = pending ?? 1;
      pending = undefined;
      sawHundreds = true;
    } else if (w === 'muoi') {
      if (sawTens) return undefined;
      tens = pending ?? 1; // "mười" alone is ten; "hai mươi" is twenty
      pending = undefined;
      sawTens = true;
    } else if (w === 'linh' || w === 'le') {
      if (!sawHundreds || sawTens || pending !== undefined) return undefined;
      sawTens = true;
    } else {
      return undefined;
    }
  }
  return hundreds * 100 + tens * 10 + (pending ?? 0);
}

/** "mười hai" → 12; undefined when the words do not form a number. */
export function parseVietnameseNumber(syllables: readonly string[]): number | undefined {
  if (syllables.length === 0) return undefined;
  let total = 0;
  let group: string[] = [];
  let lastScale = Infinity;
  for (const w of syllables) {
    const scale = SCALES[w];
    if (scale === undefined) {
      group.push(w);
      continue;
    }
    if (scale >= lastScale) return undefined; // "nghìn nghìn"
    const value = group.length === 0 ? 1 : parseGroup(group);
    if (value === undefined) return undefined;
    total += value * scale;
    lastScale = scale;
    group = [];
  }
  if (group.length > 0) {
    const value = parseGroup(group);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}
