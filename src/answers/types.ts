import type { SmallTalkKind } from '../nlu/conversation.js';
import type { Why } from './candidates.js';
import type { AnswerPart } from './layout.js';

/**
 * The contract between the dialog (which knows who asks) and the answer composer (which knows the plans).
 */

export type AnswerStatus = 'answer' | 'clarify' | 'not_found';

export interface AnswerRequest {
  /** The question as the user typed it (already cleaned: NFC, no control characters, length-limited). */
  text: string;
  /** The asker's registered plan, used when the question names no locality and the context has none. */
  planId?: string;
  /** The conversation so far (what the previous answer resolved): a follow-up takes what it lacks from it. */
  context?: AskContext;
}

/** What one answer resolved, kept by the dialog between two messages and given back with the next one. */
export interface AskContext {
  /** The question as answered: the follow-up merged into the previous question ("hạn báo cáo … Tây Ninh"). */
  question: string;
  /** The plan(s) the answer came from or the question named; empty after "which plan?". */
  plans: string[];
  intent: string;
  /** The answer's sources: "nói rõ hơn" opens the first one in full. */
  sources: SourceRef[];
  /**
   * Other plans the answer names by their number ("thực hiện Kế hoạch số 62/KH-UBND"): a letter's
   * "kế hoạch đó" next is that plan.
   */
  mentions?: string[];
  /**
   * The item of that answer's list the last message opened ("ý thứ 2"): the list stays in `sources`
   * ("ý cuối" next is the list's), but "trích nguyên văn" next opens this item.
   */
  shown?: SourceRef[];
  /**
   * The question named no plan and the answer came from every plan that holds it ("phong trào chia mấy
   * giai đoạn": all of them alike): a follow-up ("còn giai đoạn 1") is asked of them all again, as a
   * question naming no plan is, not as a comparison of the plans listed.
   */
  unplaced?: boolean;
}

/** What a message took from the context: the plan(s), the topic (intent and slots), or both. */
export type FilledFromContext = 'plan' | 'topic';

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
  /** Set for a greeting, thanks, "ok", "alo"…: the text is a short polite reply, not an answer. */
  smallTalk?: SmallTalkKind;
  /** What this answer resolved: the dialog stores it as the context of the next message. */
  resolved?: AskContext;
  /** The parts taken from the context (the answer's first line names them). */
  filled?: FilledFromContext[];
  /** A long answer is sent as an overview (`text`); these are its parts, each to open on request. */
  parts?: AnswerPart[];
}

export interface Answerer {
  answer(request: AnswerRequest): AnswerResult;
}
