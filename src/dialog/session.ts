/**
 * The conversation state of one channel user, persisted in SQLite (conversation_states) after every
 * message: the form in progress, a pending cancel confirmation, a question waiting for "which plan?".
 */
import { z } from 'zod';
import type { ChannelName } from '../config.js';
import type { Store } from '../store/db.js';
import { formStateSchema } from './forms/state.js';

export const FLOW_NAMES = ['registration', 'report'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

export const flowStateSchema = formStateSchema.extend({
  name: z.enum(FLOW_NAMES),
  /** Registration started by /baocao: the report follows once the contact is saved. */
  then: z.literal('report').optional(),
  /** Report: the unit and plan it is for, fixed when the report starts. */
  report: z.object({ contactId: z.number().int(), planId: z.string(), unitName: z.string() }).optional(),
  startedAt: z.string(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

export const pendingQuestionSchema = z.object({
  text: z.string(),
  /** The chat it was asked in: a choice pressed in another chat does not answer it. */
  chatId: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string(), planId: z.string() })),
  /** A long answer sent as an overview: its parts, each opened by a choice "part:<i>". */
  parts: z.array(z.object({ label: z.string(), text: z.string() })).optional(),
});
export type PendingQuestion = z.infer<typeof pendingQuestionSchema>;

/** What the last answer in one chat resolved: the next question there may lean on it (see answers/types.ts). */
export const chatContextSchema = z.object({
  question: z.string(),
  plans: z.array(z.string()),
  intent: z.string(),
  sources: z.array(z.object({ plan: z.string(), section: z.string() })),
  mentions: z.array(z.string()).optional(),
  shown: z.array(z.object({ plan: z.string(), section: z.string() })).optional(),
  unplaced: z.boolean().optional(),
  /** When it was set: it ends after the quiet period (config.contextIdleMinutes). */
  at: z.string(),
});
export type ChatContext = z.infer<typeof chatContextSchema>;

export const conversationStateSchema = z.object({
  flow: flowStateSchema.optional(),
  /** /huy was typed: waiting for "yes, discard" or "continue". */
  confirmCancel: z.boolean().optional(),
  pendingQuestion: pendingQuestionSchema.optional(),
  /** Per chat id: a user talks to the bot privately and in groups, each with its own thread. */
  contexts: z.record(z.string(), chatContextSchema).optional(),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;

export interface Session {
  state: ConversationState;
  /** When the stored state was last written (undefined for a new user). */
  readonly updatedAt?: Date;
  /** Set when the stored state could not be read back (a bug or a schema change): it was discarded. */
  readonly discarded: boolean;
}

export function loadSession(store: Store, channel: ChannelName, userId: string): Session {
  const row = store.conversations.get(channel, userId);
  if (!row) return { state: {}, discarded: false };
  const parsed = conversationStateSchema.safeParse(row.state);
  if (!parsed.success) return { state: {}, updatedAt: new Date(row.updatedAt), discarded: true };
  return { state: parsed.data, updatedAt: new Date(row.updatedAt), discarded: false };
}

function isEmpty(state: ConversationState): boolean {
  return state.flow === undefined && !state.confirmCancel && state.pendingQuestion === undefined && Object.keys(state.contexts ?? {}).length === 0;
}

/** The chat's context if it is younger than `idleMs`; older ones (of every chat) are dropped. */
export function currentContext(state: ConversationState, chatId: string, now: Date, idleMs: number): ChatContext | undefined {
  for (const [id, c] of Object.entries(state.contexts ?? {})) {
    if (now.getTime() - Date.parse(c.at) > idleMs) delete state.contexts![id];
  }
  return state.contexts?.[chatId];
}

export function setContext(state: ConversationState, chatId: string, context: ChatContext): void {
  state.contexts = { ...state.contexts, [chatId]: context };
}

export function clearContext(state: ConversationState, chatId: string): void {
  if (state.contexts) delete state.contexts[chatId];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a form draft expires: `ttlDays` (DRAFT_TTL_DAYS) after the conversation state was last written,
 * that is after the user's last message. The one rule for the expiry itself (`expireDraft`, when the
 * next message comes) and for the notice a day before (src/admin/reminders/draft-notices.ts).
 */
export function draftExpiresAt(updatedAt: Date, ttlDays: number): Date {
  return new Date(updatedAt.getTime() + ttlDays * DAY_MS);
}

/** What a user is told about their draft: which form, and for a report the unit it is for. */
export interface DraftDescription {
  flow: FlowName;
  unitName?: string;
}

export function describeDraft(flow: FlowState): DraftDescription {
  return flow.report ? { flow: flow.name, unitName: flow.report.unitName } : { flow: flow.name };
}

/** Drops the form draft when it expired before `at`, and returns it (undefined when none expired). */
export function expireDraft(session: Session, at: Date, ttlDays: number): FlowState | undefined {
  const flow = session.state.flow;
  if (!flow || session.updatedAt === undefined) return undefined;
  if (at.getTime() <= draftExpiresAt(session.updatedAt, ttlDays).getTime()) return undefined;
  delete session.state.flow;
  delete session.state.confirmCancel;
  return flow;
}

/** Writes the state (or removes the row when nothing is in progress). */
export function saveSession(store: Store, channel: ChannelName, userId: string, session: Session, at: Date): void {
  if (isEmpty(session.state)) {
    if (session.updatedAt !== undefined || session.discarded) store.conversations.delete(channel, userId);
    return;
  }
  store.conversations.put(channel, userId, session.state, at);
}
