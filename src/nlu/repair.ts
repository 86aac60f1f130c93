/**
 * Gated typo repair. Only a token that is neither a known word nor shaped like a Vietnamese syllable
 * is touched, so valid words that are simply absent from the plans ("hạn nộp") are never "corrected"
 * into something else. Order: Telex/VNI leftovers by rule, then fuse.js over the known vocabulary
 * (short strings: where fuse.js is strong). A repair is accepted only if it lands on a known word.
 */
import Fuse from 'fuse.js';
import { editDistance } from './edit-distance.js';
import { isVietnameseSyllable } from './syllable.js';

export interface Repair {
  from: string;
  to: string;
  how: 'telex' | 'vni' | 'transposition' | 'fuzzy' | 'question-word';
}

export interface RepairResult {
  tokens: string[];
  repairs: Repair[];
}

/** Fuse score above which a fuzzy candidate is rejected (0 = exact). */
const FUZZY_THRESHOLD = 0.34;
const TONE_KEYS = /[sfrxj]$/;
/** Candidates within this fuse score of the best compete on how they fit their neighbours. */
const NEAR_TIE = 0.05;

/** Telex typed with the IME off: "tieeu" → "tieu", "chis" → "chi", "ddua" → "dua", "truwowngf" → "truong". */
export function untelex(token: string): string {
  let t = token;
  if (t.length > 1 && TONE_KEYS.test(t)) t = t.slice(0, -1);
  return t
    .replace(/dd/g, 'd')
    .replace(/aa/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/oo/g, 'o')
    .replace(/uwow/g, 'uo')
    .replace(/([aou])w/g, '$1')
    .replace(/w/g, 'u');
}

/** VNI typed with the IME off: tone and mark digits inside a word ("tie6u" → "tieu", "huye6n5" → "huyen"). */
export function unvni(token: string): string {
  return token.replace(/[1-9]/g, '');
}

/** The letter keys of a QWERTY keyboard, by row, to tell a slip of the finger from another letter. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** True when two letters are neighbours on the keyboard (same row or the row above or below, one key apart). */
function besideOnKeyboard(a: string, b: string): boolean {
  const at = (c: string) => {
    const row = KEY_ROWS.findIndex((r) => r.includes(c));
    return row < 0 ? undefined : { row, col: KEY_ROWS[row]!.indexOf(c) + row * 0.5 };
  };
  const x = at(a);
  const y = at(b);
  return x !== undefined && y !== undefined && a !== b && Math.abs(x.row - y.row) <= 1 && Math.abs(x.col - y.col) <= 1;
}

/** A slip that is a syllable itself is repaired only into a pair the plans write in this many passages. */
const SLIP_PAIR_MIN = 3;
/** …and, when typed in a form the plans never write, only into one the word before opens this often ("thi" → "thi đua"). */
const COMPOUND_SHARE = 0.3;

export class TypoRepairer {
  private readonly vocabulary: Set<string>;
  private readonly fuse: Fuse<string>;

  /**
   * `pairFrequency("thi_dua")`: in how many passages the plans write the pair; it ranks candidates that
   * score alike by how well they fit their neighbours ("tieu chi thi dau" → "dua", not "dau").
   */
  /**
   * `questionWords`: folded question words ("gi", "ai", "nao"); a two-letter slip is repaired only into
   * one of them, and only when one alone is a letter away ("gj" → "gi"): short words are too many else.
   */
  constructor(
    vocabulary: Iterable<string>,
    private readonly pairFrequency: (pair: string) => number = () => 0,
    private readonly questionWords: readonly string[] = [],
    /** In how many passages the plans write a syllable: how often the word before a slip opens the pair. */
    private readonly wordFrequency: (word: string) => number = () => Infinity,
  ) {
    this.vocabulary = new Set(vocabulary);
    // Candidates are well-formed syllables of 2+ letters: repairing into "a", into an abbreviation or
    // into a misspelt alias kept in the vocabulary ("ninhh") helps nobody.
    const words = [...this.vocabulary].filter((w) => /^[a-z]{2,}$/.test(w) && isVietnameseSyllable(w));
    this.fuse = new Fuse(words, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true });
  }

  isKnown(token: string): boolean {
    return this.vocabulary.has(token);
  }

  /** A token needs repair when it is unknown and not shaped like a syllable (numbers never do). */
  needsRepair(token: string): boolean {
    return !this.vocabulary.has(token) && !isVietnameseSyllable(token);
  }

  repairToken(token: string, prev?: string, next?: string): Repair | undefined {
    if (!this.vocabulary.has(token) && isVietnameseSyllable(token)) return token.length < 3 ? undefined : this.slipAfter(token, prev, next);
    if (!this.needsRepair(token)) return undefined;
    if (/\d/.test(token) && /[a-z]/.test(token)) {
      const to = unvni(token);
      return to !== token && this.vocabulary.has(to) ? { from: token, to, how: 'vni' } : undefined;
    }
    const telex = untelex(token);
    // Never into a lone letter ("gj" is no "g" with a tone mark: a list's "g)" is in the vocabulary).
    if (telex !== token && telex.length > 1 && this.vocabulary.has(telex)) return { from: token, to: telex, how: 'telex' };
    if (token.length < 3) {
      // A neighbouring key struck instead ("gj" for "gi"), never a letter far off ("cd" is an abbreviation).
      const near = this.questionWords.filter((w) => w.length === token.length && w[0] === token[0] && editDistance(w, token, 1) === 1 && [...w].every((c, i) => c === token[i] || besideOnKeyboard(c, token[i]!)));
      return near.length === 1 ? { from: token, to: near[0]!, how: 'question-word' } : undefined;
    }
    // Two neighbouring letters swapped ("ngya" → "ngay", "thogn" → "thong"): one edit, tried exactly.
    for (let k = 0; k + 1 < token.length; k++) {
      const swapped = token.slice(0, k) + token[k + 1] + token[k] + token.slice(k + 2);
      if (swapped !== token && this.vocabulary.has(swapped) && isVietnameseSyllable(swapped)) return { from: token, to: swapped, how: 'transposition' };
    }
    const best = this.fuse.search(token, { limit: 8 });
    const top = best[0];
    if (!top || top.score === undefined || top.score > FUZZY_THRESHOLD) return undefined;
    // Among hits nearly as good as the best, prefer the one the plans write beside the same neighbours;
    // then a dropped or doubled letter ("khôg" → "khong", "binhh" → "binh") over a changed one
    // ("khôg" → "khoi"), then the closest length.
    const tied = best.filter((r) => (r.score ?? 1) - (top.score ?? 0) <= NEAR_TIE).map((r) => r.item);
    const fit = (w: string) => (prev ? this.pairFrequency(`${prev}_${w}`) : 0) + (next ? this.pairFrequency(`${w}_${next}`) : 0);
    const rank = (w: string) => (isSubsequence(token, w) || isSubsequence(w, token) ? 0 : 1);
    tied.sort((a, b) => fit(b) - fit(a) || rank(a) - rank(b) || Math.abs(a.length - token.length) - Math.abs(b.length - token.length));
    return { from: token, to: tied[0]!, how: 'fuzzy' };
  }

  /**
   * A syllable the plans never write, shaped like one ("khem"), is a slip only when a word a letter away
   * makes a pair the plans write often with the word before it ("bằng khem" → "bằng khen"), or with the
   * words on both sides ("Ban Tuyêm giáo" → "tuyên"): a real word the plans lack ("bóng đá") is left as
   * typed. (The word after alone is no evidence: "con Củ Chi" is not "căn cứ".)
   */
  private slipAfter(token: string, prev?: string, next?: string): Repair | undefined {
    if (!prev) return undefined;
    const before = (w: string) => this.pairFrequency(`${prev}_${w}`);
    const after = (w: string) => (next ? this.pairFrequency(`${w}_${next}`) : 0);
    const fits = (w: string) => before(w) >= SLIP_PAIR_MIN || (before(w) > 0 && after(w) > 0);
    const near = this.fuse
      .search(token, { limit: 8 })
      .map((r) => r.item)
      .filter((w) => editDistance(w, token, 1) === 1 && fits(w));
    near.sort((a, b) => before(b) + after(b) - (before(a) + after(a)));
    return near[0] ? { from: token, to: near[0], how: 'fuzzy' } : undefined;
  }

  /**
   * A known syllable typed in a form the plans never write ("thi đau"), a letter away from the word that
   * nearly always follows the word before it ("thi" → "đua"): a slip. A word the plans merely lack
   * ("nào", "hỏi") is left alone: the word before it is no compound's first half.
   */
  private unwrittenSlip(token: string, prev?: string): Repair | undefined {
    if (!prev) return undefined;
    const share = (w: string) => this.pairFrequency(`${prev}_${w}`) / Math.max(1, this.wordFrequency(prev));
    const near = this.fuse
      .search(token, { limit: 8 })
      .map((r) => r.item)
      .filter((w) => editDistance(w, token, 1) === 1 && this.pairFrequency(`${prev}_${w}`) >= SLIP_PAIR_MIN && share(w) >= COMPOUND_SHARE);
    near.sort((a, b) => share(b) - share(a));
    return near[0] ? { from: token, to: near[0], how: 'fuzzy' } : undefined;
  }

  /**
   * `keep`: positions never to touch (a place, found before repair so that no "correction" can hide it).
   * `unwritten(i)`: the user typed the token with diacritics the plans never write ("thi đau"): a known
   * syllable in an unknown form, a slip if a word a letter away pairs with its neighbours as above.
   */
  repair(tokens: readonly string[], keep: ReadonlySet<number> = new Set(), unwritten: (i: number) => boolean = () => false): RepairResult {
    const out: string[] = [];
    const repairs: Repair[] = [];
    for (const [i, token] of tokens.entries()) {
      const prev = out[i - 1];
      const slip = unwritten(i) && this.vocabulary.has(token) && token.length >= 3 && !(prev !== undefined && this.pairFrequency(`${prev}_${token}`) > 0);
      const r = keep.has(i) ? undefined : slip ? this.unwrittenSlip(token, prev) : this.repairToken(token, prev, tokens[i + 1]);
      if (r) {
        repairs.push(r);
        out.push(r.to);
      } else {
        out.push(token);
      }
    }
    return { tokens: out, repairs };
  }
}

/** True when every letter of `a` appears in `b` in order. */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}
