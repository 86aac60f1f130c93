/**
 * Vietnamese dates and deadline phrases as the plans write them:
 * "ngày 27 tháng 3 năm 2024", "ngày 09/11/2023", "trước ngày 01 tháng 12 hàng năm", "trước ngày 01/12",
 * "trước ngày 20 tháng 11 năm 2024", "quý III năm 2025", "Quý 3 năm 2025", "trong Quý 1 năm 2024",
 * "vào năm 2030".
 */
import type { DeadlineWhen } from '../schema.js';

/** "2024-03-27"; null when the numbers are not a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DATE_SLASHES = /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/;

/** The first full date in the text, as ISO; null when there is none (e.g. "ngày tháng năm 2024"). */
export function parseVietnameseDate(text: string): string | null {
  const m = DATE_WORDS.exec(text) ?? DATE_SLASHES.exec(text);
  if (!m) return null;
  return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export interface DeadlinePhrase {
  when: DeadlineWhen;
  /** The phrase as found ("trước ngày 01 tháng 12 hàng năm"). */
  phrase: string;
  index: number;
}

interface PhrasePattern {
  re: RegExp;
  toWhen(m: RegExpExecArray, sentence: string): DeadlineWhen | null;
}

const EVERY_YEAR = /\b(hàng|hằng)\s+năm\b/iu;

/** Ordered: the more specific pattern claims its text first. */
const PATTERNS: PhrasePattern[] = [
  {
    // trước ngày 01 tháng 12 hàng năm
    re: /(?:trước|chậm nhất(?: là| vào)?|đến|hạn chót)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+(?:hàng|hằng)\s+năm/giu,
    toWhen: (m) => yearly(Number(m[1]), Number(m[2])),
  },
  {
    // trước ngày 20 tháng 11 năm 2024
    re: /(?:trước|chậm nhất(?: là| vào)?|đến|hạn chót)\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu,
    toWhen: (m) => fixed(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // trước ngày 20/11/2024
    re: /(?:trước|chậm nhất(?: là| vào)?|đến|hạn chót)\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/giu,
    toWhen: (m) => fixed(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // trước ngày 01/12 (the year is left out because it recurs; "hàng năm" may stand anywhere in the sentence)
    re: /(?:trước|chậm nhất(?: là| vào)?|hạn chót)\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*\/\s*\d)/giu,
    toWhen: (m) => yearly(Number(m[1]), Number(m[2])),
  },
  {
    // (vào|trong|chậm nhất vào) quý III năm 2025, Quý 3 năm 2025
    re: /quý\s+(IV|III|II|I|[1-4])\s+(?:năm\s+)?(\d{4})/giu,
    toWhen: (m) => {
      const q = /^\d$/.test(m[1]!) ? Number(m[1]) : ROMAN_QUARTER[m[1]!.toLowerCase()];
      return q ? { type: 'quarter', quarter: q, year: Number(m[2]) } : null;
    },
  },
  {
    // vào năm 2030, trong năm 2025
    re: /(?:vào|trong)\s+năm\s+(\d{4})/giu,
    toWhen: (m) => ({ type: 'year', year: Number(m[1]) }),
  },
];

function yearly(day: number, month: number): DeadlineWhen | null {
  if (!isoDate(2024, month, day)) return null;
  return { type: 'yearly', day, month };
}

function fixed(year: number, month: number, day: number): DeadlineWhen | null {
  const date = isoDate(year, month, day);
  return date ? { type: 'date', date } : null;
}

/** Every deadline phrase in a sentence, in text order; overlapping matches go to the earlier pattern. */
export function findDeadlinePhrases(sentence: string): DeadlinePhrase[] {
  const found: DeadlinePhrase[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, toWhen } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const when = toWhen(m, sentence);
      if (!when) continue;
      taken.push([start, end]);
      found.push({ when, phrase: m[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when the sentence says the obligation recurs every year. */
export function saysEveryYear(sentence: string): boolean {
  return EVERY_YEAR.test(sentence);
}

/** Years of a span such as "(từ 2023-2025)", "giai đoạn 2023 - 2030", "(năm 2023 - năm 2025)", "(từ năm 2023 đến năm 2025)". */
export function parseYearSpan(text: string): { from: number; to: number } | null {
  const m = /(\d{4})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(\d{4})/u.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to ? { from, to } : null;
}
