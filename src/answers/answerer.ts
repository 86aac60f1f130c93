/**
 * The answerer: deterministic, synchronous, in-process. One question in, one answer out:
 *   clean input → analyse (fold, expand, places, repair, intents, slots) → the plan(s) in question →
 *   generate candidates (every plausible intent's composer, the plan's best passages) → check each
 *   against the question (check.ts) → choose (candidates.ts), or say the plan does not state it →
 *   citation, and `why` (the candidates and their scores). Never throws on user input.
 * With no plan named, each plan's best candidate decides which plans can answer at all: none → "not
 * stated", one → that one, all alike → answered once, several that differ → the user picks among them.
 */
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { Plan, SectionNode } from '../knowledge/schema.js';
import { breadcrumb, CLOSING_ID, findSection, PREAMBLE_ID, sectionFullText, sectionNumber, walkSections } from '../knowledge/sections.js';
import { createAnalyzer, type Analyzer, type QueryAnalysis } from '../nlu/analyze.js';
import { MIN_INTENT_SCORE } from '../nlu/classify.js';
import { AbbreviationExpander } from '../nlu/expand.js';
import { loadGlossary, placeNames, type Glossary } from '../nlu/glossary.js';
import { ConversationReader, loadConversationData, type ConversationData, type SmallTalkKind } from '../nlu/conversation.js';
import { loadIntents, type IntentDef, type SlotName } from '../nlu/intents.js';
import { bigrams, cleanInput, fold, hasEmoji, hasWordCharacters, typedWithMarks } from '../text/normalize.js';
import { contrastParts, type ContrastParts } from '../nlu/contrast.js';
import { SMALL_ROMAN } from '../text/ordinals.js';
import { AnswerTypes, loadAnswerTypes, type AnswerTypesData } from './answer-types.js';
import { answersQuestion, choose, scoreOf, whyOf, type Candidate } from './candidates.js';
import { checkCandidate, clausesOf, questionProfile, termsHold, type EntityMention, type NamedEntity, type QuestionProfile, type Unit } from './check.js';
import { GENERIC_AWARDS } from './compose/awards.js';
import { CITED_NUMBER, leadingNumber } from './compose/basis.js';
import type { ComposeContext, PlanAnswer, PlanComposer } from './compose/context.js';
import { askedParts } from './compose/document.js';
import { COMPOSERS } from './compose/index.js';
import { pickOrdinal } from './compose/ordinal.js';
import { clip, renderPassage } from './compose/passage.js';
import { Corpus, type Passage, type SearchHit } from './corpus.js';
import { citation, documentName, placeInitials, placeOf, planButtonLabel, planLabel, planShortLabel, quote, sourceRefs } from './format.js';
import { MESSAGE_CHARS, overviewOf } from './layout.js';
import { Lexicon } from './lexicon.js';
import * as msg from './messages.js';
import type { AnswerRequest, AnswerResult, Answerer, AskContext, FilledFromContext, PlanOption, SourceRef } from './types.js';

export const DEFAULT_MAX_INPUT_CHARS = 2000;
const UNKNOWN = 'unknown';

/** A candidate's text read once: its sentences with their terms, all its terms, and everything it writes (text, headings, plan names). */
interface CandidateReading {
  sentences: { text: string; terms: ReadonlySet<string> }[];
  terms: ReadonlySet<string>;
  all: string;
}

/** A place reading of initials replaces an answering first reading only when it covers this much more. */
const READING_MARGIN = 0.05;
/** …and replaces a "which plan?" only when it covers the question this fully. */
const FULL_READING = 0.9;
/** At most this many intents (besides those a filled slot points at) make candidates. */
const MAX_INTENTS = 4;
/** The share of its prior an intent keeps when only question words matched it. */
const GRAMMAR_ONLY_PRIOR = 0.5;
/** The prior of an intent suggested only by a filled slot (a named agency, award, target group). */
const SLOT_PRIOR = 0.2;
/** The prior of the previous question's intent (and of the sections its answer quoted), for a follow-up with words of its own. */
const CONTEXT_PRIOR = 0.6;
/** …and of a message of question words only, above any intent its question words point to. */
const ASKED_OF_IT_PRIOR = 1.5;
/** Plans whose quoted answers share this much of their words say the same (one model, a place's name changed). */
const NEAR_SAME = 0.75;
/** …each with the first plan's; two of the others, which may each differ from it elsewhere, this much with each other. */
const NEAR_SAME_PAIR = 0.7;
/** …or one plan's block held in a block of each other plan: this share of its word pairs (of this many pairs at least). */
const CONTAINED = 0.9;
const CONTAINED_MIN_PAIRS = 10;
/** A sentence copied into every plan answers for all only where it holds this much of the question. */
const SAME_SENTENCE_FOCUS = 0.75;
/** …and where the thing asked is written, these words after it must be the same. */
const ANSWER_WORDS = 6;
/** The dates a date question's key line writes ("01/12", "ngày 26 tháng 4", "tháng 10", "2030", "quý IV"). */
const KEY_DATE = /\b(?:\d{1,2}\/\d{1,2}(?:\/\d{4})?|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|tháng\s+\d{1,2}|(?:19|20)\d\d|quý\s+[IV]+)\b/giu;
const KEY_DATE_ONE = new RegExp(KEY_DATE.source, 'iu');
/** A shared fact is shown in the plan's words from the asked word to its date when they are this close. */
const FACT_SPAN_WORDS = 6;
/** The question calls the document a "kế hoạch" (folded tokens). */
function saysKeHoach(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => t === 'ke' && tokens[i + 1] === 'hoach');
}

/** What a candidate quoting another body's section loses: it answers what that body does. */
const OTHER_BODY_PENALTY = 0.6;
/** A sentence this long or longer is looked for in a section's items (a short one may stand in several). */
const FOCUSED_ITEM_MIN_CHARS = 30;
/** Words between "mục" / "phần" and the heading asked ("mục riêng về kinh phí"). */
const PART_LEADS = new Set(['rieng', 've', 'noi', 'dung']);
/** Words that end the heading asked ("… kinh phí thực hiện không", "… vậy ạ"). */
const PART_ENDS = new Set(['khong', 'ko', 'nao', 'gi', 'vay', 'a', 'hay', 'chu', 'khac', 'rieng']);
/** A clause of the question is a part of its own when it weighs this share of the question… */
const PART_MIN_SHARE = 0.25;
/** …left out when the chosen answer covers less than this of it… */
const PART_LEFT_OUT = 0.7;
/** …and answered by another section that covers this much of it, this much more than the chosen one. */
const PART_ANSWERED = 0.9;
const PART_BETTER = 0.3;
/** …among the plans whose answers score within this much of the best. */
const ALIKE_BAND = 0.05;
/** Passages of a plan that become candidates, and the prior of the best one. */
const PASSAGES_PER_PLAN = 3;
/** A term in more than this share of the passages is left out of the passage search. */
const COMMON_TERM_SHARE = 0.2;
/** …and a pair of syllables ("tuyen_truyen") in more than this share: a pair says far more than either syllable. */
const COMMON_PAIR_SHARE = 0.3;
/** Candidate texts whose reading is kept (cleared when full): the plans' answers and passages, a few thousand. */
const READ_CANDIDATES_MAX = 5000;
const PASSAGE_PRIOR = 0.5;
/** A denial longer than this is named by its topic, not quoted. */
const DENIED_WORDS_MAX = 10;
/** A plan named only as a fallback ("Thái Bình" also names the union's letter) starts this far behind. */
const ALTERNATE_PENALTY = 0.3;
/** Words for the asker before the body they introduce ("bên em là …", "mình ở …"), within this many words. */
const SELF_WORDS = new Set(['em', 'minh', 'toi']);
const SELF_REACH = 4;
/** An intent whose keywords score this much was asked plainly: if it is silent, the plan does not state it. */
const STRONG_INTENT = 5;
/** In "which plans …", a plan's block must cover this much of the question. */
const WHICH_MIN_COVERAGE = 0.75;
const WHICH_BAND = 0.1;
/**
 * A plan covering the question clearly still does not hold it when another covers it much better: a
 * missing verb ("huy động") leaves a short question above the bar while the plan lacks the very thing.
 */
const WHICH_CLEAR_BAND = 0.2;
/** "Đoạn gần nhất" is shown with a not-found answer about one plan only when it covers this much of the question. */
const NEAREST_MIN_COVERAGE = 0.5;
/** Boost of a passage under the section that holds the intent's answers. */
const INTENT_BOOST = 1.6;
const TARGET_BOOST = 1.5;
/** Level words that go with an agency ("Hội Khuyến học tỉnh", "Phòng Nội vụ huyện"). */
const LEVEL_WORDS = new Set(['tinh', 'huyen', 'xa', 'thanh', 'pho', 'thi', 'tran', 'cap']);

export interface AnswererOptions {
  maxInputChars?: number;
  glossary?: Glossary;
  intents?: IntentDef[];
  answerTypes?: AnswerTypesData;
  conversation?: ConversationData;
  /** Where an internal error is reported (the user still gets a plain reply). Never given the question text. */
  logger?: Pick<Logger, 'error'>;
}

/** An intent that makes candidates: its definition, its prior, and the words its keywords matched. */
interface PlausibleIntent {
  def: IntentDef;
  prior: number;
  free: ReadonlySet<string>;
}

/** The answer a follow-up comes after: its intent and the sections it quoted. */
interface PreviousAnswer {
  intent: string;
  sources: readonly SourceRef[];
  /** The message brings nothing but its question words ("tháng mấy"): asked of what was just quoted first. */
  askedOfIt?: boolean;
}

/** One question on its way through the answerer. */
interface Ask {
  a: QueryAnalysis;
  profile: QuestionProfile;
  /** The intent the keywords (or a rule on the slots) chose, if its composer exists. */
  primary?: IntentDef;
  intents: PlausibleIntent[];
  /** Numbers of cited documents the question names. */
  numbers: string[];
  /** Filled by passageHits on first use. */
  hits?: Map<string, SearchHit[]>;
  /** The previous answer, in a follow-up on the same plan. */
  previous?: PreviousAnswer;
  /** Each plan's candidates, made once per question: a plan is weighed again when others are ("which plans hold it"). */
  candidates?: Map<string, Candidate[]>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Everything built once at start-up; exposed for benchmarks and tests. */
export interface AnswerEngine extends Answerer {
  readonly analyzer: Analyzer;
  readonly corpus: Corpus;
}

export function createAnswerer(knowledge: Knowledge, opts: AnswererOptions = {}): AnswerEngine {
  const maxInputChars = opts.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const glossary = opts.glossary ?? loadGlossary();
  const intents = opts.intents ?? loadIntents();
  const expander = new AbbreviationExpander(glossary.abbreviations, placeNames(glossary));
  const corpus = new Corpus(knowledge, expander);
  const analyzer = createAnalyzer({ glossary, intents, corpusWords: corpus.words, expander, pairFrequency: (pair) => corpus.df(pair), wordFrequency: (word) => corpus.df(word), isWrittenForm: (form) => corpus.formCount(form) > 0 });
  const lexicon = new Lexicon(glossary, expander);
  const answerTypes = new AnswerTypes(opts.answerTypes ?? loadAnswerTypes(), expander);
  const intentById = new Map(intents.map((i) => [i.id, i]));
  const QUESTION_SYLLABLES = new Set(glossary.questionWords.flatMap((w) => fold(w).split(' ')));
  const conversation = new ConversationReader(opts.conversation ?? loadConversationData(), expander, glossary.questionWords, (w) => corpus.words.has(w));
  const sectionWords = new Map(intents.map((i) => [i.id, i.sectionWords.map((w) => analyzer.expander.normalizePhrase(w).join(' '))]));
  const coveredWords = new Map(intents.map((i) => [i.id, i.coveredWords.map((w) => analyzer.expander.normalizePhrase(w).join(' '))]));
  const plans = knowledge.plans;
  /** "bk" → "Bắc Kạn": each place's initials, from the plans' own locality names. */
  const placeByInitials = new Map(plans.map((p) => [placeInitials(p.locality.name), p.locality.name]));

  /** Plan numbers ("62" of "62/KH-UBND") → plan id: a question naming it names the plan. */
  const planByNumber = new Map<string, string>();
  for (const p of plans) {
    const n = leadingNumber(p.number ?? '');
    if (n) planByNumber.set(n, p.id);
  }
  /** Numbers of documents the plans cite (listed as references, or written in their text) → the plans citing them. */
  const citedBy = new Map<string, Set<string>>();
  const cite = (n: string | undefined, planId: string) => {
    if (!n) return;
    const set = citedBy.get(n) ?? new Set();
    set.add(planId);
    citedBy.set(n, set);
  };
  for (const p of plans) {
    for (const ref of [...p.basis, ...(p.references ?? [])]) cite(leadingNumber(ref.number), p.id);
    for (const { node } of walkSections(p.sections)) for (const m of node.text.matchAll(CITED_NUMBER)) if (String(Number(m[1])) !== leadingNumber(p.number ?? '')) cite(String(Number(m[1])), p.id);
  }

  const result = (status: AnswerResult['status'], intent: string, text: string, sources: SourceRef[] = [], options?: PlanOption[]): AnswerResult =>
    options ? { status, intent, text, sources, options } : { status, intent, text, sources };

  function boostFor(intentId: string | undefined, a: QueryAnalysis): (p: Passage) => number {
    const words = intentId ? (sectionWords.get(intentId) ?? []) : [];
    const targets = a.slots.targets;
    return (p) => {
      let boost = 1;
      if (words.some((w) => w && p.trail.includes(w))) boost *= INTENT_BOOST;
      if (targets.some((t) => lexicon.targetMatches(t, p.trail))) boost *= TARGET_BOOST;
      return boost;
    };
  }

  /** True when every search word of the question belongs to the agency it names (nothing else is asked). */
  function agencyOnly(a: QueryAnalysis): boolean {
    const agencyWords = new Set(a.slots.agencies.flatMap((k) => lexicon.agencyWords(k)));
    return a.words.every((w) => agencyWords.has(w) || LEVEL_WORDS.has(w));
  }

  /** The question's words minus those that only name the intent: what it is about. */
  function topicOf(a: QueryAnalysis): string[] {
    const intentWords = new Set((a.intent?.phrases ?? []).flatMap((p) => p.split(' ')));
    const words = a.words.filter((w) => !intentWords.has(w));
    const pairs = a.terms.filter((t) => t.includes('_') && !t.split('_').every((w) => intentWords.has(w)));
    return [...words, ...pairs];
  }

  /** The terms of the question's asking keywords ("cơ quan nào": "co", "quan", "co_quan", "quan_nao"). */
  function askingOf(a: QueryAnalysis): Set<string> {
    const asking = (a.intent?.phrases ?? []).map((p) => p.split(' ')).filter((ws) => ws.some((w) => QUESTION_SYLLABLES.has(w)));
    const inAsking = (ws: readonly string[]) => asking.some((p) => ws.every((w) => p.includes(w)) && (ws.length === 1 || p.join(' ').includes(ws.join(' '))));
    return new Set(a.terms.filter((t) => inAsking(t.split('_'))));
  }

  /** A question's topic and asking terms, read once: every composer's context for it holds them. */
  const readOf = new WeakMap<QueryAnalysis, { topic: string[]; asking: ReadonlySet<string>; askers: string[] }>();

  function context(plan: Plan, a: QueryAnalysis, mode: ComposeContext['mode'], numbers: readonly string[]): ComposeContext {
    let sectionFilter: Set<string> | undefined;
    if (numbers.length) {
      sectionFilter = new Set(
        corpus.passages.filter((p) => p.planId === plan.id && numbers.some((n) => p.bodyTokens.has(n))).map((p) => p.sectionId),
      );
    }
    let read = readOf.get(a);
    if (!read) readOf.set(a, (read = { topic: topicOf(a), asking: askingOf(a), askers: askersOf(a) }));
    return { plan, analysis: a, corpus, lexicon, topic: read.topic, asking: read.asking, askers: read.askers, sectionFilter, mode };
  }

  /**
   * The bodies named in the polite preamble after a word for the asker ("bên em là UBND xã", "mình ở
   * Hội Khuyến học"): who asks. (A preamble without one is no self-introduction: "Khánh Hòa giao UBND
   * các huyện, thị xã, …" reads its list as clauses.)
   */
  function askersOf(a: QueryAnalysis): string[] {
    const preamble = new Set(questionProfile(a, corpus, answerTypes).units.flatMap((u) => (u.entity?.kind === 'agency' && !u.entity.asked ? [u.entity.key] : [])));
    const self = (start: number) => a.repaired.slice(Math.max(0, start - SELF_REACH), start).some((t) => SELF_WORDS.has(t));
    return [...new Set(a.slots.spans.filter((sp) => sp.kind === 'agency' && sp.key !== undefined && preamble.has(sp.key) && self(sp.start)).map((sp) => sp.key!))];
  }

  function clarify(intentId: string, candidates: readonly Plan[]): AnswerResult {
    const options = candidates.map((p) => ({ id: `p:${p.id}`, label: planButtonLabel(p), planId: p.id }));
    return result('clarify', intentId, msg.CLARIFY, [], options);
  }

  function notFound(intentId: string, lead: string = msg.NOT_IN_DOCUMENTS): AnswerResult {
    return result('not_found', intentId, `${lead}\n${msg.shortSuggestions(intents)}`);
  }

  function help(): AnswerResult {
    return result('answer', 'help', `${msg.INTRO}\nCác kế hoạch đang có:\n${msg.planList(plans)}\n${msg.whatICanAnswer(intents)}`);
  }

  /** One plan's answer with its citation; a composer's "the plan does not state it" is `not_found`. */
  function single(plan: Plan, answer: PlanAnswer, intentId: string): AnswerResult {
    return result(answer.absent ? 'not_found' : 'answer', intentId, `${answer.text}\n${citation(plan, answer.sections)}`, refs(plan, answer.sections));
  }

  function refs(plan: Plan, sections: readonly string[]): SourceRef[] {
    // Header facts (number, signer) have no section: cite the plan itself.
    return sections.length ? sourceRefs(plan, sections) : [{ plan: plan.id, section: '' }];
  }

  function answerMany(scope: readonly Plan[], intent: IntentDef, ask: Ask): AnswerResult {
    const a = ask.a;
    const composer = COMPOSERS[intent.id]!;
    const blocks: string[] = [];
    const sources: SourceRef[] = [];
    const missing: Plan[] = [];
    for (const plan of scope) {
      const out = composer(context(plan, a, 'cross', ask.numbers));
      if (!out) {
        missing.push(plan);
        continue;
      }
      blocks.push(`■ ${planLabel(plan)}\n${out.text}\n${citation(plan, out.sections)}`);
      sources.push(...refs(plan, out.sections));
    }
    if (blocks.length === 0) return notFound(intent.id, `Các kế hoạch được hỏi không có nội dung về ${intent.title.toLocaleLowerCase('vi')}.`);
    const awards = a.slots.awards.filter((k) => !GENERIC_AWARDS.has(k));
    let intro: string;
    if (intent.id === 'awards' && awards.length) {
      const names = awards.map((k) => lexicon.awardName(k)).join(', ');
      intro = `${blocks.length} trong ${scope.length} kế hoạch có ${names}:`;
    } else {
      intro = `${intent.title} theo từng kế hoạch (${blocks.length} kế hoạch):`;
    }
    const tail = missing.length ? `\nKhông nêu trong: ${missing.map((p) => planShortLabel(p)).join('; ')}.` : '';
    return result('answer', intent.id, `${intro}\n\n${blocks.join('\n\n')}${tail}`, sources);
  }

  /** The intents a question may be asking, with their priors: the primary one first, then every intent its keywords or slots point at. */
  function plausibleIntents(a: QueryAnalysis, primary: IntentDef | undefined, numbers: readonly string[], contextIntent?: string): PlausibleIntent[] {
    const top = a.ranked[0]?.score ?? 0;
    const free = (id: string) => new Set([...(a.ranked.find((r) => r.id === id)?.phrases ?? []), ...(coveredWords.get(id) ?? [])].flatMap((p) => p.split(' ')));
    const out = new Map<string, PlausibleIntent>();
    // The previous question's topic: a follow-up in few words ("ngày nào ban hành" after "ai ký công văn 209") may go on with it.
    const previous = contextIntent ? intentById.get(contextIntent) : undefined;
    if (previous && COMPOSERS[previous.id] && previous.id !== primary?.id) out.set(previous.id, { def: previous, prior: CONTEXT_PRIOR, free: free(previous.id) });
    // Keywords made only of question words ("ai", "gồm những ai") say how the question is asked, not what about.
    const grammarOnly = (id: string) => {
      const phrases = a.ranked.find((r) => r.id === id)?.phrases ?? [];
      return phrases.length > 0 && phrases.every((p) => answerTypes.isLightPhrase(p.split(' ')));
    };
    if (primary && COMPOSERS[primary.id]) out.set(primary.id, { def: primary, prior: grammarOnly(primary.id) ? GRAMMAR_ONLY_PRIOR : 1, free: free(primary.id) });
    // A cited document named by number: what the plan says of it is as likely as what the keywords ask.
    const basis = intentById.get('basis');
    if (numbers.length && basis && !out.has('basis')) out.set('basis', { def: basis, prior: 1, free: free('basis') });
    for (const r of a.ranked) {
      const def = intentById.get(r.id);
      if (!def || def.weak || !COMPOSERS[r.id] || out.has(r.id) || r.score < MIN_INTENT_SCORE) continue;
      if (out.size >= MAX_INTENTS) break;
      out.set(r.id, { def, prior: (top ? r.score / top : 0) * (grammarOnly(r.id) ? GRAMMAR_ONLY_PRIOR : 1), free: free(r.id) });
    }
    for (const def of intents) {
      if (out.has(def.id) || !COMPOSERS[def.id] || def.weak) continue;
      if (Object.keys(def.slotBoosts).some((k) => a.filled.has(k as SlotName))) out.set(def.id, { def, prior: SLOT_PRIOR, free: new Set() });
    }
    return [...out.values()];
  }

  /**
   * Words every answer of a plan covers by being that plan's: its name, kind, number and issuer (the
   * citation says them), and that it is a document ("văn bản nào có …" asks of plans and letters alike).
   */
  const planNames = new Map(plans.map((p) => [p.id, `${documentName(p)} ${p.shortName} ${p.locality.name} văn bản kế hoạch`]));
  const planTerms = new Map(plans.map((p) => [p.id, new Set(corpus.terms(planNames.get(p.id)!))]));

  /** What a candidate's text is made of, by plan, sections and text: the same answers recur from question to question. */
  const readCandidates = new Map<string, CandidateReading>();

  function readCandidate(plan: Plan, answer: PlanAnswer): CandidateReading {
    const key = `${plan.id}\u0000${answer.sections.join(',')}\u0000${answer.text}`;
    const known = readCandidates.get(key);
    if (known) return known;
    // Candidate texts are made of the plans' own sentences: their term sets are the index's, computed
    // once, and the text's terms are theirs together (a sentence's end breaks a compound anyway).
    const sentences = sentencesOf(answer.text).map((text) => ({ text, terms: corpus.termSet(text) }));
    const terms = new Set(planTerms.get(plan.id)!);
    for (const s of sentences) for (const t of s.terms) terms.add(t);
    // What the candidate writes, for words whose diacritics matter: its text, its headings, its plan's names.
    const written = [answer.text, planNames.get(plan.id)!];
    for (const id of answer.sections) {
      const p = corpus.passage(plan.id, id);
      if (p) {
        for (const t of corpus.termSet(p.trail)) terms.add(t);
        written.push(p.trail);
      }
    }
    const read = { sentences, terms, all: written.join('\n') };
    if (readCandidates.size >= READ_CANDIDATES_MAX) readCandidates.clear();
    readCandidates.set(key, read);
    return read;
  }

  function candidate(ask: Ask, source: Candidate['source'], intent: string, plan: Plan, answer: PlanAnswer, prior: number, free: ReadonlySet<string>, penalty = 0): Candidate {
    const { sentences, terms, all } = readCandidate(plan, answer);
    const names = (e: NamedEntity): EntityMention => {
      if (e.kind === 'date') return writesDate(all, e.key) ? 'as-asked' : 'no';
      if (e.kind === 'period') return writesPeriod(all, e.key) ? 'as-asked' : 'no';
      if (e.kind === 'phase') return writesPhase(all, e.key) ? 'as-asked' : 'no';
      if (lexicon.hasWordsInOrder(all, e.words)) return 'as-asked';
      return (e.kind === 'agency' ? lexicon.agencyMatches(e.key, all) : lexicon.awardMatches(e.key, all)) ? 'other-name' : 'no';
    };
    // The intent gives the kind of answer asked (a deadline to "khi nào"): its lines name what is dated.
    const answersKind = ask.profile.expected !== undefined && intentById.get(intent)?.answerType === ask.profile.expected.type;
    const check = checkCandidate(ask.profile, terms, free, answer.text, answerTypes, all, names, sentences, !answersKind);
    // (Not for a cited document: "HD 216 ngày nào" is answered by its citation, not by a deadline.)
    const madeFor = ask.numbers.length === 0 && answersKind;
    return { source, intent, plan, answer, prior, check, score: scoreOf(source, prior, check, madeFor) - penalty - (ofOtherBody(plan, answer, ask) ? OTHER_BODY_PENALTY : 0) };
  }

  /**
   * The candidate quotes the section of another body than the one asked about: its heading names a body,
   * not that one ("2. Sở Giáo dục và Đào tạo", which works "với Hội Khuyến học tỉnh", to "Hội Khuyến học làm gì").
   */
  function ofOtherBody(plan: Plan, answer: PlanAnswer, ask: Ask): boolean {
    const asked = ask.profile.units.flatMap((u) => (u.entity?.kind === 'agency' && u.entity.asked ? [u.entity.key] : []));
    if (asked.length === 0 || answer.sections.length !== 1) return false;
    const heading = findSection(plan.sections, answer.sections[0]!)?.heading;
    return !!heading && lexicon.namesAnyAgency(heading) && !asked.some((key) => lexicon.agencyMatches(key, heading));
  }

  /** A text's sentences and list items, for the check's focus. */
  function sentencesOf(text: string): string[] {
    return text.split(/(?<=[.;!?])\s+|\n+/u).filter((t) => t.trim().length > 0);
  }

  /** Does the text write this day and month ("01/12", "1/12/2024", "ngày 01 tháng 12")? */
  function writesDate(text: string, key: string): boolean {
    const [d, m] = key.split('/');
    return new RegExp(`(?<!\\d)0?${d}\\s*[/.-]\\s*0?${m}(?!\\d)|ngày\\s+0?${d}\\s+tháng\\s+0?${m}(?!\\d)`, 'iu').test(text);
  }

  /** Does the text write this span of years ("2024 - 2030", "2024–2030", "từ 2024 đến 2030", "năm 2026 - năm 2030")? */
  function writesPeriod(text: string, key: string): boolean {
    const [from, to] = key.split('-');
    return new RegExp(`(?<!\\d)${from}\\s*(?:[-–—]|đến)\\s*(?:năm\\s+)?${to}(?!\\d)`, 'iu').test(text);
  }

  /** Does the text name this phase ("Giai đoạn 2", "giai đoạn II")? */
  function writesPhase(text: string, key: string): boolean {
    return new RegExp(`giai\\s+đoạn\\s+(?:${key}|${SMALL_ROMAN[Number(key) - 1]})(?![\\p{L}\\d])`, 'iu').test(text);
  }

  /** Every candidate answer one plan offers, made once per question (a plan is weighed again when others are). */
  function candidatesFor(plan: Plan, ask: Ask, penalty = 0): Candidate[] {
    const key = `${plan.id} ${penalty}`;
    ask.candidates ??= new Map();
    let made = ask.candidates.get(key);
    if (!made) ask.candidates.set(key, (made = makeCandidates(plan, ask, penalty)));
    return made;
  }

  /** One per plausible intent whose composer has something, and the plan's best passages. */
  function makeCandidates(plan: Plan, ask: Ask, penalty: number): Candidate[] {
    const out: Candidate[] = [];
    for (const it of ask.intents) {
      const answer = COMPOSERS[it.def.id]!(context(plan, ask.a, 'single', ask.numbers));
      if (answer) out.push(candidate(ask, 'intent', it.def.id, plan, answer, it.prior, it.free, penalty));
    }
    if (ask.numbers.length && out.length) return out;
    // What was just quoted, asked about again ("ai chủ trì" of the stage just read): a section of its own,
    // as likely as what the previous question's keywords ask.
    const quoted = ask.previous?.sources ?? [];
    for (const ref of quoted) {
      // (An item cited beside its section, as the sentence that answered: the section is what was quoted.)
      if (quoted.some((x) => x.plan === ref.plan && ref.section.startsWith(`${x.section}.`))) continue;
      const p = ref.plan === plan.id ? corpus.passage(plan.id, ref.section) : undefined;
      if (p) out.push(candidate(ask, 'section', ask.previous!.intent, plan, renderPassage(context(plan, ask.a, 'single', []), p), ask.previous!.askedOfIt ? ASKED_OF_IT_PRIOR : CONTEXT_PRIOR, EMPTY, penalty));
    }
    // An ordinal after one item was quoted ("ý a" after "ý c") asks of the list that item stands in.
    // (A list's heading over its items has no passage of its own: the section is quoted whole.)
    const itemOf = previousList(plan, ask);
    const listNode = itemOf ? findSection(plan.sections, itemOf) : undefined;
    if (listNode) out.push(candidate(ask, 'section', ask.previous!.intent, plan, sectionAnswer(plan, listNode), CONTEXT_PRIOR, EMPTY, penalty));
    // "công văn 209 ý thứ ba nói về gì": an ordinal and no words to search by is the item of the
    // document's own list, its numbered body parts.
    const nth = ask.a.slots.ordinal;
    if (nth !== undefined && ask.profile.units.length === 0 && out.length === 0) {
      const body = plan.sections.filter((n) => n.id !== PREAMBLE_ID && n.id !== CLOSING_ID);
      const node = body[nth > 0 ? nth - 1 : body.length + nth];
      const p = node ? corpus.passage(plan.id, node.id) : undefined;
      if (p) out.push(candidate(ask, 'section', UNKNOWN, plan, renderPassage(context(plan, ask.a, 'single', []), p), CONTEXT_PRIOR, EMPTY, penalty));
    }
    const hits = passageHits(ask).get(plan.id) ?? [];
    const topScore = hits[0]?.score ?? 1;
    for (const h of hits) {
      const answer = renderPassage(context(plan, ask.a, 'single', []), h.passage);
      out.push(candidate(ask, 'passage', UNKNOWN, plan, answer, PASSAGE_PRIOR * (h.score / topScore), EMPTY, penalty));
    }
    // An ordinal of a list the question names by its heading ("ý thứ ba của mục tiêu thi đua"): an item
    // of that list, whatever else the question's words fit ("… nói về đối tượng nào" is no audience question).
    const list = nth !== undefined ? namedHeading(plan, ask.a.repaired) : undefined;
    if (list) {
      const under = (id: string) => id === list.id || id.startsWith(`${list.id}.`);
      const inList = out.filter((c) => c.answer.sections.length > 0 && c.answer.sections.every(under));
      // The list itself, quoted whole, to count its items in.
      if (!inList.some((c) => c.answer.sections.length === 1 && c.answer.sections[0] === list.id)) inList.push(candidate(ask, 'section', UNKNOWN, plan, sectionAnswer(plan, list), CONTEXT_PRIOR, EMPTY, penalty));
      return inList;
    }
    return out;
  }

  /**
   * A question of two parts ("phần VI nói về gì, ai bố trí kinh phí"), one of which the chosen answer
   * leaves out: the candidate of another section that answers that part. A part is a clause of the
   * question weighing a fair share of it; left out, the chosen answer covers little of it, and the
   * other covers nearly all of it. Undefined for a question of one part, or one answered whole.
   */
  function complement(best: Candidate, cands: readonly Candidate[], ask: Ask): { c: Candidate; clause: number } | undefined {
    const units = ask.profile.units;
    const clauses = new Set(units.flatMap((u) => (u.clause === undefined ? [] : [u.clause])));
    // Two parts: two clauses that ask, whether or not both hold content words ("mục VI kế hoạch Củ
    // Chi ghi những gì" names only the section).
    const tokens = ask.a.repaired;
    const clauseAt = clausesOf(ask.a.breaks);
    const asking = (clause: number) => answerTypes.asksItself(tokens.filter((_, i) => clauseAt[i] === clause));
    const parts = new Set(clauseAt).size > 1 && [...new Set(clauseAt)].filter(asking).length > 1;
    if ((clauses.size < 2 && !parts) || clauses.size === 0 || ask.profile.total <= 0) return undefined;
    const share = (c: Candidate, clause: number) => {
      let got = 0;
      let all = 0;
      units.forEach((u, k) => {
        if (u.clause !== clause) return;
        all += u.weight;
        got += (c.check.credits[k] ?? 0) * u.weight;
      });
      return all > 0 ? { covered: got / all, weight: all / ask.profile.total } : undefined;
    };
    // Only a clause that asks is a part: not a preamble ("theo KH 62 tỉnh Thái Bình thì …").
    for (const clause of clauses) {
      if (!asking(clause)) continue;
      // A clause that only asks a date ("thời hạn khi nào"), when the sentence of the best answer that
      // holds the question has one (a task done "trong Quý 1 năm 2024"), is answered by that sentence.
      const expected = ask.profile.expected;
      if (expected?.type === 'date' && answerTypes.onlyAsks(tokens.filter((_, i) => clauseAt[i] === clause), expected) && focusHasShape(best, ask)) continue;
      const own = share(best, clause);
      if (!own || own.weight < PART_MIN_SHARE || own.covered >= PART_LEFT_OUT) continue;
      const found = cands
        .filter((c) => c.plan === best.plan && !c.answer.absent && c.answer.sections.length > 0 && partOf(c, clause, ask) !== undefined && (!sameSections(c, best) || !showsPart(best, partOf(c, clause, ask)!)))
        .map((c) => ({ c, part: share(c, clause)!.covered }))
        .filter((x) => x.part >= PART_ANSWERED && x.part - own.covered >= PART_BETTER)
        // (One of another part of the plan first: it brings what the answer has not quoted.)
        .sort((x, y) => y.part - x.part || Number(sameSections(x.c, best)) - Number(sameSections(y.c, best)) || y.c.score - x.c.score)[0];
      if (found) return { c: found.c, clause };
    }
    return undefined;
  }

  /**
   * The answer already quotes the part's sentence: a candidate of the same section adds nothing then;
   * otherwise it quotes another sentence of it ("Tiêu chuẩn khen thưởng: Căn cứ …" beside the forms).
   */
  function showsPart(best: Candidate, part: PlanAnswer): boolean {
    const plain = (t: string) => t.replace(/[“”…]/gu, '').replace(/\s+/gu, ' ').trim();
    const line = plain(part.text.split('\n').at(-1)!);
    return line.length > 0 && plain(best.answer.text).includes(line);
  }

  /** The candidate's sentence that holds the question best is the plan's own (quoted) and has the asked kind's shape. */
  function focusHasShape(c: Candidate, ask: Ask): boolean {
    const sentence = c.check.focusAt < 0 ? undefined : readCandidate(c.plan, c.answer).sentences[c.check.focusAt];
    return sentence !== undefined && ask.profile.expected !== undefined && inQuotes(c.answer.text, sentence.text) && answerTypes.fits(ask.profile.expected, sentence.text);
  }

  /**
   * The list the previous answer quoted, or quoted one item of (its parent section), when the question
   * asks an ordinal of this plan: "ý a" after "ý c" of the Yêu cầu is an item of the Yêu cầu. Undefined
   * when it quoted no one list.
   */
  function previousList(plan: Plan, ask: Ask): string | undefined {
    const quoted = (ask.previous?.sources ?? []).filter((s) => s.plan === plan.id);
    if (ask.a.slots.ordinal === undefined || quoted.length !== 1) return undefined;
    const id = quoted[0]!.section;
    const node = findSection(plan.sections, id);
    const list = node && node.children.length === 0 ? id.split('.').slice(0, -1).join('.') : id;
    return list && (findSection(plan.sections, list)?.children.length ?? 0) > 1 ? list : undefined;
  }

  /** Two candidates quote the same part of a plan: a section of one is, holds or stands in one of the other's. */
  function sameSections(x: Candidate, y: Candidate): boolean {
    return x.answer.sections.some((id) => y.answer.sections.some((b) => id === b || id.startsWith(`${b}.`) || b.startsWith(`${id}.`)));
  }

  /**
   * The answer, then the sentence that answers the part of the question it leaves out (see complement),
   * when both fit one message: a long answer would become an overview that hides what it holds.
   */
  function withOtherPart(best: Candidate, answer: AnswerResult, cands: readonly Candidate[], ask: Ask): AnswerResult | undefined {
    const second = complement(best, cands, ask);
    const part = second && partOf(second.c, second.clause, ask);
    const other = second && part && single(second.c.plan, part, second.c.intent);
    if (!second || !other || answer.text.length + other.text.length > MESSAGE_CHARS) return undefined;
    const both = [answer, other];
    return withWhy(result('answer', answer.intent, both.map((r) => r.text).join('\n\n'), both.flatMap((r) => r.sources)), ask, cands, [best, second.c], `${best.source} + ${second.c.source} for the other part`);
  }

  /** A sentence of the text stands inside its quotes: the plan's own words, not a line the composer wrote. */
  function inQuotes(text: string, sentence: string): boolean {
    const at = text.indexOf(sentence);
    const before = at < 0 ? '' : text.slice(0, at);
    return sentence.trimStart().startsWith('“') || before.split('“').length > before.split('”').length;
  }

  /** The sentence of a candidate that answers one clause of the question, under the candidate's own heading line. */
  function partOf(c: Candidate, clause: number, ask: Ask): PlanAnswer | undefined {
    const units = ask.profile.units.filter((u) => u.clause === clause);
    const weightIn = (terms: ReadonlySet<string>) => units.reduce((sum, u) => sum + (termsHold(terms, u) ? u.weight : 0), 0);
    // Only the plan's own words, inside the quotes: a line the composer wrote is no sentence to quote.
    const sentences = readCandidate(c.plan, c.answer).sentences.filter((x) => inQuotes(c.answer.text, x.text));
    const best = [...sentences].sort((x, y) => weightIn(y.terms) - weightIn(x.terms))[0];
    if (!best) return undefined;
    // Under the heading line nearest above it ("Giai đoạn 1 (từ 2024 - 2025):"), as the answer shows it.
    const above = c.answer.text.slice(0, Math.max(0, c.answer.text.indexOf(best.text))).split('\n').filter((l) => l.endsWith(':') && !l.includes('“'));
    const head = above.at(-1) ?? c.answer.text.split('\n')[0]!;
    const line = best.text.replace(/[“”]/gu, '').trim().replace(/^[-+•]\s*/u, '');
    // Marked where it is cut from its item: not before a capital that opens it, not after its full stop.
    const text = `${/^\p{Lu}/u.test(line) ? '' : '…'}${line}${/[.;:!?]$/u.test(line) ? '' : '…'}`;
    // Cited by the section that holds the sentence, when the candidate quotes several.
    const holding = c.answer.sections.filter((id) => {
      const node = findSection(c.plan.sections, id);
      return node !== undefined && sectionFullText(node).replace(/\s+/gu, ' ').includes(line.replace(/\s+/gu, ' '));
    });
    // (The deepest: a part holds its subsections' words too.)
    const deepest = [...holding].sort((x, y) => y.split('.').length - x.split('.').length)[0];
    return { text: `${head.endsWith(':') && head !== best.text ? `${head}\n` : ''}“${text}”`, sections: deepest ? [deepest] : c.answer.sections };
  }

  /**
   * The heading a which-plans question asks of, in folded words: what follows "mục" or "phần" (and
   * "riêng", "về") up to the question's words, two words or more ("mục kinh phí thực hiện"). Not a
   * section's number ("mục VI").
   */
  function askedPart(tokens: readonly string[]): string[] | undefined {
    const at = tokens.findIndex((t, i) => (t === 'muc' || t === 'phan') && !/^(\d|[ivx]+$)/.test(tokens[i + 1] ?? '') && tokens[i + 1] !== 'tieu' && tokens[i - 1] !== 'bao');
    if (at < 0) return undefined;
    let k = at + 1;
    while (PART_LEADS.has(tokens[k] ?? '')) k++;
    const words: string[] = [];
    for (; k < tokens.length && !PART_ENDS.has(tokens[k]!); k++) words.push(tokens[k]!);
    return words.length >= 2 ? words : undefined;
  }

  /**
   * The item of a quoted section that holds the sentence answering the question ("ý a" of "2. Yêu
   * cầu"), cited beside the section; undefined when the answer quotes several sections or none has it.
   */
  function focusedItem(c: Candidate): SourceRef | undefined {
    if (c.answer.sections.length !== 1 || c.check.focusAt < 0) return undefined;
    const node = findSection(c.plan.sections, c.answer.sections[0]!);
    const sentence = readCandidate(c.plan, c.answer).sentences[c.check.focusAt]?.text.replace(/[“”]/gu, '').replace(/^[-+•]\s*/u, '').replace(/…/gu, '').trim();
    if (!node || !sentence || sentence.length < FOCUSED_ITEM_MIN_CHARS) return undefined;
    const child = node.children.find((ch) => sectionFullText(ch).includes(sentence));
    return child ? { plan: c.plan.id, section: child.id } : undefined;
  }

  /** The section whose heading the question writes in full (two words or more; the longest such heading). */
  function namedHeading(plan: Plan, tokens: readonly string[]): SectionNode | undefined {
    const question = ` ${tokens.join(' ')} `;
    let best: { node: SectionNode; length: number } | undefined;
    for (const { node } of walkSections(plan.sections)) {
      const words = fold(node.heading ?? '').split(' ').filter((w) => w.length > 0 && !/^\d+$/.test(w));
      if (words.length >= 2 && question.includes(` ${words.join(' ')} `) && (!best || words.length > best.length)) best = { node, length: words.length };
    }
    return best?.node;
  }

  /** The question's best passages in each plan, from one search over all plans (made once per question). */
  function passageHits(ask: Ask): Map<string, SearchHit[]> {
    if (!ask.hits) {
      ask.hits = new Map();
      // Words in most passages ("phong trào", "thi đua") hardly rank them and cost the most to look up.
      const telling = ask.a.terms.filter((t) => corpus.df(t) <= (t.includes('_') ? COMMON_PAIR_SHARE : COMMON_TERM_SHARE) * corpus.passages.length);
      for (const h of corpus.search(telling.length ? telling : ask.a.terms, { boost: boostFor(ask.intents[0]?.def.id, ask.a) })) {
        const list = ask.hits.get(h.passage.planId) ?? [];
        if (list.length < PASSAGES_PER_PLAN) list.push(h);
        ask.hits.set(h.passage.planId, list);
      }
    }
    return ask.hits;
  }

  function withWhy(r: AnswerResult, ask: Ask, cands: readonly Candidate[], chosen: readonly Candidate[], decision: string): AnswerResult {
    return { ...r, why: whyOf(cands, chosen, decision, ask.profile.expected?.type) };
  }

  // A finer ask ("ký ngày nào") of the plans that hold a thing ("những KH nào nhắc QĐ 1373") lists them
  // all, with or without the day: the list is what is asked first.
  const strict = (ask: Ask) => ask.profile.expected?.strict === true && !(ask.profile.expected.finer !== undefined && ask.a.slots.crossPlan);

  /** "… không nêu …": the plan is silent on the point; the nearest passage only if it is close, and marked as such. */
  function absent(scope: readonly Plan[], ask: Ask, nearest: Candidate | undefined, others: readonly Plan[] = []): AnswerResult {
    // (Not the intent's topic when its own composer answered, only not this: "nội dung 6 có nhắc … không"
    // of a plan that has contents.)
    const topicHeld = nearest !== undefined && nearest.source === 'intent' && nearest.intent === ask.primary?.id && !nearest.answer.absent;
    const what = unwrittenThing(ask) ?? documentParts(scope, ask) ?? ask.profile.expected?.absent ?? aboutUnnamed(scope, ask, nearest) ?? (topicHeld ? undefined : ask.primary?.title.toLocaleLowerCase('vi'));
    const who = scope.length === 1 ? planLabel(scope[0]!) : 'Các kế hoạch đang có';
    const lines = [what ? msg.notStated(who, what) : scope.length === 1 ? msg.notStated(who, 'nội dung này') : msg.NOT_IN_DOCUMENTS];
    if (others.length) lines.push(msg.plansWithIt(others.map(planShortLabel)));
    // A finer ask ("quý mấy") the plan answers only coarsely ("năm 2025"): what it says is worth showing, marked as such.
    const showNearest = !strict(ask) || ask.profile.expected?.finer !== undefined;
    if (nearest && scope.length === 1 && nearest.check.coverage >= NEAREST_MIN_COVERAGE && showNearest) {
      lines.push(`${msg.nearestPassage(planShortLabel(nearest.plan))}\n${nearest.answer.text}\n${citation(nearest.plan, nearest.answer.sections)}`);
    } else lines.push(msg.shortSuggestions(intents));
    return result('not_found', ask.primary?.id ?? UNKNOWN, lines.join('\n'));
  }

  /**
   * The thing asked that no plan writes ("giấy tờ"), in the user's words when typed with diacritics; "nội
   * dung này" otherwise (its diacritics are nowhere to be read). Undefined when the question asks no such thing.
   */
  function unwrittenThing(ask: Ask): string | undefined {
    const head = ask.profile.units.find((u) => u.unwritten);
    if (!head) return undefined;
    return typedWithMarks(ask.a.repaired, ask.a.typed) ? `“${head.unwritten!.join(' ')}”` : 'nội dung này';
  }

  /**
   * "nội dung nào về Sở Y tế": what the plans are silent on when the nearest answer names none of the
   * bodies the question asks about (the plan gives tasks, only not to that body).
   */
  function aboutUnnamed(scope: readonly Plan[], ask: Ask, nearest: Candidate | undefined): string | undefined {
    // Without a nearest answer: the bodies no passage of the plans writes as asked.
    const unnamed = (e: NamedEntity, k: number) =>
      nearest ? nearest.check.unnamed.includes(ask.profile.units[k]!.words.join(' ')) : !corpus.passages.some((p) => scope.some((s) => s.id === p.planId) && lexicon.hasWordsInOrder(`${p.node.heading ?? ''} ${p.node.text}`, e.words));
    const keys = ask.profile.units.flatMap((u, k) => (u.entity?.kind === 'agency' && u.entity.required && unnamed(u.entity, k) ? [u.entity.key] : []));
    return keys.length ? `nội dung nào về ${keys.map((k) => lexicon.agencyName(k)).join(', ')}` : undefined;
  }

  /**
   * What the denied part of a question denies, in its own words: those after "không có" ("không nhắc
   * người dân tộc thiểu số" → “người dân tộc thiểu số”). Undefined when they are not the user's own
   * typing with its diacritics (an expansion's words are folded), or too many to quote.
   */
  function deniedWords(a: QueryAnalysis): string | undefined {
    const n = a.slots.negation;
    if (!n) return undefined;
    // To the end of its clause, without the particles that close a question ("… từ năm 2023 vậy").
    const stop = a.breaks.findIndex((b, k) => k > n.end && b);
    let end = stop < 0 ? a.typed.length : stop;
    while (end > n.end && answerTypes.isLightPhrase([a.repaired[end - 1]!])) end--;
    const own = a.asTyped.slice(n.end, end).every(Boolean) && typedWithMarks(a.repaired, a.typed);
    const words = a.typed.slice(n.end, end);
    return own && words.length > 0 && words.length <= DENIED_WORDS_MAX ? `“${words.join(' ')}”` : undefined;
  }

  /** The parts of a document the question asks about ("số, ngày ban hành"), when it asks the document intent. */
  function documentParts(scope: readonly Plan[], ask: Ask): string | undefined {
    const parts = ask.primary?.id === 'document' && scope.length > 0 ? askedParts(context(scope[0]!, ask.a, 'single', ask.numbers)) : [];
    return parts.length ? parts.join(', ') : undefined;
  }

  /**
   * The question's own intent, asked plainly ("ai ký", "ngày ban hành"), has nothing in this plan: another
   * intent's answer, or a passage that has the words, would answer a different question.
   */
  function primarySilent(plan: Plan, cands: readonly Candidate[], ask: Ask): boolean {
    return strongPrimary(ask) && !cands.some((c) => c.intent === ask.primary!.id && c.plan === plan);
  }

  /** The keywords ask the question's own intent plainly ("ai ký", "ngày ban hành"). */
  function strongPrimary(ask: Ask): boolean {
    return ask.primary !== undefined && (ask.a.intent?.score ?? 0) >= STRONG_INTENT;
  }

  /** One plan: its best candidate if it answers the question, else "the plan does not state it". */
  function answerIn(plan: Plan, alternates: readonly string[], ask: Ask): AnswerResult {
    const cands = [plan, ...alternates.map((id) => knowledge.plan(id)).filter((p): p is Plan => !!p)].flatMap((p, i) =>
      candidatesFor(p, ask, i ? ALTERNATE_PENALTY : 0),
    );
    // The question's own intent, asked plainly, says the plan leaves it blank ("Số: /KH-VP"): that is the
    // answer, not another intent's that has the words. (It has the asked kind's absence, not its shape.)
    const blank = strongPrimary(ask) ? cands.find((c) => c.plan === plan && c.intent === ask.primary!.id && c.answer.absent) : undefined;
    const best = blank ?? (primarySilent(plan, cands, ask) ? undefined : choose(cands));
    const others = () =>
      plans.filter((p) => p.id !== plan.id && !alternates.includes(p.id)).filter((p) => {
        const b = choose(candidatesFor(p, ask));
        return b !== undefined && !b.answer.absent && answersQuestion(b, strict(ask)) && b.source !== 'passage';
      });
    // A composer's own "the plan does not state it", which the asked kind's shape cannot have.
    // (Also when what beat it does not answer either: a passage with the words but not the asked kind.)
    const answered = best !== undefined && answersQuestion(best, strict(ask));
    const ownSilent = () => cands.find((c) => c.plan === plan && c.intent === ask.primary?.id && c.answer.absent && answersQuestion(c, false));
    const silent = blank ?? (best?.answer.absent && answersQuestion(best, false) ? best : answered ? undefined : ownSilent());
    if (silent) {
      // Its own sentence (with the header as written), then where the thing is stated.
      const elsewhere = others();
      const lines = [silent.answer.text, ...(elsewhere.length ? [msg.plansWithIt(elsewhere.map(planShortLabel))] : []), citation(silent.plan, silent.answer.sections)];
      return withWhy(result('not_found', silent.intent, lines.join('\n'), refs(silent.plan, silent.answer.sections)), ask, cands, [silent], 'not stated');
    }
    if (best && answered) {
      const nth = ask.a.slots.ordinal;
      // An ordinal asks an item: of the best candidate that has so many ("yêu cầu ý c" after item a was
      // quoted alone: the list, not the item just shown).
      // (Only of the same part of the plan: the list the best answer holds or stands in, never another list.)
      // (The list the previous answer quoted an item of, or the one the question names by its heading,
      // comes first, pointed at as it is: "ý a" after "ý c" is its sibling.)
      const itemOf = previousList(plan, ask) ?? (nth === undefined ? undefined : namedHeading(plan, ask.a.repaired)?.id);
      const siblings = itemOf === undefined ? undefined : cands.find((c) => c.source === 'section' && c.plan === plan && c.answer.sections.length === 1 && c.answer.sections[0] === itemOf);
      const listed = nth === undefined ? undefined : [...(siblings ? [siblings] : []), best, ...cands.filter((c) => c !== best && c !== siblings && c.plan === plan && sameSections(c, best)).sort((x, y) => y.score - x.score)].find((c) => (c === siblings || answersQuestion(c, strict(ask))) && pickOrdinal(c.plan, c.answer, nth) !== null);
      const item = listed && nth !== undefined ? pickOrdinal(listed.plan, listed.answer, nth) : null;
      // "giải pháp 2 có nhắc thư viện không": the item asked about must write it, not the list it is in.
      const unwritten = item ? ask.profile.units.filter((u) => u.mentioned && !termsHold(corpus.termSet(item.text), u)) : [];
      if (item && unwritten.length > 0) {
        const lines = [msg.notStated(planLabel(plan), 'nội dung này'), `${msg.nearestPassage(planShortLabel(plan))}\n${item.text}\n${citation(plan, item.sections)}`];
        return withWhy(result('not_found', best.intent, lines.join('\n'), []), ask, cands, [best], `item ${nth} does not write it`);
      }
      if (listed && item && listed !== best) return withWhy(single(listed.plan, item, listed.intent), ask, cands, [listed], `${listed.source}, item ${nth} (the best has no such item)`);
      const answer = single(best.plan, item ?? best.answer, best.intent);
      const both = item ? undefined : withOtherPart(best, answer, cands, ask);
      if (both) return both;
      const point = item ? undefined : focusedItem(best);
      return withWhy(point ? { ...answer, sources: [...answer.sources, point] } : answer, ask, cands, [best], item ? `${best.source}, item ${ask.a.slots.ordinal}` : best.source);
    }
    return withWhy(absent([plan], ask, best, others()), ask, cands, [], 'absent');
  }

  /**
   * The part of each answer that every plan words nearly alike: one block (a body's heading and its quote)
   * of each, found in all of them ("Ủy ban MTTQ tỉnh vận động…", whatever else each plan adds to it).
   * Either the blocks share most of their words, or one plan's block is held nearly whole in a block of
   * each other plan (a district copies the province's task and adds a sentence of its own). Returned in
   * the order of `hs`, with the block to quote: the first plan's, or the one the others hold.
   * Undefined when the answers share no such block.
   */
  function sharedBlock(hs: readonly Candidate[]): { blocks: PlanAnswer[]; quoted: number } | undefined {
    const blocksOf = (c: Candidate): PlanAnswer[] => {
      const blocks = c.answer.text.split(/\n\s*\n/u).filter((b) => b.includes('“'));
      // Composers give one section per block when they can; otherwise each block cites them all.
      return blocks.map((text, k) => ({ text, sections: blocks.length === c.answer.sections.length ? [c.answer.sections[k]!] : c.answer.sections }));
    };
    const quoted = (b: PlanAnswer) => (b.text.match(/“[^”]*”/gu) ?? []).join('\n');
    const all = hs.map(blocksOf);
    const [first, ...rest] = all;
    for (const b of first ?? []) {
      const matches = rest.map((blocks) => blocks.find((o) => wordShare(quoted(b), quoted(o)) >= NEAR_SAME));
      if (matches.every((m) => m !== undefined) && rest.every((_, i) => rest.slice(i + 1).every((__, j) => wordShare(quoted(matches[i]!), quoted(matches[i + 1 + j]!)) >= NEAR_SAME_PAIR))) return { blocks: [b, ...(matches as PlanAnswer[])], quoted: 0 };
    }
    for (const [k, own] of all.entries()) {
      for (const b of own) {
        const holding = all.map((blocks, i) => (i === k ? b : blocks.find((o) => heldIn(quoted(b), quoted(o)))));
        if (holding.every((m) => m !== undefined)) return { blocks: holding as PlanAnswer[], quoted: k };
      }
    }
    return undefined;
  }

  /**
   * The sentence of the first candidate that holds the question, when each other candidate's own such
   * sentence words it nearly alike, with the same numbers, and the same words where the answer stands:
   * after the last place it writes the thing asked ("… với phong trào nào": what follows "phong trào").
   * "Đến tận địa bàn nào" is answered by the words after "địa bàn", and there the plans differ. Undefined
   * otherwise, and for a question that names no thing before its "nào" / "gì".
   */
  function sameSentence(hs: readonly Candidate[], ask: Ask): string | undefined {
    const tokens = ask.a.repaired;
    const at = tokens.findIndex((t, i) => i > 0 && (t === 'nao' || t === 'gi'));
    if (at < 0 || hs.length < 2 || hs.some((h) => h.check.focusAt < 0 || h.check.focus < SAME_SENTENCE_FOCUS)) return undefined;
    const head = tokens[at - 1]!;
    const lead = hs.map((h) => readCandidate(h.plan, h.answer).sentences[h.check.focusAt]!.text.replace(/^[-+•]\s*/u, '').replace(/^“|”$/gu, ''));
    const answerWords = (t: string) => {
      const words = contentWords(t);
      const last = words.lastIndexOf(head);
      return last < 0 ? undefined : words.slice(last + 1, last + 1 + ANSWER_WORDS).join(' ');
    };
    const said = answerWords(lead[0]!);
    const numbers = (t: string) => (t.match(/\d+/gu) ?? []).map(Number).sort((a, b) => a - b).join(',');
    const alike = said !== undefined && lead.every((x, i) => answerWords(x) === said && numbers(x) === numbers(lead[0]!) && lead.slice(i + 1).every((y) => wordShare(x, y) >= NEAR_SAME));
    return alike ? lead[0] : undefined;
  }

  /**
   * One answer for plans that word it nearly alike: the first plan's words in full (`quoted`, citing
   * `sections[0]`), the others cited, for whoever needs their exact wording.
   */
  function nearlySame(hs: readonly Candidate[], quoted: string, sections: readonly (readonly string[])[]): AnswerResult {
    const names = hs.map((h) => planShortLabel(h.plan)).join('; ');
    const others = hs.slice(1).map((h, i) => `• ${citation(h.plan, sections[i + 1]!).replace(/^Nguồn: /u, '')}`);
    const text = `${msg.nearlySameInPlans(names, planShortLabel(hs[0]!.plan))}\n${quoted}\n${citation(hs[0]!.plan, sections[0]!)}\n${msg.LIKEWISE_IN}\n${others.join('\n')}`;
    return result('answer', hs[0]!.intent, text, hs.flatMap((h, i) => refs(h.plan, sections[i]!)));
  }

  /** The folded words of a text that say something (one-letter words left out). */
  const contentWords = (t: string) => fold(t).split(' ').filter((w) => w.length > 1);

  /** The share of words two texts have in common (of the words either has): near 1 for plans that copy one model. */
  function wordShare(x: string, y: string): number {
    const [a, b] = [new Set(contentWords(x)), new Set(contentWords(y))];
    let common = 0;
    for (const w of a) if (b.has(w)) common++;
    return common / (a.size + b.size - common || 1);
  }

  /** Nearly all of `x` is in `y`, read on word pairs: the same words in another order say something else. */
  function heldIn(x: string, y: string): boolean {
    const [small, large] = [new Set(bigrams(contentWords(x))), new Set(bigrams(contentWords(y)))];
    let held = 0;
    for (const w of small) if (large.has(w)) held++;
    return small.size >= CONTAINED_MIN_PAIRS && held / small.size >= CONTAINED;
  }

  /** The quoted words of an answer, without the headings that name its place: equal for plans that say the same. */
  const quotedBody = (c: Candidate) => (c.answer.text.match(/“[^”]*”/g) ?? []).join('\n');

  /** No plan named: each plan's best candidate decides which plans can answer at all. */
  function answerUnplaced(scope: readonly Plan[], ask: Ask, which = false): AnswerResult {
    // "Kế hoạch nào (không) có mục kinh phí thực hiện", "… có riêng phần mục tiêu thi đua": a part of the
    // document asked by its heading; the plans holding it are those with a section so headed.
    const part = which ? askedPart(ask.a.repaired) : undefined;
    if (part) {
      // Asked of "kế hoạch": a letter, which has no headed parts, is no plan lacking one.
      const saysPlan = saysKeHoach(ask.a.repaired);
      const plansOnly = saysPlan ? scope.filter((p) => p.kind === 'ke-hoach') : [];
      const asked = plansOnly.length > 0 ? plansOnly : scope;
      const having = asked.flatMap((plan) => {
        const node = [...walkSections(plan.sections)].map(({ node }) => node).find((n) => ` ${fold(n.heading ?? '')} `.includes(` ${part.join(' ')} `));
        const p = node ? corpus.passage(plan.id, node.id) : undefined;
        return p ? [candidate(ask, 'section', ask.primary?.id ?? UNKNOWN, plan, renderPassage(context(plan, ask.a, 'single', []), p), 1, EMPTY)] : [];
      });
      if (having.length > 0 && having.length < asked.length) return withWhy(listHolders(asked, having, ask), ask, having, having, 'which plans: a part by its heading');
    }
    const cands: Candidate[] = [];
    const holders: Candidate[] = [];
    let nearest: Candidate | undefined;
    for (const plan of scope) {
      const own = candidatesFor(plan, ask);
      cands.push(...own);
      const best = primarySilent(plan, own, ask) ? undefined : choose(own);
      // A composed answer counts only if the composer has the very thing asked (its cross-plan mode is
      // silent otherwise: "tiêu chí cấp huyện" of a plan without a district group).
      if (best && holds(best, ask)) holders.push(best);
      else if (best && (!nearest || best.check.coverage > nearest.check.coverage)) nearest = best;
    }
    const intentId = ask.primary?.id ?? UNKNOWN;
    if (holders.length === 0) return withWhy(absent(scope, ask, nearest), ask, cands, [], 'absent');
    holders.sort((x, y) => y.score - x.score);
    if (which) {
      const having = plansHolding(holders, ask);
      return withWhy(listHolders(scope, having, ask), ask, cands, having, 'which plans');
    }
    const pick = (c: Candidate, decision: string) => withWhy(single(c.plan, c.answer, c.intent), ask, cands, [c], decision);
    if (holders.length === 1) return pick(holders[0]!, 'only plan');
    const first = holders[0]!;
    // Whether the plans say the same is asked of those naming the body as asked, when some do: a
    // district's "Hội Khuyến học huyện" answers another question than "Hội Khuyến học tỉnh".
    const asAsked = holders.filter((h) => namesAsAsked(h, ask));
    const alike = asAsked.length > 1 ? asAsked : holders;
    // …and, for answers worded nearly alike, of those that answer it best.
    const tops = asAsked.filter((h) => h.score >= asAsked[0]!.score - ALIKE_BAND);
    const body = quotedBody(alike[0]!);
    if (body && alike.every((h) => quotedBody(h) === body)) {
      const names = alike.map((h) => planShortLabel(h.plan)).join('; ');
      const text = `${msg.sameInPlans(names)}\n${alike[0]!.answer.text}\n${alike.map((h) => citation(h.plan, h.answer.sections)).join('\n')}`;
      return withWhy(result('answer', alike[0]!.intent, text, alike.flatMap((h) => refs(h.plan, h.answer.sections))), ask, cands, alike, 'same in every plan');
    }
    // A body's task ("Sở Tài chính được giao gì") that the plans copy from one model, a place's name
    // changed, is one answer. (Not a group's criteria: near-identical lists differ by the item that matters.)
    // (Asked which body does it, the bodies are the answer: they differ where the rest is copied.)
    const copied = ask.profile.expected?.type !== 'agency' && tops.every((h) => intentById.get(h.intent)?.copiedAcrossPlans === true) && ask.profile.units.some((u) => u.entity?.kind === 'agency');
    const found = copied && tops.length > 1 ? sharedBlock(tops) : undefined;
    if (found) {
      // The block to quote first; the others are cited.
      const order = [found.quoted, ...found.blocks.keys()].filter((i, k) => k === 0 || i !== found.quoted);
      const [shared, top] = [order.map((i) => found.blocks[i]!), order.map((i) => tops[i]!)];
      return withWhy(nearlySame(top, shared[0]!.text, shared.map((b) => b.sections)), ask, cands, top, 'nearly the same in every plan');
    }
    // Worded differently but the same fact ("tổng kết vào năm 2030", "02 giai đoạn" in every plan): answered across plans.
    // (A passage that states no such fact, only the words around it, does not stand against them.)
    // Both, when a question asks both ("chia mấy giai đoạn, tổng kết năm nào").
    const factOf = (c: Candidate) => [countFact(c, ask), keyFact(c, ask)].filter((f) => f !== undefined).join('; ') || undefined;
    const stating = holders.filter((h) => h.source !== 'passage' || factOf(h) !== undefined);
    const fact = factOf(first);
    if (fact && stating.length > 1 && stating.every((h) => factOf(h) === fact)) {
      // A count is said in one sentence: each plan's sentence, not its whole passage.
      const block = (h: Candidate) => {
        const count = keyFact(h, ask) === undefined ? countIn(h, ask) : undefined;
        // Only the plan's own words are quoted: a line the composer wrote keeps its whole block.
        const body = count && count.sentence.includes('“') ? quote([count.sentence.replace(/^[^“]*“|”$/gu, '').replace(/[:;,]$/u, '')]) : h.answer.text;
        return `■ ${planLabel(h.plan)}\n${body}\n${citation(h.plan, h.answer.sections)}`;
      };
      const text = `${msg.sameFactInPlans(stating.length, factWords(first, ask, fact))}\n\n${stating.map(block).join('\n\n')}`;
      return withWhy(result('answer', first.intent, text, stating.flatMap((h) => refs(h.plan, h.answer.sections))), ask, cands, stating, 'same fact in every plan');
    }
    // The sentence that answers it, copied from one model into every plan ("Việc đánh giá kết quả … lồng
    // ghép các danh hiệu … với Phong trào …"): quoted once, the other plans cited. Only for a question
    // asking no particular kind of answer: a date, a body or a number is where such sentences differ.
    const same = ask.profile.expected === undefined ? sameSentence(alike, ask) : undefined;
    if (same) {
      return withWhy(nearlySame(alike, quote([same]), alike.map((h) => h.answer.sections)), ask, cands, alike, 'same sentence in every plan');
    }
    // A body only one plan names as asked ("Phòng Tài chính – Kế hoạch huyện", "Ban Tuyên giáo Tỉnh ủy")
    // points at that plan. (Other words only one plan uses, "dịp", point at nothing.)
    const bodies = ask.profile.units.flatMap((u, k) => (u.entity?.kind === 'agency' && u.entity.asked ? [k] : []));
    const naming = bodies.length ? holders.filter((h) => bodies.every((k) => h.check.credits[k] === 1)) : [];
    if (naming.length === 1) return pick(naming[0]!, 'only plan naming the body');
    // The menu lists the plans in their usual order, not by score: "số 2" must mean the same plan every time.
    return withWhy(clarify(intentId, scope.filter((p) => holders.some((h) => h.plan === p))), ask, cands, [], 'several plans answer');
  }

  /**
   * The fact a date question asks for, as one candidate states it: the dates and years of its lines that
   * hold the question's weightiest word it covers ("tổng kết"). Undefined when the question asks no date or the
   * candidate has no such line.
   */
  function keyFact(c: Candidate, ask: Ask): string | undefined {
    const key = keyLines(c, ask);
    if (!key) return undefined;
    // A day and month as written in words too ("ngày 26 tháng 4 năm 2024"): the year alone would make
    // different days one fact.
    const dates = new Set(key.lines.flatMap((l) => (l.match(KEY_DATE) ?? []).map((d) => d.replace(/^ngày\s+0?(\d+)\s+tháng\s+0?(\d+)$/iu, '$1/$2'))));
    return dates.size ? [...dates].sort().join(', ') : undefined;
  }

  /** The lines of a candidate that hold the weightiest word of a date question it covers, and that word. */
  function keyLines(c: Candidate, ask: Ask): { lines: string[]; heaviest: Unit } | undefined {
    if (ask.profile.expected?.type !== 'date') return undefined;
    // The weightiest word the candidate holds: one that no plan writes ("xã hội học tập" typed as "xhht"
    // but worded otherwise) would find no line at all.
    const missing = new Set(c.check.missing);
    // A phase or a span of years named is the key whatever it weighs: "giai đoạn 2 … từ năm nào".
    const named = ask.profile.units.find((u) => (u.entity?.kind === 'phase' || u.entity?.kind === 'period') && !missing.has(u.words.join(' ')));
    const heaviest = named ?? [...ask.profile.units].sort((x, y) => y.weight - x.weight).find((u) => !missing.has(u.words.join(' ')));
    if (!heaviest) return undefined;
    const lines = c.answer.text.split(/\n|(?<=[.;])\s+/).filter((l) => {
      // A phase or a span of years is named in its own ways ("Giai đoạn II", "2024–2030").
      if (heaviest.entity?.kind === 'phase') return writesPhase(l, heaviest.entity.key);
      if (heaviest.entity?.kind === 'period') return writesPeriod(l, heaviest.entity.key);
      // Composed text, not plan text: its terms are not kept in the corpus's term cache.
      const terms = new Set(corpus.terms(l));
      return heaviest.pair ? terms.has(heaviest.pair) : terms.has(heaviest.words[0]!);
    });
    return { lines, heaviest };
  }

  /**
   * The shared fact in the first plan's own words, for the line that says every plan states it:
   * "chia thành 02 giai đoạn; tổng kết vào năm 2030" rather than "2 giai đoạn; 2030".
   */
  function factWords(c: Candidate, ask: Ask, fact: string): string {
    const shown: string[] = [];
    const count = countIn(c, ask);
    if (count) {
      const [n, ...thing] = count.fact.split(' ');
      const m = new RegExp(`(?:[\\p{L}]+\\s+){0,2}0*${n}\\s+${thing.join('\\s+')}`, 'iu').exec(count.sentence.replace(/[“”]/gu, ''));
      shown.push(m ? m[0].trim() : count.fact);
    }
    const key = keyLines(c, ask);
    const line = key?.lines.find((l) => KEY_DATE_ONE.test(l));
    const named = key?.heaviest.entity?.kind;
    if (key && line && (named === 'phase' || named === 'period')) {
      // The line naming the phase with its years, as the plan heads it: "Giai đoạn 2 (từ 2026-2030)".
      const words = line.replace(/[“”]/gu, '').replace(/[,.;:]+$/u, '').split(/\s+/u);
      shown.push(words.length <= FACT_SPAN_WORDS ? words.join(' ') : (keyFact(c, ask) ?? ''));
    } else if (key && line) {
      // From the weightiest word to the date, if they stand close: "tổng kết vào năm 2030".
      const words = line.replace(/[“”]/gu, '').split(/\s+/u);
      const head = key.heaviest.words[0]!;
      const from = words.findIndex((w, i) => fold(w) === head && (key.heaviest.words.length < 2 || fold(words[i + 1] ?? '') === key.heaviest.words[1]));
      const to = words.findIndex((w, i) => i >= from && KEY_DATE_ONE.test(words.slice(from, i + 1).join(' ')));
      shown.push(from >= 0 && to >= from && to - from <= FACT_SPAN_WORDS ? words.slice(from, to + 1).join(' ').replace(/[,.;:]+$/u, '') : (keyFact(c, ask) ?? ''));
    }
    const text = shown.filter(Boolean).join('; ');
    return text || fact;
  }

  /**
   * The count a "mấy / bao nhiêu" question asks for, as one candidate states it: the number it writes
   * before the thing counted ("chia thành 02 giai đoạn" to "chia làm mấy giai đoạn": "2 giai đoạn").
   * Undefined when the question counts nothing or the candidate gives no single number.
   */
  function countFact(c: Candidate, ask: Ask): string | undefined {
    return countIn(c, ask)?.fact;
  }

  /** The count and the sentence that states it ("…chia thành 02 giai đoạn"). */
  function countIn(c: Candidate, ask: Ask): { fact: string; sentence: string } | undefined {
    const tokens = ask.a.repaired;
    const at = tokens.findIndex((t, i) => t === 'may' || (t === 'bao' && tokens[i + 1] === 'nhieu'));
    if (at < 0) return undefined;
    const counted = tokens.slice(at + (tokens[at] === 'bao' ? 2 : 1), at + (tokens[at] === 'bao' ? 4 : 3));
    if (counted.length < 2) return undefined;
    const found = new Map<string, string>();
    for (const sentence of sentencesOf(c.answer.text)) {
      for (const m of sentence.matchAll(/(?<![\p{L}\p{N}])(\d+)\s+(\p{L}+\s+\p{L}+)/gu)) {
        const fact = `${Number(m[1])} ${m[2]!.toLocaleLowerCase('vi')}`;
        if (fold(m[2]!) === counted.join(' ') && !found.has(fact)) found.set(fact, sentence);
      }
    }
    const only = found.size === 1 ? [...found][0] : undefined;
    return only && { fact: only[0], sentence: only[1] };
  }

  /** A candidate that answers the question at all, with the very thing asked when it was composed (a cross-plan composer is silent otherwise). */
  function holds(c: Candidate, ask: Ask): boolean {
    return !c.answer.absent && answersQuestion(c, strict(ask)) && (c.source !== 'intent' || COMPOSERS[c.intent]!(context(c.plan, ask.a, 'cross', ask.numbers)) !== null);
  }

  /**
   * "Kế hoạch nào có …": the plans whose candidate covers the question clearly (if none does, those
   * that come nearest, within a small band of the best), naming each body as asked: "Phòng Tài chính –
   * Kế hoạch" answers "ai bố trí kinh phí" in Củ Chi, but Củ Chi is not a plan that gives it to "Sở Tài
   * chính" (the glossary counts one body for the other at its own level; an award's other names are
   * the same award); and with the asked kind of answer when the question did not ask for the plans
   * ("QĐ 1373 ngày nào": not the plan that cites it without its date). Returns one candidate per plan
   * holding it, best first.
   */
  function plansHolding(holders: readonly Candidate[], ask: Ask): Candidate[] {
    const namesAll = (c: Candidate) => namesAsAsked(c, ask);
    // Asked for a date (a body, a number…) of a document several plans cite: a plan whose text has none
    // does not answer it, if another's does. ("Những KH nào nhắc QĐ 1373, ký ngày nào" asks for them all.)
    // A finer kind asked ("vào quý mấy") of the plans themselves, not of a document they cite, is what
    // the plans listed must state.
    const ofPlans = ask.profile.expected?.finer !== undefined && ask.numbers.length === 0;
    const fitting = ask.a.slots.crossPlan && !ofPlans ? holders : holders.filter((h) => h.check.type >= 0);
    const named = (fitting.length ? fitting : holders).filter(namesAll);
    const top = Math.max(0, ...named.map((h) => h.check.coverage));
    const clear = named.filter((h) => h.check.coverage >= WHICH_MIN_COVERAGE && h.check.coverage >= top - WHICH_CLEAR_BAND);
    return clear.length ? clear : named.filter((h) => h.check.coverage >= top - WHICH_BAND);
  }

  /** Every body the question asks about is named by the candidate as the question names it. */
  function namesAsAsked(c: Candidate, ask: Ask): boolean {
    return ask.profile.units.every((u, k) => u.entity?.kind !== 'agency' || !u.entity.required || c.check.credits[k] === 1);
  }

  /**
   * The plans a negated "which plans" speaks of, each with what its composer says: "kế hoạch nào không
   * có Bằng khen Thủ tướng" asks among the plans that list award forms (and what they list instead), not
   * of a letter that lists none. Undefined when the question asks of the topic itself ("kế hoạch nào
   * không có phần kinh phí"): then it asks of every plan.
   */
  function topicAnswers(scope: readonly Plan[], ask: Ask): Map<Plan, PlanAnswer> | undefined {
    // An award named is asked among the plans that list awards, whatever the question word ("… thì cao
    // nhất là khen của ai" reads as asking a body).
    const primary = ask.a.slots.awards.some((k) => !GENERIC_AWARDS.has(k)) ? intentById.get('awards') : ask.primary;
    // Narrower than the topic: a body, an award or a date is named, or the topic is named apart from
    // what is denied ("giai đoạn 1 không bắt đầu từ 2023": of the plans that have phases).
    if (!primary || !(ask.profile.units.some((u) => u.entity?.required) || topicNamedApart(ask, primary))) return undefined;
    const out = new Map<Plan, PlanAnswer>();
    for (const p of scope) {
      const answer = COMPOSERS[primary.id]!(context(p, ask.a, 'single', ask.numbers));
      if (answer) out.set(p, answer);
    }
    return out;
  }

  /** "mục", "phần" (typed so, or without diacritics): the question asks of a part of the document. */
  function asksOfParts(ask: Ask): boolean {
    return ask.a.repaired.some((t, k) => t === 'muc' || (t === 'phan' && ['phần', 'phan'].includes(ask.a.typed[k] ?? '')));
  }

  /** A keyword of the intent stands before the denial: the topic is asked of, not denied. */
  function topicNamedApart(ask: Ask, intent: IntentDef): boolean {
    const n = ask.a.slots.negation;
    if (!n || ask.a.intent?.id !== intent.id) return false;
    const before = ` ${ask.a.expanded.slice(0, n.start).join(' ')} `;
    return ask.a.intent.phrases.some((ph) => before.includes(` ${ph} `));
  }

  /** "Kế hoạch nào có / không có …": the plans holding it, each with its passage (or, negated, the plans where none does). */
  function listHolders(scope: readonly Plan[], having: readonly Candidate[], ask: Ask): AnswerResult {
    const awards = ask.a.slots.awards.filter((k) => !GENERIC_AWARDS.has(k)).map((k) => lexicon.awardName(k));
    const thing = awards.length ? awards.join(', ') : 'nội dung này';
    if (ask.a.slots.negated) {
      const topic = topicAnswers(scope, ask);
      const silent = (topic ? [...topic.keys()] : scope).filter((p) => !having.some((h) => h.plan === p));
      const havingLabels = having.map((h) => planShortLabel(h.plan));
      // What each of them writes instead ("các hình thức khen thưởng kế hoạch nêu: …", "báo cáo theo
      // chế độ báo cáo định kỳ"), as its composer gives it: the lists say already that the thing is not there.
      const instead = new Map<Plan, PlanAnswer>();
      for (const p of silent) {
        const a = topic?.get(p) ?? (ask.primary ? COMPOSERS[ask.primary.id]!(context(p, ask.a, 'single', ask.numbers)) : null);
        if (a) instead.set(p, a.absent ? { ...a, text: a.text.split('\n').slice(1).join('\n') || a.text } : a);
      }
      // What they leave out, as the intent names it ("kế hoạch nào" asks for plans: its question word says nothing of it).
      // (The topic named apart from the denial is what they have: what they lack is the denied words.)
      const apart = ask.primary !== undefined && topicNamedApart(ask, ask.primary);
      const what = apart && !awards.length ? (deniedWords(ask.a) ?? thing) : awards.length || topic ? thing : (documentParts(scope, ask) ?? ask.primary?.title.toLocaleLowerCase('vi') ?? thing);
      // Nothing to show of them: the plans listed are the answer, each by its full name and title, and,
      // asked whether they have such a part ("không có mục kinh phí"), by their parts, which show it.
      // (A letter whose numbered points have no headings has no parts to name.)
      const parts = (p: Plan) => {
        const headed = p.sections.filter((n) => n.heading).map((n) => `${sectionNumber(n.id)} ${n.heading}`);
        return asksOfParts(ask) && headed.length ? `\n  ${msg.documentParts(headed)}` : '';
      };
      if (instead.size === 0) return result('answer', UNKNOWN, msg.plansWithout(what, silent.map((p) => `${planLabel(p)}: ${quote([p.title.quote])}${parts(p)}`), havingLabels), silent.map((p) => ({ plan: p.id, section: '' })));
      // The lists in one line above the blocks: a long answer's first line is what its overview keeps.
      const blocks = [...instead].map(([p, a]) => `■ ${planLabel(p)}\n${a.text}\n${citation(p, a.sections)}`);
      const head = msg.plansWithout(what, silent.map(planShortLabel), havingLabels, true);
      // Every plan listed is a source, with what it writes instead where it writes anything.
      const sources = silent.flatMap((p) => (instead.has(p) ? refs(p, instead.get(p)!.sections) : [{ plan: p.id, section: '' }]));
      return result('answer', ask.primary!.id, `${head}\n\n${blocks.join('\n\n')}`, sources);
    }
    const blocks = having.map((h) => `■ ${planLabel(h.plan)}\n${h.answer.text}\n${citation(h.plan, h.answer.sections)}`);
    const tail = scope.length > having.length ? `\nKhông nêu trong: ${scope.filter((p) => !having.some((h) => h.plan === p)).map(planShortLabel).join('; ')}.` : '';
    return result('answer', having[0]!.intent, `${msg.plansHaving(scope.length, thing, having.map((h) => h.plan.shortName))}\n\n${blocks.join('\n\n')}${tail}`, having.flatMap((h) => refs(h.plan, h.answer.sections)));
  }

  /** A section quoted under its trail of headings: its text, or, over subsections only, theirs. */
  function sectionAnswer(plan: Plan, node: SectionNode): PlanAnswer {
    const body = node.text.trim() ? node.text : sectionFullText(node).split('\n').slice(1).join('\n');
    return { text: `${placeOf(plan)} — ${breadcrumb(plan.sections, node.id)}:\n${quote([clip(body)])}`, sections: [node.id] };
  }

  /** "mục II.3", "phần IV": that section of the plan, quoted. */
  function answerSection(plan: Plan, id: string, ask: Ask): AnswerResult {
    const node = findSection(plan.sections, id) ?? subsection(plan, id, ask.previous?.sources ?? [], ask.a.repaired);
    if (!node) {
      const top = plan.sections.map((n) => sectionNumber(n.id).replace(/\.$/, '')).filter(Boolean);
      return result('not_found', 'section', `${planLabel(plan)} không có mục ${id}. Các phần của văn bản: ${top.join(', ')}.`);
    }
    const answer = sectionAnswer(plan, node);
    const item = ask.a.slots.ordinal !== undefined ? pickOrdinal(plan, answer, ask.a.slots.ordinal) : null;
    // "phần VI nói về gì, ai bố trí kinh phí": the section, then the sentence of the part it leaves out.
    const quoted = single(plan, item ?? answer, 'section');
    const both = item ? undefined : withOtherPart(candidate(ask, 'section', 'section', plan, answer, 1, EMPTY), quoted, candidatesFor(plan, ask), ask);
    return both ?? withWhy(quoted, ask, [], [], item ? `section named, item ${ask.a.slots.ordinal}` : 'section named');
  }

  /**
   * "mục 2.3" without its part's Roman numeral: the one section of the plan numbered so ("II.2.3"), or,
   * of several, the one in the part the previous answer quoted ("ý 2.2" after the contents, part II), or
   * the one under the heading the question writes ("nội dung cụ thể 2.1").
   */
  function subsection(plan: Plan, id: string, previous: readonly SourceRef[], asked: readonly string[]): SectionNode | undefined {
    if (!/^\d/.test(id)) return undefined;
    const found = [...walkSections(plan.sections)].map(({ node }) => node).filter((node) => node.id.endsWith(`.${id}`));
    if (found.length === 1) return found[0];
    const parts = new Set(previous.filter((s) => s.plan === plan.id).map((s) => s.section.split('.')[0]));
    const inPart = found.filter((node) => parts.has(node.id.split('.')[0]));
    if (inPart.length === 1) return inPart[0];
    const question = ` ${asked.join(' ')} `;
    const underNamed = found.filter((node) => {
      const heading = findSection(plan.sections, node.id.split('.').slice(0, -1).join('.'))?.heading;
      const words = heading ? lexicon.tokens(heading) : [];
      return words.length >= 2 && question.includes(` ${words.join(' ')} `);
    });
    return underNamed.length === 1 ? underNamed[0] : undefined;
  }

  /** Document numbers: a plan's own number names the plan; a cited document narrows to the sections citing it. */
  function readDocRefs(a: QueryAnalysis): { named: string[]; numbers: string[]; unknownNumbers: string[] } {
    const docPlans: string[] = [];
    const numbers: string[] = [];
    const unknownNumbers: string[] = [];
    for (const ref of a.slots.docrefs) {
      const own = planByNumber.get(ref.number);
      if (own && (ref.type === undefined || ref.type === 'ke hoach' || ref.type === 'cong van')) docPlans.push(own);
      else if (citedBy.has(ref.number)) numbers.push(ref.number);
      else if (own) docPlans.push(own);
      else unknownNumbers.push(ref.number);
    }
    const named = [...new Set([...docPlans, ...a.slots.plans])].filter((id) => knowledge.plan(id));
    return { named, numbers, unknownNumbers };
  }

  /** What a question brings from the conversation. */
  interface FromConversation {
    /** The asker's registered plan. */
    planId?: string;
    /** The plan(s) of the conversation, which come first. (Either applies only to a question that names no plan and does not ask across plans.) */
    contextPlans?: readonly string[];
    /** The previous question's intent, for a follow-up that may go on with it. */
    contextIntent?: string;
    /** "Kế hoạch đó": the message points back at the conversation's plan, even in a question across plans. */
    pointsBack?: boolean;
    /** The question words came with the previous question and the message brings a topic of its own. */
    carried?: boolean;
    /** The previous answer (its intent, the sections it quoted): "ai chủ trì", "gửi qua cơ quan nào" may be asked of it. */
    previous?: PreviousAnswer;
    /** Asked among these plans only (the part stated of a question that denies another: see answerContrast). */
    within?: readonly string[];
  }

  /**
   * "Kế hoạch nào không có X, chỉ có Y": the plans lacking X (the part denied, asked alone), then among
   * them those holding Y. Undefined when either part finds no plans: the question is read whole.
   */
  function answerContrast(parts: ContrastParts, from: FromConversation): AnswerResult | undefined {
    const asWhich = (r: AnswerResult) => r.status === 'answer' && (r.why?.decision.startsWith('which plans') ?? false);
    const deniedAnalysis = analyzer.analyze(parts.denied);
    const denied = answerAnalysed(deniedAnalysis, { ...from, within: undefined });
    if (!asWhich(denied)) return undefined;
    const lacking = [...new Set(denied.sources.map((s) => s.plan))];
    const stated = lacking.length ? answerAnalysed(analyzer.analyze(parts.stated), { ...from, within: lacking }) : undefined;
    if (!stated || !asWhich(stated) || !stated.sources.length) return undefined;
    // Its lead: the plans lacking X, named by the words that deny it (the intent's title would say they
    // lack the whole topic: "không nêu tiêu chí thi đua" for "không nhắc người dân tộc thiểu số").
    // (An award denied is named by its own name already.)
    const what = deniedAnalysis.slots.awards.length ? undefined : deniedWords(deniedAnalysis);
    const lead = what ? msg.plansWithout(what, lacking.map((id) => planShortLabel(knowledge.plan(id)!)), [], true) : denied.text.split('\n\n')[0]!;
    return { ...stated, text: `${lead}\n\n${stated.text}`, why: { ...stated.why!, decision: `which plans: ${parts.denied} / ${parts.stated}` } };
  }

  function answerAnalysed(a: QueryAnalysis, from: FromConversation = {}): AnswerResult {
    const { contextPlans = [], contextIntent, pointsBack = false, carried = false } = from;
    let planId = from.planId;
    const { slots } = a;
    const contrast = from.within === undefined ? contrastParts(a) : undefined;
    const contrasted = contrast ? answerContrast(contrast, from) : undefined;
    if (contrasted) return contrasted;
    const refs = readDocRefs(a);
    const { numbers, unknownNumbers } = refs;
    if (unknownNumbers.length && !refs.named.length && !numbers.length) return notFound(a.intent?.id ?? UNKNOWN, msg.unknownDocument(unknownNumbers));

    const fromContext = refs.named.length === 0 && (!slots.crossPlan || pointsBack) ? contextPlans.filter((id) => knowledge.plan(id)) : [];
    const named = refs.named.length ? refs.named : fromContext;
    if (fromContext.length === 1) planId = fromContext[0];
    if (slots.otherLocalities.length && named.length === 0) {
      return result('not_found', a.intent?.id ?? UNKNOWN, `${msg.otherPlace(slots.otherLocalities, plans)}\n${msg.shortSuggestions(intents)}`);
    }

    let intent = a.intent ? intentById.get(a.intent.id) : undefined;
    // A question about a document the plans cite ("KH 33 ban hành ngày nào") is answered from the
    // citation, not from the plan's own header.
    if ((!intent || intent.id === 'document') && numbers.length) intent = intentById.get('basis');
    // Only a place or a document number ("Củ Chi", "KH 62"): describe that document.
    if (!intent && named.length && a.words.length === 0 && slots.ordinal === undefined) intent = intentById.get('document');
    // Only an agency (and maybe a place): "Hội Khuyến học tỉnh Thái Bình" asks what that body does.
    if (!intent && slots.agencies.length && agencyOnly(a)) intent = intentById.get('responsibilities');
    // "có kế hoạch nào" alone asks what the bot holds; followed by a topic ("có KH nào tổ chức lễ phát
    // động …") it asks which plans hold that.
    let profile = questionProfile(a, corpus, answerTypes, numbers);
    if (intent?.id === 'help') {
      const helpWords = new Set((a.intent?.phrases ?? []).flatMap((p) => p.split(' ')));
      const topic = profile.units.some((u) => u.words.some((w) => !helpWords.has(w)));
      if (!topic || (!slots.whichPlans && !a.ranked.some((r) => r.id !== 'help'))) return help();
      const next = a.ranked.find((r) => r.id !== 'help');
      intent = next ? intentById.get(next.id) : undefined;
    }

    // The question words came with the previous question and the message brings a new topic ("quý
    // mấy", then "tổng kết thì sao"): what the user asks now is its time, in whatever terms the plan gives.
    if (carried && profile.expected?.finer !== undefined) profile = { ...profile, expected: answerTypes.coarse(profile.expected) };
    const ask: Ask = { a, profile, primary: intent && COMPOSERS[intent.id] ? intent : undefined, intents: plausibleIntents(a, intent, numbers, contextIntent), numbers, ...(from.previous ? { previous: from.previous } : {}) };

    if (slots.sections.length) {
      const id = named.length === 1 ? named[0] : named.length === 0 ? planId : undefined;
      if (id) return answerSection(knowledge.plan(id)!, slots.sections[0]!, ask);
      if (named.length === 0) return clarify('section', plans.filter((p) => findSection(p.sections, slots.sections[0]!)));
    }

    // The plans asked about: those citing the document named, if one is; never those the question leaves out.
    const citing = (numbers.length ? plans.filter((p) => numbers.some((n) => citedBy.get(n)?.has(p.id))) : plans).filter(
      (p) => !slots.excluded.includes(p.id) && (!slots.plansOnly || p.kind === 'ke-hoach') && (from.within === undefined || from.within.includes(p.id)),
    );
    const primary = ask.primary;

    // Across plans: several places named, "tỉnh nào…", "so sánh…", or a cited document several plans use.
    if (primary) {
      const across = named.length > 1 ? named.map((id) => knowledge.plan(id)!) : named.length === 0 && (slots.crossPlan || (numbers.length && citing.length > 1 && !planId)) ? citing : undefined;
      // "Thái Bình, Tây Ninh, Khánh Hòa: tỉnh nào không có …" asks which of the named plans hold it.
      if (across && named.length > 1) return slots.whichPlans ? answerUnplaced(across, ask, true) : answerMany(across, primary, ask);
      // "Tỉnh nào …", "kế hoạch nào không có …": each plan's best candidate says whether it holds the thing.
      if (across) return answerUnplaced(across, ask, true);
    }

    if (named.length === 1) {
      const id = named[0]!;
      return answerIn(knowledge.plan(id)!, slots.alternates[id] ?? [], ask);
    }
    if (primary && !primary.needsPlan && named.length === 0) return answerMany(citing, primary, ask);
    if (named.length === 0 && planId && knowledge.plan(planId)) return answerIn(knowledge.plan(planId)!, [], ask);
    return answerUnplaced(named.length ? named.map((id) => knowledge.plan(id)!) : citing, ask, named.length === 0 && slots.crossPlan);
  }

  function smallTalk(kind: SmallTalkKind): AnswerResult {
    return { ...result('answer', 'smalltalk', msg.smallTalkReply(kind, msg.exampleQuestions(intents, 2))), smallTalk: kind };
  }

  /**
   * "nói rõ hơn" (and "ý thứ 2" alone): a section the previous answer came from, quoted. When that answer
   * drew on several sections, an ordinal picks one of them ("ý 2" of a letter's points 1–4); otherwise
   * it picks an item of the one section.
   */
  function answerDetail(context: AskContext, a: QueryAnalysis): AnswerResult | undefined {
    // "Trích nguyên văn" after "ý thứ 2" is of that item; another ordinal is of the list.
    const from = a.slots.ordinal === undefined && context.shown?.length ? context.shown : context.sources;
    const unique = from.filter((s, i, all) => s.section !== '' && knowledge.plan(s.plan) && all.findIndex((x) => x.plan === s.plan && x.section === s.section) === i);
    // A heading cited with the item under it ("V" and "V.1"): the item is what the answer was about;
    // an ordinal, though, counts the items of the list ("ý c" after "2. Yêu cầu" with its "ý a" cited beside it).
    const under = (s: SourceRef, x: SourceRef) => x.plan === s.plan && x.section.startsWith(`${s.section}.`);
    const lists = a.slots.ordinal !== undefined ? unique.filter((s) => !unique.some((x) => under(x, s))) : [];
    const sources = lists.length === 1 ? lists : unique.filter((s) => !unique.some((x) => under(s, x)));
    if (sources.length === 0) return undefined;
    const ordinal = a.slots.ordinal;
    // An ordinal beyond the sections cited is of the items inside one: "ý 3" after "nội dung chung" and
    // "nội dung cụ thể" is the third of the section that has a third item.
    // (Of those, the one the question named by its heading: "nội dung cụ thể".)
    const asked = ` ${fold(context.question)} `;
    const nodeOf = (s: SourceRef) => findSection(knowledge.plan(s.plan)!.sections, s.section);
    const holding = ordinal !== undefined && ordinal > sources.length ? sources.filter((s) => (nodeOf(s)?.children.length ?? 0) >= ordinal) : [];
    const inside = holding.find((s) => asked.includes(` ${fold(nodeOf(s)?.heading ?? '\u0000')} `)) ?? holding[0];
    const many = ordinal !== undefined && sources.length > 1 && !inside;
    const source = inside ?? (many ? sources[ordinal === -1 ? sources.length - 1 : ordinal! - 1] : sources[0]);
    if (!source) return undefined;
    // "ý 4" after an answer from the opening or the closing words, which have no items: the document's
    // own numbered parts (a letter's "1.", "2.", …), as a question of one ordinal alone reads them.
    if (ordinal !== undefined && sources.length === 1 && (source.section === PREAMBLE_ID || source.section === CLOSING_ID)) {
      const plan = knowledge.plan(source.plan)!;
      const body = plan.sections.filter((n) => n.id !== PREAMBLE_ID && n.id !== CLOSING_ID);
      const node = body[ordinal > 0 ? ordinal - 1 : body.length + ordinal];
      if (node) {
        const plain = { ...a, slots: { ...a.slots, ordinal: undefined } };
        return answerSection(plan, node.id, { a: plain, profile: questionProfile(plain, corpus, answerTypes, []), intents: [], numbers: [] });
      }
    }
    const analysis = many ? { ...a, slots: { ...a.slots, ordinal: undefined } } : a;
    const ask: Ask = { a: analysis, profile: questionProfile(analysis, corpus, answerTypes, []), intents: [], numbers: [] };
    return answerSection(knowledge.plan(source.plan)!, source.section, ask);
  }

  /**
   * The question read with a place's initials as that place ("BK": Bắc Kạn rather than Bằng khen, "TN"),
   * when the letters stand alone (not "KH 62") and the analysis read them otherwise; undefined when none.
   */
  function placeReading(text: string, a: QueryAnalysis): string | undefined {
    if (a.slots.localities.length > 0) return undefined;
    const words = text.split(/\s+/u);
    const at = words.findIndex((w, i) => {
      const bare = w.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
      return placeByInitials.has(bare) && !/^\d/u.test(words[i + 1] ?? '');
    });
    if (at < 0) return undefined;
    const word = words[at]!;
    const bare = word.replace(/[^\p{L}\p{N}]/gu, '');
    words[at] = word.replace(bare, placeByInitials.get(bare.toLowerCase())!);
    return words.join(' ');
  }

  /** A message answered as read, and, when its letters may be a place's initials, as read that way too. */
  function answerInContext(typedText: string, request: AnswerRequest, otherReading = true): AnswerResult {
    const out = answerReading(typedText, request);
    // An abbreviation with two meanings is read both ways: when the first reading finds nothing, the
    // other is checked as any candidate is ("vậy BK có những nhóm đối tượng nào" asks about Bắc Kạn).
    if (!otherReading || out.smallTalk) return out;
    // An answer no other reading can beat by the margin is kept without trying one.
    if (out.status === 'answer' && chosenCoverage(out) > 1 - READING_MARGIN) return out;
    const first = analyzer.analyze(typedText);
    const alternative = placeReading(typedText, first);
    if (!alternative) return out;
    const other = answerInContext(alternative, request, false);
    if (other.status !== 'answer') return out;
    // Nothing found, or "which plan?" about an award the letters were read as ("BK") where the place
    // reading answers it all: the place. ("KH" read as "kế hoạch" keeps its menu: the word is in every
    // other question.) Both answer: the one whose answer covers the question clearly better.
    const readAsAward = first.slots.spans.some((sp) => sp.kind === 'award');
    if (out.status === 'not_found' || (out.status === 'clarify' && readAsAward && chosenCoverage(other) >= FULL_READING)) return other;
    return out.status === 'answer' && chosenCoverage(other) >= chosenCoverage(out) + READING_MARGIN ? other : out;
  }

  function chosenCoverage(r: AnswerResult): number {
    const c = r.why?.chosen !== undefined ? r.why.candidates[r.why.chosen] : undefined;
    return c?.coverage ?? 0;
  }

  /**
   * A message read against the conversation: small talk; a follow-up completed from the context (the
   * previous question with the new slots, or the previous plan for a new topic); or a question alone.
   */
  function answerReading(typedText: string, request: AnswerRequest): AnswerResult {
    let text = typedText;
    let a = analyzer.analyze(text);
    if (a.tokens.length === 0) return result('not_found', UNKNOWN, `${msg.NO_WORDS}\n${msg.shortSuggestions(intents)}`);
    const talk = conversation.smallTalk(a.tokens);
    if (talk) return smallTalk(talk);
    let context = request.context;
    // In a conversation, a place's initials alone are that place ("còn BK thì sao", "KH thì sao"), not
    // the award or the document type the letters also stand for.
    const lone = context ? conversation.loneWord(a.tokens) : undefined;
    const initial = lone ? placeByInitials.get(lone) : undefined;
    if (initial) {
      // Replaced in the text as typed, so the other words keep their diacritics.
      const replaced = text.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${lone}(?=$|[^\\p{L}\\p{N}])`, 'iu'), `$1${initial}`);
      text = replaced !== text ? replaced : a.tokens.map((t) => (t === lone ? initial : t)).join(' ');
      a = analyzer.analyze(text);
    }
    const prev = context?.question ? analyzer.analyze(context.question) : undefined;
    const follow = conversation.followUp(a, prev, (n) => planByNumber.has(n));
    let question = text;
    let analysis = a;
    const filled: FilledFromContext[] = [];
    // "ý thứ 2" alone points into the previous answer as "nói rõ hơn ý 2" does.
    const onlyOrdinal = follow.kind === 'topic' && a.slots.ordinal !== undefined && a.slots.spans.every((sp) => sp.kind === 'ordinal');
    if (follow.kind === 'detail' || onlyOrdinal) {
      const detail = answerDetail(context!, a);
      // The context keeps the list it came from: "ý cuối" next is the list's last point, not this one's.
      if (detail) return withContext(fitForPhone(detail, a), { ...context!, shown: detail.sources }, ['topic']);
    }
    // Slots and a question word of another kind than the previous question's ("huyện sơ kết khi nào"
    // after "hình thức khen thưởng … gồm những gì"): a new question on the plan of the conversation.
    const asksAnew = follow.kind === 'topic' && prev !== undefined && (asksOtherKind(a, prev) || asksWhetherOwn(a));
    // "sở nội vụ thì sao" after "… do ai tổ chức": the body named in place of the one asked for is what
    // the message asks about, its own tasks (the previous words would ask whether it does that thing).
    // (Or asked so: "còn phòng nội vụ làm gì" is that body's tasks, whatever the previous question asked.)
    // (A level written after the body's name is part of it: "Phòng Nội vụ huyện".)
    const ofBody = (sp: (typeof a.slots.spans)[number]) => sp.kind === 'agency' || (sp.kind === 'target' && a.slots.spans.some((b) => b.kind === 'agency' && b.end === sp.start));
    const onlyBodies = follow.kind === 'topic' && prev !== undefined && a.slots.spans.some((sp) => sp.kind === 'agency') && a.slots.spans.every(ofBody);
    const bodyFor = onlyBodies && (a.intent?.id === 'responsibilities' || questionProfile(prev, corpus, answerTypes).expected?.type === 'agency');
    if (bodyFor) {
      question = a.slots.spans.map((sp) => a.typed.slice(sp.start, sp.end).join(' ')).join(' ');
      analysis = analyzer.analyze(question);
      filled.push('topic');
    } else if (!asksAnew && (follow.kind === 'topic' || follow.kind === 'plan' || (follow.kind === 'new' && follow.text))) {
      question = follow.text!;
      analysis = analyzer.analyze(question);
      if (follow.kind === 'topic') filled.push('topic');
    }
    let own = readDocRefs(analysis).named;
    const before = context?.plans.length === 1 ? knowledge.plan(context.plans[0]!) : undefined;
    const after = own.length === 1 ? knowledge.plan(own[0]!) : undefined;
    if (follow.kind === 'topic' && !asksAnew && before && after && before.id !== after.id) {
      const leveled = conversation.carryLevel(question, a.tokens, before.issuer.level, after.issuer.level);
      if (leveled !== question) {
        question = leveled;
        analysis = analyzer.analyze(question);
        own = readDocRefs(analysis).named;
      }
    }
    const pointsBack = follow.kind === 'plan' && follow.pointsBack === true;
    // "Kế hoạch đó" after a letter's answer that named one of the plans ("Công văn 209 thực hiện theo
    // Kế hoạch số 62…"): that plan, not the letter.
    const named = pointsBack && context ? namedPlan(context, a) : undefined;
    if (named) context = { ...context!, plans: [named] };
    const usesContextPlans =
      follow.kind !== 'new' && own.length === 0 && (!analysis.slots.crossPlan || pointsBack) && (context?.plans.length ?? 0) > 0 && (context?.unplaced !== true || pointsBack);
    if (usesContextPlans) filled.push('plan');
    const leans = follow.kind === 'plan' || (follow.kind === 'new' && follow.leans === true);
    // The message brings a topic of its own ("tổng kết thì sao"), not only a plan ("còn Bắc Kạn?").
    const ownUnits = questionProfile(a, corpus, answerTypes).units.length;
    const ownTopic = filled.includes('topic') && ownUnits > 0;
    // Only question words ("tháng mấy", "ai làm"): asked of the section just quoted before anything else.
    const onlyAsks = (follow.kind === 'topic' || follow.kind === 'plan') && ownUnits === 0 && a.slots.spans.length === 0;
    const out = fitForPhone(
      answerAnalysed(analysis, {
        planId: request.planId,
        contextPlans: usesContextPlans ? context!.plans : [],
        contextIntent: leans ? context?.intent : undefined,
        pointsBack,
        carried: ownTopic,
        // A question of its own on the conversation's plan ("gửi qua cơ quan nào" after "hạn báo cáo"): may be asked of what was just quoted.
        // (So may an ordinal with words of its own: "ý a nhắc tới phong trào nào" is an item of the list just read.)
        ...(usesContextPlans && (follow.kind === 'topic' || follow.kind === 'plan' || analysis.slots.ordinal !== undefined) ? { previous: { intent: context!.intent, sources: context!.sources, ...(onlyAsks ? { askedOfIt: true } : {}) } } : {}),
      }),
      analysis,
    );
    const plans = out.sources.length ? [...new Set(out.sources.map((s) => s.plan))] : own.length ? own : usesContextPlans ? context!.plans : [];
    const mentions = mentionedPlans(out.text, plans);
    // Named by no one (neither the question, the context nor the asker's registration), answered from several plans.
    const unplaced = own.length === 0 && !usesContextPlans && request.planId === undefined && plans.length > 1 && out.status === 'answer';
    return withContext(
      out,
      { question, plans: out.status === 'clarify' ? [] : plans, intent: out.intent, sources: out.sources, ...(mentions.length ? { mentions } : {}), ...(unplaced ? { unplaced } : {}) },
      filled,
    );
  }

  /** The plans an answer's text names by their own number ("Kế hoạch số 62/KH-UBND"), other than its own. */
  function mentionedPlans(text: string, own: readonly string[]): string[] {
    const flat = text.replace(/\s+/g, '');
    return plans.filter((p) => p.number && !own.includes(p.id) && flat.includes(p.number.replace(/\s+/g, ''))).map((p) => p.id);
  }

  /** The one plan a letter's answer named, when the message calls it a "kế hoạch" and the context's plans are all letters. */
  function namedPlan(context: AskContext, a: QueryAnalysis): string | undefined {
    const letters = context.plans.length > 0 && context.plans.every((id) => knowledge.plan(id)?.kind === 'cong-van');
    const saysPlan = saysKeHoach(a.repaired);
    return letters && saysPlan && context.mentions?.length === 1 ? context.mentions[0] : undefined;
  }

  /**
   * "Khánh Hòa có Bằng khen của Thủ tướng không": whether a thing it names (an award, a group, a body)
   * is there, asked as a question of its own; not "còn Khánh Hòa có không", which asks the previous one.
   */
  function asksWhetherOwn(cur: QueryAnalysis): boolean {
    const t = cur.repaired;
    // ("… có giống không", "… có khác không" compare with the previous answer: they ask it again.)
    const compares = t.includes('giong') || t.includes('khac');
    const yesNo = !compares && t.some((w, i) => w === 'co' && t.slice(i + 1).some((x) => x === 'khong' || x === 'ko' || x === 'chua'));
    return yesNo && cur.slots.spans.some((sp) => sp.kind === 'award' || sp.kind === 'awardKind' || sp.kind === 'target' || sp.kind === 'agency');
  }

  /** True when `cur` asks for a kind of answer (a date, a body…) and `prev` asked for another or none. */
  function asksOtherKind(cur: QueryAnalysis, prev: QueryAnalysis): boolean {
    const isWord = (t: string) => corpus.formCount(t) > 0;
    const kind = answerTypes.expected(cur.repaired, cur.typed, isWord)?.type;
    return kind !== undefined && kind !== answerTypes.expected(prev.repaired, prev.typed, isWord)?.type;
  }

  /** A long answer as an overview with its parts (layout.ts). */
  function fitForPhone(out: AnswerResult, a: QueryAnalysis): AnswerResult {
    // The help answer is the introduction: read whole, like /batdau.
    if (out.status !== 'answer' || out.intent === 'help') return out;
    const overview = overviewOf(out.text, (sentence) => corpus.overlap(sentence, a.terms));
    return overview ? { ...out, text: overview.text, parts: overview.parts } : out;
  }

  /** Adds what the answer resolved, and, when a part came from the context, a first line naming it. */
  function withContext(out: AnswerResult, resolved: AskContext, filled: FilledFromContext[]): AnswerResult {
    if (filled.length === 0 || out.status === 'clarify') return { ...out, resolved };
    const places = resolved.plans.map((id) => knowledge.plan(id)).filter((p): p is Plan => !!p).map(placeOf);
    const title = intentById.get(out.intent)?.title;
    const lead = msg.fromContext(places, out.status === 'answer' ? title : undefined);
    return { ...out, text: `${lead}\n${out.text}`, resolved, filled };
  }

  function answer(request: AnswerRequest): AnswerResult {
    try {
      const raw = typeof request?.text === 'string' ? request.text : '';
      const cleaned = cleanInput(raw, maxInputChars);
      if (cleaned.text === '') return result('not_found', UNKNOWN, `${msg.EMPTY_QUESTION}\n${msg.shortSuggestions(intents)}`);
      if (!hasWordCharacters(cleaned.text)) {
        // An emoji alone ("👍", "🙏") is a reaction, not a question.
        if (hasEmoji(cleaned.text)) return smallTalk('ack');
        return result('not_found', UNKNOWN, `${msg.NO_WORDS}\n${msg.shortSuggestions(intents)}`);
      }
      const out = answerInContext(cleaned.text, request);
      return cleaned.truncated ? { ...out, text: `${msg.truncatedNotice(maxInputChars)}\n${out.text}` } : out;
    } catch (err) {
      // A bug must not take the conversation down: the user gets a plain sentence, the caller keeps going.
      opts.logger?.error({ err }, 'answerer failed on a question');
      return result('not_found', UNKNOWN, `Xin lỗi, tôi chưa trả lời được câu hỏi này. ${msg.shortSuggestions(intents)}`);
    }
  }

  return { answer, analyzer, corpus };
}
