/**
 * Decides what one inbound message is: a command, an answer to the form in progress, the pick of a
 * "which plan?" option, or a question. Synchronous except for commands that return a promise.
 *
 * The one place that holds the whole context (the message and the bot's parts): each flow is handed
 * it and reads only what its own narrow context type names; a command gets it whole.
 */
import { truncatedNotice } from '../answers/messages.js';
import { fold, hasEmoji, hasWordCharacters } from '../text/normalize.js';
import type { ChoiceInput } from './choices.js';
import { cancelCommand } from './commands/cancel.js';
import { findCommand } from './commands/index.js';
import { viewReportRequest } from './commands/my-reports.js';
import type { CommandContext, DialogContext, DialogParts, MessageContext } from './context.js';
import { answerCancelConfirmation, continueFlow, flowReminder, isCancelWord, requestCancel } from './flows.js';
import { texts } from './messages.js';
import { answerQuestion, resolvePendingQuestion } from './questions.js';
import type { Outbound } from './types.js';

/** "/baocao", "/baocao@thidua_bot", "/hoi hạn nộp?", "/ BaoCao" → name and arguments. */
const COMMAND_RE = /^\/\s*([\p{L}\p{N}_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/u;

export interface RouteInput {
  /**
   * Set when the text was longer than config.maxInputChars (the message's text holds its first
   * maxInputChars characters). A form answer or a command is refused (never cut silently); a question is
   * answered from what was read, saying so.
   */
  tooLong?: { length: number };
  /** Set when the user's form draft expired just now: the notice to send first. */
  expiredNotice?: Outbound;
}

export type RouteResult = Outbound[] | Promise<Outbound[]>;

/** Names compared folded: "/BAOCAO", "/báocáo" and "/đăngký" are /baocao and /dangky. */
function parseCommand(text: string): { name: string; typed: string; args: string } | undefined {
  const m = COMMAND_RE.exec(text);
  return m ? { name: fold(m[1]!).replace(/ /g, ''), typed: m[1]!, args: (m[2] ?? '').trim() } : undefined;
}

/** "/bao cao", "/dang ky", "/tro giup": a command name typed as separate syllables (at most three). */
function spacedCommand(registry: DialogParts['commands'], name: string, args: string): string | undefined {
  const words = fold(args).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 2) return undefined;
  const joined = name + words.join('');
  return findCommand(registry, joined) ? joined : undefined;
}

function prepend(first: Outbound[], rest: RouteResult): RouteResult {
  if (first.length === 0) return rest;
  return Array.isArray(rest) ? [...first, ...rest] : rest.then((r) => [...first, ...r]);
}

function runCommand(ctx: DialogContext, cmd: { name: string; typed: string; args: string }): RouteResult {
  const isPrivate = ctx.chatType === 'private';
  const resume = () => (isPrivate ? flowReminder(ctx) : []);
  let { name, args } = cmd;
  if (!findCommand(ctx.commands, name)) {
    const joined = spacedCommand(ctx.commands, name, args);
    if (joined) [name, args] = [joined, ''];
  }
  const spec = findCommand(ctx.commands, name);
  if (!spec) return [{ text: texts.unknownCommand(cmd.typed) }, ...resume()];
  if (spec !== cancelCommand) delete ctx.session.state.confirmCancel;
  if (spec.adminOnly && !ctx.isAdmin) return [{ text: texts.adminOnly }, ...resume()];
  if (spec.privateOnly && !isPrivate) return [{ text: texts.privateOnly }];
  const hadFlow = isPrivate && ctx.session.state.flow !== undefined;
  const cctx: CommandContext = { ...ctx, command: name, args };
  const result = spec.run(cctx);
  // Computed now, synchronously: the state is saved before an async command's promise settles.
  const reminder = hadFlow && spec.resumesFlow !== false ? flowReminder(ctx) : [];
  if (Array.isArray(result)) return [...result, ...reminder];
  return result.then((r) => [...r, ...reminder]);
}

export function route(parts: DialogParts, message: MessageContext, info: RouteInput = {}): RouteResult {
  const ctx: DialogContext = { ...parts, ...message };
  const state = ctx.session.state;
  const isPrivate = ctx.chatType === 'private';
  const notices = info.expiredNotice ? [info.expiredNotice] : [];
  // A "which plan?" lives for exactly one message.
  const pending = state.pendingQuestion;
  delete state.pendingQuestion;

  const action = ctx.inbound.action;
  const text = ctx.text;
  if (info.tooLong && ((isPrivate && state.flow) || text.startsWith('/'))) {
    return [...notices, { text: texts.tooLong(info.tooLong.length, ctx.config.maxInputChars) }, ...(isPrivate ? flowReminder(ctx) : [])];
  }
  const input: ChoiceInput = action !== undefined ? { action } : { text };

  if (action === undefined && text.startsWith('/')) {
    const cmd = parseCommand(text);
    if (cmd) return prepend(notices, runCommand(ctx, cmd));
  }
  // "xem báo cáo BC-7K3M9Q" is /cuatoi BC-7K3M9Q, also in the middle of a form (no field's answer reads so).
  const viewed = action === undefined ? viewReportRequest(text) : undefined;
  if (viewed) return prepend(notices, runCommand(ctx, { name: 'cuatoi', typed: 'cuatoi', args: viewed }));

  if (isPrivate && state.confirmCancel) {
    const answered = answerCancelConfirmation(ctx, input);
    if (answered) return answered;
  }
  if (isPrivate && state.flow) return continueFlow(ctx, input, pending);
  if (isPrivate && action === undefined && isCancelWord(text)) return [...notices, ...requestCancel(ctx)];

  const picked = resolvePendingQuestion(ctx, pending, input, { numbers: true });
  if (picked) return [...notices, ...picked];
  if (action !== undefined) return [...notices, { text: texts.staleButton }];
  // An emoji alone is a reaction the answerer replies to; other text without a letter is explained.
  if (!hasWordCharacters(text) && !hasEmoji(text)) return [...notices, { text: texts.noWords }];
  const answers = answerQuestion(ctx, text);
  if (info.tooLong && answers[0]) {
    // The same notice as the `ask` CLI: only the first maxInputChars characters were read.
    answers[0] = { ...answers[0], text: `${truncatedNotice(ctx.config.maxInputChars)}\n${answers[0].text}` };
  }
  return [...notices, ...answers];
}
