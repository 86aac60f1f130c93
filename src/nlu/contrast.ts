/**
 * A which-plans question that denies one thing and states another: "kế hoạch nào không có Bằng khen
 * Thủ tướng, chỉ có Bằng khen Chủ tịch UBND tỉnh", "tỉnh nào không giao Sở TT&TT mà đề nghị Ban Tuyên
 * giáo…", "KH nào chỉ nói … mà không nhắc …". The denial holds for its own part only; the other part
 * is stated, so the plans asked for lack the one and hold the other.
 */
import type { QueryAnalysis } from './analyze.js';

/** "chỉ" before these states what a plan writes ("chỉ có", "chỉ ghi"): typed without its mark, "chi" may be a name ("Củ Chi"). */
const STATING_VERBS = new Set(['co', 'ghi', 'noi', 'neu', 'nhac', 'de', 'giao', 'quy', 'dung', 'tinh']);

/** Both questions as typed: the part denied and the part stated, each after the words that ask which plans. */
export interface ContrastParts {
  denied: string;
  stated: string;
}

export function contrastParts(a: QueryAnalysis): ContrastParts | undefined {
  const n = a.slots.negation?.start;
  if (n === undefined || !a.slots.whichPlans) return undefined;
  const t = a.repaired;
  // The words that ask which plans end at their "nào" ("KH nào", "tỉnh nào").
  const asked = t.indexOf('nao');
  if (asked < 0 || asked >= n) return undefined;
  const whichEnd = asked + 1;
  const inSpan = (i: number) => a.slots.spans.some((sp) => i >= sp.start && i < sp.end);
  const typed = (i: number) => a.typed[i] ?? t[i]!;
  const isBut = (i: number) => t[i] === 'ma' && typed(i) !== 'mã' && typed(i) !== 'má';
  const isOnly = (i: number) => t[i] === 'chi' && !inSpan(i) && (typed(i) === 'chỉ' || (typed(i) === 'chi' && STATING_VERBS.has(t[i + 1] ?? '')));
  const words = (from: number, to: number) => a.typed.slice(from, to);
  // "… không có X, (mà) chỉ có Y": the denied part, then the stated one.
  const after = t.findIndex((_, i) => i > n && (isBut(i) || isOnly(i)));
  if (after > 0) {
    const from = after + (isBut(after) && isOnly(after + 1) ? 2 : 1);
    if (from >= t.length) return undefined;
    // "không tính giai đoạn 1 từ 2023 mà từ 2024": the stated part opens with a word of the denied one
    // and leaves out what comes before it there ("tính giai đoạn 1"), which it shares.
    const denial = a.slots.negation!.end;
    const shared = t.lastIndexOf(t[from]!, after - 1);
    const before = shared > denial ? words(denial, shared) : [];
    return { denied: words(0, after).join(' '), stated: [...words(0, whichEnd), ...before, ...words(from, t.length)].join(' ') };
  }
  // "… chỉ nói Y mà không nhắc X": the stated part, then the denied one.
  if (n >= 1 && isBut(n - 1) && n - 1 > whichEnd) {
    const stated = words(0, n - 1).filter((_, i) => !(i === whichEnd && isOnly(i)));
    return { denied: [...words(0, whichEnd), ...words(n, t.length)].join(' '), stated: stated.join(' ') };
  }
  return undefined;
}
