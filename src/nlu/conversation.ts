/**
 * How a message stands to the conversation: small talk ("chào bạn", "ok", "👍"), a follow-up that leans
 * on the previous question ("còn Tây Ninh thì sao?", "cá nhân thì sao", "ý thứ 2", "nói rõ hơn"), or a
 * question of its own. The phrases are data (data/conversation.json); this module only reads them.
 *
 * A follow-up is read from what the message holds besides its lean words:
 * - nothing but slots (a place, a target group, a phase, a year, an ordinal) → the previous question
 *   with those slots replaced ("topic");
 * - only "nói rõ hơn" and the like → the previous answer's section in full ("detail");
 * - words of its own → a question of its own; it takes the previous plan(s) when it names none ("plan").
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../text/normalize.js';
import type { QueryAnalysis } from './analyze.js';
import { DataFileError, describeIssues } from './errors.js';
import type { AbbreviationExpander } from './expand.js';
import { DEFAULT_CONVERSATION_PATH } from './paths.js';
import { PhraseMatcher } from './phrases.js';
import type { SlotSpanKind } from './slots.js';

const phrase = z.string().trim().min(1);

/** `stray`: a bare number with no menu to pick from ("2"); not a question either. */
export const SMALL_TALK_KINDS = ['greeting', 'thanks', 'ack', 'presence', 'identity', 'bye', 'stray'] as const;
export type SmallTalkKind = (typeof SMALL_TALK_KINDS)[number];

export const conversationSchema = z.object({
  smallTalk: z.array(z.object({ kind: z.enum(SMALL_TALK_KINDS).exclude(['stray']), phrases: z.array(phrase).min(1) })),
  /** Words that may go with small talk without making it a question ("cảm ơn bạn nhiều nhé"). */
  smallTalkFiller: z.array(phrase).default([]),
  followUp: z.object({
    /** Words that lean on the previous question and name nothing themselves ("còn", "thì sao", "ở đó"). */
    markers: z.array(phrase),
    /** "nói rõ hơn", "trích nguyên văn": the previous answer, in full. */
    detail: z.array(phrase),
    /**
     * Words that may go with a detail request without making it a new question: asking politely and
     * pointing at the answer ("trích nguyên văn giúp mình đoạn đó"). The small-talk filler counts too.
     */
    detailFiller: z.array(phrase).default([]),
    /** "kế hoạch đó", "ở đó": the plan of the conversation, even in a question that reads as one across plans. */
    anaphora: z.array(phrase).default([]),
    /**
     * A plan's word for its own level, by issuer level ("province" → "tỉnh"): a topic taken to another
     * plan asks for that plan's body of the same rank ("Hội Khuyến học tỉnh" → "… huyện" for a district).
     */
    levelWords: z.record(z.string(), z.array(phrase).min(1)).default({}),
    /**
     * "khoản này", "việc đó", "yêu cầu đó": a noun pointed at by a demonstrative stands for the previous
     * question's topic ("Tây Ninh thì ai lo khoản này" after "ai tham mưu bố trí kinh phí"). The nouns
     * are those that name no topic themselves; a noun the previous question holds points at it too,
     * unless it asked for one ("thông tri nào": `asking`), which the answer named.
     */
    topicPointers: z.object({ nouns: z.array(phrase), demonstratives: z.array(phrase).min(1), asking: z.array(phrase) }).default({ nouns: [], demonstratives: ['này', 'đó'], asking: [] }),
  }),
});
export type ConversationData = z.infer<typeof conversationSchema>;

export function loadConversationData(file: string = DEFAULT_CONVERSATION_PATH): ConversationData {
  const parsed = conversationSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new DataFileError(`Invalid conversation data:\n${describeIssues(file, parsed.error.issues)}`);
  return parsed.data;
}

export type FollowUp =
  /**
   * A question of its own that names its plan (or asks across plans). `text`: with no context at all, a
   * place and other slots only, without the lean words ("còn Tây Ninh?" → "tây ninh"). `leans`: it opens
   * with a lean word ("còn Tây Ninh theo văn bản nào"), so it may go on with the previous topic.
   */
  | { kind: 'new'; text?: string; leans?: boolean }
  /**
   * A question of its own without a plan: the previous plan(s) apply; `text` is it without its lean
   * words; `pointsBack`: it names the previous plan by a word ("kế hoạch đó"), across plans or not.
   */
  | { kind: 'plan'; text: string; pointsBack?: boolean }
  /** Only slots: the previous question with them replaced; `text` is the question to answer. */
  | { kind: 'topic'; text: string }
  /** "nói rõ hơn": the previous answer's section in full (an ordinal, if any, picks an item of it). */
  | { kind: 'detail' };

/** Question words that are also conjunctions: they ask only with another question word ("khi nào", "như thế nào"). */
const CONJUNCTIONS = new Set(['khi', 'nhu', 'the', 'co', 'la', 'va', 'hay', 'hoac', 'ma', 'thi', 'cua', 've', 'o', 'voi', 'cho', 'duoc', 'mot']);

function markedAt(matches: readonly { start: number; end: number }[], i: number): boolean {
  return matches.some((m) => i >= m.start && i < m.end);
}

/** Slots that name the plan: a follow-up naming one replaces the previous plan, not the topic. */
const PLAN_KINDS: ReadonlySet<SlotSpanKind> = new Set(['locality', 'docref']);

export class ConversationReader {
  private readonly smallTalkPhrases: PhraseMatcher<SmallTalkKind>;
  private readonly filler: PhraseMatcher<true>;
  private readonly markers: PhraseMatcher<true>;
  private readonly detail: PhraseMatcher<true>;
  private readonly detailFiller: PhraseMatcher<true>;
  private readonly anaphora: PhraseMatcher<true>;
  private readonly questionWords: ReadonlySet<string>;
  private readonly markerTokens: PhraseMatcher<true>;
  private readonly pointerNouns: PhraseMatcher<true>;
  private readonly demonstratives: ReadonlySet<string>;
  private readonly pointerAsking: readonly string[];
  /** Level words by issuer level, as written in the data (the first is put in a question) and folded. */
  private readonly levelWords: ReadonlyMap<string, { written: string; folded: readonly string[] }>;

  /**
   * `isPlanWord`: whether the plans use a folded word. Small talk with one word the plans never use
   * ("cảm ơn ad nhiu") is still small talk: a slip in a filler word makes no question.
   */
  constructor(
    data: ConversationData,
    expander: AbbreviationExpander,
    questionWords: readonly string[],
    private readonly isPlanWord: (folded: string) => boolean = () => true,
  ) {
    const norm = (s: string) => expander.normalizePhrase(s);
    // Folded without abbreviation expansion too: "ok" or "hi" must not become something else first.
    const both = (s: string) => [norm(s), fold(s).split(' ').filter(Boolean)];
    this.smallTalkPhrases = new PhraseMatcher(data.smallTalk.flatMap((g) => g.phrases.flatMap((p) => both(p).map((tokens) => ({ tokens, value: g.kind })))));
    this.filler = new PhraseMatcher(data.smallTalkFiller.flatMap((p) => both(p).map((tokens) => ({ tokens, value: true as const }))));
    this.markers = new PhraseMatcher(data.followUp.markers.map((p) => ({ tokens: norm(p), value: true as const })));
    this.detail = new PhraseMatcher(data.followUp.detail.map((p) => ({ tokens: norm(p), value: true as const })));
    this.detailFiller = new PhraseMatcher([...data.followUp.detailFiller, ...data.smallTalkFiller].flatMap((p) => both(p).map((tokens) => ({ tokens, value: true as const }))));
    this.anaphora = new PhraseMatcher(data.followUp.anaphora.map((p) => ({ tokens: norm(p), value: true as const })));
    this.markerTokens = new PhraseMatcher(data.followUp.markers.map((p) => ({ tokens: fold(p).split(' '), value: true as const })));
    this.questionWords = new Set(questionWords.map((w) => fold(w)));
    this.pointerNouns = new PhraseMatcher(data.followUp.topicPointers.nouns.map((p) => ({ tokens: norm(p), value: true as const })));
    this.demonstratives = new Set(data.followUp.topicPointers.demonstratives.map((w) => fold(w)));
    this.pointerAsking = data.followUp.topicPointers.asking.map((w) => fold(w));
    this.levelWords = new Map(Object.entries(data.followUp.levelWords).map(([level, words]) => [level, { written: words[0]!, folded: words.map((w) => fold(w)) }]));
  }

  /**
   * A topic taken from a plan of level `from` to a plan of level `to`: the previous plan's word for its
   * own level becomes the new plan's ("hội khuyến học tỉnh" after Thái Bình, then "còn Củ Chi?" → "hội
   * khuyến học huyện"). Unchanged when the new message (`cur`, folded tokens) names a level itself, or
   * when a level has no word (a union, an office).
   */
  carryLevel(question: string, cur: readonly string[], from: string, to: string): string {
    const fromWords = this.levelWords.get(from);
    const toWords = this.levelWords.get(to);
    if (!fromWords || !toWords || from === to) return question;
    const any = new Set([...this.levelWords.values()].flatMap((w) => w.folded));
    if (cur.some((t) => any.has(t))) return question;
    return question
      .split(' ')
      .map((w) => (fromWords.folded.includes(fold(w)) ? toWords.written : w))
      .join(' ');
  }

  /**
   * The kind of small talk when the message is nothing else: every word belongs to a small-talk phrase
   * or its filler, but for one word the plans never use in a message of three words or more. "chào
   * bạn, hạn báo cáo Củ Chi?" is a question. The first phrase's kind wins ("chào bạn, cảm ơn nhé" greets).
   */
  smallTalk(tokens: readonly string[]): SmallTalkKind | undefined {
    if (tokens.length === 0 || tokens.length > 12) return undefined;
    if (tokens.every((t) => /^\d{1,3}$/.test(t))) return 'stray';
    const covered = new Set<number>();
    const found = this.smallTalkPhrases.findAll(tokens);
    for (const m of [...found, ...this.filler.findAll(tokens)]) for (let i = m.start; i < m.end; i++) covered.add(i);
    if (found.length === 0) return undefined;
    const rest = tokens.filter((_, i) => !covered.has(i));
    if (rest.length > 1 || (rest.length === 1 && (tokens.length < 3 || this.questionWords.has(rest[0]!) || this.isPlanWord(rest[0]!)))) return undefined;
    return found.sort((a, b) => a.start - b.start)[0]!.value;
  }

  /**
   * Where the message points at the previous topic by a noun and a demonstrative ("khoản này", "yêu cầu
   * đó"): a noun of the pointer list, or one the previous question holds. `taken`: a position that is
   * something else already (a slot, "kế hoạch đó", "ý đó").
   */
  private topicPointer(tokens: readonly string[], prev: QueryAnalysis, taken: (i: number) => boolean): { start: number; end: number } | undefined {
    const prevText = ` ${prev.repaired.join(' ')} `;
    const asked = this.pointerAsking;
    for (let i = 1; i < tokens.length; i++) {
      if (!this.demonstratives.has(tokens[i]!)) continue;
      for (const n of [2, 1]) {
        const start = i - n;
        if (start < 0 || [...Array(n + 1).keys()].some((k) => taken(start + k))) continue;
        const noun = tokens.slice(start, i);
        const listed = this.pointerNouns.findAll(noun).some((m) => m.start === 0 && m.end === n);
        // (Not a noun the previous question asked for: "thông tri đó" after "dẫn thông tri nào" is the one the answer named.)
        const held = prevText.includes(` ${noun.join(' ')} `) && !asked.some((q) => prevText.includes(` ${noun.join(' ')} ${q} `));
        if (listed || held) return { start, end: i + 1 };
      }
    }
    return undefined;
  }

  /**
   * The one word of a short follow-up that is not a lean word ("còn BK thì sao" → "bk"), read on the
   * folded tokens as typed (before "BK" becomes "Bằng khen"); undefined when there is not exactly one.
   */
  loneWord(tokens: readonly string[]): string | undefined {
    const lean = new Set<number>();
    for (const m of this.markerTokens.findAll(tokens)) for (let i = m.start; i < m.end; i++) lean.add(i);
    const rest = tokens.filter((t, i) => !lean.has(i) && !this.questionWords.has(t));
    return rest.length === 1 ? rest[0] : undefined;
  }

  /**
   * How `cur` (the new message) stands to `prev` (the previous question, analysed). `isPlanNumber` tells
   * a plan's own number ("KH 1792") from a cited document's ("Kết luận 49").
   */
  followUp(cur: QueryAnalysis, prev: QueryAnalysis | undefined, isPlanNumber: (n: string) => boolean): FollowUp {
    const spans = cur.slots.spans;
    const namesPlan = (s: (typeof spans)[number]) => s.kind === 'locality' || (s.kind === 'docref' && s.number !== undefined && isPlanNumber(s.number));
    const ownPlan = spans.some(namesPlan);
    const tokens = cur.repaired;
    const lean = new Set<number>();
    const cover = (start: number, end: number) => {
      for (let i = start; i < end; i++) lean.add(i);
    };
    for (const s of spans) cover(s.start, s.end);
    // Not inside a slot: "thứ" of "ý thứ hai" is no "thử", "ý" of it no lean word.
    const inSpan = (i: number) => spans.some((sp) => i >= sp.start && i < sp.end);
    // A detail request first: "cụ thể hơn" holds the "thế" of "thế còn".
    const detail = this.detail.findAll(tokens, { skip: inSpan });
    for (const m of detail) cover(m.start, m.end);
    const markers = this.markers.findAll(tokens, { skip: (i) => lean.has(i) });
    for (const m of markers) cover(m.start, m.end);
    // A detail request said politely, with nothing else asked: the previous answer in full.
    if (detail.length > 0 && prev && !ownPlan) {
      const polite = new Set(lean);
      // (A filler may take a lean word of its own: "câu đó" holds the "đó" of "thế đó".)
      for (const m of this.detailFiller.findAll(tokens, { skip: inSpan })) for (let i = m.start; i < m.end; i++) polite.add(i);
      if (tokens.every((t, i) => polite.has(i) || this.questionWords.has(t)) && spans.every((sp) => sp.kind === 'ordinal')) return { kind: 'detail' };
    }
    const anaphora = this.anaphora.findAll(tokens);
    const pointsBack = anaphora.length > 0;
    // "Tây Ninh thì ai lo khoản này": the previous topic in place of the noun pointing at it, on the plan
    // the message names (or the conversation's).
    const pointer = prev ? this.topicPointer(tokens, prev, (i) => inSpan(i) || markedAt(anaphora, i) || markers.some((m) => m.end - m.start > 1 && i >= m.start && i < m.end)) : undefined;
    if (pointer && prev) {
      const topic = prev.typed.filter((t, i) => !this.questionWords.has(prev.repaired[i]!) && !prev.slots.spans.some((sp) => (sp.kind === 'locality' || sp.kind === 'docref') && i >= sp.start && i < sp.end));
      const text = [...cur.typed.slice(0, pointer.start), ...topic, ...cur.typed.slice(pointer.end)].join(' ');
      return { kind: 'plan', text };
    }
    const own = tokens.filter((t, i) => !lean.has(i) && !this.questionWords.has(t));
    if (own.length > 0 || cur.slots.sections.length > 0) {
      if (!prev) return { kind: 'new' };
      if (ownPlan || (cur.slots.crossPlan && !pointsBack)) return markers.some((m) => m.start === 0) ? { kind: 'new', leans: true } : { kind: 'new' };
      // "thế còn kinh phí thì sao": the lean words at either end would weigh as words the answer must hold.
      const edge = new Set<number>();
      for (const m of markers) if (m.start === 0 || edge.has(m.start - 1)) for (let i = m.start; i < m.end; i++) edge.add(i);
      for (const m of [...markers].reverse()) if (m.end === tokens.length || edge.has(m.end)) for (let i = m.start; i < m.end; i++) edge.add(i);
      const kept = cur.typed.filter((_, i) => !edge.has(i));
      // "còn cộng đồng học tập" after "… xây dựng đơn vị học tập theo thông tư nào": the same question of a thing named alike.
      const parallel = !pointsBack && !ownPlan ? parallelOf(prev, cur, tokens.map((_, i) => i).filter((i) => !lean.has(i))) : undefined;
      if (parallel) return { kind: 'topic', text: parallel };
      return { kind: 'plan', text: kept.length ? kept.join(' ') : cur.typed.join(' '), ...(pointsBack ? { pointsBack } : {}) };
    }
    // Nothing to lean on: the message is what its slots say ("còn Tây Ninh?" alone is "Tây Ninh").
    if (!prev) {
      if (cur.slots.crossPlan || !ownPlan) return { kind: 'new' };
      return { kind: 'new', text: cur.typed.filter((_, i) => spans.some((sp) => i >= sp.start && i < sp.end)).join(' ') };
    }
    if (detail.length > 0 && !ownPlan) return { kind: 'detail' };
    // Its question words go with it: "huyện sơ kết khi nào" after an awards question asks for a date.
    const keep = new Set(spans.flatMap((sp) => Array.from({ length: sp.end - sp.start }, (_, k) => sp.start + k)));
    // A question word counts when it asks ("khi nào", "ai", "ở đâu"), not as a conjunction ("khi sơ kết").
    const asking = (i: number) => this.questionWords.has(tokens[i]!) && !markedAt(markers, i);
    tokens.forEach((t, i) => {
      if (asking(i) && (!CONJUNCTIONS.has(t) || (i + 1 < tokens.length && asking(i + 1)))) keep.add(i);
    });
    // Nothing but question words ("khi nào?"): asked of what was just said. Nothing at all: a new message.
    if (keep.size === 0) return { kind: 'new' };
    return { kind: 'topic', text: mergeTopic(prev, cur, namesPlan, keep) };
  }
}

/** A new message of at most this many words of its own may name a thing in place of one of the previous question. */
const PARALLEL_MAX_WORDS = 5;

/**
 * The previous question with a phrase of it replaced by the message's own words, when these are a short
 * phrase ending as that one does and starting otherwise ("cộng đồng học tập" for "đơn vị học tập"):
 * undefined when no phrase of the previous question is named alike.
 */
function parallelOf(prev: QueryAnalysis, cur: QueryAnalysis, own: readonly number[]): string | undefined {
  const words = own.map((i) => cur.repaired[i]!);
  const n = words.length;
  // One run of words, not the question words of a question of its own.
  if (n < 4 || n > PARALLEL_MAX_WORDS || own.some((i, k) => k > 0 && i !== own[k - 1]! + 1)) return undefined;
  const p = prev.repaired;
  let at = -1;
  for (let i = 0; i + n <= p.length; i++) {
    // The same last two words ("… học tập"), and two words of its own before them: a one-word change
    // ("hạn báo cáo" for "tổng hợp báo cáo") is another question, not the same one of another thing.
    const tail = p[i + n - 1] === words[n - 1] && p[i + n - 2] === words[n - 2];
    const head = words.slice(0, n - 2);
    const differs = head.length >= 2 && head.every((w, k) => p[i + k] !== w);
    if (tail && differs && !prev.slots.spans.some((sp) => sp.start < i + n && i < sp.end)) {
      if (at >= 0) return undefined;
      at = i;
    }
  }
  if (at < 0) return undefined;
  const typed = own.map((i) => cur.typed[i]!);
  return [...prev.typed.slice(0, at), ...typed, ...prev.typed.slice(at + n)].join(' ');
}

/**
 * The previous question with the new message's slots in place of its own of the same kind: a place or a
 * plan number replaces the previous plan's, "cá nhân" replaces "tập thể", "tổng kết" replaces "sơ kết".
 */
function mergeTopic(prev: QueryAnalysis, cur: QueryAnalysis, namesPlan: (s: QueryAnalysis['slots']['spans'][number]) => boolean, keep: ReadonlySet<number>): string {
  const replaced = new Set(cur.slots.spans.filter((s) => !namesPlan(s)).map((s) => s.kind));
  const newPlan = cur.slots.spans.some(namesPlan);
  const drop = new Set<number>();
  for (const s of prev.slots.spans) {
    // An ordinal points into the answer it followed; it never carries over to the next one.
    const goes = s.kind === 'ordinal' || (PLAN_KINDS.has(s.kind) && namesPlan(s) ? newPlan : replaced.has(s.kind));
    if (!goes) continue;
    for (let i = s.start; i < s.end; i++) drop.add(i);
    // A phase goes with the stage it closes: "sơ kết giai đoạn 1", then "còn tổng kết?", is no longer stage 1.
    if (s.kind === 'awardKind') for (const [from, to] of stagesBeside(prev.repaired, s.start, s.end)) for (let i = from; i < to; i++) drop.add(i);
  }
  // Its clauses stay clauses: "ai ký, mình cần điền vào tờ trình" keeps the aside about the asker apart.
  const kept = prev.typed.flatMap((t, i) => (drop.has(i) ? [] : [prev.breaks[i] ? `, ${t}` : t]));
  const added = cur.typed.filter((_, i) => keep.has(i));
  return [...kept, ...added].join(' ').replace(/^, /u, '').replace(/ , /gu, ', ');
}

/** "giai đoạn 1" (or "gđ 2" as expanded) right before or after tokens[start, end): its spans. */
function stagesBeside(tokens: readonly string[], start: number, end: number): [number, number][] {
  const isStage = (i: number) => tokens[i] === 'giai' && tokens[i + 1] === 'doan' && /^\d$/.test(tokens[i + 2] ?? '');
  const out: [number, number][] = [];
  if (isStage(end)) out.push([end, end + 3]);
  if (start >= 3 && isStage(start - 3)) out.push([start - 3, start]);
  return out;
}
