/**
 * Counts as Vietnamese write them in a report: digits ("1.200", "1,2 nghìn", "1k", "2tr"), words
 * ("mười hai", "một trăm linh năm", "hai vạn", "năm chục") and both mixed ("3 trăm", "1 triệu 200 nghìn"),
 * after words that only say the count is approximate ("khoảng", "gần", "hơn") and before the unit
 * ("người", "lượt"). When the answer could mean more than one number, the reading says why instead of
 * keeping the leading digits: the totals of the admin are sums of these values.
 */
import { fold } from '../text/normalize.js';

export type CountProblem =
  /** No number at all ("nhiều lắm", "chưa thống kê", "xã 12"). */
  | 'none'
  /** Two numbers or a range ("12 hoặc 13", "10-15", "năm mươi 5"). */
  | 'several'
  /** A part of a unit ("1,5 người", "2,25 nghìn" is fine, "1,2345 nghìn" is not). */
  | 'fraction'
  | 'negative'
  /** Written in a way that has two readings ("2 nghìn 5": 2.005 or 2.500?) or is not a number ("1.2.3"). */
  | 'unclear';

export type CountReading =
  /** `spelled`: written with words or units, so the value is not literally what was typed. */
  | { ok: true; value: number; spelled: boolean }
  | { ok: false; problem: CountProblem };

/** An exact decimal n / 10^exp: "1,2" is 12/10, and 12/10 nghìn is exactly 1200. */
interface Amount {
  n: bigint;
  exp: number;
}
const amount = (n: bigint | number, exp = 0): Amount => ({ n: BigInt(n), exp });
const scaleBy = (a: Amount, k: bigint): Amount => ({ n: a.n * k, exp: a.exp });
function add(a: Amount, b: Amount): Amount {
  const exp = Math.max(a.exp, b.exp);
  return { n: a.n * 10n ** BigInt(exp - a.exp) + b.n * 10n ** BigInt(exp - b.exp), exp };
}
const isWhole = (a: Amount): boolean => a.n % 10n ** BigInt(a.exp) === 0n;
const wholeValue = (a: Amount): number => Number(a.n / 10n ** BigInt(a.exp));

const DIGIT_WORDS = new Map<string, number>(Object.entries({
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
}));
/** Words that build a group below 1000 with the digit words: "hai trăm linh năm", "năm chục". */
const GROUP_WORDS = new Set(['muoi', 'tram', 'linh', 'le', 'chuc']);
const SCALES = new Map<string, bigint>(Object.entries({ nghin: 1_000n, ngan: 1_000n, van: 10_000n, trieu: 1_000_000n, ty: 1_000_000_000n, ti: 1_000_000_000n }));
/** Short units written only right after digits ("1k", "2tr"): alone they are other words ("k" is "không"). */
const DIGIT_SCALES = new Map<string, bigint>([['k', 1_000n], ['tr', 1_000_000n]]);
/** After digits, "3 trăm", "5 chục" multiply the digits like a scale but come before "nghìn" ("3 trăm nghìn"). */
const DIGIT_MULTIPLIERS = new Map<string, bigint>([['tram', 100n], ['chuc', 10n]]);
const HALF = 'ruoi'; // "rưỡi": half of the unit before it ("1 nghìn rưỡi" = 1.500)

/**
 * Words before a count that do not change it: approximations ("khoảng", "gần", "hơn", "trên", "tầm",
 * "xấp xỉ", "ước tính") and lead-ins ("tổng số", "có", "được"). The value is the number stated.
 */
const LEADING_FILLERS = new Set([
  'co', 'la', 'duoc', 'da', 'khoang', 'tong', 'so', 'cong', 'tat', 'ca', 'gan', 'chung', 'hon', 'tren', 'duoi', 'xap', 'xi',
  'uoc', 'tinh', 'do', 'chua', 'den', 'toi', 'it', 'nhat', 'chi', 'hien', 'nay',
]);
/** Fillers spelled like a digit once folded: "tầm 300" (about) vs "tám" (8), "từ" (from) vs "tư" (4). */
const FILLERS_AS_TYPED = new Set(['tầm', 'từ']);

/**
 * After the count, words that surely say a second number even without diacritics ("12 hoac muoi ba");
 * folded words like "sau" (after / sáu), "nam" (year / năm), "ba" (bà) are read as numbers only with their tone.
 */
const SURE_NUMBER_WORDS = new Set(['muoi', 'tram', 'nghin', 'ngan', 'trieu', 'chuc', 'mot', 'hai', 'bon', 'chin']);
const NUMBER_SPELLINGS = new Set([
  'không', 'một', 'mốt', 'hai', 'ba', 'bốn', 'tư', 'năm', 'lăm', 'nhăm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'mươi',
  'trăm', 'linh', 'lẻ', 'chục', 'nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ', 'rưỡi',
]);

/** Number spellings that, after a count, mostly mean something else ("trong năm nay", "không tính", "linh hoạt"). */
const OTHER_MEANINGS_AFTER = new Set(['năm', 'không', 'tư', 'linh', 'lẻ']);

/** Answers that mean none at all. */
const ZERO_ANSWERS = new Set(['khong', 'ko', 'khong co', 'ko co', 'chua co']);

type Token = { kind: 'digits'; raw: string; value: Amount | undefined } | { kind: 'word'; raw: string; folded: string } | { kind: 'other' };

/**
 * "1.200", "1,200" and "1 200" (three digits after each separator) group thousands; one separator followed by
 * other than three digits is the decimal comma ("1,2", also "1.2"); "1.200,5" both. Else not a number.
 */
function digitsValue(raw: string): Amount | undefined {
  if (/^\d+$/.test(raw)) return amount(BigInt(raw));
  if (/^[1-9]\d{0,2}([., ])\d{3}(?:\1\d{3})*$/.test(raw)) return amount(BigInt(raw.replace(/[., ]/g, '')));
  let m = /^(\d+)[.,](\d+)$/.exec(raw);
  if (m) return amount(BigInt(m[1]! + m[2]!), m[2]!.length);
  m = /^([1-9]\d{0,2}(?:\.\d{3})+),(\d+)$/.exec(raw);
  if (m) return amount(BigInt(m[1]!.replace(/\./g, '') + m[2]!), m[2]!.length);
  return undefined;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)|(\p{L}+)|\S/gu)) {
    const [raw, digits, word] = m;
    const prev = tokens.at(-1);
    // "1 200", "12 000 000": one space between thousands, as "." in "1.200".
    if (digits && /^\d{3}$/.test(digits) && prev?.kind === 'digits' && /^\d{1,3}(?: \d{3})*$/.test(prev.raw) && text.slice(m.index - 2, m.index) === `${prev.raw.at(-1)} `) {
      prev.raw += ` ${digits}`;
      prev.value = digitsValue(prev.raw);
    } else if (digits) tokens.push({ kind: 'digits', raw: digits, value: digitsValue(digits) });
    else if (word && fold(word) !== '') tokens.push({ kind: 'word', raw: word, folded: fold(word) });
    else if (raw.trim() !== '') tokens.push({ kind: 'other' });
  }
  return tokens;
}

/** Value of a group below 1000 ("hai trăm linh năm" → 205), or undefined when it is not well formed. */
function groupValue(words: readonly string[]): number | undefined {
  let hundreds = 0;
  let tens = 0;
  let pending: number | undefined;
  let sawTens = false;
  let sawHundreds = false;
  for (const w of words) {
    if (DIGIT_WORDS.has(w)) {
      if (pending !== undefined) return undefined; // "hai ba"
      pending = DIGIT_WORDS.get(w);
    } else if (w === 'tram') {
      if (sawHundreds || sawTens) return undefined;
      hundreds = pending ?? 1;
      pending = undefined;
      sawHundreds = true;
    } else if (w === 'muoi' || w === 'chuc') {
      if (sawTens) return undefined;
      if (w === 'chuc' && pending === undefined) return undefined; // "vài chục", "hơn chục": no number stated
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

const isLeadingFiller = (t: Token, next: Token | undefined): boolean =>
  t.kind === 'other' ||
  (t.kind === 'word' &&
    (FILLERS_AS_TYPED.has(t.raw) || LEADING_FILLERS.has(t.folded) || ((t.folded === 'tam' || t.folded === 'tu') && t.raw === t.folded && next?.kind === 'digits')));

/** A word after the count that says a second number ("12 hoặc mười ba"). */
function isTrailingNumberWord(t: Token): boolean {
  if (t.kind !== 'word') return false;
  return t.raw === t.folded ? SURE_NUMBER_WORDS.has(t.folded) : NUMBER_SPELLINGS.has(t.raw) && !OTHER_MEANINGS_AFTER.has(t.raw);
}

/** A word typed without diacritics, or with those of a number word: "năm" and "nam" are 5, "nằm" is not. */
const isNumberSpelling = (t: { raw: string; folded: string }): boolean => t.raw === t.folded || NUMBER_SPELLINGS.has(t.raw);

/** Reads one count from an answer. */
export function readCount(input: string): CountReading {
  const text = input.normalize('NFKC').trim().toLowerCase();
  if (/^[-−–]\s*\d/.test(text)) return { ok: false, problem: 'negative' };
  const tokens = tokenize(text);
  let i = 0;
  while (i < tokens.length - 1 && isLeadingFiller(tokens[i]!, tokens[i + 1])) i++;
  const first = tokens[i];
  if (first?.kind === 'word' && first.raw === 'âm' && tokens[i + 1]?.kind === 'digits') return { ok: false, problem: 'negative' };
  // "không" (also "ko") is zero only on its own or as "không có", "chưa có"; "không biết" is not an answer.
  if (ZERO_ANSWERS.has(fold(text))) return { ok: true, value: 0, spelled: false };
  if (first?.kind === 'word' && (first.folded === 'khong' || first.folded === 'ko')) return { ok: false, problem: 'none' };

  let total = amount(0);
  let lastScale: bigint | undefined;
  /** Digits not yet multiplied by a scale; `hundreds`: written with the hundreds ("500", "5 trăm"). */
  let digits: { value: Amount; hundreds: boolean } | undefined;
  let group: string[] = [];
  let spelled = false;
  let stated = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'digits') {
      if (!t.value) return { ok: false, problem: 'unclear' };
      if (digits || group.length > 0) return { ok: false, problem: 'several' }; // "năm mươi 5", "12 13"
      digits = { value: t.value, hundreds: /^\d{3}$/.test(t.raw) };
      stated = true;
      continue;
    }
    if (t.kind !== 'word') break;
    const w = isNumberSpelling(t) ? t.folded : ''; // "vẫn" is not "vạn", "sau" may be "sáu"
    const scale = SCALES.get(w) ?? (digits && group.length === 0 ? DIGIT_SCALES.get(w) : undefined);
    const multiplier = digits && group.length === 0 ? DIGIT_MULTIPLIERS.get(w) : undefined;
    if (scale !== undefined) {
      if (lastScale !== undefined && scale >= lastScale) return { ok: false, problem: 'unclear' }; // "nghìn triệu"
      let unit: Amount;
      if (digits) unit = digits.value;
      else if (group.length > 0) {
        const v = groupValue(group);
        if (v === undefined) return { ok: false, problem: 'unclear' };
        unit = amount(v);
      } else unit = amount(1); // "nghìn" alone, as "trăm" and "mười" alone
      total = add(total, scaleBy(unit, scale));
      lastScale = scale;
      digits = undefined;
      group = [];
      spelled = stated = true;
    } else if (digits && multiplier !== undefined) {
      digits = { value: scaleBy(digits.value, multiplier), hundreds: w === 'tram' };
      spelled = true;
    } else if (w === HALF && (lastScale !== undefined || digits) && group.length === 0) {
      // "2 triệu rưỡi" is 2.500.000; "1 rưỡi người" is one and a half.
      if (digits) digits = { ...digits, value: add(digits.value, amount(5, 1)) };
      else total = add(total, amount(lastScale! * 5n, 1));
      spelled = true;
      i++;
      break;
    } else if (DIGIT_WORDS.has(w) || GROUP_WORDS.has(w)) {
      if (digits) return { ok: false, problem: 'several' }; // "12 hai"
      group.push(w);
      spelled = stated = true;
    } else break;
  }
  if (!stated) return { ok: false, problem: 'none' };
  if (tokens.slice(i).some((t) => t.kind === 'digits' || isTrailingNumberWord(t))) return { ok: false, problem: 'several' };

  // What follows the last scale: "2 nghìn 500", "hai nghìn không trăm hai mươi lăm"; "2 nghìn 5" and
  // "1 triệu 2" are said for 2.500 and 1.200.000 as often as for 2.005 and 1.000.002.
  let rest: Amount | undefined;
  if (digits) rest = digits.value;
  else if (group.length > 0) {
    const v = groupValue(group);
    if (v === undefined) return { ok: false, problem: 'unclear' };
    rest = amount(v);
  }
  if (rest) {
    if (lastScale !== undefined) {
      const hundredsWritten = digits ? digits.hundreds : group.includes('tram');
      if (lastScale !== 1_000n || !hundredsWritten || !isWhole(rest) || wholeValue(rest) >= 1000) return { ok: false, problem: 'unclear' };
    }
    total = add(total, rest);
  }
  if (!isWhole(total)) return { ok: false, problem: 'fraction' };
  return { ok: true, value: wholeValue(total), spelled };
}
