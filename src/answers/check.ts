/**
 * Checking a candidate answer against the question, before any answer is chosen.
 *
 * The question becomes a profile: its content units (a two-syllable compound the plans use counts once;
 * places and document numbers are left out, since they chose the plan already; polite and question
 * words weigh nothing), each weighed by how rare it is in the plans, and the kind of answer its
 * question words ask for. A candidate is scored on how much of that weight its text (and its headings)
 * covers, and on whether it has the asked kind's shape.
 */
import type { QueryAnalysis } from '../nlu/analyze.js';
import type { AnswerTypes, ExpectedType } from './answer-types.js';
import type { Corpus } from './corpus.js';
import { toneKey, typedWithMarks } from '../text/normalize.js';
import { smallRomanValue } from '../text/ordinals.js';
import { editDistance } from '../nlu/edit-distance.js';

export interface Unit {
  /** The folded syllables of the unit (one, or two for a compound). */
  words: string[];
  /** "thi_dua": the compound's term, when the unit is one. */
  pair?: string;
  /** The plans write the pair ("thi đua"); otherwise its syllables only occur apart ("bóng đá"). */
  known?: boolean;
  weight: number;
  /**
   * Aligned with `words`: the form the user typed, where its diacritics tell it from another word the
   * plans also write ("đặt" is not "đạt", "áp" not "ấp"); a candidate covers that word only in that form.
   */
  forms?: (string | undefined)[];
  /**
   * A body, an award or a date the question names ("Sở Thông tin và Truyền thông", "Bằng khen của Thủ
   * tướng", "trước ngày 01/12"): covered in full only when the candidate names it as asked, never by its
   * words found apart ("thông tin" here, "truyền thông" there).
   */
  entity?: NamedEntity;
  /** The clause of the question it stands in (0 for the first), when it is a word of the question. */
  clause?: number;
  /** A word the question asks whether the plan writes ("có nhắc thư viện … không"): an answer must hold it. */
  mentioned?: boolean;
  /**
   * The thing the question word asks for ("gồm những giấy tờ gì"), a word no plan writes: no candidate
   * answers the question, whatever else it covers. Its words as typed.
   */
  unwritten?: string[];
}

export interface NamedEntity {
  /**
   * A date is a day and month the question writes ("trước ngày 01/12"): key "1/12". A period is a span
   * of years ("giai đoạn 2024 - 2030"): key "2024-2030". A phase is one of the movement's numbered
   * phases ("giai đoạn 2", "giai đoạn II"): key "2".
   */
  kind: 'agency' | 'award' | 'date' | 'period' | 'phase';
  key: string;
  /** The words as the question names it (folded, expanded). */
  words: string[];
  /** Its content words as ordinary units, for a candidate that writes them but not the name. */
  parts: Unit[];
  /**
   * A candidate that does not name it does not answer the question. Not so for a body named in the
   * polite preamble ("bên em là UBND huyện": who asks), or one that also names a target group
   * ("tiêu chí cho UBND xã": the group of the criteria, which the plans head "cấp xã").
   */
  required: boolean;
  /** Named in the question proper, not in the polite preamble (where "bên em là UBND huyện" says who asks). */
  asked: boolean;
}

/** How a candidate names an entity: as the question does, by another of its names, or not at all. */
export type EntityMention = 'as-asked' | 'other-name' | 'no';

/** A candidate that names the entity by another of its names ("Phòng Tài chính" for "Sở Tài chính") covers it this much. */
const OTHER_NAME_CREDIT = 0.5;
/** …and this much at most when only its words are found, apart ("thông tin" here, "truyền thông" there). */
const APART_CREDIT = 0.25;

export interface QuestionProfile {
  units: Unit[];
  /** Sum of the units' weights. */
  total: number;
  expected?: ExpectedType;
  /** The clause holding the cue of the expected kind ("… tổ chức ngày nào"), when known, and the cue's words ("ban hành ngày"). */
  askedClause?: number;
  cueWords?: string[];
  /**
   * Cited documents named in the clause asking a date ("Chỉ thị 11-CT/TW ban hành ngày nào"): the date
   * asked is that document's, and only a date written with its number answers it.
   */
  datedCitations?: string[];
}

/** A word the plans never use weighs as the rarest word: the question asks for something they may not hold. */
/** A compound found as two separate words is covered this much; one of its words alone, this much. */
const SPLIT_PAIR_CREDIT = 0.6;
/** Two syllables the plans never write together, found apart: hardly the same word. */
const SPLIT_UNKNOWN_PAIR_CREDIT = 0.25;
const HALF_PAIR_CREDIT = 0.3;
/**
 * Two lone syllables are taken for one word the plans do not hold only when one of them is uncommon
 * (in at most this share of passages): "có bằng" is a question's "có", not a missing word.
 */
const LOOSE_PAIR_MAX_SHARE = 0.1;
/** A small number ("1", "12") is an item or a day more often than the topic: it weighs little. */
const SMALL_NUMBER_WEIGHT = 0.5;
/** A syllable typed without diacritics that reads as a light word or as a content word weighs this share. */
const UNCERTAIN_WEIGHT = 0.3;
/** …and all of them together at most this share of what the asking clause weighs. */
const ASIDE_SHARE = 0.5;
/** A date counts when it stands in a sentence covering the question within this much of the best sentence. */
const DATE_FOCUS_BAND = 0.25;
/** The units of a polite preamble weigh this share of their rarity. */
const PREAMBLE_WEIGHT = 0.25;

/** For each token, the clause of the question it stands in (0 for the first), from `breaks` (a clause starts at i). */
export function clausesOf(breaks: readonly boolean[]): number[] {
  let clause = 0;
  return breaks.map((b, i) => (i > 0 && b ? ++clause : clause));
}

/** A text's terms hold the unit: its compound (or both its words), or its word. */
export function termsHold(terms: ReadonlySet<string>, u: Unit): boolean {
  return u.pair ? terms.has(u.pair) || u.words.every((w) => terms.has(w)) : terms.has(u.words[0]!);
}

/** `cited`: numbers of documents the plans cite that the question names: an answer must hold them. */
export function questionProfile(a: QueryAnalysis, corpus: Corpus, types: AnswerTypes, cited: readonly string[] = []): QuestionProfile {
  const maxIdf = corpus.idf('\u0000');
  const tokens = a.repaired;
  const uncertain = new Set<number>();
  const lightAt = types.lightPositions(tokens, a.typed, (t, form) => corpus.hasOtherCommonForm(t, form), uncertain);
  const contrasted = types.contrastPositions(tokens, a.breaks);
  const mentionAt = types.mentionPositions(tokens);
  // A light syllable typed without diacritics that makes, with the content word before it, a word the
  // plans write ("phan anh": "phản ánh", not "phan" and a polite "anh") is that word's half.
  // (Not after a word that is itself the second half of one: "phối hợp với" is no "hợp với".)
  const content = (k: number) => k >= 0 && !lightAt.has(k) && !a.slots.claimed.has(k);
  const secondHalf = (k: number) => k > 0 && content(k - 1) && pairShare(tokens[k - 1]!, tokens[k]!, corpus) >= HALF_OF_WORD_SHARE;
  const halfOfWord = (i: number) => a.typed[i] === tokens[i] && content(i - 1) && !secondHalf(i - 1) && secondHalf(i);
  // (Not when the document itself is asked about: "văn bản của VP Bắc Kạn mang số mấy".)
  const docName = a.intent?.id === 'document' ? new Set<number>() : documentNamePositions(a);
  const light = (i: number) => a.slots.claimed.has(i) || (lightAt.has(i) && !halfOfWord(i)) || contrasted.has(i) || docName.has(i);
  const weightOf = (w: string) => (corpus.words.has(w) ? corpus.idf(w) : maxIdf);
  // Typed with diacritics throughout, a word typed without any is written so ("giao" is not "giáo"):
  // evidence too (an expansion's or a repair's words are no one's typing).
  const marked = typedWithMarks(tokens, a.typed);
  const bareAt = tokens.map((t, k) => marked && a.asTyped[k] === true && a.typed[k] === t);
  // An intro's word that is the second half of a word the plans write ("hội" of "xã hội", typed "xa
  // hoi"), or a word of a body's name ("Hội Khuyến học"), is that word, not "hỏi".
  const notIntro = (k: number) => (k > 0 && corpus.df(`${tokens[k - 1]}_${tokens[k]}`) > 0) || a.slots.spans.some((sp) => sp.kind === 'agency' && sp.start <= k && k < sp.end);
  const polite = politeSpans(a, types, notIntro);
  const entities: { kind: NamedEntity['kind']; key: string; start: number; end: number }[] = a.slots.spans.flatMap((sp) =>
    (sp.kind === 'agency' || sp.kind === 'award') && sp.key !== undefined ? [{ kind: sp.kind, key: sp.key, start: sp.start, end: sp.end }] : [],
  );
  const groups = a.slots.spans.filter((sp) => sp.kind === 'target');
  for (const d of datesIn(tokens)) entities.push({ kind: 'date', ...d });
  for (const d of periodsIn(tokens)) entities.push({ kind: 'period', ...d });
  for (const d of phasesIn(tokens)) entities.push({ kind: 'phase', ...d });
  // What a contrast says is not asked names nothing the answer must hold.
  for (let k = entities.length - 1; k >= 0; k--) if (contrasted.has(entities[k]!.start)) entities.splice(k, 1);
  const inEntity = (i: number) => entities.some((e) => i >= e.start && i < e.end);

  // Compounds by dynamic programming over the content tokens of each clause: the pairing whose pairs go
  // together most strongly in the plans, so "ngày | cuối cùng | nộp" is not "ngày cuối | cùng nộp".
  const units: Unit[] = [];
  /** The units of the preamble and of the clauses about the asker. */
  const aside = new Set<Unit>();
  /** The lone syllables that may as well be question words. */
  const doubtfulUnits = new Set<Unit>();
  const clauseAt = clausesOf(a.breaks);
  const clauseOf = (k: number) => clauseAt[k]!;
  let i = 0;
  while (i < tokens.length) {
    if (light(i) || inEntity(i)) {
      i++;
      continue;
    }
    let j = i;
    // A run ends where the preamble does: "cho hoi | long ghep…" ("hoi" may be "hội") is not one run.
    while (j < tokens.length && !light(j) && !inEntity(j) && (j === i || (!a.breaks[j] && polite(j) === polite(i)))) j++;
    const doubtful = new Set([...uncertain].filter((k) => k >= i && k < j).map((k) => tokens[k]!));
    const mentioned = [...Array(j - i).keys()].every((k) => mentionAt.has(i + k));
    const run = segmentRun(tokens.slice(i, j), a.typed.slice(i, j), corpus, weightOf, bareAt.slice(i, j));
    // The unit right before "gì" / "nào" is the thing asked ("những giấy tờ gì"); if it is a compound
    // whose syllables the plans write but never together, typed as the user typed it (not a repair's
    // guess), none of them answers. (A lone word the plans lack is a typo or a word for a kind of thing
    // they list without naming it: "kênh nào".)
    // Nor when a letter changed makes it a compound they write, or a question's cue ("thoi giam nao": "thời gian nào").
    const head = run[run.length - 1];
    const wh = tokens[j] ?? '';
    const known = (x: string, y: string) => corpus.df(`${x}_${y}`) > 0 || types.expected([x, y, wh])?.at === 0;
    if (head?.pair && head.known === false && WH_WORDS.has(wh) && !polite(i) && a.asTyped.slice(j - 2, j).every(Boolean) && !slipOfKnownPair(head.words, corpus.words, known)) head.unwritten = a.typed.slice(j - 2, j);
    units.push(
      ...run.map((u) => {
        // A lone syllable that may as well be a question word ("dau": "đâu" or "đầu") is weak evidence.
        const scale = (polite(i) ? PREAMBLE_WEIGHT : 1) * (u.words.length === 1 && doubtful.has(u.words[0]!) ? UNCERTAIN_WEIGHT : 1);
        const unit = scale === 1 ? u : { ...u, weight: u.weight * scale };
        if (polite(i)) aside.add(unit);
        if (u.words.length === 1 && doubtful.has(u.words[0]!)) doubtfulUnits.add(unit);
        unit.clause = clauseOf(i);
        if (mentioned) unit.mentioned = true;
        return unit;
      }),
    );
    i = j;
  }
  // A named entity weighs what its words would, but counts as one: present in a candidate or not.
  for (const e of entities) {
    if (e.kind === 'date' || e.kind === 'period' || e.kind === 'phase') {
      // A period is weighed, never required: "tổng kết giai đoạn 2023-2030" still asks a plan whose period starts in 2024.
      // A phase likewise: "giai đoạn 2 … ai chủ trì" weighs the phase's own passage above a body's tasks.
      const required = e.kind === 'date' && !polite(e.start);
      const weight = e.kind === 'phase' ? maxIdf * PHASE_WEIGHT : maxIdf;
      units.push({ words: [`${e.kind}:${e.key}`], weight, entity: { kind: e.kind, key: e.key, words: [], parts: [], required, asked: !polite(e.start) }, clause: clauseOf(e.start) });
      continue;
    }
    const at = [...Array(e.end - e.start).keys()].map((k) => e.start + k).filter((k) => !light(k));
    const words = segmentRun(at.map((k) => tokens[k]!), at.map((k) => a.typed[k]!), corpus, weightOf, at.map((k) => bareAt[k]!));
    const scale = polite(e.start) ? PREAMBLE_WEIGHT : 1;
    const parts = words.map((u) => ({ ...u, weight: u.weight * scale }));
    const weight = parts.reduce((sum, u) => sum + u.weight, 0);
    const named = at.map((k) => tokens[k]!);
    if (weight > 0) units.push({ words: [`${e.kind}:${e.key}`], weight, entity: { kind: e.kind, key: e.key, words: named, parts, required: !polite(e.start) && !groups.some((g) => g.start < e.end && e.start < g.end), asked: !polite(e.start) }, clause: clauseOf(e.start) });
  }
  for (const n of cited) units.push({ words: [n], weight: maxIdf });
  // Only syllables that may as well be question words ("nói về việc gì" typed "noi ve viec gi"): the
  // question names no content at all, and no candidate should be judged by them.
  if (units.length > 0 && units.every((u) => doubtfulUnits.has(u))) units.length = 0;
  const seen = new Set<string>();
  const unique = units.filter((u) => {
    const k = u.words.join(' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // However long the preamble, it weighs at most a share of the question it comes with: "tôi cần ghi vào
  // báo cáo gửi lãnh đạo đơn vị mình" must not outweigh "ai ký".
  const asideTotal = unique.filter((u) => aside.has(u)).reduce((sum, u) => sum + u.weight, 0);
  const askedTotal = unique.filter((u) => !aside.has(u)).reduce((sum, u) => sum + u.weight, 0);
  const cap = ASIDE_SHARE * askedTotal;
  const scaled = asideTotal > cap && askedTotal > 0 ? unique.map((u) => (aside.has(u) ? { ...u, weight: (u.weight * cap) / asideTotal } : u)) : unique;
  const aligned = a.expanded.length === tokens.length;
  const isWord = (t: string) => corpus.formCount(t) > 0;
  // Read from the words as typed; a repair may reveal an earlier kind ("do ai làm trưởng bna": a person, not a body).
  const asTyped = types.expected(a.expanded, aligned ? a.typed : undefined, isWord);
  const asRepaired = a.repairs.length > 0 ? types.expected(tokens, a.typed, isWord) : undefined;
  const expected = asRepaired && (!asTyped || types.rank(asRepaired) < types.rank(asTyped)) ? asRepaired : asTyped;
  const askedClause = aligned && expected?.at !== undefined ? clauseOf(expected.at) : undefined;
  const cueWords = aligned && expected?.at !== undefined ? tokens.slice(expected.at, expected.end) : [];
  const datedCitations =
    expected?.type === 'date' && askedClause !== undefined
      ? cited.filter((n) => tokens.some((t, k) => /^\d+$/.test(t) && String(Number(t)) === n && clauseOf(k) === askedClause))
      : [];
  return {
    units: scaled,
    total: scaled.reduce((sum, u) => sum + u.weight, 0),
    expected,
    ...(askedClause !== undefined ? { askedClause, cueWords } : {}),
    ...(datedCitations.length > 0 ? { datedCitations } : {}),
  };
}

/** The document nouns that name a plan by its place ("kế hoạch Tây Ninh", "KH của Củ Chi"). */
const DOCUMENT_NOUNS = [['ke', 'hoach'], ['cong', 'van'], ['van', 'ban']];

/**
 * The positions of a document noun right before a place's name (with "của" between or not): the plan's
 * name, which chose the plan, not a word to find in it ("KH Tây Ninh tổng kết …" asks nothing of "kế hoạch").
 */
function documentNamePositions(a: QueryAnalysis): Set<number> {
  const at = new Set<number>();
  const tokens = a.repaired;
  for (const sp of a.slots.spans) {
    if (sp.kind !== 'locality') continue;
    const end = tokens[sp.start - 1] === 'cua' ? sp.start - 1 : sp.start;
    const noun = DOCUMENT_NOUNS.find((w) => w.every((t, k) => tokens[end - 2 + k] === t));
    if (noun) for (let k = end - 2; k < sp.start; k++) at.add(k);
  }
  return at;
}

/** The share of the passages writing the second syllable that write it after the first. */
function pairShare(x: string, y: string, corpus: Corpus): number {
  const df = corpus.df(`${x}_${y}`);
  return df === 0 ? 0 : df / corpus.df(y);
}

/** A syllable is a word's second half when the plans write it after the first this often ("ánh": always after "phản"). */
const HALF_OF_WORD_SHARE = 0.5;

/** The question words that follow the noun they ask about: "giấy tờ gì", "cơ quan nào". */
const WH_WORDS = new Set(['gi', 'nao']);

/** Either syllable a letter away from a word that makes, with the other, a known compound. */
function slipOfKnownPair([first, second]: readonly string[], words: Iterable<string>, known: (x: string, y: string) => boolean): boolean {
  for (const w of words) {
    if (w !== second && editDistance(w, second!, 1) <= 1 && known(first!, w)) return true;
    if (w !== first && editDistance(w, first!, 1) <= 1 && known(w, second!)) return true;
  }
  return false;
}

/** Words before a day and month ("ngày 01/12", "trước 1/12", "hạn 15/11"). */
const DATE_LEADS = new Set(['ngay', 'truoc', 'sau', 'den', 'tu', 'han', 'cham']);

/**
 * The days and months a question writes: "ngày 01/12" (folded to "ngay 01 12") and "ngày 1 tháng 12";
 * a pair of numbers alone ("mục 1 2") is no date.
 */
export function datesIn(tokens: readonly string[]): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  const num = (t: string | undefined) => (t !== undefined && /^\d{1,2}$/.test(t) ? Number(t) : undefined);
  for (let i = 1; i < tokens.length; i++) {
    if (!DATE_LEADS.has(tokens[i - 1]!)) continue;
    const day = num(tokens[i]);
    const withWord = tokens[i + 1] === 'thang';
    const month = num(tokens[withWord ? i + 2 : i + 1]);
    if (day === undefined || month === undefined || day < 1 || day > 31 || month < 1 || month > 12) continue;
    out.push({ key: `${day}/${month}`, start: i, end: withWord ? i + 3 : i + 2 });
  }
  return out;
}

/** A year the plans' periods use. */
const YEAR = /^20\d\d$/;

/** The spans of years a question writes: two years side by side, the first the earlier ("2024 - 2030", "2023 2025"). */
export function periodsIn(tokens: readonly string[]): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [from, to] = [tokens[i]!, tokens[i + 1]!];
    if (YEAR.test(from) && YEAR.test(to) && Number(from) < Number(to)) out.push({ key: `${from}-${to}`, start: i, end: i + 2 });
  }
  return out;
}

/**
 * A phase named weighs this share of the rarest word: less than a date, since a plan's award forms
 * "khi sơ kết" answer "sơ kết giai đoạn 1" without naming the phase.
 */
const PHASE_WEIGHT = 0.5;

/** The movement's numbered phases a question names: "giai đoạn 2", "giai đoạn II" (key "2"); not a span of years. */
export function phasesIn(tokens: readonly string[]): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i] !== 'giai' || tokens[i + 1] !== 'doan') continue;
    const t = tokens[i + 2]!;
    const n = /^[1-4]$/.test(t) ? Number(t) : smallRomanValue(t);
    if (n !== undefined) out.push({ key: String(n), start: i, end: i + 3 });
  }
  return out;
}

/**
 * Which tokens are politeness around the question: the clauses before the first one that asks (holds
 * an asking word such as "gì", "nào", "khi nào", "bao nhiêu", or is the last clause), the words of that
 * clause up to its "muốn hỏi là", and the clauses after it that speak of the asker (thanks, "mình cần gấp…"). "Em chào anh chị, bên em là
 * trường THCS…, em đang làm hồ sơ, muốn hỏi là hạn nộp báo cáo khi nào ạ, cảm ơn anh chị nhiều".
 */
function politeSpans(a: QueryAnalysis, types: AnswerTypes, notIntro: (i: number) => boolean): (i: number) => boolean {
  const tokens = a.repaired;
  // A dash inside a body's name ("Phòng Tài chính – Kế hoạch") starts no clause.
  const inName = (i: number) => a.slots.spans.some((sp) => sp.kind === 'agency' && i > sp.start && i < sp.end);
  const starts = tokens.map((_, i) => i).filter((i) => i === 0 || (a.breaks[i] && !inName(i)));
  const clauses = starts.map((s, k) => ({ start: s, end: starts[k + 1] ?? tokens.length }));
  // The first clause that asks past its intro ("sếp đang hỏi gấp: … tổng kết năm nào"), else the first that asks at all.
  let ask = clauses.findIndex((c) => types.asksItself(tokens.slice(c.start, c.end), (k) => notIntro(c.start + k)));
  if (ask < 0) ask = clauses.findIndex((c) => types.asks(tokens.slice(c.start, c.end)));
  if (ask < 0) ask = clauses.length - 1;
  const asking = clauses[ask]!;
  const before = asking.start + types.questionStart(tokens.slice(asking.start, asking.end), (k) => notIntro(asking.start + k));
  const after = clauses.slice(ask + 1).filter((c) => !types.asks(tokens.slice(c.start, c.end)) && types.aboutAsker(tokens.slice(c.start, c.end)));
  return (i) => i < before || after.some((c) => i >= c.start && i < c.end);
}

/**
 * The typed form of a syllable when it is evidence: typed with diacritics, written so in the plans, and
 * the plans also write the folded syllable as another common word. A tone the plans never write (a slip:
 * "tiêu chì") is no evidence.
 */
function evidentForm(folded: string, typed: string | undefined, corpus: Corpus, bare = false): string | undefined {
  if (typed === undefined || (typed === folded && !bare) || corpus.formCount(typed) === 0) return undefined;
  return corpus.hasOtherCommonForm(folded, typed, 1) ? typed : undefined;
}

/** One run of content tokens as units: the best pairing into compounds, then lone syllables. */
function segmentRun(run: readonly string[], typed: readonly string[], corpus: Corpus, weightOf: (w: string) => number, bare: readonly boolean[] = []): Unit[] {
  const n = run.length;
  // best[k]: the best pairing of run[k…]; a pair scores by how strongly its syllables go together in
  // the plans (Dice: twice the pair's passages over the syllables' passages), a lone syllable 0.
  const best: Array<{ score: number; pair: boolean }> = new Array(n + 1).fill(null).map(() => ({ score: 0, pair: false }));
  for (let k = n - 2; k >= 0; k--) {
    const df = corpus.df(`${run[k]}_${run[k + 1]}`);
    const single = best[k + 1]!.score;
    const paired = df > 0 ? (2 * df) / (corpus.df(run[k]!) + corpus.df(run[k + 1]!)) + best[k + 2]!.score : -1;
    best[k] = paired > single ? { score: paired, pair: true } : { score: single, pair: false };
  }
  const units: Unit[] = [];
  for (let k = 0; k < n; k++) {
    const w = run[k]!;
    if (best[k]!.pair && k + 1 < n) {
      const pair = `${w}_${run[k + 1]}`;
      units.push({ words: [w, run[k + 1]!], pair, known: true, weight: corpus.idf(pair) });
      k++;
    } else if (/^\d{1,2}$/.test(w)) units.push({ words: [w], weight: Math.min(SMALL_NUMBER_WEIGHT, weightOf(w)) });
    else if (/^\d+$/.test(w) || w.length > 1) units.push({ words: [w], weight: weightOf(w) });
  }
  // Two lone syllables side by side that the plans never write together ("bóng đá", "nghỉ phép") are a
  // word the plans do not hold, even if each syllable occurs somewhere on its own. (A syllable the plans
  // never use stays alone: it weighs as the rarest word already.)
  const merged: Unit[] = [];
  for (const u of units) {
    const prev = merged[merged.length - 1];
    const [a, b] = [prev?.words[0], u.words[0]!];
    const adjacent = prev !== undefined && !prev.pair && !u.pair && run.indexOf(b) === run.indexOf(a!) + 1;
    const rarer = Math.min(corpus.df(a ?? ''), corpus.df(b));
    if (adjacent && !/\d/.test(a! + b) && rarer > 0 && rarer <= LOOSE_PAIR_MAX_SHARE * corpus.passages.length) {
      merged[merged.length - 1] = { words: [prev.words[0]!, u.words[0]!], pair: `${prev.words[0]}_${u.words[0]}`, known: false, weight: Math.max(prev.weight, u.weight) };
    } else merged.push(u);
  }
  for (const u of merged) {
    // A compound the plans write is itself in any tone ("lồng ghép", written "lòng ghép" by a slip):
    // the diacritics tell words apart only for a syllable alone.
    if (u.pair && u.known) continue;
    const forms = u.words.map((w) => evidentForm(w, typed[run.indexOf(w)], corpus, bare[run.indexOf(w)]));
    if (forms.some((f) => f !== undefined)) u.forms = forms;
  }
  return merged;
}

/** The words a text writes, by toneKey; the same candidate texts come back question after question. */
const formsCache = new Map<string, ReadonlySet<string>>();
const FORMS_CACHE = 2000;
function formsOf(text: string): ReadonlySet<string> {
  let set = formsCache.get(text);
  if (!set) {
    set = new Set(text.split(/[^\p{L}\p{N}]+/u).map(toneKey));
    if (formsCache.size >= FORMS_CACHE) formsCache.delete(formsCache.keys().next().value!);
    formsCache.set(text, set);
  }
  return set;
}

export interface Check {
  /** Share of the question's weight the candidate covers, 0…1 (1 when the question has no content units). */
  coverage: number;
  /** +1: has the asked kind's shape; −1: lacks it; 0: the question asks for no particular kind. */
  type: number;
  /** The units not covered, for `why`. */
  missing: string[];
  /** How much of each of the profile's units the candidate covers, 0…1, in the profile's order. */
  credits: number[];
  /** Bodies and awards the question names that the candidate does not name at all, and the thing asked if no plan writes it: it is about something else. */
  unnamed: string[];
  /**
   * The coverage of its best sentence, 0…1: a passage about the question holds its words together; one
   * that mentions them here and there ("tổng kết" in one task, "hướng dẫn" in another) is about something else.
   */
  focus: number;
  /** The index of that sentence among the candidate's (-1 when it has none). */
  focusAt: number;
}

/**
 * `terms`: the candidate's term set (its text and headings); `free`: words the candidate answers by
 * what it is (the phrases of its intent: a deadlines answer covers "hạn" without writing it); `written`:
 * everything the candidate writes (text, headings, the plan's names), for words typed with diacritics.
 */
export function checkCandidate(
  profile: QuestionProfile,
  terms: ReadonlySet<string>,
  free: ReadonlySet<string>,
  text: string,
  types: AnswerTypes,
  written = text,
  names: (entity: NamedEntity) => EntityMention = () => 'no',
  sentences: readonly { text: string; terms: ReadonlySet<string> }[] = [],
  ownSentenceDate = false,
): Check {
  let covered = 0;
  const missing: string[] = [];
  const unnamed: string[] = [];
  const credits: number[] = [];
  let forms: ReadonlySet<string> | undefined;
  const writes = (form: string) => (forms ??= formsOf(written)).has(toneKey(form));
  const has = (w: string) => terms.has(w) || free.has(w);
  const creditOf = (u: Unit): number => {
    const formOk = (k: number) => u.forms?.[k] === undefined || free.has(u.words[k]!) || writes(u.forms[k]!);
    if (!u.words.every((_, k) => formOk(k))) return 0;
    if (!u.pair) return has(u.words[0]!) ? 1 : 0;
    const n = u.words.filter(has).length;
    if (terms.has(u.pair) || (n === 2 && u.words.every((w) => free.has(w)))) return 1;
    // Two syllables the plans never join, one of them what the candidate is about ("ký | ngày" to a
    // document card, which answers "ký" by what it is): two words of the question, both there.
    const oneFree = u.words.some((w) => free.has(w));
    return n === 2 ? (u.known || oneFree ? SPLIT_PAIR_CREDIT : SPLIT_UNKNOWN_PAIR_CREDIT) : n === 1 && u.known ? HALF_PAIR_CREDIT : 0;
  };
  for (const u of profile.units) {
    let credit: number;
    if (u.entity) {
      // Named as asked: covered. Named otherwise: half. Only its words found apart: a little.
      const mention = names(u.entity);
      if (mention === 'no' && u.entity.required) unnamed.push(u.words.join(' '));
      const apart = u.entity.parts.reduce((sum, p) => sum + creditOf(p) * p.weight, 0) / u.weight;
      credit = mention === 'as-asked' ? 1 : mention === 'other-name' ? OTHER_NAME_CREDIT : Math.min(apart, APART_CREDIT);
    } else credit = creditOf(u);
    if (u.unwritten && credit < 1) unnamed.push(u.words.join(' '));
    covered += credit * u.weight;
    credits.push(credit);
    if (credit < 1) missing.push(u.words.join(' '));
  }
  const coverage = profile.total > 0 ? covered / profile.total : 1;
  // Words of the plain units only (an entity is named or not, wherever), within one sentence; the words
  // the candidate covers by what it is (`free`) count in every sentence.
  const plain = profile.units.filter((u) => !u.entity);
  const plainTotal = plain.reduce((sum, u) => sum + u.weight, 0);
  const focusOf = sentences.map((sentence) => {
    const inSentence = (w: string) => sentence.terms.has(w) || free.has(w);
    let got = 0;
    for (const u of plain) {
      // A compound's words found apart in the sentence count as in the coverage: "theo hướng … dẫn" is no "hướng dẫn".
      if (!u.pair) got += inSentence(u.words[0]!) ? u.weight : 0;
      else if (sentence.terms.has(u.pair) || (u.words.every((w) => free.has(w)))) got += u.weight;
      else if (u.words.every(inSentence)) got += u.weight * (u.known ? SPLIT_PAIR_CREDIT : SPLIT_UNKNOWN_PAIR_CREDIT);
    }
    return plainTotal > 0 ? got / plainTotal : coverage;
  });
  const focus = plainTotal === 0 || sentences.length === 0 ? coverage : Math.max(0, ...focusOf);
  const focusAt = sentences.length === 0 ? -1 : focusOf.indexOf(Math.max(...focusOf));
  let type = profile.expected ? (types.fits(profile.expected, text) ? 1 : -1) : 0;
  // A date answers the question only where the sentence about it stands: "lễ phát động … ngày nào" is
  // not answered by a deadline two items away. (A body is often named in a heading, not in the sentence.)
  // Nor, with `ownSentenceDate`, by a date in a sentence that lacks the rarest word the candidate holds of
  // the clause asking ("Lễ phát động … ngày nào": not the date of a Thông tư cited in the next item). (Not
  // asked of a deadline's answer: it names its body and its deed in lines of their own.)
  if (type === 1 && profile.expected?.type === 'date' && sentences.length > 0 && plainTotal > 0) {
    const inSentence = (u: Unit, k: number) => termsHold(sentences[k]!.terms, u);
    const ofClause = (u: Unit) => (profile.askedClause === undefined || u.clause === profile.askedClause) && !u.words.every((w) => profile.cueWords?.includes(w));
    const rarest = ownSentenceDate ? [...plain].sort((x, y) => y.weight - x.weight).find((u) => ofClause(u) && !u.words.some((w) => free.has(w)) && sentences.some((_, k) => inSentence(u, k))) : undefined;
    const near = sentences.filter((_, k) => focusOf[k]! > 0 && focusOf[k]! >= focus - DATE_FOCUS_BAND && (!rarest || inSentence(rarest, k)));
    if (!near.some((s) => types.fits(profile.expected!, s.text))) type = -1;
  }
  // The date of a cited document stands right after its number ("Thông tư số 24/2023/TT-BGDĐT ngày
  // 11/12/2023"); a citation without one ("Chỉ thị số 11-CT/TW của Bộ Chính trị") gives no date, whatever
  // other documents' dates stand beside it.
  if (type === 1 && profile.datedCitations && !profile.datedCitations.some((n) => datedCitation(n).test(text))) type = -1;
  // "… có nhắc thư viện, bảo tàng không": without those words the text says nothing of what is asked.
  if (profile.units.some((u, k) => u.mentioned && (credits[k] ?? 0) < 1)) type = -1;
  return { coverage, type, missing, credits, unnamed, focus, focusAt };
}

/** How far after a cited document's number its date may stand ("24/2023/TT-BGDĐT ngày 11/12/2023"). */
const CITATION_DATE_REACH = 40;
const citationPatterns = new Map<string, RegExp>();
/** A cited document's number followed, within its citation, by a date. */
function datedCitation(n: string): RegExp {
  let re = citationPatterns.get(n);
  if (!re) {
    re = new RegExp(`(?<!\\p{N})0*${n}(?!\\p{N})[^.;\\n]{0,${CITATION_DATE_REACH}}?(?:ngày\\s*\\d|\\d{1,2}/\\d{1,2}/\\d{4})`, 'iu');
    citationPatterns.set(n, re);
  }
  return re;
}
