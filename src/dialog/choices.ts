/**
 * Picking one of the offered choices. Every choice the core offers can be picked by its id (a button
 * press, or the id typed), its number in the list ("1", "1.", "số 1", "cái thứ 2"), or its label typed by hand,
 * compared folded ("xac nhan" = "Xác nhận"); a part of a label or an alias works when only one
 * choice contains it. A negated answer ("không đồng ý", "đừng hủy") never picks a choice whose own name
 * is not negative: folding makes "đồng ý" a part of "không đồng ý" and "đừng" equal to "đúng".
 */
import { fold } from '../text/normalize.js';
import { ORDINAL_WORDS } from '../text/ordinals.js';
import type { Choice } from './types.js';

/** A choice plus other names users know it by (never sent to channels). */
export interface ChoiceOption extends Choice {
  aliases?: readonly string[];
}

export type ChoiceMatch<T extends Choice = Choice> =
  | { kind: 'match'; choice: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'none' };

export interface ChoiceInput {
  text?: string;
  action?: string;
}

export interface MatchOptions {
  /** false when a bare number means something else at this step (a count, a year). Default true. */
  numbers?: boolean;
  /** Only the id, the number or a whole name picks (no part of a label, no name inside a longer text). */
  whole?: boolean;
}

/** "2", "số 2", "chọn 2", "cái thứ 2", "phương án thứ hai ạ": a choice's number, folded. */
const NUMBER_RE = new RegExp(`^(?:(?:cai|phuong an|lua chon|chon|muc|ke hoach) )?(?:(?:so|thu) )?(\\d{1,3}|${Object.keys(ORDINAL_WORDS).join('|')})(?: (?:a|nhe|nha|di|nhe ban))?$`);

/** Negation words, looked up on the lower-cased text with its diacritics ("đừng" folds to "dung" = "đúng"). */
const NEGATIONS = new Set(['không', 'khong', 'ko', 'đừng', 'chưa', 'chua', 'chẳng', 'chả']);

/**
 * Negations whose fold is also another word ("đừng" and "đúng" are both "dung"): typed without
 * diacritics, such a word leaves the answer's sense open ("dung gui" is "đừng gửi" as well as "đúng, gửi").
 */
const FOLDED_NEGATIONS = new Set([...NEGATIONS].map(fold).filter((f) => !NEGATIONS.has(f)));

function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

function isNegative(text: string): boolean {
  return wordsOf(text).some((w) => NEGATIONS.has(w));
}

/** Turns a choice option into what channels receive (id and label only). */
export function toChoices(options: readonly ChoiceOption[]): Choice[] {
  return options.map(({ id, label }) => ({ id, label }));
}

function contains(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

export function matchChoice<T extends ChoiceOption>(input: ChoiceInput, options: readonly T[], opts: MatchOptions = {}): ChoiceMatch<T> {
  if (input.action !== undefined) {
    const byId = options.find((o) => o.id === input.action);
    return byId ? { kind: 'match', choice: byId } : { kind: 'none' };
  }
  const text = (input.text ?? '').trim();
  if (text === '') return { kind: 'none' };
  const byId = options.find((o) => o.id === text);
  if (byId) return { kind: 'match', choice: byId };

  const folded = fold(text);
  if (folded === '') return { kind: 'none' };
  if (opts.numbers !== false) {
    const n = NUMBER_RE.exec(folded);
    // A number word alone ("hai", "ba") is a number only after "thứ"/"số": "Ba" alone may be a name.
    const spoken = (w: string) => (/\b(?:thu|so) /.test(folded) ? ORDINAL_WORDS[w] : undefined);
    const index = n ? (/^\d/.test(n[1]!) ? Number(n[1]) : spoken(n[1]!)) : undefined;
    const picked = index !== undefined ? options[index - 1] : undefined;
    // A number beyond the list may still be part of a name ("62" for Kế hoạch 62/KH-UBND).
    if (picked) return { kind: 'match', choice: picked };
  }
  const names = (o: T) => [fold(o.label), ...(o.aliases ?? []).map(fold)];
  // A negative answer only picks a negative choice ("Không, tiếp tục"), never "Đồng ý" or "Gửi".
  const negative = isNegative(text);
  const allowed = negative ? options.filter((o) => isNegative(o.label) || (o.aliases ?? []).some(isNegative)) : options;
  const exact = allowed.filter((o) => names(o).includes(folded));
  if (exact.length === 1) return { kind: 'match', choice: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };

  // Part of a label ("cu chi" in "Củ Chi — Kế hoạch 1792/KH-UBND …"), or an alias inside a longer answer
  // ("chọn Củ Chi"). Very short fragments would match too much. An answer that may be negative ("dung huy")
  // picks by its exact name only ("dung huy" is "Không, tiếp tục"): "dung" found in it is no "đúng".
  if (folded.length < 2 || opts.whole) return { kind: 'none' };
  if (!negative && wordsOf(text).some((w) => FOLDED_NEGATIONS.has(w))) return { kind: 'none' };
  const partial = allowed.filter(
    (o) => contains(fold(o.label), folded) || (o.aliases ?? []).some((a) => contains(fold(a), folded) || contains(folded, fold(a))),
  );
  if (partial.length === 1) return { kind: 'match', choice: partial[0]! };
  if (partial.length > 1) return { kind: 'ambiguous', candidates: partial };
  return { kind: 'none' };
}
