/**
 * Greedy longest-first matching of token sequences ("phrases") inside a token list.
 * All slot gazetteers, abbreviations and intent keywords are phrases of folded syllables, so one
 * matcher serves them all.
 */

export interface PhraseEntry<T> {
  tokens: readonly string[];
  value: T;
}

export interface PhraseMatch<T> {
  start: number;
  /** Exclusive. */
  end: number;
  value: T;
}

export class PhraseMatcher<T> {
  /** First token → entries starting with it, longest first (stable for equal lengths). */
  private readonly byFirst = new Map<string, PhraseEntry<T>[]>();

  constructor(entries: Iterable<PhraseEntry<T>>) {
    for (const entry of entries) {
      const first = entry.tokens[0];
      if (first === undefined) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(entry);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** Entries whose phrase starts at `tokens[at]`, longest first. */
  candidatesAt(tokens: readonly string[], at: number): PhraseEntry<T>[] {
    const list = this.byFirst.get(tokens[at] ?? '');
    if (!list) return [];
    return list.filter((e) => e.tokens.every((t, i) => tokens[at + i] === t));
  }

  /**
   * Non-overlapping matches, scanning left to right and taking the longest phrase at each position.
   * `skip(i)` marks tokens already claimed by another slot; a phrase may not cover them.
   * `accept` lets a caller reject a candidate by context (e.g. "KH" only before a number).
   */
  findAll(
    tokens: readonly string[],
    opts: { skip?: (i: number) => boolean; accept?: (entry: PhraseEntry<T>, start: number) => boolean } = {},
  ): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched: PhraseEntry<T> | undefined;
      if (!opts.skip?.(i)) {
        for (const entry of this.candidatesAt(tokens, i)) {
          const end = i + entry.tokens.length;
          let free = true;
          if (opts.skip) for (let j = i; j < end; j++) if (opts.skip(j)) free = false;
          if (!free) continue;
          if (opts.accept && !opts.accept(entry, i)) continue;
          matched = entry;
          break;
        }
      }
      if (matched) {
        out.push({ start: i, end: i + matched.tokens.length, value: matched.value });
        i += matched.tokens.length;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Every phrase occurring anywhere (overlaps allowed), each value once: used for intent keyword scoring. */
  findEvery(tokens: readonly string[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const entry of this.candidatesAt(tokens, i)) out.push({ start: i, end: i + entry.tokens.length, value: entry.value });
    }
    return out;
  }
}
