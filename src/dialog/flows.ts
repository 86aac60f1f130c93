/**
 * Registration and the yearly report: the form engine driven by the definitions in intents/, plus what
 * happens around it (who the report is for, saving the contact or the report, cancelling, reminding
 * the user where they stand after a question).
 *
 * A message goes one way: router → here → the engine, once (`takeInput`, or `beginForm` /
 * `formPosition`) → the reply, which this module composes from what that one call returned.
 */
import { formatPhone } from '../reports/field-values.js';
import { carriedAnswers, lastVersionOf } from '../reports/versions.js';
import { unitKeyOf, type Contact } from '../store/contacts.js';
import { matchChoice, toChoices, type ChoiceInput, type ChoiceOption } from './choices.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Store } from '../store/db.js';
import type { DialogForms, MessageContext } from './context.js';
import type { FieldDefinition, FormDefinition } from '../reports/form-definition.js';
import { beginForm, formPosition, takeInput, type FormEnv, type FormPosition, type FormTurn } from './forms/engine.js';
import type { FieldValue, FormState } from './forms/state.js';
import { texts } from './messages.js';
import { formEnvOf, planName } from './plan-options.js';
import { answerIfFound, answerQuestion, isClearQuestion, mayBeQuestion, resolvePendingQuestion, type QuestionContext } from './questions.js';
import { hasWordCharacters } from '../text/normalize.js';
import type { FlowName, FlowState, PendingQuestion } from './session.js';
import { localDate, viDate, viDateTime } from '../calendar.js';
import { markedSyllables } from './forms/diacritics.js';
import { tellAdmins, tellChat, type NoticeContext } from './notices.js';
import type { Outbound } from './types.js';

/**
 * What the form flows use: the sender and their state, the time, the form definitions, the plans, the
 * contacts and the reports, and what a question asked mid-form (QuestionContext) and a notice to other
 * chats (NoticeContext) need.
 */
export type FormFlowContext = QuestionContext &
  NoticeContext & {
    store: Pick<Store, 'contacts' | 'reports'>;
    config: Pick<Config, 'timeZone'>;
    knowledge: Pick<Knowledge, 'plan' | 'plans'>;
    forms: DialogForms;
  };

/** Cancelling needs only the conversation state. */
type CancelContext = Pick<MessageContext, 'session'>;

const CANCEL_YES = 'cancel:yes';
const CANCEL_NO = 'cancel:no';

const envCache = new WeakMap<object, FormEnv>();
function envOf(ctx: Pick<FormFlowContext, 'knowledge'>): FormEnv {
  let env = envCache.get(ctx.knowledge);
  if (!env) {
    env = formEnvOf(ctx.knowledge);
    envCache.set(ctx.knowledge, env);
  }
  return env;
}

function formOf(ctx: Pick<FormFlowContext, 'forms'>, name: FlowName): FormDefinition {
  return ctx.forms[name];
}

/** The report form's year field: the report is filed under the year it holds. */
export function reportYearField(form: FormDefinition): FieldDefinition {
  const years = form.fields.filter((f) => f.type === 'year');
  if (years.length !== 1) throw new Error(`intents/report-form.json: needs exactly one field of type "year", found ${years.length}`);
  return years[0]!;
}

/**
 * The registration form's answers go to fixed columns of the contacts table, so its field ids are fixed:
 * checked at start-up so that a renamed field fails loudly instead of saving empty contacts.
 */
export const REGISTRATION_FIELDS = { fullName: 'text', unitName: 'text', planId: 'choice', role: 'text', phone: 'phone' } as const;

export function checkRegistrationForm(form: FormDefinition): void {
  for (const [id, type] of Object.entries(REGISTRATION_FIELDS)) {
    const field = form.fields.find((f) => f.id === id);
    if (!field || field.type !== type) {
      throw new Error(`intents/registration.json: needs a field "${id}" of type "${type}" (it fills the contacts table)`);
    }
  }
  const planField = form.fields.find((f) => f.id === 'planId');
  if (planField?.options !== 'plans') throw new Error('intents/registration.json: field "planId" needs "options": "plans"');
  // Read now: a malformed data/marked-syllables.json stops start-up instead of the first registration.
  if (form.fields.some((f) => f.offerDiacritics)) markedSyllables();
}

function joinPrompt(lead: string, prompt: Outbound): Outbound {
  return { ...prompt, text: `${lead}\n\n${prompt.text}` };
}

/** Where the user stands in the form in progress (its prompt and progress). */
function positionOf(ctx: FormFlowContext, flow: FlowState): FormPosition {
  return formPosition(formOf(ctx, flow.name), flow, envOf(ctx));
}

/** The message asking for the current step of the form in progress. */
function flowPrompt(ctx: FormFlowContext, flow: FlowState): Outbound {
  return positionOf(ctx, flow).prompt;
}

/** "You are filling in the report: 3/11 answered" and the pending step. */
function reminderOf(name: FlowName, { progress, prompt }: FormPosition): Outbound {
  return joinPrompt(texts.questionReminder(name, progress.answered, progress.total, progress.stage), prompt);
}

/** The reminder of the form in progress, if any, after anything that interrupted it. */
export function flowReminder(ctx: FormFlowContext): Outbound[] {
  const flow = ctx.session.state.flow;
  return flow ? [reminderOf(flow.name, positionOf(ctx, flow))] : [];
}

/** A new form's state and the message asking for its first field. */
function newFlow(ctx: FormFlowContext, name: FlowName, defaults: Record<string, FieldValue>): { flow: FlowState; prompt: Outbound } {
  const { state, prompt } = beginForm(formOf(ctx, name), defaults, envOf(ctx));
  return { flow: { ...state, name, startedAt: ctx.now.toISOString() }, prompt };
}

function registrationDefaults(contact: Contact | undefined): Record<string, FieldValue> {
  if (!contact) return {};
  const values: Record<string, FieldValue> = {
    fullName: contact.fullName,
    unitName: contact.unitName,
    planId: contact.planId,
    role: contact.role,
    phone: contact.phone,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

export function startRegistration(ctx: FormFlowContext, opts: { then?: 'report' } = {}): Outbound[] {
  const contact = ctx.store.contacts.get(ctx.inbound.channel, ctx.inbound.userId);
  const { flow, prompt } = newFlow(ctx, 'registration', registrationDefaults(contact));
  if (opts.then) flow.then = opts.then;
  ctx.session.state.flow = flow;
  delete ctx.session.state.confirmCancel;
  const form = formOf(ctx, 'registration');
  const lead = opts.then === 'report' ? `${texts.registrationThenReport}\n${form.intro}` : form.intro;
  return [joinPrompt(lead, prompt)];
}

export function startReport(ctx: FormFlowContext): Outbound[] {
  const contact = ctx.store.contacts.get(ctx.inbound.channel, ctx.inbound.userId);
  if (!contact) return startRegistration(ctx, { then: 'report' });
  if (!ctx.knowledge.plan(contact.planId)) return [{ text: texts.planUnavailable }];
  const form = formOf(ctx, 'report');
  const yearField = reportYearField(form);
  const defaults: Record<string, FieldValue> = {};
  const year = localDate(ctx.now, ctx.config.timeZone).year;
  if (yearField.default === 'current-year' && year >= (yearField.min ?? year) && year <= (yearField.max ?? year)) {
    defaults[yearField.id] = year;
  }
  const { flow, prompt } = newFlow(ctx, 'report', defaults);
  flow.report = { contactId: contact.id, planId: contact.planId, unitName: contact.unitName };
  ctx.session.state.flow = flow;
  delete ctx.session.state.confirmCancel;
  const lead = `${form.intro}\n\n${texts.reportFor(contact.unitName, planName(ctx.knowledge, contact.planId))}`;
  return [joinPrompt(lead, prompt)];
}

/**
 * A contact who has just registered a unit that others already report for (same plan and unit name):
 * the others and the admins are told through the outbox; the line for the contact is returned.
 */
function tellOtherContacts(ctx: FormFlowContext, contact: Contact, before: Contact | undefined): string | undefined {
  if (before && before.planId === contact.planId && before.unitKey === contact.unitKey) return undefined; // not new to the unit
  const others = ctx.store.contacts.ofUnit(contact.planId, unitKeyOf(contact.unitName)).filter((c) => c.id !== contact.id);
  if (others.length === 0) return undefined;
  const plan = planName(ctx.knowledge, contact.planId);
  for (const other of others) tellChat(ctx, other.channel, other.chatId, [{ text: texts.unitContactAdded(other.unitName, plan) }]);
  const person = (c: Contact) => ({ name: c.fullName, id: `${c.channel}:${c.userId}`, ...(c.phone ? { phone: formatPhone(c.phone) } : {}) });
  const admins = tellAdmins(ctx, [
    {
      text: texts.duplicateContactAdmin({
        unitName: contact.unitName,
        planName: plan,
        added: person(contact),
        others: others.map((o) => ({ ...person(o), since: viDate(localDate(new Date(o.createdAt), ctx.config.timeZone)) })),
      }),
    },
  ]);
  ctx.logger.info({ event: 'unit-contact-added', plan: contact.planId, contacts: others.length + 1, admins }, 'a unit has more than one contact');
  return texts.unitHasOtherContacts(contact.unitName, others.length);
}

function completeRegistration(ctx: FormFlowContext, flow: FlowState, a: Record<string, FieldValue>): Outbound[] {
  const before = ctx.store.contacts.get(ctx.inbound.channel, ctx.inbound.userId);
  const contact = ctx.store.contacts.upsert({
    channel: ctx.inbound.channel,
    userId: ctx.inbound.userId,
    chatId: ctx.inbound.chatId,
    fullName: String(a.fullName),
    unitName: String(a.unitName),
    planId: String(a.planId),
    role: a.role === null ? null : String(a.role),
    phone: a.phone === null ? null : String(a.phone),
    at: ctx.now,
  });
  delete ctx.session.state.flow;
  const shared = tellOtherContacts(ctx, contact, before);
  const sharedLine = shared ? `\n\n${shared}` : '';
  if (flow.then === 'report') {
    const [first, ...rest] = startReport(ctx);
    return [{ ...first!, text: `${texts.registrationSaved(contact.unitName)}${sharedLine}\n\n${first!.text}` }, ...rest];
  }
  return [{ text: `${texts.registrationSaved(contact.unitName, planName(ctx.knowledge, contact.planId))}\n${texts.registrationNext}${sharedLine}` }];
}

function completeReport(ctx: FormFlowContext, flow: FlowState, answers: Record<string, FieldValue>): Outbound[] {
  const form = formOf(ctx, 'report');
  const target = flow.report!;
  const report = ctx.store.reports.submit({
    contactId: target.contactId,
    channel: ctx.inbound.channel,
    userId: ctx.inbound.userId,
    planId: target.planId,
    unitName: target.unitName,
    year: Number(answers[reportYearField(form).id]),
    answers,
    at: ctx.now,
  });
  delete ctx.session.state.flow;
  ctx.logger.info({ event: 'report-submitted', code: report.code, plan: report.planId, year: report.year, version: report.version }, 'report stored');
  return [
    {
      text: texts.reportSaved({
        year: report.year,
        unitName: report.unitName,
        code: report.code,
        time: viDateTime(ctx.now, ctx.config.timeZone),
        version: report.version,
      }),
    },
  ];
}

/** The plan a question asked in the middle of a form is about, when the form already knows it. */
function flowPlan(ctx: FormFlowContext, flow: FlowState): string | undefined {
  if (flow.report) return flow.report.planId;
  const chosen = flow.answers.planId;
  if (typeof chosen === 'string') return chosen;
  return ctx.store.contacts.get(ctx.inbound.channel, ctx.inbound.userId)?.planId;
}

/**
 * The answer when `text`, typed in the middle of a form, is a question rather than an answer (the rule
 * is documented in questions.ts); undefined when it is to be handled as an answer.
 */
function answerIfQuestion(ctx: FormFlowContext, form: FormDefinition, flow: FlowState, text: string, turn: FormTurn): Outbound[] | undefined {
  const step = flow.step;
  const field = step.kind === 'field' || step.kind === 'edit-field' ? form.fields.find((f) => f.id === step.fieldId) : undefined;
  // Free text (almost anything is a valid answer) and a choice of plan (a plan's name alone is answered by
  // the documents too): only a clear question counts.
  if (field?.type === 'text' || field?.type === 'choice') return isClearQuestion(text) ? answerQuestion(ctx, text, flowPlan(ctx, flow)) : undefined;
  if (turn.accepted) return undefined;
  const plan = flowPlan(ctx, flow);
  if (mayBeQuestion(text)) return answerQuestion(ctx, text, plan);
  // Not an answer and no question word: a question only if the documents answer it ("tiêu chí cấp xã").
  return hasWordCharacters(text) ? answerIfFound(ctx, text, plan) : undefined;
}

/**
 * "hủy" typed as a whole message: the user wants /huy (in a form it is never an answer). Without
 * diacritics only "huy bo": "Huy" alone is a given name.
 */
const CANCEL_WORDS = new Set(['hủy', 'huỷ', 'hủy bỏ', 'huỷ bỏ', 'huy bo', 'thoát', 'cancel']);
export function isCancelWord(text: string): boolean {
  return CANCEL_WORDS.has(text.normalize('NFC').toLowerCase().replace(/[.!\s]+$/u, '').trim());
}

/**
 * The engine's revision of an answer to the report form: when it set the year (or changed it in "Sửa")
 * to a year the unit already sent, the notice that says so (code, time, the version this will be), put
 * before the next prompt. While filling in, the fields then start from the last version's values.
 * Undefined when the year did not change; no lead when there is nothing to say. Reads, never writes.
 */
function resubmission(ctx: FormFlowContext, before: FlowState, after: FormState): { state: FormState; lead?: string } | undefined {
  if (before.name !== 'report' || !before.report) return undefined;
  const form = formOf(ctx, 'report');
  const yearId = reportYearField(form).id;
  const year = after.answers[yearId];
  if (typeof year !== 'number' || year === before.answers[yearId]) return undefined;
  const editing = before.step.kind === 'edit-field';
  const state: FormState = { ...after };
  if (!editing) delete state.previous;
  const last = lastVersionOf(ctx.store.reports, before.report, year);
  if (!last) return { state };
  const p = { year, code: last.report.code, time: viDateTime(new Date(last.report.submittedAt), ctx.config.timeZone), next: last.next };
  if (editing) return { state, lead: texts.alreadySentEditing(p) };
  state.previous = carriedAnswers(form, last.report, new Set([yearId]));
  return { state, lead: texts.alreadySent(p) };
}

/**
 * Handles a message while a form is in progress. The engine is called once, first: its turn says
 * whether the input is an answer, holds the state and replies if it is, and where the form stood if
 * the message turns out to be something else (a question, a "which plan?" pick, "hủy").
 */
export function continueFlow(ctx: FormFlowContext, input: ChoiceInput, pending?: PendingQuestion): Outbound[] {
  const flow = ctx.session.state.flow!;
  const form = formOf(ctx, flow.name);
  const turn = takeInput(form, flow, input, envOf(ctx), (_, after) => resubmission(ctx, flow, after));
  // A "which plan?" from a question asked mid-form: picked by button or name only, since numbers answer the form.
  const resolved = resolvePendingQuestion(ctx, pending, input, { numbers: false });
  if (resolved) return [...resolved, reminderOf(flow.name, turn.before)];
  if (input.text !== undefined && isCancelWord(input.text)) return requestCancel(ctx);
  const answered = input.text === undefined ? undefined : answerIfQuestion(ctx, form, flow, input.text, turn);
  if (answered) return [...answered, reminderOf(flow.name, turn.before)];
  const next: FlowState = { ...flow, ...turn.state };
  ctx.session.state.flow = next;
  if (turn.outcome === 'submit') return next.name === 'report' ? completeReport(ctx, next, turn.answers!) : completeRegistration(ctx, next, turn.answers!);
  if (turn.outcome === 'cancel') return requestCancel(ctx);
  if (turn.lead !== undefined) return [joinPrompt(turn.lead, turn.prompt)];
  return turn.replies;
}

function cancelChoices(): ChoiceOption[] {
  return [
    { id: CANCEL_YES, label: texts.cancelYes, aliases: ['co', 'huy', 'dong y', 'ok', 'co huy', 'yes'] },
    // "ko" must be caught here: otherwise the confirmation is dropped and "ko" answers a count as 0.
    { id: CANCEL_NO, label: texts.cancelNo, aliases: ['khong', 'ko', 'k', 'no', 'tiep tuc', 'khong huy', 'dung huy', 'thoi khong huy'] },
  ];
}

/** /huy: asks for confirmation before discarding the form in progress (a second /huy confirms). */
export function requestCancel(ctx: CancelContext): Outbound[] {
  const state = ctx.session.state;
  if (!state.flow) return [{ text: texts.nothingToCancel }];
  if (state.confirmCancel) return confirmCancel(ctx);
  state.confirmCancel = true;
  return [{ text: texts.cancelConfirm(texts.flowName[state.flow.name]), choices: toChoices(cancelChoices()) }];
}

function confirmCancel(ctx: CancelContext): Outbound[] {
  const state = ctx.session.state;
  const what = state.flow ? texts.flowName[state.flow.name] : '';
  delete state.flow;
  delete state.confirmCancel;
  return [{ text: texts.cancelled(what) }];
}

/**
 * The answer to "are you sure you want to cancel?". Undefined when the input is neither yes nor no:
 * the question is dropped and the input handled as usual (most likely an answer to the form).
 */
export function answerCancelConfirmation(ctx: FormFlowContext, input: ChoiceInput): Outbound[] | undefined {
  const state = ctx.session.state;
  delete state.confirmCancel;
  if (!state.flow) return undefined;
  const m = matchChoice(input, cancelChoices());
  if (m.kind !== 'match') return undefined;
  if (m.choice.id === CANCEL_YES) {
    state.confirmCancel = true;
    return confirmCancel(ctx);
  }
  return [joinPrompt(texts.continuing, flowPrompt(ctx, state.flow))];
}

/** /dangky or /baocao while a form is already in progress. */
export function restartOrResume(ctx: FormFlowContext, wanted: FlowName): Outbound[] {
  const flow = ctx.session.state.flow!;
  if (flow.name === wanted) return [joinPrompt(texts.alreadyInFlow(texts.flowName[flow.name]), flowPrompt(ctx, flow))];
  if (flow.name === 'registration' && wanted === 'report') {
    flow.then = 'report';
    return [joinPrompt(texts.registrationThenReportQueued, flowPrompt(ctx, flow))];
  }
  return [joinPrompt(texts.finishReportFirst, flowPrompt(ctx, flow))];
}
