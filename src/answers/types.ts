import type { Why } from './candidates.js';

/**
 * The contract between the dialog (which knows who asks) and the answer composer (which knows the plans).
 */

export type AnswerStatus = 'answer' | 'clarify' | 'not_found';

export interface AnswerRequest {
  /** The question as the user typed it (already cleaned: NFC, no control characters, length-limited). */
  text: string;
  /** The asker's registered plan, used when the question names no locality. */
  planId?: string;
}

export interface SourceRef {
  /** Plan id (data/plans/<id>.json). */
  plan: string;
  /** Section id as cited, e.g. "III.1.d"; "" for facts from the document's header (number, date, signer). */
  section: string;
}

/** One option of a clarification: picking it re-asks the same question for that plan. */
export interface PlanOption {
  id: string;
  label: string;
  planId: string;
}

export interface AnswerResult {
  status: AnswerStatus;
  /** The intent id from intents/*.json, or "unknown". */
  intent: string;
  /** The answer exactly as the user sees it (Vietnamese, full diacritics). */
  text: string;
  sources: SourceRef[];
  /** Set when status is "clarify": the plans to choose from. */
  options?: PlanOption[];
  /** How the answer was chosen: the candidates considered, their scores, the one chosen (`ask --json`). */
  why?: Why;
}

export interface Answerer {
  answer(request: AnswerRequest): AnswerResult;
}
