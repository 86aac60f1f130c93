/**
 * Question intents from intents/*.json (files with "kind": "question"; other files in that folder,
 * such as the report form, belong to other parts and are skipped). Keyword rules, transparent and
 * unit-tested: each phrase found in the folded question adds its weight to its intent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError, describeIssues } from './errors.js';
import { DEFAULT_INTENTS_DIR } from './paths.js';

export const SLOT_NAMES = ['plan', 'target', 'awardKind', 'award', 'year', 'agency', 'docref'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export const intentSchema = z.object({
  kind: z.literal('question'),
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1),
  /** One line for the help answer: what questions of this kind the bot answers. */
  answers: z.string().min(1),
  /** True when the answer depends on one plan (the bot asks which one when the question does not say). */
  needsPlan: z.boolean(),
  /** Tie-break between intents with equal scores: higher wins. */
  priority: z.number().int(),
  /** A weak intent (greetings, help) wins only when no other intent matched. */
  weak: z.boolean().default(false),
  slots: z.array(z.enum(SLOT_NAMES)),
  /** Phrase (written with diacritics, matched folded) → weight. */
  keywords: z.record(z.string().min(1), z.number().positive()).refine((k) => Object.keys(k).length > 0, 'at least one keyword'),
  /**
   * Extra weight when the question fills a slot ("target": a target group named makes a criteria
   * question likelier: "Khánh Hòa yêu cầu gì đối với doanh nghiệp"). Added only if a keyword matched too.
   */
  slotBoosts: z.partialRecord(z.enum(SLOT_NAMES), z.number().positive()).default({}),
  /** Words of section headings this intent's answers live under ("tiêu chí", "kinh phí"): search boosts. */
  sectionWords: z.array(z.string().min(1)).default([]),
  /**
   * Words an answer of this intent stands for by what it is, written or not: a document card is the
   * "văn bản" asked about ("ai ký văn bản này"). The check never counts them missing from it.
   */
  coveredWords: z.array(z.string().min(1)).default([]),
  /**
   * The kind of answer this intent's composer gives (a type of data/answer-types.json: "date", "agency"):
   * when the question asks for that kind, its answer is the one made for it.
   */
  answerType: z.string().regex(/^[a-z-]+$/).optional(),
  /**
   * The plans word this intent's answers from one national model, a place's name changed (a body's
   * tasks): asked with no plan named, answers that read nearly alike across the plans are one answer.
   */
  copiedAcrossPlans: z.boolean().default(false),
  /** Example questions, with and without diacritics; each must be classified as this intent (tested). */
  examples: z.array(z.string().min(1)).min(2),
});

export type IntentDef = z.infer<typeof intentSchema>;

export function parseIntent(data: unknown, file: string): IntentDef {
  const parsed = intentSchema.safeParse(data);
  if (!parsed.success) throw new DataFileError(`Invalid intent file:\n${describeIssues(file, parsed.error.issues)}`);
  return parsed.data;
}

/** Loads every question intent of a folder, sorted by id. Ids must be unique. */
export function loadIntents(dir: string = DEFAULT_INTENTS_DIR): IntentDef[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    throw new DataFileError(`${dir}: cannot read the intents folder (${(err as Error).message})`);
  }
  const intents: IntentDef[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new DataFileError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== 'question') continue;
    const intent = parseIntent(data, file);
    const other = seen.get(intent.id);
    if (other) throw new DataFileError(`${file}: id: "${intent.id}" is already used by ${other}`);
    seen.set(intent.id, file);
    intents.push(intent);
  }
  if (intents.length === 0) throw new DataFileError(`${dir}: no question intents found (files with "kind": "question")`);
  return intents;
}
