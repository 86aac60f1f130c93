/**
 * data/glossary.json: abbreviations, locality aliases, target groups, agencies, award names.
 * Domain people edit this file; it is validated here and a mistake names the file and the field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError, describeIssues } from './errors.js';
import { DEFAULT_GLOSSARY_PATH } from './paths.js';

const phrase = z.string().trim().min(1);
const key = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');

export const glossarySchema = z.object({
  abbreviations: z.array(
    z.object({
      forms: z.array(phrase).min(1),
      expansion: phrase,
      /** "before-number": only when the next word is a number ("KH 62", "TT 25"). */
      context: z.enum(['before-number']).optional(),
      /**
       * Only right after one of these words ("^": at the start of the question): "UBND BK" is Bắc Kạn,
       * a bare "BK" is a Bằng khen. Tried before the same form's entries without it.
       */
      after: z.array(phrase).optional(),
      /** With `after`: also when the form ends the text ("tiêu chí KH" is Khánh Hòa). */
      last: z.boolean().optional(),
    }),
  ),
  localities: z
    .array(
      z.object({
        name: phrase,
        /** Plan ids this name points to, the main one first. */
        plans: z.array(key).min(1),
        aliases: z.array(phrase).min(1),
      }),
    )
    .min(1),
  /** Places that are not in the data: a question about them is answered "not found". */
  otherLocalities: z.array(phrase).default([]),
  targets: z.array(z.object({ key, label: phrase, synonyms: z.array(phrase).min(1) })),
  /** Phrases that look like a target group word but are not one ("xã hội" is not "xã"). */
  notTargets: z.array(phrase).default([]),
  agencies: z.array(z.object({ key, name: phrase, synonyms: z.array(phrase).min(1) })),
  awards: z.array(z.object({ key, name: phrase, synonyms: z.array(phrase).min(1) })),
  awardKinds: z.array(z.object({ key: z.enum(['hang-nam', 'so-ket', 'tong-ket']), synonyms: z.array(phrase).min(1) })),
  /** Words that ask rather than describe ("gì", "nào"): left out of the search terms. */
  questionWords: z.array(phrase).default([]),
  /** Phrases that make a question span several plans ("tỉnh nào", "so sánh"). */
  crossPlanPhrases: z.array(phrase).default([]),
  /** Phrases that ask which plans hold a thing ("tỉnh nào", "kế hoạch nào"): across plans too, as a list. */
  whichPlanPhrases: z.array(phrase).default([]),
  /** "không tính", "ngoài", "trừ": before a plan's name, leave it out of a question across plans. */
  exclusionPhrases: z.array(phrase).default([]),
  /** "trong các kế hoạch", "bản kế hoạch nào": a question across plans that asks of the kế hoạch only, not the công văn. */
  plansOnlyPhrases: z.array(phrase).default([]),
  /** "không có", "không nêu": in a question across plans, asks for the plans that lack the thing. */
  negationPhrases: z.array(phrase).default([]),
  /** Words that hold a negation's syllables and negate nothing ("thiểu số" folds to hold "thiếu"). */
  notNegationPhrases: z.array(phrase).default([]),
  /** Words after which "văn bản nào", "công văn nào" ask for a cited document, not across plans. */
  crossPlanNotAfter: z.array(phrase).default([]),
});

export type Glossary = z.infer<typeof glossarySchema>;
export type AwardKindKey = Glossary['awardKinds'][number]['key'];

export function parseGlossary(data: unknown, file = 'data/glossary.json'): Glossary {
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) throw new DataFileError(`Invalid glossary:\n${describeIssues(file, parsed.error.issues)}`);
  return parsed.data;
}

export function loadGlossary(file: string = DEFAULT_GLOSSARY_PATH): Glossary {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(`${file}: cannot read the glossary (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new DataFileError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseGlossary(data, file);
}

/** Every place's names as written: its name and aliases, and the places not in the data. */
export function placeNames(glossary: Glossary): string[] {
  return [...glossary.localities.flatMap((l) => [l.name, ...l.aliases]), ...glossary.otherLocalities];
}
