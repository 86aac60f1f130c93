/**
 * Vietnamese text normalization shared by the index, the NLU and the dialog.
 *
 * Two forms of a text exist in the system:
 * - display text: NFC, as the user or the document wrote it;
 * - folded text: lower case, no diacritics, đ→d, only [a-z0-9 ]. Folding makes NFD input,
 *   old/new tone placement ("Hòa"/"Hoà") and missing diacritics all compare equal.
 */

import { sanitizeText } from './sanitize.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// C0/C1 control characters except tab and newline, plus zero-width and bidi controls that
// users paste by accident and that would otherwise split or hide words.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** Canonical composed form; every inbound string goes through this first. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Lower case, strip every diacritic, map đ→d. Keeps all other characters. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd');
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * One lower-case syllable with its tone mark moved to the end, so that old and new tone placement
 * compare equal ("hòa" and "hoà") while other diacritics still tell words apart ("đặt" ≠ "đạt", "áp" ≠ "ấp").
 */
export function toneKey(word: string): string {
  let key = toneKeys.get(word);
  if (key === undefined) {
    const d = word.normalize('NFC').toLowerCase().normalize('NFD');
    const tones = d.match(TONE_MARKS)?.join('') ?? '';
    key = `${d.replace(TONE_MARKS, '').normalize('NFC')}${tones}`;
    // Words come from the plans and from questions: a bounded vocabulary, worth remembering.
    if (toneKeys.size < TONE_KEY_CACHE) toneKeys.set(word, key);
  }
  return key;
}

const TONE_KEY_CACHE = 50_000;
const toneKeys = new Map<string, string>();

/** Folded text reduced to syllables separated by single spaces: "Sở GD&ĐT Hoà" → "so gd dt hoa". */
export function fold(text: string): string {
  return foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folded syllables (tokens) of a text. */
export function syllables(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Syllable pairs "thi_dua", used to give back the context folding takes away (thi đua vs thị xã). */
export function bigrams(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) pairs.push(`${tokens[i]}_${tokens[i + 1]}`);
  return pairs;
}

/** Collapses runs of spaces and tabs; keeps line breaks (documents and answers are line-oriented). */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Result of cleaning one inbound message. */
export interface CleanedInput {
  text: string;
  /** True when the input was longer than the limit and was cut. */
  truncated: boolean;
}

/**
 * Makes user input safe to process: no character XML or the platforms refuse (sanitizeText: line
 * breaks normalised first, so a CR still breaks the line), NFC, no control characters, collapsed
 * whitespace, cut at `maxChars` (counted in code points so no surrogate pair is split).
 */
export function cleanInput(raw: string, maxChars: number): CleanedInput {
  const text = collapseWhitespace(nfc(sanitizeText(raw)).replace(CONTROL_CHARS, ''));
  const points = Array.from(text);
  if (points.length <= maxChars) return { text, truncated: false };
  return { text: points.slice(0, maxChars).join('').trim(), truncated: true };
}

/** True when the text holds at least one letter or digit (emoji-only or punctuation-only input is not a question). */
export function hasWordCharacters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** True when the text holds an emoji ("👍", "🙏"): alone, it is a reaction, not a question. */
export function hasEmoji(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text);
}

/** A phrase as written, in lower-case NFC words, to compare with what a user typed. */
export function writtenWords(phrase: string): string[] {
  return phrase.normalize('NFC').toLowerCase().split(/\s+/u);
}

/**
 * True when the user typed one of the folded `tokens[start…]` with diacritics that make it another word
 * than `written` says ("bản" for the "ban" of "ban nào", "đoạn thế" for "đoàn thể"). Only a word typed
 * with diacritics that folds to its token is evidence, and only when `isWord` (the plans write that
 * form): a tone no plan writes is a slip ("số điên thoại").
 */
export function typedAsOtherWords(
  written: readonly string[],
  tokens: readonly string[],
  typed: readonly (string | undefined)[],
  start: number,
  isWord: (form: string) => boolean = () => true,
): boolean {
  return written.some((w, k) => {
    const t = typed[start + k];
    const token = tokens[start + k];
    return t !== undefined && t !== token && fold(t) === token && toneKey(t) !== toneKey(w) && isWord(t);
  });
}

/** A question with diacritics on this share of its syllables is typed with diacritics. */
const MARKED_SHARE = 0.4;

/**
 * Whether a text was typed with diacritics throughout: a fair share of its syllables as typed differ
 * from their folded forms (`typed` aligned with `folded`). Then a bare syllable is as meant ("giao",
 * "a"), not a word typed without its marks.
 */
export function typedWithMarks(folded: readonly string[], typed: readonly string[]): boolean {
  return typed.filter((t, k) => t !== folded[k]).length >= MARKED_SHARE * folded.length;
}
