/**
 * What a composer receives and returns. A composer answers one intent for one plan from the plan's
 * structured fields, quoting the plan's words; it returns null when the plan says nothing about it.
 */
import type { Plan } from '../../knowledge/schema.js';
import type { QueryAnalysis } from '../../nlu/analyze.js';
import type { Corpus } from '../corpus.js';
import type { Lexicon } from '../lexicon.js';

export interface ComposeContext {
  plan: Plan;
  analysis: QueryAnalysis;
  corpus: Corpus;
  lexicon: Lexicon;
  /** Search terms without the words that only name the intent ("tiêu chí", "hạn"): what the question is about. */
  topic: string[];
  /**
   * The search terms that are the question itself: those of a matched keyword that holds a question word
   * ("cơ quan nào", "đơn vị nào"). Every body is a "cơ quan": they say nothing of which one.
   */
  asking: ReadonlySet<string>;
  /** The bodies the polite preamble says the asker is ("bên em là UBND xã"), by glossary key. */
  askers: readonly string[];
  /** Sections that cite the document number the question names; undefined when it names none. */
  sectionFilter?: ReadonlySet<string>;
  /** "cross": one block among several plans (shorter, and silent when the plan lacks the thing asked). */
  mode: 'single' | 'cross';
}

export interface PlanAnswer {
  text: string;
  /** Sections quoted, in order (the citation and `sources`). */
  sections: string[];
  /**
   * The plan does not state the very thing asked (no group for that target, no such award, no date):
   * the text says so first, then what the plan has instead. Sent with status `not_found`.
   */
  absent?: true;
}

export type PlanComposer = (ctx: ComposeContext) => PlanAnswer | null;

/** Keeps entries in the sections a document-number filter allows (all when there is no filter or none match). */
export function inFilter<T extends { section: string }>(entries: readonly T[], filter: ReadonlySet<string> | undefined): T[] {
  if (!filter) return [...entries];
  const kept = entries.filter((e) => filter.has(e.section));
  return kept.length ? kept : [...entries];
}

/** True when the folded question holds the phrase (folded, space-separated). */
export function asks(ctx: ComposeContext, phrase: string): boolean {
  const words = ` ${ctx.analysis.repaired.join(' ')} `;
  return words.includes(` ${phrase} `);
}
