/**
 * Question analysis: the whole NLU pipeline in one call.
 *   clean text → fold → split "kh62" → expand abbreviations → intent (on the unrepaired words)
 *   → gated typo repair → slots → search terms.
 */
import { bigrams, fold, syllables } from '../text/normalize.js';
import { segmentedSyllables } from './segments.js';
import { IntentClassifier, type IntentScore } from './classify.js';
import { AbbreviationExpander } from './expand.js';
import { placeNames, type Glossary } from './glossary.js';
import type { IntentDef, SlotName } from './intents.js';
import { TypoRepairer, type Repair } from './repair.js';
import { SlotExtractor, type Slots } from './slots.js';

export interface QueryAnalysis {
  /** Folded syllables as typed. */
  tokens: string[];
  /** After abbreviation expansion (before repair): what the intent is read from. */
  expanded: string[];
  /** After typo repair: what slots and search terms are read from. */
  repaired: string[];
  repairs: Repair[];
  intent?: IntentScore;
  /** Every intent whose keywords the question holds, best first (the candidates' intents). */
  ranked: IntentScore[];
  /** The slots the question fills. */
  filled: ReadonlySet<SlotName>;
  slots: Slots;
  /** Unigrams (minus question words, places and document numbers) and bigrams ("thi_dua") for search. */
  terms: string[];
  /**
   * Aligned with `repaired`: each token as the user typed it (lower case, with the diacritics they
   * typed), or the folded token where that is unknown (an expansion, an unaligned text).
   */
  typed: string[];
  /** Aligned with `repaired`: true where `typed` is the user's own typing (not an expansion's or a repair's word). */
  asTyped: boolean[];
  /** Aligned with `repaired`: true where a new clause starts (after punctuation). */
  breaks: boolean[];
  /** Unigram search terms only (no bigrams). */
  words: string[];
  /** Abbreviations as typed, also searched. */
  originals: string[];
}

export interface Analyzer {
  analyze(text: string): QueryAnalysis;
  readonly expander: AbbreviationExpander;
  readonly classifier: IntentClassifier;
  readonly repairer: TypoRepairer;
  readonly glossary: Glossary;
  readonly intents: readonly IntentDef[];
  /** Folded words the bot knows (plan text, glossary, intents). */
  readonly vocabulary: ReadonlySet<string>;
}

/** The level a body's name may end with ("Hội Khuyến học tỉnh", "Phòng Nội vụ huyện"). */
const LEVELS = new Set(['tinh', 'huyen', 'xa', 'thanh', 'tp']);

/** The document's own name, folded, inside a keyword about it ("gửi kế hoạch này cho ai"). */
export const DOCUMENT_NAMES: ReadonlySet<string> = new Set(['ke hoach', 'van ban', 'cong van']);

/** HTML/XML tags pasted into chat carry no meaning for a question. */
function stripTags(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]{0,200}>/g, ' ');
}

/**
 * A bare section number written the plans' way ("VI.2", "III.1.a") is a section reference: it is
 * given the opening word the slot reader expects ("mục VI.2"), so it is never read as "vì 2".
 */
function markSectionNumbers(typed: string): string {
  const text = markSubsectionNumbers(typed);
  return text.replace(/(^|[^\p{L}\d.])([IVX]{1,4}\.\d{1,2}(?:\.\d{1,2})?)(?:\.([a-zđ]))?(?![\p{L}\d])/gu, (m, before: string, ref: string, point: string | undefined, at: number) => {
    const prior = text.slice(Math.max(0, at - 8), at + before.length).toLowerCase();
    // A point's letter is said as such ("IV.2.c" → "mục IV.2 điểm c"): folded, a lone "c" could be any word.
    const full = point ? `${ref} điểm ${point}` : ref;
    return /(mục|muc|phần|phan)\s*$/.test(prior) ? `${before}${full}` : `${before}mục ${full}`;
  });
}

/**
 * A plan's arabic subsection number after the word naming an item ("ý 2.3", "nội dung cụ thể 2.3",
 * "nd 2.1") is a section reference too ("mục 2.3"; the plan's own numbering places it): never "ý 2"
 * of a list and a stray 3.
 */
function markSubsectionNumbers(text: string): string {
  return text.replace(/(^|[^\p{L}])(ý|y|nội dung(?: cụ thể)?|noi dung(?: cu the)?|nd(?: cụ thể| cu the)?)\s+(\d{1,2}\.\d{1,2})(?![\d.]*\d)/giu, (_m, before: string, word: string, ref: string) => `${before}${word} mục ${ref}`);
}

/** The words as typed (lower case, diacritics kept), cut as the folded tokens are; undefined if the two do not align. */
function typedTokens(text: string, folded: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const w of text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const m = /^(\p{L}+)(\d{2,})$/u.exec(w);
    if (m) out.push(m[1]!, m[2]!);
    else out.push(w);
  }
  if (out.length !== folded.length) return undefined;
  return out.every((t, i) => fold(t) === folded[i]) ? out : undefined;
}

/** "kh62" → "kh", "62"; "qd1373" → "qd", "1373" (VNI tokens such as "chi1" keep a single digit and are left alone). */
function splitGluedNumbers(tokens: readonly string[], breakBefore: readonly boolean[]): { tokens: string[]; breakBefore: boolean[] } {
  const out: string[] = [];
  const breaks: boolean[] = [];
  tokens.forEach((t, i) => {
    // One digit after letters is a VNI mark ("tie6u"), unless the letters have no vowel: an abbreviation's
    // ("gđ1": giai đoạn 1). (VNI's "9" makes "đ" of a "d".)
    const m = /^([a-z]+)(\d{2,})$/.exec(t) ?? /^([b-df-hj-np-tv-xz]+)([0-8])$/.exec(t);
    if (m) {
      out.push(m[1]!, m[2]!);
      breaks.push(breakBefore[i]!, false);
    } else {
      out.push(t);
      breaks.push(breakBefore[i]!);
    }
  });
  return { tokens: out, breakBefore: breaks };
}

/** Which slots a question fills (for the intents' slot boosts). */
function filledSlots(s: Slots): Set<SlotName> {
  const filled = new Set<SlotName>();
  if (s.plans.length) filled.add('plan');
  if (s.targets.length) filled.add('target');
  if (s.awardKinds.length) filled.add('awardKind');
  if (s.awards.length) filled.add('award');
  if (s.years.length) filled.add('year');
  if (s.agencies.length) filled.add('agency');
  if (s.docrefs.length) filled.add('docref');
  return filled;
}

export function createAnalyzer(opts: {
  glossary: Glossary;
  intents: readonly IntentDef[];
  /** Folded words of the plans (the corpus), the base of the repair vocabulary. */
  corpusWords: Iterable<string>;
  /** Share the expander the search index was built with (built from the same glossary otherwise). */
  expander?: AbbreviationExpander;
  /** In how many passages the plans write a pair ("thi_dua"): ranks typo repairs by their neighbours. */
  pairFrequency?: (pair: string) => number;
  /** In how many passages the plans write a syllable. */
  wordFrequency?: (word: string) => number;
  /** Whether the plans write a syllable so, with its diacritics ("tiên"): only such a form typed is evidence of another word (a tone no plan writes is a slip). */
  isWrittenForm?: (form: string) => boolean;
}): Analyzer {
  const { glossary, intents } = opts;
  const expander = opts.expander ?? new AbbreviationExpander(glossary.abbreviations, placeNames(glossary));
  const classifier = new IntentClassifier(intents, expander, opts.isWrittenForm);

  const vocabulary = new Set<string>();
  const addPhrase = (p: string) => {
    for (const t of syllables(p)) vocabulary.add(t);
    for (const t of expander.normalizePhrase(p)) vocabulary.add(t);
  };
  for (const w of opts.corpusWords) vocabulary.add(w);
  for (const a of glossary.abbreviations) {
    a.forms.forEach(addPhrase);
    addPhrase(a.expansion);
  }
  for (const l of glossary.localities) l.aliases.forEach(addPhrase);
  glossary.otherLocalities.forEach(addPhrase);
  for (const group of [glossary.targets, glossary.agencies, glossary.awards, glossary.awardKinds]) {
    for (const item of group) item.synonyms.forEach(addPhrase);
  }
  glossary.notTargets.forEach(addPhrase);
  glossary.questionWords.forEach(addPhrase);
  glossary.crossPlanPhrases.forEach(addPhrase);
  for (const intent of intents) Object.keys(intent.keywords).forEach(addPhrase);

  // Roman numerals number the plans' parts ("mục VII"): never "repaired" into words.
  for (const r of ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']) vocabulary.add(r);
  const questionWords = new Set(glossary.questionWords.flatMap((w) => syllables(w)));
  // As written: a question word is no slip for a word the plans write ("nào" is not "đạo"; "đau" may be "đua").
  const questionForms = new Set(glossary.questionWords.flatMap((w) => w.normalize('NFC').toLowerCase().split(/\s+/)));
  const repairer = new TypoRepairer(vocabulary, opts.pairFrequency, [...questionWords], opts.wordFrequency);
  const slotsOf = new SlotExtractor(glossary, expander, (t) => vocabulary.has(t));

  function analyze(text: string): QueryAnalysis {
    // "%" is a word the question writes ("bao nhiêu %"): folding would drop it.
    const marked = markSectionNumbers(stripTags(text)).replace(/%/g, ' phần trăm ');
    const segmented = segmentedSyllables(marked);
    const { tokens, breakBefore } = splitGluedNumbers(segmented.tokens, segmented.breakBefore);
    const asTyped = typedTokens(marked, tokens);
    // "KH Hòa" is Khánh Hòa, not "kế hoạch Hòa": the place is spelled out before abbreviations expand.
    const expanded = expander.expand(slotsOf.spellOutOnsets(tokens));
    // A pair never spans punctuation: break before an expanded token when its source token opens a segment.
    const breaks = expanded.sourceIndex.map((src, i) => i > 0 && src !== expanded.sourceIndex[i - 1] && breakBefore[src] === true);
    // The forms typed, aligned with the expanded tokens (the folded token where an expansion wrote it):
    // a keyword typed with other diacritics is another word.
    const typedExpanded = expanded.tokens.map((t, i) => {
      const src = expanded.sourceIndex[i]!;
      return asTyped && tokens[src] === t ? asTyped[src]! : t;
    });
    // Typed with diacritics the plans never write, and no question word: a slip, if a word a letter away fits.
    const unwritten = (i: number) => {
      const form = typedExpanded[i]!;
      return form !== expanded.tokens[i] && !questionForms.has(form) && opts.isWrittenForm !== undefined && !opts.isWrittenForm(form);
    };
    // Places first: a place typed with a slip ("thai bihn") is found as it is, then kept from repair.
    const repaired = repairer.repair(expanded.tokens, slotsOf.placePositions(expanded.tokens), unwritten);
    // A token keeps its typed form only where neither expansion nor repair changed it.
    const ownTyping = repaired.tokens.map((t, i) => asTyped !== undefined && tokens[expanded.sourceIndex[i]!] === t);
    const typed = repaired.tokens.map((t, i) => (ownTyping[i] ? asTyped![expanded.sourceIndex[i]!]! : t));
    const slots = slotsOf.extract(repaired.tokens, typed);
    const filled = filledSlots(slots);
    // Where bodies are named: a keyword may stand around one ("giao Sở Nội vụ làm gì").
    // (With the level written after the name: "Hội Khuyến học tỉnh".) Or the document itself: "gửi kế
    // hoạch này cho những ai" for "gửi cho những ai".
    const named = new Set(
      slots.spans
        .filter((sp) => sp.kind === 'agency' || sp.kind === 'docref')
        .flatMap((sp) => [...Array(sp.end - sp.start + (LEVELS.has(repaired.tokens[sp.end] ?? '') ? 1 : 0)).keys()].map((k) => sp.start + k)),
    );
    repaired.tokens.forEach((t, i) => {
      const pair = `${t} ${repaired.tokens[i + 1] ?? ''}`;
      if (!DOCUMENT_NAMES.has(pair)) return;
      named.add(i).add(i + 1);
      if (repaired.tokens[i + 2] === 'nay' || repaired.tokens[i + 2] === 'do') named.add(i + 2);
    });
    const intent = classifier.classify(expanded.tokens, filled, typedExpanded, named) ?? (repaired.repairs.length ? classifier.classify(repaired.tokens, filled, typed, named) : undefined);
    const ranked = repaired.repairs.length ? classifier.scores(repaired.tokens, filled, typed, named) : classifier.scores(expanded.tokens, filled, typedExpanded, named);

    // Search terms: runs of unclaimed tokens; bigrams inside each run, unigrams without question words.
    const words: string[] = [];
    const pairs: string[] = [];
    let run: string[] = [];
    const flush = () => {
      pairs.push(...bigrams(run));
      run = [];
    };
    repaired.tokens.forEach((t, i) => {
      if (breaks[i]) flush();
      if (slots.claimed.has(i)) return flush();
      run.push(t);
      if (!questionWords.has(t)) words.push(t);
    });
    flush();

    return {
      tokens,
      expanded: expanded.tokens,
      repaired: repaired.tokens,
      repairs: repaired.repairs,
      intent,
      ranked,
      filled,
      slots,
      terms: [...words, ...pairs],
      words,
      typed,
      asTyped: ownTyping,
      breaks,
      originals: expanded.originals,
    };
  }

  return { analyze, expander, classifier, repairer, glossary, intents, vocabulary };
}
