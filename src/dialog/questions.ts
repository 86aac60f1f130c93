/**
 * Free text as a question: ask the answerer with the asker's registered plan, remember a "which plan?"
 * clarification so the next message can pick the plan, and log what the bot could not answer.
 *
 * Telling a question from an answer in the middle of a form (documented rule):
 * - `/hoi <câu hỏi>` is always a question;
 * - for free-text and choice fields (where almost any text is a valid answer) a message is a question
 *   when it contains an interrogative phrase ("khi nào", "bao giờ", "là gì", "thế nào", "ra sao",
 *   "ở đâu", "tại sao", "vì sao", "bao nhiêu", "có phải", "như thế nào", "làm sao"), or ends with "?"
 *   and contains a question word ("ai", "gì", "nào", "sao", or "không" / "chưa" as the last word);
 * - for number, year and phone fields, at the summary and in the "Sửa" menu, a message that is not a
 *   valid answer is a question when it ends with "?" or contains any of those words, or when the
 *   documents answer it ("tiêu chí cấp xã" typed where a count is asked). Choice fields keep the first
 *   rule only: a plan's name typed wrongly would otherwise be "answered" with that plan's header;
 * - a message without a letter or digit ("?", "…", "👍") is never a question: the step is explained again.
 * Anything else is an answer and validated as such.
 */
import type { AnswerResult } from '../answers/types.js';
import { fold, hasWordCharacters } from '../text/normalize.js';
import { matchChoice, type ChoiceInput } from './choices.js';
import type { Answerer } from '../answers/types.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { MessageContext } from './context.js';
import { planAliases } from './plan-options.js';
import { currentContext, setContext, type PendingQuestion } from './session.js';
import type { Choice, Outbound } from './types.js';

/**
 * What answering a question needs: the asker and their conversation state, the answerer, the contacts
 * (the asker's plan) and the question log. The dry run of a full disk (unstored.ts) hands a store whose
 * question log records nothing.
 */
export interface QuestionContext extends Pick<MessageContext, 'inbound' | 'now' | 'session'> {
  store: Pick<Store, 'contacts' | 'questions'>;
  config: Pick<Config, 'contextIdleMinutes'>;
  knowledge: Pick<Knowledge, 'plan'>;
  answerer: Answerer;
  logger: Logger;
}

const PHRASES = ['khi nao', 'bao gio', 'la gi', 'the nao', 'ra sao', 'o dau', 'tai sao', 'vi sao', 'bao nhieu', 'co phai', 'lam sao', 'nhu nao'];
const WORDS = new Set(['ai', 'gi', 'nao', 'sao']);
/** Question particles only at the end ("có … không", "đã … chưa"); elsewhere they mean "no", "not yet". */
const FINAL_WORDS = new Set(['khong', 'chua']);

function hasPhrase(folded: string): boolean {
  return PHRASES.some((p) => ` ${folded} `.includes(` ${p} `));
}

function hasWord(folded: string): boolean {
  const words = folded.split(' ');
  return words.some((w) => WORDS.has(w)) || (words.length > 1 && FINAL_WORDS.has(words.at(-1)!));
}

/** Strong: clearly a question even where any text would be a valid answer. */
export function isClearQuestion(text: string): boolean {
  if (!hasWordCharacters(text)) return false;
  const folded = fold(text);
  return hasPhrase(folded) || (text.trim().endsWith('?') && hasWord(folded));
}

/** Weak: enough when the text is not a valid answer anyway. */
export function mayBeQuestion(text: string): boolean {
  if (!hasWordCharacters(text)) return false;
  const folded = fold(text);
  return text.trim().endsWith('?') || hasPhrase(folded) || hasWord(folded);
}

function toOutbound(result: AnswerResult, offerChoices: boolean): Outbound {
  const out: Outbound = { text: result.text };
  if (result.smallTalk) return { ...out, answer: { status: 'reply', intent: 'smalltalk', sources: [] } };
  out.answer = { status: result.status, intent: result.intent, sources: result.sources };
  if (result.options?.length) out.answer.options = result.options;
  if (offerChoices && result.status === 'clarify' && result.options?.length) {
    out.choices = result.options.map(({ id, label }) => ({ id, label }));
  }
  if (offerChoices && result.parts?.length) out.choices = partChoices(result.parts);
  return out;
}

const PART_PREFIX = 'part:';

/** Every part, always in the same order: "2" means the same part after one has been opened. */
function partChoices(parts: readonly { label: string }[]): Choice[] {
  return parts.map((p, i) => ({ id: `${PART_PREFIX}${i}`, label: p.label }));
}

/**
 * Answers `text`. A clarification is remembered for the next message (its options become choices).
 * `planId` defaults to the asker's registered plan.
 */
export function answerQuestion(ctx: QuestionContext, text: string, planId?: string, withContext = true): Outbound[] {
  const { result, plan } = ask(ctx, text, planId, withContext);
  return reply(ctx, text, result, plan);
}

/**
 * The answer when the documents answer `text`, otherwise undefined and nothing is logged: tells a
 * question from a wrong answer where the form expects a number, a year, a phone or a choice.
 */
export function answerIfFound(ctx: QuestionContext, text: string, planId?: string): Outbound[] | undefined {
  const { result, plan } = ask(ctx, text, planId);
  return result.status === 'answer' ? reply(ctx, text, result, plan) : undefined;
}

/**
 * The answerer gets the chat's context (what the previous answer resolved, if recent) and, as the
 * fallback when neither the question nor the context names a plan, the asker's registered plan.
 */
function ask(ctx: QuestionContext, text: string, planId?: string, withContext = true): { result: AnswerResult; plan?: string } {
  const plan = planId ?? ctx.store.contacts.get(ctx.inbound.channel, ctx.inbound.userId)?.planId;
  const context = withContext ? currentContext(ctx.session.state, ctx.inbound.chatId, ctx.now, ctx.config.contextIdleMinutes * 60_000) : undefined;
  const request = { text, ...(plan === undefined ? {} : { planId: plan }), ...(context ? { context } : {}) };
  return { result: ctx.answerer.answer(request), plan };
}

function reply(ctx: QuestionContext, text: string, result: AnswerResult, plan: string | undefined): Outbound[] {
  ctx.logger.debug({ event: 'question', status: result.status, intent: result.intent, channel: ctx.inbound.channel }, 'question answered');
  // Small talk is neither a question the bot failed nor a new topic: the context stays as it was.
  if (result.smallTalk) return [toOutbound(result, false)];
  // A question the bot could not answer leaves the thread as it was (the next follow-up still has it),
  // unless it named a plan of its own: then the user has moved on to that plan.
  const keeps = result.status !== 'not_found' || (!result.filled && (result.resolved?.plans.length ?? 0) > 0);
  if (result.resolved && keeps) setContext(ctx.session.state, ctx.inbound.chatId, { ...result.resolved, at: ctx.now.toISOString() });
  if (result.status === 'not_found' || result.status === 'clarify') {
    ctx.store.questions.record({
      channel: ctx.inbound.channel,
      status: result.status,
      intent: result.intent,
      planId: plan ?? null,
      text,
      at: ctx.now,
    });
  }
  const offer = result.status === 'clarify' && (result.options?.length ?? 0) > 0;
  if (offer) {
    ctx.session.state.pendingQuestion = {
      // The question as the answerer completed it from the conversation ("còn tổng kết?" → the whole
      // question): a pick answers it for that plan, with nothing else read into it.
      text: result.resolved?.question ?? text,
      chatId: ctx.inbound.chatId,
      options: result.options!.map(({ id, label, planId: p }) => ({ id, label, planId: p })),
    };
  } else if (result.parts?.length) {
    ctx.session.state.pendingQuestion = { text, chatId: ctx.inbound.chatId, options: [], parts: result.parts };
  }
  return [toOutbound(result, offer || (result.parts?.length ?? 0) > 0)];
}

/**
 * If a clarification is pending in this chat and the input picks one of its plans, answers the
 * remembered question for that plan. (The router takes the pending question out of the session first:
 * it lives for one message.)
 */
export function resolvePendingQuestion(
  ctx: QuestionContext,
  pending: PendingQuestion | undefined,
  input: ChoiceInput,
  opts: { numbers: boolean },
): Outbound[] | undefined {
  if (!pending || pending.chatId !== ctx.inbound.chatId) return undefined;
  if (pending.parts) return openPart(ctx, pending, input, opts);
  const options = pending.options.map((o) => {
    const plan = ctx.knowledge.plan(o.planId);
    return { ...o, aliases: plan ? planAliases(plan) : [] };
  });
  // Only a button, a number or a plan's name as a whole message picks here; anything longer goes to the
  // answerer with the context, where "Tây Ninh thì sao" picks the plan and a new question is answered as such.
  const m = matchChoice(input, options, { numbers: opts.numbers, whole: true });
  if (m.kind !== 'match') return undefined;
  return answerQuestion(ctx, pending.text, m.choice.planId, false);
}

/**
 * A part of an overview, chosen by button, number or its label typed whole: shown with the parts
 * still on offer (the overview stays open until a message that picks none of them).
 */
function openPart(ctx: QuestionContext, pending: PendingQuestion, input: ChoiceInput, opts: { numbers: boolean }): Outbound[] | undefined {
  const parts = pending.parts!;
  const m = matchChoice(input, partChoices(parts), { numbers: opts.numbers, whole: true });
  if (m.kind !== 'match') return undefined;
  const i = Number(m.choice.id.slice(PART_PREFIX.length));
  const part = parts[i];
  if (!part) return undefined;
  ctx.session.state.pendingQuestion = pending;
  const out: Outbound = { text: part.text, choices: partChoices(parts) };
  const context = ctx.session.state.contexts?.[ctx.inbound.chatId];
  if (context) out.answer = { status: 'answer', intent: context.intent, sources: context.sources };
  return [out];
}
