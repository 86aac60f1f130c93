/**
 * The glossary's gazetteers seen from the answer side: does a criteria group label mean the target
 * group the user asked about, does an agency heading name the agency, does an award item name the award?
 * Compared as whole phrases of folded, expanded syllables.
 */
import type { AbbreviationExpander } from '../nlu/expand.js';
import type { Glossary } from '../nlu/glossary.js';
import { syllables } from '../text/normalize.js';

interface Entry {
  name: string;
  phrases: string[][];
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

export class Lexicon {
  private readonly targets = new Map<string, Entry>();
  private readonly agencies = new Map<string, Entry>();
  private readonly awards = new Map<string, Entry>();
  private readonly memo = new Map<string, string[]>();

  constructor(
    glossary: Glossary,
    private readonly expander: AbbreviationExpander,
  ) {
    const norm = (s: string) => expander.normalizePhrase(s);
    for (const t of glossary.targets) this.targets.set(t.key, { name: t.label, phrases: t.synonyms.map(norm) });
    for (const a of glossary.agencies) this.agencies.set(a.key, { name: a.name, phrases: a.synonyms.map(norm) });
    for (const a of glossary.awards) this.awards.set(a.key, { name: a.name, phrases: [norm(a.name), ...a.synonyms.map(norm)] });
  }

  /** Folded, expanded words of a plan string (labels, agency headings, award items), computed once each. */
  tokens(text: string): string[] {
    let tokens = this.memo.get(text);
    if (!tokens) {
      tokens = this.expander.expand(syllables(text)).tokens;
      if (this.memo.size < 20_000) this.memo.set(text, tokens);
    }
    return tokens;
  }

  /** A plan string folded and expanded, as one space-separated string ("bo tri kinh phi"). */
  folded(text: string): string {
    return this.tokens(text).join(' ');
  }

  /** Does `text` (a heading, an item) mention the entry? */
  private mentions(map: Map<string, Entry>, key: string, text: string): boolean {
    const entry = map.get(key);
    if (!entry) return false;
    const tokens = this.tokens(text);
    return entry.phrases.some((p) => containsPhrase(tokens, p));
  }

  /**
   * Does `text` write these folded words in this order, each within a few words of the one before
   * ("Bằng khen của Thủ tướng" for "bằng khen thủ tướng")?
   */
  hasWordsInOrder(text: string, words: readonly string[], maxGap = 2): boolean {
    const tokens = this.tokens(text);
    if (words.length === 0) return false;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] !== words[0]) continue;
      let at = i;
      let k = 1;
      for (; k < words.length; k++) {
        let next = -1;
        for (let j = at + 1; j <= at + 1 + maxGap && j < tokens.length; j++) if (tokens[j] === words[k]) { next = j; break; }
        if (next < 0) break;
        at = next;
      }
      if (k === words.length) return true;
    }
    return false;
  }

  targetMatches(key: string, label: string): boolean {
    return this.mentions(this.targets, key, label);
  }

  /**
   * Stricter, for a criteria group's label: only phrases of two words or more count ("cấp huyện",
   * "cơ quan cấp tỉnh"), since a bare "huyện" also appears in "Mặt trận Tổ quốc … huyện".
   */
  targetLabelMatches(key: string, label: string): boolean {
    const entry = this.targets.get(key);
    if (!entry) return false;
    const tokens = this.tokens(label);
    return entry.phrases.some((p) => p.length >= 2 && containsPhrase(tokens, p));
  }

  agencyMatches(key: string, agency: string): boolean {
    return this.mentions(this.agencies, key, agency);
  }

  /** Does the text name any body of the glossary ("Giao Phòng Giáo dục và Đào tạo huyện")? */
  namesAnyAgency(text: string): boolean {
    return [...this.agencies.keys()].some((key) => this.mentions(this.agencies, key, text));
  }

  awardMatches(key: string, item: string): boolean {
    return this.mentions(this.awards, key, item);
  }

  /** Every folded word of an agency's synonyms ("hoi", "khuyen", "hoc"). */
  agencyWords(key: string): string[] {
    return (this.agencies.get(key)?.phrases ?? []).flat();
  }

  targetName(key: string): string {
    return this.targets.get(key)?.name ?? key;
  }

  agencyName(key: string): string {
    return this.agencies.get(key)?.name ?? key;
  }

  awardName(key: string): string {
    return this.awards.get(key)?.name ?? key;
  }
}
