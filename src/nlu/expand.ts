/**
 * Abbreviation expansion on folded syllables: "ubnd" → "uy ban nhan dan", "gd dt" (from "GD&ĐT") →
 * "giao duc va dao tao". Applied the same way to questions and to the indexed plan text, so both
 * sides meet whichever form was written. Ambiguous forms are expanded only in their context
 * ("KH 62" is a kế hoạch, "TT 25" a thông tư, a bare "TT" is thường trực).
 */
import { syllables } from '../text/normalize.js';
import type { Glossary } from './glossary.js';
import { PhraseMatcher } from './phrases.js';

interface Expansion {
  tokens: string[];
  context?: 'before-number';
  /** Folded words the form must follow ("^": the first word of the text). */
  after?: ReadonlySet<string>;
  /** With `after`: the form may also end the text. */
  last?: boolean;
}

export interface Expanded {
  /** The text with each abbreviation replaced by its expansion. */
  tokens: string[];
  /** For each output token, the index of the input token it came from. */
  sourceIndex: number[];
  /** The abbreviations as written, kept for indexing (a passage that wrote "UBND" still matches "ubnd"). */
  originals: string[];
}

const isNumber = (t: string | undefined) => t !== undefined && /^\d+$/.test(t);

/** The words before `start` are one of these phrases (folded, space-separated; "^": nothing, the text starts there). */
function follows(tokens: readonly string[], start: number, after: ReadonlySet<string>): boolean {
  if (start === 0) return after.has('^');
  for (let n = 1; n <= Math.min(start, 3); n++) if (after.has(tokens.slice(start - n, start).join(' '))) return true;
  return false;
}

export class AbbreviationExpander {
  private readonly matcher: PhraseMatcher<Expansion>;
  private readonly places: PhraseMatcher<true>;
  private readonly placeOpeners = new Set<string>();

  /** `places`: the places' names as written; a place's initials never stand right before another place's name. */
  constructor(abbreviations: Glossary['abbreviations'], places: readonly string[] = []) {
    const named = places.map((p) => syllables(p)).filter((t) => t.length > 1);
    this.places = new PhraseMatcher(named.map((tokens) => ({ tokens, value: true as const })));
    // An abbreviation that opens a place's name ("VP" of "Văn phòng UBND tỉnh Bắc Kạn") opens it too.
    const openings = new Set(named.map((t) => t.slice(0, 2).join(' ')));
    for (const a of abbreviations) {
      const opening = syllables(a.expansion).slice(0, 2).join(' ');
      if (!a.after && openings.has(opening)) for (const f of a.forms) if (syllables(f).length === 1) this.placeOpeners.add(syllables(f)[0]!);
    }
    const entries = [];
    // Entries bound to a preceding word first: the matcher tries same-length candidates in order.
    for (const a of [...abbreviations.filter((x) => x.after), ...abbreviations.filter((x) => !x.after)]) {
      const expansion = syllables(a.expansion);
      const after = a.after ? new Set(a.after.map((w) => (w === '^' ? w : syllables(w).join(' ')))) : undefined;
      for (const form of a.forms) {
        const tokens = syllables(form);
        // A form that already reads as its expansion would expand to itself: skip it.
        if (tokens.length === 0 || tokens.join(' ') === expansion.join(' ')) continue;
        entries.push({ tokens, value: { tokens: expansion, context: a.context, after, last: a.last } });
      }
    }
    this.matcher = new PhraseMatcher(entries);
  }

  expand(tokens: readonly string[]): Expanded {
    const matches = this.matcher.findAll(tokens, {
      accept: (entry, start) =>
        (entry.value.context !== 'before-number' || isNumber(tokens[start + entry.tokens.length])) &&
        // A form read by what stands before it (a place's initials after "ở", "tỉnh") is a document's
        // type before a number: "ở KH 62" is Kế hoạch 62, not Khánh Hòa.
        !(entry.value.after && isNumber(tokens[start + entry.tokens.length])) &&
        // …and before "nào": "cấp tỉnh: KH nào …" asks which plan; no one asks "which Khánh Hòa".
        !(entry.value.after && tokens[start + entry.tokens.length] === 'nao') &&
        // …and before another place's name: "ở KH Củ Chi" is the Kế hoạch of Củ Chi.
        !(entry.value.after && this.startsPlace(tokens, start + entry.tokens.length)) &&
        (!entry.value.after ||
          follows(tokens, start, entry.value.after) ||
          (entry.value.last === true && start + entry.tokens.length === tokens.length)),
    });
    const out: string[] = [];
    const sourceIndex: number[] = [];
    const originals: string[] = [];
    let i = 0;
    for (const m of matches) {
      for (; i < m.start; i++) {
        out.push(tokens[i]!);
        sourceIndex.push(i);
      }
      for (const t of m.value.tokens) {
        out.push(t);
        sourceIndex.push(m.start);
      }
      originals.push(...tokens.slice(m.start, m.end));
      i = m.end;
    }
    for (; i < tokens.length; i++) {
      out.push(tokens[i]!);
      sourceIndex.push(i);
    }
    return { tokens: out, sourceIndex, originals };
  }

  /** A place's name (or an abbreviation opening one) starts at `at`. */
  private startsPlace(tokens: readonly string[], at: number): boolean {
    return this.places.candidatesAt(tokens, at).length > 0 || this.placeOpeners.has(tokens[at] ?? '');
  }

  /** Folds and expands a phrase from a data file, so gazetteer entries compare with expanded questions. */
  normalizePhrase(text: string): string[] {
    return this.expand(syllables(text)).tokens;
  }
}
