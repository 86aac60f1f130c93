/**
 * The searchable form of the plans, built once at start-up: one passage per section that has text,
 * its breadcrumb ("Khánh Hòa | Ủy ban nhân dân tỉnh Khánh Hòa | III. TIÊU CHÍ … › đ) Đối với cấp xã")
 * as a title field (the locality lives only in the header, never in the passage), and the text
 * pre-folded into syllables + abbreviation expansions + syllable pairs (BM25 via MiniSearch).
 * Per-term document frequencies are kept to weigh words when picking among a plan's items.
 */
import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/loader.js';
import type { Plan, SectionNode } from '../knowledge/schema.js';
import { sectionTitle, walkSections } from '../knowledge/sections.js';
import type { AbbreviationExpander } from '../nlu/expand.js';
import { pairsWithin, segmentedSyllables } from '../nlu/segments.js';
import { fold, toneKey } from '../text/normalize.js';

export interface Passage {
  /** "<plan>#<section>" */
  id: string;
  planId: string;
  sectionId: string;
  node: SectionNode;
  /** Folded headings of the section and its ancestors, " > "-joined: used for intent/target boosts. */
  trail: string;
  /** Folded, expanded tokens of the passage body (for number filters and item scoring). */
  bodyTokens: Set<string>;
}

export interface SearchHit {
  passage: Passage;
  score: number;
}

export interface SearchOptions {
  /** Only passages of these plans. */
  plans?: readonly string[];
  /** Only passages whose text holds this number as a word ("1373"). */
  number?: string;
  /** Multiplies a passage's score (intent / target / agency boosts). */
  boost?: (p: Passage) => number;
  /** Search only these fields (default: title and body). */
  fields?: Array<'title' | 'body'>;
  limit?: number;
}

const TOKEN_SEPARATOR = ' ';
const MAX_TERM_SETS = 20_000;
const PLAIN_SEARCHES = 64;

export class Corpus {
  readonly passages: Passage[] = [];
  private readonly byId = new Map<string, Passage>();
  private readonly index: MiniSearch<{ id: string; title: string; body: string }>;
  private readonly dfs = new Map<string, number>();
  /** Every folded word of the plans: the typo-repair vocabulary. */
  readonly words = new Set<string>();
  private readonly termSets = new Map<string, Set<string>>();

  constructor(
    readonly knowledge: Knowledge,
    private readonly expander: AbbreviationExpander,
  ) {
    this.index = new MiniSearch({
      fields: ['title', 'body'],
      tokenize: (text) => text.split(TOKEN_SEPARATOR),
      processTerm: (term) => term || null,
      searchOptions: {
        tokenize: (text) => text.split(TOKEN_SEPARATOR),
        processTerm: (term) => term || null,
        boost: { title: 2 },
        prefix: false,
        fuzzy: false,
        combineWith: 'OR',
      },
    });
    const docs = [];
    for (const plan of knowledge.plans) {
      this.collectWords(plan);
      for (const { node, ancestors } of walkSections(plan.sections)) {
        if (!node.text.trim()) continue;
        const id = `${plan.id}#${node.id}`;
        // The breadcrumb from the walk's own ancestors (looking each id up again would be quadratic).
        const trail = [...ancestors, node];
        const title = `${plan.locality.name} | ${plan.issuer.name} | ${trail.map(sectionTitle).join(' › ')}`;
        const bodyTerms = this.terms(node.text);
        const passage: Passage = {
          id,
          planId: plan.id,
          sectionId: node.id,
          node,
          trail: trail.map((n) => fold(n.heading ?? '')).filter(Boolean).join(' > '),
          bodyTokens: new Set(bodyTerms.filter((t) => !t.includes('_'))),
        };
        this.passages.push(passage);
        this.byId.set(id, passage);
        // Headings count too: "thời gian", "hồ sơ" may stand only in a heading, and are still the plans' words.
        for (const t of new Set([...bodyTerms, ...this.terms(node.heading ?? '')])) this.dfs.set(t, (this.dfs.get(t) ?? 0) + 1);
        docs.push({ id, title: this.terms(title).join(TOKEN_SEPARATOR), body: bodyTerms.join(TOKEN_SEPARATOR) });
      }
    }
    // The blocks around the sections (title, header, signer, recipients) are the plans' words too: counted
    // for how rare a word is ("nơi nhận" is written once per plan, and only there), never searched.
    for (const plan of knowledge.plans) {
      const blocks = [plan.title.quote, ...(plan.header?.items ?? []), ...plan.signer.items, ...(plan.recipients.labels ?? []), ...plan.recipients.to, ...plan.recipients.items];
      for (const t of new Set(blocks.flatMap((b) => this.terms(b)))) this.dfs.set(t, (this.dfs.get(t) ?? 0) + 1);
      this.documents++;
    }
    this.index.addAll(docs);
  }

  /** The passages and, per plan, its blocks around the sections: what a word's rarity is counted over. */
  private documents = 0;

  /** Indexing terms of a text: folded syllables, abbreviation expansions, abbreviations as written, pairs. */
  terms(text: string): string[] {
    const { tokens, breakBefore } = segmentedSyllables(text);
    const expanded = this.expander.expand(tokens);
    // An expansion's tokens sit in the segment of the abbreviation they replace.
    const breaks = expanded.sourceIndex.map((src, i) => i === 0 || (src !== expanded.sourceIndex[i - 1] && breakBefore[src] === true));
    return [...expanded.tokens, ...expanded.originals, ...pairsWithin(expanded.tokens, breaks)];
  }

  passage(planId: string, sectionId: string): Passage | undefined {
    return this.byId.get(`${planId}#${sectionId}`);
  }

  /**
   * Plain searches (no boost, number or fields) by their terms: a composer asks the same words of each
   * plan in turn, and the ranking does not depend on which plan is kept. A few recent queries only.
   */
  private readonly plainSearches = new Map<string, SearchHit[]>();

  search(terms: readonly string[], opts: SearchOptions = {}): SearchHit[] {
    if (terms.length === 0) return [];
    if (opts.plans && !opts.boost && !opts.number && !opts.fields) {
      const key = terms.join(TOKEN_SEPARATOR);
      let all = this.plainSearches.get(key);
      if (!all) {
        all = this.search(terms);
        if (this.plainSearches.size >= PLAIN_SEARCHES) this.plainSearches.delete(this.plainSearches.keys().next().value!);
        this.plainSearches.set(key, all);
      }
      const plans = new Set(opts.plans);
      const hits = all.filter((h) => plans.has(h.passage.planId));
      return opts.limit ? hits.slice(0, opts.limit) : hits;
    }
    const plans = opts.plans ? new Set(opts.plans) : undefined;
    const results = this.index.search(terms.join(TOKEN_SEPARATOR), {
      filter: (r) => {
        const p = this.byId.get(r.id as string);
        if (!p) return false;
        if (plans && !plans.has(p.planId)) return false;
        if (opts.number && !p.bodyTokens.has(opts.number)) return false;
        return true;
      },
      boostDocument: opts.boost ? (id) => opts.boost!(this.byId.get(id as string)!) : undefined,
      ...(opts.fields ? { fields: opts.fields } : {}),
    });
    const hits = results.map((r) => ({ passage: this.byId.get(r.id as string)!, score: r.score }));
    return opts.limit ? hits.slice(0, opts.limit) : hits;
  }

  /** In how many passages the term occurs (0 for a term the plans never use). */
  df(term: string): number {
    return this.dfs.get(term) ?? 0;
  }

  /** Inverse document frequency of a term over the passages (rare words weigh more). */
  idf(term: string): number {
    const n = this.passages.length + this.documents;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * How well a text matches the search terms: the summed idf of the terms it contains. Used to pick
   * among a plan's items (which deadline, which agency's duty) after the plan and intent are known.
   */
  overlap(text: string, terms: readonly string[]): number {
    const own = this.termSet(text);
    let score = 0;
    for (const t of new Set(terms)) if (own.has(t)) score += this.idf(t);
    return score;
  }

  /**
   * The term set of a plan text (items, headings, sentences), computed once: part of the index, not a
   * cache of answers. Only plan texts come here, so the map stays as small as the plans; the cap guards
   * against a caller passing user text.
   */
  termSet(text: string): ReadonlySet<string> {
    let set = this.termSets.get(text);
    if (!set) {
      set = new Set(this.terms(text));
      if (this.termSets.size < MAX_TERM_SETS) this.termSets.set(text, set);
    }
    return set;
  }

  private readonly foldedForms = new Map<string, string>();

  /** Folded syllable → the written forms the plans use for it, with counts ("co" → có 40, cơ 90). */
  private readonly forms = new Map<string, Map<string, number>>();

  /**
   * True when the plans often write this folded syllable in a form other than `form`: an undiacritised
   * "co" may be "cơ" (cơ quan), "hoi" may be "hội"; "nhung" is nearly always "những".
   */
  /** How often the plans write this exact lower-case form ("đặt", "đạt"). */
  formCount(form: string): number {
    const key = toneKey(form);
    let n = 0;
    for (const [f, count] of this.forms.get(fold(form)) ?? []) if (toneKey(f) === key) n += count;
    return n;
  }

  /** Forms compared by toneKey: "hoà" is "hòa". */
  hasOtherCommonForm(folded: string, form: string, min = 3): boolean {
    const key = toneKey(form);
    const others = new Map<string, number>();
    for (const [f, n] of this.forms.get(folded) ?? []) {
      const k = toneKey(f);
      if (k !== key) others.set(k, (others.get(k) ?? 0) + n);
    }
    return [...others.values()].some((n) => n >= min);
  }

  private collectWords(plan: Plan): void {
    // The plans' words repeat: each written form is folded once (start-up time).
    const folded = this.foldedForms;
    const add = (s: string | null | undefined) => {
      if (!s) return;
      for (const w of s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (!w) continue;
        let k = folded.get(w);
        if (k === undefined) folded.set(w, (k = fold(w)));
        // A written word may fold to several syllables ("t.p" → "t p"): each is a word of the plans.
        for (const t of k.split(' ')) if (t) this.words.add(t);
        const m = this.forms.get(k) ?? new Map<string, number>();
        m.set(w, (m.get(w) ?? 0) + 1);
        this.forms.set(k, m);
      }
    };
    add(plan.title.quote);
    add(plan.issuer.name);
    add(plan.shortName);
    for (const { node } of walkSections(plan.sections)) {
      add(node.heading);
      add(node.text);
    }
  }
}
