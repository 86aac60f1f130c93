/**
 * The answerer: deterministic, synchronous, in-process. One question in, one answer out:
 *   clean input → analyse (fold, expand, intent, repair, slots) → decide the plan(s) → compose from the
 *   plan's structured fields, quoting its words → citation. Never throws on user input.
 */
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { Plan } from '../knowledge/schema.js';
import { createAnalyzer, type Analyzer, type QueryAnalysis } from '../nlu/analyze.js';
import { AbbreviationExpander } from '../nlu/expand.js';
import { loadGlossary, type Glossary } from '../nlu/glossary.js';
import { loadIntents, type IntentDef } from '../nlu/intents.js';
import { cleanInput, hasWordCharacters } from '../text/normalize.js';
import { GENERIC_AWARDS } from './compose/awards.js';
import { leadingNumber } from './compose/basis.js';
import type { ComposeContext, PlanAnswer, PlanComposer } from './compose/context.js';
import { COMPOSERS } from './compose/index.js';
import { renderPassage } from './compose/passage.js';
import { Corpus, type Passage } from './corpus.js';
import { citation, planLabel, planShortLabel, sourceRefs } from './format.js';
import { Lexicon } from './lexicon.js';
import * as msg from './messages.js';
import type { AnswerRequest, AnswerResult, Answerer, PlanOption, SourceRef } from './types.js';

export const DEFAULT_MAX_INPUT_CHARS = 2000;
const UNKNOWN = 'unknown';

/** A passage answers a question without intent only if it holds this share of the question's meaningful words… */
const PASSAGE_MIN_COVERAGE = 0.5;
/** …and at least this many of them. */
const PASSAGE_MIN_WORDS = 2;
/** A word counts as meaningful when rarer than this (idf): "thi", "hoc", "tap" are not. */
const MEANINGFUL_IDF = 1.2;
/** A word that singles out a plan is rarer still (in roughly one passage in twelve at most). */
const DISTINCTIVE_IDF = 2.5;
/** Without a named place, one plan is chosen only when its best passage beats every other plan's by this factor. */
const PLAN_MARGIN = 1.6;
/** Boost of a passage under the section that holds the intent's answers. */
const INTENT_BOOST = 1.6;
const TARGET_BOOST = 1.5;
/** Level words that go with an agency ("Hội Khuyến học tỉnh", "Phòng Nội vụ huyện"). */
const LEVEL_WORDS = new Set(['tinh', 'huyen', 'xa', 'thanh', 'pho', 'thi', 'tran', 'cap']);

export interface AnswererOptions {
  maxInputChars?: number;
  glossary?: Glossary;
  intents?: IntentDef[];
  /** Where an internal error is reported (the user still gets a plain reply). Never given the question text. */
  logger?: Pick<Logger, 'error'>;
}

/** Everything built once at start-up; exposed for benchmarks and tests. */
export interface AnswerEngine extends Answerer {
  readonly analyzer: Analyzer;
  readonly corpus: Corpus;
}

export function createAnswerer(knowledge: Knowledge, opts: AnswererOptions = {}): AnswerEngine {
  const maxInputChars = opts.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const glossary = opts.glossary ?? loadGlossary();
  const intents = opts.intents ?? loadIntents();
  const expander = new AbbreviationExpander(glossary.abbreviations);
  const corpus = new Corpus(knowledge, expander);
  const analyzer = createAnalyzer({ glossary, intents, corpusWords: corpus.words, expander });
  const lexicon = new Lexicon(glossary, expander);
  const intentById = new Map(intents.map((i) => [i.id, i]));
  const sectionWords = new Map(intents.map((i) => [i.id, i.sectionWords.map((w) => analyzer.expander.normalizePhrase(w).join(' '))]));
  const plans = knowledge.plans;

  /** Plan numbers ("62" of "62/KH-UBND") → plan id: a question naming it names the plan. */
  const planByNumber = new Map<string, string>();
  for (const p of plans) {
    const n = leadingNumber(p.number ?? '');
    if (n) planByNumber.set(n, p.id);
  }
  /** Numbers of documents the plans cite → the plans citing them. */
  const citedBy = new Map<string, Set<string>>();
  for (const p of plans) {
    for (const ref of [...p.basis, ...(p.references ?? [])]) {
      const n = leadingNumber(ref.number);
      if (!n) continue;
      const set = citedBy.get(n) ?? new Set();
      set.add(p.id);
      citedBy.set(n, set);
    }
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

  function context(plan: Plan, a: QueryAnalysis, mode: ComposeContext['mode'], numbers: readonly string[]): ComposeContext {
    let sectionFilter: Set<string> | undefined;
    if (numbers.length) {
      sectionFilter = new Set(
        corpus.passages.filter((p) => p.planId === plan.id && numbers.some((n) => p.bodyTokens.has(n))).map((p) => p.sectionId),
      );
    }
    return { plan, analysis: a, corpus, lexicon, topic: topicOf(a), sectionFilter, mode };
  }

  function hasContent(composer: PlanComposer, plan: Plan, a: QueryAnalysis, numbers: readonly string[]): boolean {
    return composer(context(plan, a, 'cross', numbers)) !== null;
  }

  /**
   * How much of the question a passage covers: its meaningful words found there, and whether one of
   * its word pairs is found there too (a shared phrase, not two stray syllables: "thời tiết" is not
   * "thời gian" + "tiết kiệm").
   */
  function coverage(words: readonly string[], pairs: readonly string[], p: Passage): { meaningful: number; covered: number; phrase: boolean } {
    const meaningful = [...new Set(words)].filter((w) => corpus.words.has(w) && corpus.idf(w) >= MEANINGFUL_IDF);
    const own = new Set([...corpus.termSet(p.node.text), ...corpus.termSet(p.trail)]);
    const covered = meaningful.filter((w) => own.has(w)).length;
    const phrase = pairs.some((b) => own.has(b) && b.split('_').some((w) => corpus.idf(w) >= MEANINGFUL_IDF));
    return { meaningful: meaningful.length, covered, phrase };
  }

  /**
   * No place named: if the question's own words point clearly at one plan (a body only one plan has,
   * "Phòng Tài chính – Kế hoạch huyện"), that plan; otherwise undefined (the caller asks).
   */
  function inferPlan(a: QueryAnalysis, intentId: string | undefined, candidates: readonly string[]): string | undefined {
    const topic = topicOf(a);
    if (topic.length === 0 || candidates.length === 0) return undefined;
    // Headings first (an agency or a group is named in its heading), then the whole text.
    for (const fields of [['title'], ['title', 'body']] as const) {
      const hits = corpus.search(topic, { plans: candidates, boost: boostFor(intentId, a), limit: 60, fields: [...fields] });
      const bestPerPlan = new Map<string, number>();
      for (const h of hits) if (!bestPerPlan.has(h.passage.planId)) bestPerPlan.set(h.passage.planId, h.score);
      const [first, second] = [...bestPerPlan.entries()].sort((x, y) => y[1] - x[1]);
      if (!first || (second && first[1] < PLAN_MARGIN * second[1])) continue;
      // The winning passage must hold a word or pair that is rare across the plans ("tuyên giáo",
      // "tài chính"), not only words every plan uses ("kế hoạch", "mục đích").
      const top = hits[0]!;
      const own = new Set([...corpus.termSet(top.passage.node.text), ...corpus.termSet(top.passage.trail)]);
      if (topic.some((t) => own.has(t) && corpus.idf(t) >= DISTINCTIVE_IDF)) return first[0];
    }
    return undefined;
  }

  function clarify(intentId: string, candidates: readonly Plan[]): AnswerResult {
    const options = candidates.map((p) => ({ id: `p:${p.id}`, label: planLabel(p), planId: p.id }));
    return result('clarify', intentId, msg.CLARIFY, [], options);
  }

  function notFound(intentId: string, lead: string = msg.NOT_IN_DOCUMENTS): AnswerResult {
    return result('not_found', intentId, `${lead}\n${msg.shortSuggestions(intents)}`);
  }

  function help(): AnswerResult {
    return result('answer', 'help', `${msg.INTRO}\nCác kế hoạch đang có:\n${msg.planList(plans)}\n${msg.whatICanAnswer(intents)}`);
  }

  /** A question with no recognised intent: the best passage if it clearly covers the question. */
  function answerFromPassage(a: QueryAnalysis, scope: readonly string[], planId: string | undefined): AnswerResult {
    const hits = corpus.search(a.terms, { plans: scope.length ? scope : undefined, limit: 20 });
    const top = hits[0];
    if (!top) return notFound(UNKNOWN);
    const { meaningful, covered, phrase } = coverage(a.words, a.terms.filter((t) => t.includes('_')), top.passage);
    if (!phrase || covered < PASSAGE_MIN_WORDS || covered < PASSAGE_MIN_COVERAGE * meaningful) return notFound(UNKNOWN);
    let plan = knowledge.plan(top.passage.planId)!;
    if (scope.length !== 1) {
      // Same rule as for intents: several plans say it alike → ask (or use the asker's plan).
      const other = hits.find((h) => h.passage.planId !== top.passage.planId);
      if (other && top.score < PLAN_MARGIN * other.score) {
        const own = planId ? hits.find((h) => h.passage.planId === planId) : undefined;
        if (!own) return clarify(UNKNOWN, [...new Set(hits.slice(0, 8).map((h) => h.passage.planId))].map((id) => knowledge.plan(id)!));
        plan = knowledge.plan(planId!)!;
        return single(plan, renderPassage(context(plan, a, 'single', []), own.passage), UNKNOWN);
      }
    }
    return single(plan, renderPassage(context(plan, a, 'single', []), top.passage), UNKNOWN);
  }

  function single(plan: Plan, answer: PlanAnswer, intentId: string): AnswerResult {
    return result('answer', intentId, `${answer.text}\n${citation(plan, answer.sections)}`, refs(plan, answer.sections));
  }

  function refs(plan: Plan, sections: readonly string[]): SourceRef[] {
    // Header facts (number, signer) have no section: cite the plan itself.
    return sections.length ? sourceRefs(plan, sections) : [{ plan: plan.id, section: '' }];
  }

  function answerOne(plan: Plan, alternates: readonly string[], intent: IntentDef, a: QueryAnalysis, numbers: readonly string[]): AnswerResult {
    const composer = COMPOSERS[intent.id]!;
    for (const candidate of [plan, ...alternates.map((id) => knowledge.plan(id)).filter((p): p is Plan => !!p)]) {
      const out = composer(context(candidate, a, 'single', numbers));
      if (out) return single(candidate, out, intent.id);
    }
    const others = plans.filter((p) => p.id !== plan.id && hasContent(composer, p, a, []));
    return result('not_found', intent.id, msg.nothingInPlan(intent.title, plan, others));
  }

  function answerMany(scope: readonly Plan[], intent: IntentDef, a: QueryAnalysis, numbers: readonly string[]): AnswerResult {
    const composer = COMPOSERS[intent.id]!;
    const blocks: string[] = [];
    const sources: SourceRef[] = [];
    const missing: Plan[] = [];
    for (const plan of scope) {
      const out = composer(context(plan, a, 'cross', numbers));
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

  function answerAnalysed(a: QueryAnalysis, planId: string | undefined): AnswerResult {
    const { slots } = a;

    // Document numbers: a plan's own number names the plan; a cited document narrows to the sections citing it.
    const docPlans: string[] = [];
    const numbers: string[] = [];
    const unknownNumbers: string[] = [];
    for (const ref of slots.docrefs) {
      const own = planByNumber.get(ref.number);
      if (own && (ref.type === undefined || ref.type === 'ke hoach' || ref.type === 'cong van')) docPlans.push(own);
      else if (citedBy.has(ref.number)) numbers.push(ref.number);
      else if (own) docPlans.push(own);
      else unknownNumbers.push(ref.number);
    }
    if (unknownNumbers.length && !docPlans.length && !numbers.length) return notFound(a.intent?.id ?? UNKNOWN, msg.unknownDocument(unknownNumbers));

    const named = [...new Set([...docPlans, ...slots.plans])].filter((id) => knowledge.plan(id));
    if (slots.otherLocalities.length && named.length === 0) {
      return result('not_found', a.intent?.id ?? UNKNOWN, `${msg.otherPlace(slots.otherLocalities, plans)}\n${msg.shortSuggestions(intents)}`);
    }

    let intent = a.intent ? intentById.get(a.intent.id) : undefined;
    // A question about a document the plans cite ("KH 33 ban hành ngày nào") is answered from the
    // citation, not from the plan's own header.
    if ((!intent || intent.id === 'document') && numbers.length) intent = intentById.get('basis');
    // Only a place or a document number ("Củ Chi", "KH 62"): describe that document.
    if (!intent && named.length && a.words.length === 0) intent = intentById.get('document');
    // Only an agency (and maybe a place): "Hội Khuyến học tỉnh Thái Bình" asks what that body does.
    if (!intent && slots.agencies.length && agencyOnly(a)) intent = intentById.get('responsibilities');
    if (intent?.id === 'help') return help();
    if (!intent || !COMPOSERS[intent.id]) return answerFromPassage(a, named, planId);

    const composer = COMPOSERS[intent.id]!;
    const citing = numbers.length ? plans.filter((p) => numbers.some((n) => citedBy.get(n)?.has(p.id))) : plans;

    // Across plans: several places named, "tỉnh nào…", "so sánh…", or a cited document several plans use.
    if (named.length > 1) return answerMany(named.map((id) => knowledge.plan(id)!), intent, a, numbers);
    if (named.length === 0 && (slots.crossPlan || (numbers.length && citing.length > 1 && !planId))) {
      return answerMany(citing, intent, a, numbers);
    }

    if (named.length === 1) {
      const id = named[0]!;
      return answerOne(knowledge.plan(id)!, slots.alternates[id] ?? [], intent, a, numbers);
    }
    if (!intent.needsPlan) return answerMany(citing, intent, a, numbers);
    if (planId && knowledge.plan(planId)) return answerOne(knowledge.plan(planId)!, [], intent, a, numbers);

    const candidates = citing.filter((p) => hasContent(composer, p, a, numbers));
    if (candidates.length === 1) return answerOne(candidates[0]!, [], intent, a, numbers);
    const inferred = inferPlan(a, intent.id, candidates.map((p) => p.id));
    if (inferred) return answerOne(knowledge.plan(inferred)!, [], intent, a, numbers);
    if (candidates.length === 0) return notFound(intent.id);
    return clarify(intent.id, candidates);
  }

  function answer(request: AnswerRequest): AnswerResult {
    try {
      const raw = typeof request?.text === 'string' ? request.text : '';
      const cleaned = cleanInput(raw, maxInputChars);
      if (cleaned.text === '') return result('not_found', UNKNOWN, `${msg.EMPTY_QUESTION}\n${msg.shortSuggestions(intents)}`);
      if (!hasWordCharacters(cleaned.text)) return result('not_found', UNKNOWN, `${msg.NO_WORDS}\n${msg.shortSuggestions(intents)}`);
      const a = analyzer.analyze(cleaned.text);
      if (a.tokens.length === 0) return result('not_found', UNKNOWN, `${msg.NO_WORDS}\n${msg.shortSuggestions(intents)}`);
      const out = answerAnalysed(a, request.planId);
      return cleaned.truncated ? { ...out, text: `${msg.truncatedNotice(maxInputChars)}\n${out.text}` } : out;
    } catch (err) {
      // A bug must not take the conversation down: the user gets a plain sentence, the caller keeps going.
      opts.logger?.error({ err }, 'answerer failed on a question');
      return result('not_found', UNKNOWN, `Xin lỗi, tôi chưa trả lời được câu hỏi này. ${msg.shortSuggestions(intents)}`);
    }
  }

  return { answer, analyzer, corpus };
}
