/**
 * Folded number words after "thứ" or "số" ("thứ nhất", "thứ hai", "thứ tư"): an item's place in a list.
 * One table for the question's ordinals (nlu/slots.ts) and a menu's choice by number (dialog/choices.ts),
 * and one of the small Roman numerals the plans number quarters and phases with.
 */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** The Roman numerals the plans write for quarters and phases ("quý IV", "giai đoạn II"), 1 to 4. */
export const SMALL_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** A folded Roman numeral of that range as its number ("ii" → 2), else undefined. */
export function smallRomanValue(folded: string): number | undefined {
  const at = SMALL_ROMAN.findIndex((r) => r.toLowerCase() === folded);
  return at < 0 ? undefined : at + 1;
}
