/**
 * The kind of answer a question asks for (a date, an agency, an amount of money…), read from its
 * question words, and whether a candidate answer has that shape. The cues and shapes are data
 * (data/answer-types.json), validated at load.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError, describeIssues } from '../nlu/errors.js';
import type { AbbreviationExpander } from '../nlu/expand.js';
import { DEFAULT_ANSWER_TYPES_PATH } from '../nlu/paths.js';
import { PhraseMatcher } from '../nlu/phrases.js';
import { typedAsOtherWords, writtenWords } from '../text/normalize.js';


const phrase = z.string().trim().min(1);
const regex = z.string().refine((s) => {
  try {
    new RegExp(s, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const answerTypesSchema = z.object({
  /** Words that carry politeness or the question's grammar, not its topic: they weigh little in coverage. */
  lightWords: z.array(phrase),
  /** Words that make a clause the one that asks; the clauses before it are a polite preamble. */
  askWords: z.array(phrase),
  /** Words after which the question proper begins, inside the clause that asks ("bên em đang làm hồ sơ, muốn hỏi là …"). */
  askIntros: z.array(phrase).default([]),
  /** A clause after the question that holds one of these only thanks ("…, cảm ơn bạn nhiều nhé"). */
  thanks: z.array(phrase).default([]),
  /** A clause after the question that opens with one of these is about the asker ("…, mình cần gấp để làm tờ trình"). */
  selfWords: z.array(phrase).default([]),
  /** The words after one of these, to the end of their clause, say what is not asked ("giai đoạn 2024 - 2030 chứ không phải 2023 - 2030"). */
  contrasts: z.array(phrase).default([]),
  /**
   * "có nhắc … không", "có đề cập … không": the words between one of these and the closing "không" are
   * what the question asks whether the plan writes; an answer without them says nothing of it.
   */
  mentions: z.array(phrase).default([]),
  /** In order: the first type whose cue the question holds is the one asked for. */
  types: z
    .array(z.object({
        type: z.string().regex(/^[a-z-]+$/),
        absent: phrase,
        /** A strict type is never answered by a text without its shape (an amount, a phone number). */
        strict: z.boolean().default(false), cues: z.array(phrase).min(1),
        shapes: z.array(regex).min(1),
        /**
         * Narrower asks of the same type, each with its own cues and shapes: "quý mấy" is answered by a
         * quarter, not by a year; "ngày nào" by a day.
         */
        finer: z
          .array(z.object({ absent: phrase, strict: z.boolean().default(false), cues: z.array(phrase).min(1), shapes: z.array(regex).min(1) }))
          .default([]),
        /**
         * A post named, then asked who holds it ("Trưởng ban Chỉ đạo cấp huyện là ai"): this type is
         * asked, though no cue is written. `asks` follow the post within a few words; a post right after
         * one of `notAfter` is whose award it is ("Bằng khen của Chủ tịch …"), not the one asked about.
         */
        /**
         * "mấy trung tâm", "bao nhiêu thành viên": a number of things is asked, though no cue is written,
         * when the word after one of `after` is a word (not a number), not light, and not one of `notCounted`
         * (what the plans enumerate themselves, a time).
         */
        counted: z
          .object({ after: z.array(phrase).min(1), notCounted: z.array(phrase).default([]), notAfter: z.array(phrase).default([]) })
          .passthrough()
          .optional(),
        roles: z
          .object({ names: z.array(phrase).min(1), asks: z.array(phrase).min(1), notAfter: z.array(phrase).default([]) })
          .passthrough()
          .optional(),
      }),
    )
    .min(1),
});

export type AnswerTypesData = z.infer<typeof answerTypesSchema>;

/** A boundary of words written in Vietnamese: between a letter or digit (any script) and anything else. */
const WORD_BOUNDARY = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';

/**
 * A shape of the data file as a regular expression. JavaScript's `\b` knows only ASCII letters: "\bbộ\b"
 * would never match "Bộ Giáo dục" (no boundary after "ộ"), so `\b` here means the boundary of a word.
 */
export function shapeRegExp(source: string): RegExp {
  // A shape that asks for a capital letter ("\p{Lu}": a name) is matched as written; with the "i" flag
  // JavaScript lets \p{Lu} match any letter, and three words of any case would read as a person's name.
  const flags = /\\p\{Lu\}/.test(source) ? 'u' : 'iu';
  return new RegExp(source.replace(/(?<!\\)\\b/g, WORD_BOUNDARY), flags);
}

export function loadAnswerTypes(file: string = DEFAULT_ANSWER_TYPES_PATH): AnswerTypesData {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataFileError(`${file}: cannot read (${(err as Error).message})`);
  }
  const parsed = answerTypesSchema.safeParse(data);
  if (!parsed.success) throw new DataFileError(`Invalid answer types file:\n${describeIssues(file, parsed.error.issues)}`);
  return parsed.data;
}

export interface ExpectedType {
  type: string;
  /** What the "not stated" sentence calls it. */
  absent: string;
  strict: boolean;
  /** The finer ask of the type the question makes ("quý mấy" of a date), by its index in the type's `finer`. */
  finer?: number;
  /** Where its first cue starts and ends, in the tokens it was read from. */
  at?: number;
  end?: number;
}

/** The most words between a post and the ask about it ("Trưởng ban Chỉ đạo phong trào cấp huyện ở Củ Chi là ai"). */
const ROLE_REACH = 10;

/** True when one of the phrases ends right before `at`. */
function endsAt(tokens: readonly string[], at: number, phrases: readonly string[][]): boolean {
  return phrases.some((p) => p.length <= at && p.every((w, k) => tokens[at - p.length + k] === w));
}

/** Texts whose shapes are remembered: the plans' passages and composed answers, a few thousand. */
const FITTED_MAX = 20_000;

export class AnswerTypes {
  /** Value: the type's index (and its finer ask's, if the cue is one), and the cue as written (to compare with what was typed). */
  private readonly cues: PhraseMatcher<{ type: number; finer?: number; forms: string[] }>;
  private readonly shapes: RegExp[][];
  private readonly finerShapes: RegExp[][][];
  /** Whether a text has a shape, by "type|finer|text" (bounded: cleared when full). */
  private readonly fitted = new Map<string, boolean>();
  /** Value: the light phrases with these folded tokens, in lower case with their diacritics (to compare with what was typed). */
  private readonly light: PhraseMatcher<string[]>;
  private readonly asking: PhraseMatcher<true>;
  private readonly intros: PhraseMatcher<true>;
  private readonly thanking: PhraseMatcher<true>;
  private readonly self: PhraseMatcher<true>;
  private readonly contrasting: PhraseMatcher<true>;
  private readonly mentioning: PhraseMatcher<true>;
  /** By type index: the asking words of a count, and the things after them that are no count. */
  private readonly counted: ({ after: PhraseMatcher<true>; not: PhraseMatcher<true>; notAfter: string[][] } | undefined)[];
  /** By type index: the posts, the asks that follow them, the words that make a post someone's. */
  private readonly roles: ({ names: PhraseMatcher<true>; asks: PhraseMatcher<true>; notAfter: string[][] } | undefined)[];

  constructor(
    private readonly data: AnswerTypesData,
    expander: AbbreviationExpander,
  ) {
    const cue = (c: string, type: number, finer?: number) => ({
      tokens: expander.normalizePhrase(c),
      value: { type, ...(finer === undefined ? {} : { finer }), forms: writtenWords(c) },
    });
    this.cues = new PhraseMatcher(data.types.flatMap((t, i) => [...t.cues.map((c) => cue(c, i)), ...t.finer.flatMap((f, j) => f.cues.map((c) => cue(c, i, j)))]));
    this.shapes = data.types.map((t) => t.shapes.map(shapeRegExp));
    this.finerShapes = data.types.map((t) => t.finer.map((f) => f.shapes.map(shapeRegExp)));
    const matcher = (phrases: readonly string[]) => new PhraseMatcher(phrases.map((p) => ({ tokens: expander.normalizePhrase(p), value: true as const })));
    const forms = new Map<string, string[]>();
    for (const p of data.lightWords) {
      const key = expander.normalizePhrase(p).join(' ');
      forms.set(key, [...(forms.get(key) ?? []), p.normalize('NFC').toLowerCase()]);
    }
    this.light = new PhraseMatcher([...forms].map(([key, value]) => ({ tokens: key.split(' '), value })));
    this.asking = matcher(data.askWords);
    this.intros = matcher(data.askIntros);
    this.thanking = matcher(data.thanks);
    this.self = matcher(data.selfWords);
    this.contrasting = matcher(data.contrasts);
    this.mentioning = matcher(data.mentions);
    this.counted = data.types.map((t) =>
      t.counted ? { after: matcher(t.counted.after), not: matcher(t.counted.notCounted), notAfter: t.counted.notAfter.map((p) => expander.normalizePhrase(p)) } : undefined,
    );
    this.roles = data.types.map((t) =>
      t.roles ? { names: matcher(t.roles.names), asks: matcher(t.roles.asks), notAfter: t.roles.notAfter.map((p) => expander.normalizePhrase(p)) } : undefined,
    );
  }

  /** Where a number of things is asked ("mấy trung tâm"), by the type that asks it: the asking word's start and the thing's end. */
  private countAsk(tokens: readonly string[], type: number): { start: number; end: number } | undefined {
    const c = this.counted[type];
    if (!c) return undefined;
    for (const m of c.after.findAll(tokens)) {
      const next = tokens[m.end];
      if (next === undefined || !/^[a-z]{2,}$/.test(next) || this.isLightPhrase([next]) || c.not.candidatesAt(tokens, m.end).length > 0) continue;
      // "số mấy", "thứ mấy", "năm mấy": the ask is a number, a place in a list or a time, not a count.
      if (endsAt(tokens, m.start, c.notAfter)) continue;
      return { start: m.start, end: m.end + 1 };
    }
    return undefined;
  }

  /** Where a post is named and then asked who holds it, by the type that asks it: the post's start and the ask's end. */
  private roleAsk(tokens: readonly string[], type: number): { start: number; end: number } | undefined {
    const r = this.roles[type];
    if (!r) return undefined;
    const asks = r.asks.findAll(tokens);
    for (const post of r.names.findAll(tokens)) {
      if (endsAt(tokens, post.start, r.notAfter)) continue;
      const ask = asks.find((m) => m.start >= post.end && m.start - post.end <= ROLE_REACH);
      if (ask) return { start: post.start, end: ask.end };
    }
    return undefined;
  }

  /** The positions of the words a yes/no question asks whether the plan writes ("có nhắc thư viện, bảo tàng không"). */
  mentionPositions(tokens: readonly string[]): Set<number> {
    const at = new Set<number>();
    for (const m of this.mentioning.findAll(tokens)) {
      const end = tokens.indexOf('khong', m.end);
      if (end > m.end) for (let i = m.end; i < end; i++) at.add(i);
    }
    return at;
  }

  /** Positions from a contrast ("chứ không phải") to the end of its clause (`breaks[i]`: a clause starts at i). */
  contrastPositions(tokens: readonly string[], breaks: readonly boolean[]): Set<number> {
    const at = new Set<number>();
    for (const m of this.contrasting.findAll(tokens)) {
      for (let i = m.start; i < tokens.length && (i === m.start || !breaks[i]); i++) at.add(i);
    }
    return at;
  }

  /**
   * Positions of the tokens that belong to a light phrase ("vấn đề", "cảm ơn": whole phrases, never
   * their syllables alone). A one-syllable light word written with diacritics counts only where the
   * user typed those diacritics ("có" is light, "cơ" of "cơ quan" is not), or typed none and the folded
   * form is not often another word in the plans (`isContentWord`).
   */
  lightPositions(
    tokens: readonly string[],
    typed: readonly string[] = tokens,
    isContentWord: (folded: string, form: string) => boolean = () => true,
    uncertain?: Set<number>,
  ): Set<number> {
    const at = new Set<number>();
    for (const m of this.light.findEvery(tokens)) {
      // A phrase of several words typed with other diacritics is other words ("văn bản nào" is not "ban nào").
      if (m.end - m.start > 1 && m.value.every((form) => typedAsOtherWords(writtenWords(form), tokens, typed, m.start))) continue;
      if (m.end - m.start === 1) {
        const t = tokens[m.start]!;
        const as = typed[m.start]!;
        // Typed with diacritics: light only as one of the listed forms. Typed without: light when a listed
        // form has none, or when the plans rarely write the folded form as another word ("co" may be
        // "cơ", "hoi" may be "hội"; "lay" is "lấy").
        const light = as !== t ? m.value.includes(as) : m.value.includes(t) || m.value.some((form) => !isContentWord(t, form));
        if (!light) {
          // Typed without diacritics, it reads as the light word or as another the plans write ("dau":
          // "đâu" or "đầu"): `uncertain` collects it, for the caller to weigh as the doubt it is.
          if (as === t) uncertain?.add(m.start);
          continue;
        }
      }
      for (let i = m.start; i < m.end; i++) at.add(i);
    }
    return at;
  }

  /** True when every token of the folded phrase belongs to a light phrase (read folded: no typed diacritics to go by). */
  isLightPhrase(tokens: readonly string[]): boolean {
    return this.lightPositions(tokens, tokens, () => false).size === tokens.length;
  }

  /**
   * Where the question proper starts in a clause: after its last intro ("muốn hỏi là"), or 0. `notIntro(i)`:
   * the token at i is part of another word (the second half of one the plans write, a body's name), so
   * no intro starts there.
   */
  questionStart(tokens: readonly string[], notIntro: (i: number) => boolean = () => false): number {
    const last = this.intros.findAll(tokens).filter((m) => !notIntro(m.start)).at(-1);
    return last && last.end < tokens.length ? last.end : 0;
  }

  /** True when a clause only speaks of the asker: it thanks ("cảm ơn bạn nhiều"), or opens with "mình", "bên em"… */
  aboutAsker(tokens: readonly string[]): boolean {
    return this.thanking.findAll(tokens).length > 0 || this.self.candidatesAt(tokens, 0).length > 0;
  }

  /** True when the tokens hold an asking word ("gì", "khi nào"). */
  asks(tokens: readonly string[]): boolean {
    return this.asking.findAll(tokens).length > 0;
  }

  /** True when the tokens ask past their intro: "sếp đang hỏi gấp" only says someone asks. */
  asksItself(tokens: readonly string[], notIntro: (i: number) => boolean = () => false): boolean {
    return this.asks(tokens.slice(this.questionStart(tokens, notIntro)));
  }

  /**
   * The type the question asks for (folded tokens; `typed`, aligned with them: as the user typed them;
   * `isWord`: the plans write this form), the earliest in the file's order; undefined when none.
   */
  expected(tokens: readonly string[], typed: readonly string[] = tokens, isWord: (form: string) => boolean = () => true): ExpectedType | undefined {
    // A cue's word typed with other diacritics, as a word the plans write, is another word: "văn bản
    // nào" does not ask "ban nào". (A tone no plan writes is a slip: "số điên thoại".)
    const asTyped = (m: { start: number; end: number; value: { forms: string[] } }) =>
      m.value.forms.length !== m.end - m.start || !typedAsOtherWords(m.value.forms, tokens, typed, m.start, isWord);
    const matches = this.cues.findEvery(tokens).filter(asTyped);
    this.data.types.forEach((_, type) => {
      const at = this.roleAsk(tokens, type) ?? this.countAsk(tokens, type);
      if (at) matches.push({ ...at, value: { type, forms: [] } });
    });
    const found = matches.map((m) => m.value);
    if (found.length === 0) return undefined;
    const index = Math.min(...found.map((v) => v.type));
    const t = this.data.types[index]!;
    const first = matches.filter((m) => m.value.type === index).sort((x, y) => x.start - y.start)[0]!;
    const [at, end] = [first.start, first.end];
    const finer = found.find((v) => v.type === index && v.finer !== undefined)?.finer;
    if (finer === undefined) return { type: t.type, absent: t.absent, strict: t.strict, at, end };
    const f = t.finer[finer]!;
    return { type: t.type, absent: f.absent, strict: f.strict, finer, at, end };
  }

  /** Every word of the tokens, but light ones, stands in a cue of that type: "thời hạn khi nào" asks a date and names nothing else. */
  onlyAsks(tokens: readonly string[], expected: ExpectedType): boolean {
    const index = this.rank(expected);
    const inCue = new Set(this.cues.findEvery(tokens).filter((m) => m.value.type === index).flatMap((m) => [...Array(m.end - m.start).keys()].map((k) => m.start + k)));
    const light = this.lightPositions(tokens, tokens, () => false);
    return inCue.size > 0 && tokens.every((_, i) => inCue.has(i) || light.has(i));
  }

  /** The place of the type in the file's order: of two kinds read, the earlier is the one asked. */
  rank(expected: ExpectedType): number {
    return this.data.types.findIndex((t) => t.type === expected.type);
  }

  /** The type itself, without its finer ask. */
  coarse(expected: ExpectedType): ExpectedType {
    const t = this.data.types.find((x) => x.type === expected.type);
    return t ? { type: t.type, absent: t.absent, strict: t.strict } : expected;
  }

  /** True when the text has the shape of an answer of that type (of its finer ask, when one was read). */
  fits(expected: string | ExpectedType, text: string): boolean {
    const type = typeof expected === 'string' ? expected : expected.type;
    const finer = typeof expected === 'string' ? undefined : expected.finer;
    // Candidates are the plans' own sentences and passages, asked of again and again: each shape is tried on a text once.
    const key = `${type}|${finer ?? ''}|${text}`;
    const known = this.fitted.get(key);
    if (known !== undefined) return known;
    const i = this.data.types.findIndex((t) => t.type === type);
    const fit = i >= 0 && (finer === undefined ? this.shapes[i]! : this.finerShapes[i]![finer]!).some((re) => re.test(text));
    if (this.fitted.size >= FITTED_MAX) this.fitted.clear();
    this.fitted.set(key, fit);
    return fit;
  }
}
