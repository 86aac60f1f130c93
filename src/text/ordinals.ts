/**
 * Folded number words after "thứ" or "số" ("thứ nhất", "thứ hai", "thứ tư"): an item's place in a list.
 * One table for the question's ordinals (nlu/slots.ts) and a menu's choice by number (dialog/choices.ts).
 */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = { nhat: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
