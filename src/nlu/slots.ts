/**
 * Slot extraction from a folded, expanded, repaired question: locality (→ plan ids), places not in the
 * data, document references ("KH 62", "QĐ 1373", "Thông tư 25"), target group, agency, award name,
 * award kind (hằng năm / sơ kết / tổng kết), year, and whether the question spans several plans.
 * Gazetteers are short strings matched as whole phrases; a locality window that holds a word the
 * vocabulary does not know is compared with the aliases by edit distance ("bac kann", "thai bihn").
 */
import { typedAsOtherWords, typedWithMarks, writtenWords } from '../text/normalize.js';
import { editDistance } from './edit-distance.js';
import type { AbbreviationExpander } from './expand.js';
import type { AwardKindKey, Glossary } from './glossary.js';
import { PhraseMatcher, type PhraseEntry } from './phrases.js';
import { ORDINAL_WORDS } from '../text/ordinals.js';

export interface LocalityMention {
  name: string;
  plans: string[];
  start: number;
  end: number;
  fuzzy: boolean;
}

export interface DocRef {
  /** Folded type words as written ("ke hoach", "quyet dinh", "thong tu"), or undefined for "số 62". */
  type?: string;
  number: string;
}

export interface Slots {
  localities: LocalityMention[];
  /**
   * The plan each distinct place points to, in order of mention. A place that names several plans
   * ("Thái Bình": the UBND plan and the union's letter) gives its main one, unless another mention
   * narrows it ("công đoàn y tế Thái Bình" → the union's letter).
   */
  plans: string[];
  /** For each plan in `plans`, the other plans the same place also names (fallbacks, "Thái Bình" → CDYT). */
  alternates: Record<string, string[]>;
  /** Places named that are not in the data ("Hà Nội"). */
  otherLocalities: string[];
  targets: string[];
  agencies: string[];
  awards: string[];
  awardKinds: AwardKindKey[];
  years: number[];
  docrefs: DocRef[];
  /** "ý thứ hai", "giải pháp thứ 5", "tiêu chí đầu tiên": 1-based position in a list; -1 for the last. */
  ordinal?: number;
  /** Sections named by number ("mục II.3", "phần IV", "điểm b khoản 1 mục III" → "III.1.b"). */
  sections: string[];
  /** "tỉnh nào", "so sánh", "các kế hoạch": answer across plans. */
  crossPlan: boolean;
  /** "tỉnh nào", "kế hoạch nào": asks which of the plans (named or all) hold the thing. */
  whichPlans: boolean;
  /** Plans the question leaves out ("không tính công văn của công đoàn", "trừ Củ Chi"). */
  excluded: string[];
  /** Asked of the kế hoạch only ("trong các kế hoạch, kế hoạch nào …"): the công văn is not among them. */
  plansOnly: boolean;
  /** The question denies what it asks about ("kế hoạch nào không có Cờ thi đua"). */
  negated: boolean;
  /** Where the denial stands ("không có", "chưa ghi", "thiếu"), in token positions, when `negated`. */
  negation?: { start: number; end: number };
  /** Token positions consumed by localities and document references (not search terms). */
  claimed: Set<number>;
  /** Where each slot value was read, in token positions: what a follow-up replaces ("cá nhân thì sao"). */
  spans: SlotSpan[];
}

export type SlotSpanKind = 'locality' | 'docref' | 'section' | 'ordinal' | 'target' | 'agency' | 'award' | 'awardKind' | 'year';

export interface SlotSpan {
  kind: SlotSpanKind;
  start: number;
  end: number;
  /** The document number, for a docref span. */
  number?: string;
  /** The glossary key of the named thing, for an agency or award span. */
  key?: string;
}

/** Edits allowed between a window and a place alias: one for a short alias, two from this many letters. */
const TWO_EDITS_FROM = 10;

/** Document types as they appear after folding and expansion; the value is the canonical folded type. */
const DOC_TYPES: Record<string, string> = {
  'ke hoach': 'ke hoach',
  'quyet dinh': 'quyet dinh',
  'quyet dinh thu tuong': 'quyet dinh',
  'thong tu': 'thong tu',
  'thong tu bo giao duc va dao tao': 'thong tu',
  'huong dan': 'huong dan',
  'cong van': 'cong van',
  'van ban': 'van ban',
  'to trinh': 'to trinh',
  'thong tri': 'thong tri',
  'ket luan': 'ket luan',
  'chi thi': 'chi thi',
};
/** Words right after a number that make it a document number ("62/KH-UBND", "209/CDYT", "1373/QĐ-TTg"). */
const AFTER_NUMBER = new Set(['kh', 'ke', 'qd', 'quyet', 'tt', 'thong', 'hd', 'huong', 'ttr', 'kl', 'ket', 'ct', 'chi', 'cdyt', 'cong', 'ldld', 'lien', 'vp']);

/** Words that open a place alias ("tỉnh Khánh Hòa") but also a target level ("cấp tỉnh"). */
const LEVEL_WORDS = new Set(['tinh', 'huyen']);

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']);
/** Words that open a section number, and the level of the numbering each names. */
const SECTION_WORDS: Record<string, 'top' | 'item' | 'point'> = { muc: 'top', phan: 'top', chuong: 'top', khoan: 'item', diem: 'point', tiet: 'point' };
const isItem = (t: string | undefined) => t !== undefined && /^\d{1,2}$/.test(t);
const isPoint = (t: string | undefined) => t !== undefined && /^[a-z]$/.test(t);

/** The documents' lettered points in order, as far as folding keeps them apart. */
const LETTERS = ['a', 'b', 'c'];
/** Lists named by a two-syllable word whose second syllable is an item noun too: the word stays whole; its item may be called by a bare number ("nội dung 2"). */
const COMPOUND_ITEMS = new Set(['muc dich', 'muc tieu', 'yeu cau', 'nhiem vu', 'giai phap', 'noi dung', 'tieu chi']);
/** Words that may stand between a list's name and its item's number ("nội dung thi đua số 3"). */
const LIST_QUALIFIERS = new Set(['thi dua', 'phong trao']);
/** An exclusion ("không tính") leaves out a plan named within this many words after it ("không tính công văn của công đoàn"). */
const EXCLUSION_REACH = 3;
/** …when only the words of a document's name stand between ("công văn của …", "kế hoạch …"). */
const EXCLUSION_BETWEEN = new Set(['cong', 'van', 'ke', 'hoach', 'ban', 'cua', 'cac', 'kh', 'cv']);
/** After "cuối" of an item noun, these say it is the last item ("giải pháp cuối là gì", "… cuối thì sao"). */
const AFTER_LAST = new Set(['la', 'thi', 'noi', 'ghi', 'a', 'vay', 'nhi', 'the', 'ad']);
/** Folded nouns of a list's items: "đầu tiên" and "cuối cùng" are ordinals only right after one ("ngày cuối cùng" is a deadline). */
const ITEM_NOUNS = new Set(['y', 'dung', 'phap', 'tieu', 'vu', 'diem', 'chi', 'dich', 'cau', 'khoan', 'gach', 'dong', 'muc', 'nhom', 'doan']);

/** First words of the cross-plan phrases that name a document ("văn bản nào", "công văn nào", "kế hoạch nào"). */
const DOC_NOUNS = new Set(['van', 'cong', 'ke', 'kh']);
/** "chứ không phải", "mà không": a contrast, not a negation. */
const CONTRAST_BEFORE = new Set(['chu', 'ma']);
/** Words that may end a question after its "không" ("có … không ạ"): that "không" asks, it does not negate. */
export const END_PARTICLES = new Set(['a', 'vay', 'nhi', 'ha', 'the', 'nhe', 'ad', 'ban', 'bot', 'chu']);

/** A syllable's consonants alone, as a first syllable is abbreviated ("kh", "th", "ngh"). */
const ONSET = /^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr)$/;

const isYear = (t: string) => /^(19|20)\d\d$/.test(t);
const isDocNumber = (t: string | undefined) => t !== undefined && /^\d{1,5}$/.test(t) && !isYear(t);

interface FuzzyAlias {
  text: string;
  name: string;
  plans: string[];
  size: number;
}

export class SlotExtractor {
  private readonly localities: PhraseMatcher<{ name: string; plans: string[] }>;
  private readonly fuzzyAliases: FuzzyAlias[];
  private readonly others: PhraseMatcher<string>;
  private readonly targets: PhraseMatcher<string | null>;
  private readonly agencies: PhraseMatcher<string>;
  private readonly awards: PhraseMatcher<string>;
  private readonly awardKinds: PhraseMatcher<AwardKindKey>;
  private readonly crossPlan: PhraseMatcher<true>;
  private readonly whichPlans: PhraseMatcher<true>;
  private readonly notCrossAfter: string[][];
  private readonly negations: PhraseMatcher<boolean>;
  private readonly exclusions: PhraseMatcher<true>;
  private readonly plansOnly: PhraseMatcher<true>;
  private readonly docTypes: PhraseMatcher<string>;

  constructor(
    glossary: Glossary,
    expander: AbbreviationExpander,
    private readonly isKnownWord: (token: string) => boolean,
  ) {
    const norm = (s: string) => expander.normalizePhrase(s);
    const localityEntries: PhraseEntry<{ name: string; plans: string[] }>[] = [];
    const fuzzyItems: { text: string; name: string; plans: string[]; size: number }[] = [];
    for (const loc of glossary.localities) {
      for (const alias of loc.aliases) {
        const tokens = norm(alias);
        localityEntries.push({ tokens, value: { name: loc.name, plans: loc.plans } });
        if (tokens.length >= 2 && tokens.join('').length >= 5) {
          fuzzyItems.push({ text: tokens.join(' '), name: loc.name, plans: loc.plans, size: tokens.length });
        }
      }
    }
    this.localities = new PhraseMatcher(localityEntries);
    this.fuzzyAliases = fuzzyItems;
    this.others = new PhraseMatcher(glossary.otherLocalities.map((name) => ({ tokens: norm(name), value: name })));
    this.targets = new PhraseMatcher<string | null>([
      ...glossary.targets.flatMap((t) => t.synonyms.map((s) => ({ tokens: norm(s), value: t.key as string | null }))),
      ...glossary.notTargets.map((s) => ({ tokens: norm(s), value: null })),
    ]);
    this.agencies = new PhraseMatcher(glossary.agencies.flatMap((a) => a.synonyms.map((s) => ({ tokens: norm(s), value: a.key }))));
    for (const phrase of [...glossary.agencies.flatMap((a) => a.synonyms), ...glossary.whichPlanPhrases]) {
      const key = norm(phrase).join(' ');
      this.writtenForms.set(key, [...(this.writtenForms.get(key) ?? []), writtenWords(phrase)]);
    }
    this.awards = new PhraseMatcher(glossary.awards.flatMap((a) => a.synonyms.map((s) => ({ tokens: norm(s), value: a.key }))));
    this.awardKinds = new PhraseMatcher(glossary.awardKinds.flatMap((k) => k.synonyms.map((s) => ({ tokens: norm(s), value: k.key }))));
    this.crossPlan = new PhraseMatcher(glossary.crossPlanPhrases.map((p) => ({ tokens: norm(p), value: true as const })));
    this.whichPlans = new PhraseMatcher(glossary.whichPlanPhrases.map((p) => ({ tokens: norm(p), value: true as const })));
    this.notCrossAfter = glossary.crossPlanNotAfter.map(norm);
    // A look-alike is matched as the longer phrase it is, and negates nothing.
    this.negations = new PhraseMatcher([...glossary.negationPhrases.map((p) => ({ tokens: norm(p), value: true })), ...glossary.notNegationPhrases.map((p) => ({ tokens: norm(p), value: false }))]);
    this.exclusions = new PhraseMatcher(glossary.exclusionPhrases.map((p) => ({ tokens: norm(p), value: true as const })));
    this.plansOnly = new PhraseMatcher(glossary.plansOnlyPhrases.map((p) => ({ tokens: norm(p), value: true as const })));
    this.docTypes = new PhraseMatcher(Object.entries(DOC_TYPES).map(([k, v]) => ({ tokens: k.split(' '), value: v })));
  }

  /** An agency synonym's or a which-plans phrase's folded words → the phrases as written (to compare with what was typed). */
  private readonly writtenForms = new Map<string, string[][]>();

  /**
   * True when the words at [start, end) were typed with diacritics that make them other words than every
   * written form of the synonym ("giai đoạn thế nào" is not "đoàn thể").
   */
  private typedOtherwise(tokens: readonly string[], typed: readonly string[] | undefined, start: number, end: number, plainCounts = false): boolean {
    if (!typed) return false;
    const forms = this.writtenForms.get(tokens.slice(start, end).join(' ')) ?? [];
    // With `plainCounts`, in a question typed with diacritics, a word typed without them is that plain
    // word too: "Ban nào của Sở Nội vụ" asks which board, not "bản nào".
    const marked = plainCounts && typed.some((t, i) => t !== tokens[i]);
    const plainThere = (form: string[]) => marked && form.some((w, k) => typed[start + k] === tokens[start + k] && w !== tokens[start + k]);
    return forms.length > 0 && forms.every((form) => form.length === end - start && (typedAsOtherWords(form, tokens, typed, start) || plainThere(form)));
  }

  /** `typed`: aligned with `tokens`, each as the user typed it (diacritics kept), when known. */
  extract(tokens: readonly string[], typed?: readonly string[]): Slots {
    const claimed = new Set<number>();
    const spans: SlotSpan[] = [];
    const claimer = (kind: SlotSpanKind) => (start: number, end: number, number?: string) => {
      for (let i = start; i < end; i++) claimed.add(i);
      spans.push(number === undefined ? { kind, start, end } : { kind, start, end, number });
    };
    const claim = claimer('locality');

    const sections = findSections(tokens, claimer('section'), typed);
    const ordinal = findOrdinal(tokens, claimer('ordinal'), typed);
    const docrefs = this.findDocRefs(tokens, claimer('docref'), claimed);

    const localities: LocalityMention[] = this.localities
      .findAll(tokens, { skip: (i) => claimed.has(i) })
      .map((m) => {
        // "cấp tỉnh Khánh Hòa", "cấp huyện Củ Chi": the level word belongs to "cấp …", not to the place.
        const start = LEVEL_WORDS.has(tokens[m.start]!) && tokens[m.start - 1] === 'cap' ? m.start + 1 : m.start;
        return { name: m.value.name, plans: m.value.plans, start, end: m.end, fuzzy: false };
      });
    for (const m of localities) claim(m.start, m.end);
    for (const m of this.fuzzyLocalities(tokens, claimed)) {
      localities.push(m);
      claim(m.start, m.end);
    }
    localities.sort((a, b) => a.start - b.start);
    // "không tính công văn của công đoàn": a plan left out of the question is not one it asks about.
    const exclusions = this.exclusions.findAll(tokens);
    // Only a document's name between them: "ở nước ngoài không, Củ Chi" leaves nothing out.
    const leftOut = (l: LocalityMention) => exclusions.some((e) => e.end <= l.start && tokens.slice(e.end, l.start).every((t) => EXCLUSION_BETWEEN.has(t)) && l.start - e.end <= EXCLUSION_REACH);
    const excluded = [...new Set(localities.filter(leftOut).flatMap((l) => l.plans))];
    // Its words say what is not asked: none of them is a word the answer must hold.
    for (const l of localities.filter(leftOut)) {
      const e = exclusions.filter((x) => x.end <= l.start).at(-1)!;
      for (let k = e.start; k < l.start; k++) claimed.add(k);
    }

    const otherLocalities = this.others.findAll(tokens, { skip: (i) => claimed.has(i) }).map((m) => m.value);
    const { plans, alternates } = resolvePlans(localities.filter((l) => !leftOut(l)));

    const unique = <T>(xs: T[]) => [...new Set(xs)];
    const found = <T>(kind: SlotSpanKind, matches: { start: number; end: number; value: T }[]): T[] => {
      for (const m of matches) spans.push(typeof m.value === 'string' && (kind === 'agency' || kind === 'award') ? { kind, start: m.start, end: m.end, key: m.value } : { kind, start: m.start, end: m.end });
      return unique(matches.map((m) => m.value));
    };
    const targets = found('target', this.targets.findAll(tokens, { skip: (i) => claimed.has(i) }).filter((m) => m.value !== null)) as string[];
    const yearAt = tokens.flatMap((t, i) => (isYear(t) && !claimed.has(i) ? [{ start: i, end: i + 1, value: Number(t) }] : []));
    const years = found('year', yearAt);

    const counted = countedDocs(tokens);
    // Rejected after the longest match is taken: "căn cứ văn bản nào" holds no "bản nào". And "bản nào"
    // typed "Ban nào" asks which board, not which plan.
    const whichPlans = this.whichPlans
      .findAll(tokens)
      .some((m) => !(DOC_NOUNS.has(tokens[m.start]!) && this.follows(tokens, m.start, this.notCrossAfter)) && !this.typedOtherwise(tokens, typed, m.start, m.end, true));
    const denial = this.negations.findAll(tokens).find((m) => m.value);
    const inPlace = denial || !whichPlans ? undefined : negatesInPlace(tokens);
    const negation = denial ? { start: denial.start, end: denial.end } : inPlace !== undefined ? { start: inPlace, end: inPlace + 1 } : undefined;
    return {
      localities,
      plans,
      otherLocalities: unique(otherLocalities),
      targets,
      agencies: found('agency', this.agencies.findAll(tokens).filter((m) => !this.typedOtherwise(tokens, typed, m.start, m.end))),
      awards: found('award', this.awards.findAll(tokens)),
      awardKinds: found('awardKind', this.awardKinds.findAll(tokens)),
      years,
      docrefs,
      sections,
      ...(ordinal !== undefined ? { ordinal } : {}),
      alternates,
      crossPlan: whichPlans || this.crossPlan.findAll(tokens).length > 0 || plans.length > 1 || counted !== undefined,
      whichPlans,
      excluded,
      plansOnly: this.plansOnly.findAll(tokens).length > 0 || counted === 'plans',
      negated: negation !== undefined,
      ...(negation ? { negation } : {}),
      claimed,
      spans: spans.sort((a, b) => a.start - b.start),
    };
  }

  private findDocRefs(tokens: readonly string[], claim: (s: number, e: number, number?: string) => void, claimed: ReadonlySet<number>): DocRef[] {
    const refs: DocRef[] = [];
    const seen = new Set<string>();
    const add = (ref: DocRef) => {
      const k = `${ref.type ?? ''}|${ref.number}`;
      if (!seen.has(k)) refs.push(ref);
      seen.add(k);
    };
    // "kế hoạch (số) 62", "thông tư 25", "quyết định số 1373"
    for (const m of this.docTypes.findAll(tokens, { skip: (i) => claimed.has(i) })) {
      let at = m.end;
      if (tokens[at] === 'so') at++;
      if (isDocNumber(tokens[at])) {
        add({ type: m.value, number: String(Number(tokens[at])) });
        claim(m.start, at + 1, String(Number(tokens[at])));
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (claimed.has(i) || !isDocNumber(t)) continue;
      // "62/KH-UBND", "1373/QĐ-TTg", "209/CDYT"
      if (AFTER_NUMBER.has(tokens[i + 1] ?? '')) {
        if (!refs.some((r) => r.number === String(Number(t)))) add({ number: String(Number(t)) });
        claim(i, i + 2, String(Number(t)));
      } else if (tokens[i - 1] === 'so' && !refs.some((r) => r.number === String(Number(t)))) {
        // "số 62"
        add({ number: String(Number(t)) });
        claim(i - 1, i + 1, String(Number(t)));
      }
    }
    return refs;
  }

  /**
   * Windows of two or three words holding an unknown word, compared with the place aliases of as many
   * words by edit distance (transpositions count as one edit); the closest alias wins, a tie is no match.
   */
  private fuzzyLocalities(tokens: readonly string[], claimed: Set<number>): LocalityMention[] {
    const found: LocalityMention[] = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
      // A first syllable written as its initial: "T.Ninh", "B.Kạn" ("t ninh", "b kan").
      const initial = /^[a-z]$/.test(tokens[i]!) && !claimed.has(i) ? this.byInitial(tokens, i) : undefined;
      if (initial) {
        found.push({ name: initial.item.name, plans: initial.item.plans, start: i, end: i + initial.size, fuzzy: true });
        for (let k = 0; k < initial.size; k++) claimed.add(i + k);
        i += initial.size - 1;
        continue;
      }
      for (const size of [3, 2]) {
        const window = tokens.slice(i, i + size);
        if (window.length < size || window.some((_, k) => claimed.has(i + k))) continue;
        if (window.every((t) => this.isKnownWord(t)) || /\d/.test(window.join(''))) continue;
        const text = window.join(' ');
        let best: { item: FuzzyAlias; d: number } | undefined;
        let tie = false;
        for (const item of this.fuzzyAliases) {
          if (item.size !== size) continue;
          const max = item.text.length >= TWO_EDITS_FROM ? 2 : 1;
          const d = editDistance(text, item.text, max);
          if (d > max) continue;
          if (!best || d < best.d) {
            best = { item, d };
            tie = false;
          } else if (d === best.d && best.item.name !== item.name) tie = true;
        }
        if (best && !tie) {
          found.push({ name: best.item.name, plans: best.item.plans, start: i, end: i + size, fuzzy: true });
          for (let k = 0; k < size; k++) claimed.add(i + k);
          i += size - 1;
          break;
        }
      }
    }
    return found;
  }

  /** The one place whose alias starts with `onset` at `i` (its first syllable's initial, or its consonants) and goes on with the syllables after it. */
  private byInitial(tokens: readonly string[], i: number, onset = tokens[i]!): { item: FuzzyAlias; size: number } | undefined {
    const hits = this.fuzzyAliases.filter((item) => {
      const [first, ...rest] = item.text.split(' ');
      return item.size >= 2 && first!.length > onset.length && first!.startsWith(onset) && rest.every((w, k) => tokens[i + 1 + k] === w);
    });
    const names = new Set(hits.map((h) => h.name));
    return names.size === 1 ? { item: hits[0]!, size: hits[0]!.size } : undefined;
  }

  /**
   * A place's first syllable written by its consonants ("KH Hòa", "Th. Bình"), spelled out ("khanh hoa"),
   * before an abbreviation's expansion reads "KH" as "kế hoạch". Folded tokens in, as many out.
   */
  spellOutOnsets(tokens: readonly string[]): string[] {
    return tokens.map((t, i) => {
      if (!ONSET.test(t) || t.length < 2) return t;
      const hit = this.byInitial(tokens, i, t);
      return hit ? hit.item.text.split(' ')[0]! : t;
    });
  }

  /** True when the tokens right before `at` are one of `phrases`. */
  private follows(tokens: readonly string[], at: number, phrases: readonly string[][]): boolean {
    return phrases.some((p) => p.length <= at && p.every((t, k) => tokens[at - p.length + k] === t));
  }

  /** Token positions that name a place (exactly or nearly): typo repair leaves them alone. */
  placePositions(tokens: readonly string[]): Set<number> {
    const claimed = new Set<number>();
    for (const m of this.localities.findAll(tokens)) for (let k = m.start; k < m.end; k++) claimed.add(k);
    this.fuzzyLocalities(tokens, claimed);
    return claimed;
  }
}

/** "thứ 3", "thứ hai" anywhere; "đầu tiên" / "cuối cùng" right after an item noun. */
function findOrdinal(tokens: readonly string[], claim: (s: number, e: number) => void, typed: readonly string[] = tokens): number | undefined {
  // Typed with diacritics, a bare "a" is the letter: the polite word would have been typed "ạ".
  const marked = typedWithMarks(tokens, typed);
  // The item noun belongs to the ordinal ("ý thứ hai", "điểm thứ 5"): a follow-up of only these names nothing else.
  // (Not the second half of a topic's name: "mục đích thứ 2" keeps "mục đích", what the list is of.)
  const from = (i: number) => (i > 0 && ITEM_NOUNS.has(tokens[i - 1]!) && !(i > 1 && COMPOUND_ITEMS.has(`${tokens[i - 2]} ${tokens[i - 1]}`)) ? i - 1 : i);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t === 'thu' && next !== undefined) {
      const n = /^\d{1,2}$/.test(next) ? Number(next) : ORDINAL_WORDS[next];
      if (n) {
        claim(from(i), i + 2);
        return n;
      }
    }
    // "nội dung (thi đua) số 3", "giải pháp số 2": a list's item by its number.
    if (/^\d$/.test(t) && tokens[i - 1] === 'so' && !/^\d/.test(next ?? '')) {
      const pairAt = (k: number) => k >= 0 && COMPOUND_ITEMS.has(`${tokens[k]} ${tokens[k + 1]}`);
      const start = pairAt(i - 3) ? i - 3 : pairAt(i - 5) && LIST_QUALIFIERS.has(`${tokens[i - 3]} ${tokens[i - 2]}`) ? i - 5 : -1;
      if (start >= 0) {
        claim(start, i + 1);
        return Number(t);
      }
    }
    if (i > 0 && ITEM_NOUNS.has(tokens[i - 1]!)) {
      if (t === 'dau' && next === 'tien') {
        claim(i - 1, i + 2);
        return 1;
      }
      if (t === 'cuoi' && (next === 'cung' || next === 'cua')) {
        claim(i - 1, i + (next === 'cung' ? 2 : 1));
        return -1;
      }
      // "ý cuối", "ý 2" (a bare number after "ý" only: "điểm 5" may be a score). "giải pháp cuối" too when
      // nothing but a question word or a particle follows ("… cuối năm" is a time).
      if (t === 'cuoi' && (tokens[i - 1] === 'y' || next === undefined || AFTER_LAST.has(next))) {
        claim(i - 1, i + 1);
        return -1;
      }
      if (tokens[i - 1] === 'y' && /^\d{1,2}$/.test(t) && !/^\d/.test(next ?? '')) {
        claim(i - 1, i + 1);
        return Number(t);
      }
      // …and after a list's name: "nội dung 2", "giải pháp 3" (not "nội dung 2.3", a section's number).
      if (i > 1 && COMPOUND_ITEMS.has(`${tokens[i - 2]} ${tokens[i - 1]}`) && /^\d$/.test(t) && !/^\d/.test(next ?? '') && next !== 'thang' && next !== 'nam') {
        claim(i, i + 1);
        return Number(t);
      }
      // "ý b", "yêu cầu c": a lettered point as the documents letter them ("a" only when it cannot be the
      // polite "ạ": typed so with diacritics, or with words after it; "d" may be "đ", so the letters stop
      // before it). "điểm b" is a section number.
      const letter = LETTERS.indexOf(t);
      // (After the whole name of the list: "Củ Chi a, …" is no "tiêu chí a".)
      const named = tokens[i - 1] === 'y' || (i > 1 && COMPOUND_ITEMS.has(`${tokens[i - 2]} ${tokens[i - 1]}`));
      const lettered = letter > 0 || (letter === 0 && named && typed[i] === 'a' && (marked || (next !== undefined && !END_PARTICLES.has(next))));
      if (lettered && !SECTION_WORDS[tokens[i - 1]!] && !/^\d/.test(next ?? '')) {
        claim(i - 1, i + 1);
        return letter + 1;
      }
    }
  }
  return undefined;
}

/**
 * Section numbers as officials write them: "mục II.3" (folded "muc ii 3"), "phần IV", "mục III điểm 2",
 * and the reverse order of legal citations, "điểm b khoản 1 mục III" → "III.1.b". A number or letter
 * counts only behind its opening word, so "vì" or "a" in a sentence never becomes a section.
 */
function findSections(tokens: readonly string[], claim: (s: number, e: number) => void, typed: readonly string[] = tokens): string[] {
  // A point's letter as typed: folding makes "đ" a "d", and the plans letter both.
  const letter = (k: number) => (typed[k] === 'đ' ? 'đ' : tokens[k]!);
  const found: string[] = [];
  let point: string | undefined;
  let item: string | undefined;
  let pendingStart = -1;
  for (let i = 0; i < tokens.length; i++) {
    const level = SECTION_WORDS[tokens[i]!];
    if (!level) continue;
    const next = tokens[i + 1];
    if (level === 'point' && isPoint(next)) {
      point = letter(i + 1);
      pendingStart = pendingStart < 0 ? i : pendingStart;
      claim(i, i + 2);
      i++;
    } else if (level === 'item' && isItem(next)) {
      item = next;
      pendingStart = pendingStart < 0 ? i : pendingStart;
      claim(i, i + 2);
      i++;
    } else if (level === 'top' && next !== undefined && (ROMAN.has(next) || isItem(next))) {
      const parts = [ROMAN.has(next) ? next.toUpperCase() : next];
      let end = i + 2;
      if (isItem(tokens[end]) && item === undefined) {
        parts.push(tokens[end++]!);
        // A third level the plans number too ("mục II.2.1").
        if (isItem(tokens[end]) && ROMAN.has(next)) parts.push(tokens[end++]!);
      } else if (item !== undefined) parts.push(item);
      // Lower levels written after the top one: "mục IV.2 điểm c", "mục III khoản 1 điểm b", "phần VII mục 3".
      if (item === undefined && parts.length === 1 && ROMAN.has(next) && (tokens[end] === 'khoan' || tokens[end] === 'muc') && isItem(tokens[end + 1])) {
        parts.push(tokens[end + 1]!);
        end += 2;
      }
      if (point === undefined && parts.length === 2 && (tokens[end] === 'diem' || tokens[end] === 'tiet') && isPoint(tokens[end + 1])) {
        parts.push(letter(end + 1));
        end += 2;
      } else if (isPoint(tokens[end]) && point === undefined && tokens[end + 1] === undefined) parts.push(letter(end++));
      else if (point !== undefined && parts.length === 2) parts.push(point);
      found.push(parts.join('.'));
      claim(pendingStart >= 0 ? pendingStart : i, end);
      point = item = undefined;
      pendingStart = -1;
      i = end - 1;
    }
  }
  return [...new Set(found)];
}

/** Turns locality mentions into plans: a mention whose plans include another mention's plans is narrowed by it. */
export function resolvePlans(localities: readonly LocalityMention[]): { plans: string[]; alternates: Record<string, string[]> } {
  const sets = localities.map((l) => l.plans);
  const plans: string[] = [];
  const alternates: Record<string, string[]> = {};
  for (const set of sets) {
    const narrower = sets.find((other) => other !== set && other.length < set.length && other.every((p) => set.includes(p)));
    if (narrower) continue;
    const main = set[0]!;
    if (plans.includes(main)) continue;
    plans.push(main);
    alternates[main] = set.slice(1);
  }
  return { plans, alternates };
}

/**
 * "Tỉnh nào giai đoạn 1 không bắt đầu từ năm 2023": a "không" before the words it negates, in a
 * question asking which plans. Not the "không" that ends a yes/no question ("có … không (ạ)"): no
 * "có" stands between the words asking which plans and it. ("Trong các kế hoạch có chia giai đoạn, kế
 * hoạch nào không …": that "có" says which plans are asked among.) Where it stands, or undefined.
 */
function negatesInPlace(tokens: readonly string[]): number | undefined {
  const which = Math.max(0, tokens.indexOf('nao'));
  const at = tokens.findIndex((t, i) => t === 'khong' && i + 1 < tokens.length && !CONTRAST_BEFORE.has(tokens[i - 1] ?? '') && !END_PARTICLES.has(tokens[i + 1]!) && !tokens.slice(which, i).includes('co'));
  return at < 0 ? undefined : at;
}

/** The nouns counted in "trong 5 bản kế hoạch", "cả 6 văn bản"; `plans`: the kế hoạch only, not the công văn. */
const COUNTED_DOCS = [
  { words: ['ban', 'ke', 'hoach'], plans: true },
  { words: ['ke', 'hoach'], plans: true },
  { words: ['kh'], plans: true },
  { words: ['van', 'ban'], plans: false },
];

/**
 * "trong 5 bản kế hoạch, bản nào …": a count of the documents before their noun asks across them;
 * 'plans' when it counts the kế hoạch.
 */
function countedDocs(tokens: readonly string[]): 'plans' | 'documents' | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!/^[2-6]$/.test(tokens[i]!)) continue;
    const d = COUNTED_DOCS.find((c) => c.words.every((w, k) => tokens[i + 1 + k] === w));
    if (d) return d.plans ? 'plans' : 'documents';
  }
  return undefined;
}
