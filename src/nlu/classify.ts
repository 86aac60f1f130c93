/**
 * Keyword intent classifier. Runs on the folded, abbreviation-expanded question *before* typo repair,
 * so a "correction" can never destroy the words that carry the intent ("hạn nộp" stays "han nop").
 */
import type { AbbreviationExpander } from './expand.js';
import type { IntentDef, SlotName } from './intents.js';
import { PhraseMatcher } from './phrases.js';
import { typedAsOtherWords, writtenWords } from '../text/normalize.js';

export interface IntentScore {
  id: string;
  score: number;
  /** The phrases that matched (folded), for explanations and tests. */
  phrases: string[];
}

/** Below this total weight a question has no recognisable intent. */
export const MIN_INTENT_SCORE = 2;
/** A strong intent this sure of itself beats a weak one (a greeting around a real question). */
const STRONG_ENOUGH = 5;
/** Small words a keyword may have typed inside it: "gửi cho những nơi nào", "gửi đến ai", "giao những việc gì". */
const FILLERS = new Set(['cho', 'den', 'toi', 'lai', 'ra', 'nhung', 'cac']);

interface Keyword {
  intent: string;
  weight: number;
  phrase: string;
  /** Its words as written (lower case, with diacritics), when they are as many as its folded tokens. */
  written?: string[];
}

export class IntentClassifier {
  private readonly matcher: PhraseMatcher<Keyword>;
  private readonly byId: Map<string, IntentDef>;

  constructor(
    readonly intents: readonly IntentDef[],
    expander: AbbreviationExpander,
    /** Whether the plans write a syllable so (see analyze.ts); every form counts without it. */
    private readonly isWrittenForm: (form: string) => boolean = () => true,
  ) {
    this.byId = new Map(intents.map((i) => [i.id, i]));
    const entries = [];
    for (const intent of intents) {
      // Phrases that fold to the same syllables count once, with the larger weight.
      const best = new Map<string, { weight: number; written: string[][] }>();
      for (const [phrase, weight] of Object.entries(intent.keywords)) {
        const tokens = expander.normalizePhrase(phrase).join(' ');
        if (!tokens) continue;
        const seen = best.get(tokens) ?? { weight: 0, written: [] };
        const written = writtenWords(phrase);
        best.set(tokens, { weight: Math.max(weight, seen.weight), written: written.length === tokens.split(' ').length ? [...seen.written, written] : seen.written });
      }
      for (const [phrase, { weight, written }] of best) {
        // Written one way only: a word typed with other diacritics is another word ("đầu tiên" is no "tiền").
        entries.push({ tokens: phrase.split(' '), value: { intent: intent.id, weight, phrase, ...(written.length === 1 ? { written: written[0] } : {}) } });
      }
    }
    this.matcher = new PhraseMatcher(entries);
  }

  intent(id: string): IntentDef | undefined {
    return this.byId.get(id);
  }

  /** All intents with a positive score, best first. `filled`: the slots the question fills (for slot boosts). */
  scores(tokens: readonly string[], filled: ReadonlySet<SlotName> = new Set(), typed?: readonly (string | undefined)[], named: ReadonlySet<number> = new Set()): IntentScore[] {
    const perIntent = new Map<string, IntentScore>();
    for (const m of this.matcher.findEvery(tokens)) {
      if (typed && m.value.written && typedAsOtherWords(m.value.written, tokens, typed, m.start, this.isWrittenForm)) continue;
      const s = perIntent.get(m.value.intent) ?? { id: m.value.intent, score: 0, phrases: [] };
      if (s.phrases.includes(m.value.phrase)) continue;
      s.score += m.value.weight;
      s.phrases.push(m.value.phrase);
      perIntent.set(m.value.intent, s);
    }
    // A keyword with a small word typed inside it ("gửi cho những nơi nào" for "gửi những nơi nào"), or
    // a body named inside it ("giao Hội Khuyến học làm gì" for "giao làm gì"), still asks its intent:
    // read once more without those words, for intents nothing else matched, its best phrase only (so no
    // phrase counts twice). An intent matched already gains the phrase, not its weight: its words are
    // the question's frame, which its answers cover by what they are.
    const keep = tokens.map((t, i) => (!FILLERS.has(t) || i === 0) && !named.has(i));
    if (keep.some((k) => !k)) {
      const loose = tokens.filter((_, i) => keep[i]);
      const looseTyped = typed?.filter((_, i) => keep[i]);
      const found = new Map<string, IntentScore>();
      for (const m of this.matcher.findEvery(loose)) {
        if (m.end - m.start < 2) continue;
        if (looseTyped && m.value.written && typedAsOtherWords(m.value.written, loose, looseTyped, m.start, this.isWrittenForm)) continue;
        const matched = perIntent.get(m.value.intent);
        if (matched) {
          if (!matched.phrases.includes(m.value.phrase)) matched.phrases.push(m.value.phrase);
          continue;
        }
        const s = found.get(m.value.intent);
        if (!s || m.value.weight > s.score) found.set(m.value.intent, { id: m.value.intent, score: m.value.weight, phrases: [m.value.phrase] });
      }
      for (const [id, s] of found) perIntent.set(id, s);
    }
    for (const s of perIntent.values()) {
      const boosts = this.byId.get(s.id)?.slotBoosts ?? {};
      for (const [slot, weight] of Object.entries(boosts)) if (filled.has(slot as SlotName)) s.score += weight ?? 0;
    }
    return [...perIntent.values()].sort(
      (a, b) => b.score - a.score || (this.byId.get(b.id)?.priority ?? 0) - (this.byId.get(a.id)?.priority ?? 0),
    );
  }

  /**
   * The winning intent, or undefined when nothing reaches MIN_INTENT_SCORE. A weak intent (greeting,
   * help) wins only over strong intents that score lower than it and below STRONG_ENOUGH: "chào bạn,
   * hạn nộp báo cáo…" is a deadline question, "bạn là ai" is not a "who is responsible" question.
   */
  classify(tokens: readonly string[], filled: ReadonlySet<SlotName> = new Set(), typed?: readonly (string | undefined)[], named: ReadonlySet<number> = new Set()): IntentScore | undefined {
    const ranked = this.scores(tokens, filled, typed, named).filter((s) => s.score >= MIN_INTENT_SCORE);
    const strong = ranked.find((s) => !this.byId.get(s.id)?.weak);
    const weak = ranked.find((s) => this.byId.get(s.id)?.weak);
    if (strong && (!weak || strong.score >= weak.score || strong.score >= STRONG_ENOUGH)) return strong;
    return weak;
  }
}
