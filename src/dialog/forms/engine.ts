/**
 * The form engine: a pure state machine over a form definition. It never touches the database; the
 * dialog persists the returned state after every answer, so a restart resumes at the same step.
 *
 * The dialog calls it once per message: `beginForm` to start, `takeInput` for a message while a form is
 * in progress (everything that message needs in one result), `formPosition` to resume or remind.
 *
 *   field 1 → field 2 → … → summary ─ confirm → outcome "submit"
 *                              │  ├─ edit → edit-menu → edit-field → summary
 *                              │  └─ cancel → outcome "cancel"
 *
 * Besides answers, users type: "bỏ qua", "-", "." (skip an optional field, or keep the proposed or
 * current value), "xóa" (empty an optional field), "Sửa 3" / "sửa mục 3" / "sửa khó khăn" at the
 * summary (edit that field at once).
 *
 * A resubmission starts with the values last sent (`state.previous`): each field shows its value and "."
 * keeps it. A name typed without diacritics (fields with `offerDiacritics`) is held once while the user is
 * offered to type it again with them; whatever comes next is taken.
 */
import { fold } from '../../text/normalize.js';
import { matchChoice, toChoices, type ChoiceInput, type ChoiceOption } from '../choices.js';
import type { Outbound } from '../types.js';
import type { FieldDefinition, FormDefinition } from '../../reports/form-definition.js';
import { displayFieldValue } from '../../reports/display.js';
import { parseInteger, parsePhone, parseText, parseYear, type ParseProblem, type ParseResult } from '../../reports/field-values.js';
import { lacksDiacritics } from './diacritics.js';
import type { FieldValue, FormState } from './state.js';
import { formTexts } from './texts.js';

/** A choice option of a `choice` field and the value stored when it is picked. */
export interface FieldOption extends ChoiceOption {
  value: string;
}

export interface FormEnv {
  /** The options of a `choice` field (e.g. the plans). */
  options(field: FieldDefinition): FieldOption[];
}

export type FormOutcome = 'submit' | 'cancel';

/** Answered fields and the current stage, e.g. for a reminder after a question. */
export interface FormProgress {
  answered: number;
  total: number;
  stage: 'fields' | 'summary' | 'editing';
}

/** Where the user stands: the progress and the message asking for the current step. */
export interface FormPosition {
  progress: FormProgress;
  prompt: Outbound;
}

/**
 * What the dialog adds to the state once an answer is applied, before the prompt is made: a
 * resubmission's values last sent (`previous`) and a line to put before the prompt. It is given the
 * state before and after the answer; undefined when it adds nothing.
 */
export type ReviseAnswer = (before: FormState, after: FormState) => { state: FormState; lead?: string } | undefined;

/** Everything the dialog needs for one message while a form is in progress (see `takeInput`). */
export interface FormTurn {
  /** Where the form stood before the message: the reminder when the message turns out to be something else. */
  before: FormPosition;
  /**
   * Whether the input is taken as an answer at this step (a valid value, a skip, a choice): the dialog
   * tells a question asked in the middle of a form from an answer by it.
   */
  accepted: boolean;
  /** The state after the input (revised), to be saved unless the message was something else. */
  state: FormState;
  /** Set when the user confirmed (submit) or asked to cancel; the caller acts on it. */
  outcome?: FormOutcome;
  /** The replies to the input as an answer (the next step's prompt, or why it was not taken). */
  replies: Outbound[];
  /** The revision's line: when set, the reply is this line before `prompt` instead of `replies`. */
  lead?: string;
  /** The message asking for the step of `state`. */
  prompt: Outbound;
  /** With outcome "submit": the answers of the completed form, every field present (null when skipped). */
  answers?: Record<string, FieldValue>;
}

interface FormStepResult {
  state: FormState;
  replies: Outbound[];
  /** Set when the user confirmed (submit) or asked to cancel; the caller acts on it. */
  outcome?: FormOutcome;
}

export const FORM_ACTIONS = {
  confirm: 'form:ok',
  edit: 'form:edit',
  cancel: 'form:cancel',
  skip: 'form:skip',
  back: 'form:back',
} as const;
const EDIT_PREFIX = 'edit:';

/** What users type to skip an optional field or keep a proposed value. */
const SKIP_WORDS = new Set(['bo qua', 'bq', 'skip', 'khong tra loi', 'n a']);
/** "-", ".", "...", "…", "–", "—": a placeholder, not an answer. */
const PLACEHOLDER_RE = /^[.\-–—…]{1,5}$/;
export function isSkipWord(text: string): boolean {
  const t = text.trim();
  return PLACEHOLDER_RE.test(t) || SKIP_WORDS.has(fold(t));
}

/** What users type to empty an optional field that has a value (a proposed one, or in "Sửa"). */
const CLEAR_WORDS = new Set(['xoa', 'xoa di', 'de trong', 'bo trong']);
export function isClearWord(text: string): boolean {
  return CLEAR_WORDS.has(fold(text));
}

/** What users type to keep an answer as typed when offered to retype it with diacritics (besides "."). */
const KEEP_AS_TYPED_WORDS = new Set(['giu', 'giu nguyen', 'giu nhu cu', 'giu nhu vay', 'de nguyen', 'de vay', 'khong', 'ko', 'khong can', 'ok', 'dung roi']);

/** "I have none" for a field where that cannot be a value (a phone number): the same as skipping it. */
const NONE_WORDS = new Set(['khong', 'khong co', 'chua co', 'ko', 'ko co', 'k', 'k co', 'khong co so', 'chua co so', 'khong co sdt']);

/** Words users put between "sửa" and the field ("sửa lại mục số 4", "sửa câu 4"). */
const EDIT_FILLERS = new Set(['sua', 'chinh', 'lai', 'muc', 'cau', 'so', 'thu', 'phan', 'truong']);

function fieldById(form: FormDefinition, id: string): FieldDefinition | undefined {
  return form.fields.find((f) => f.id === id);
}

/** Starts a form at its first field. `defaults` are proposed values (kept with "." / "bỏ qua"). */
function startForm(form: FormDefinition, defaults: Record<string, FieldValue> = {}): FormState {
  return { step: { kind: 'field', fieldId: form.fields[0]!.id }, answers: {}, defaults, strikes: 0 };
}

/** The value as shown to the user (summary, "current value" hints). */
export function displayValue(field: FieldDefinition, value: FieldValue | undefined, env: FormEnv): string {
  return displayFieldValue(field, value, { empty: formTexts.skipped, choiceLabel: (f, v) => env.options(f).find((o) => o.value === v)?.label });
}

function hasValue(value: FieldValue | undefined): value is string | number {
  return value !== undefined && value !== null;
}

/** The value a resubmission carries over for `field` (undefined when none: a first submission, a new field). */
function previousValue(state: FormState, field: FieldDefinition): FieldValue | undefined {
  return state.previous?.[field.id];
}

function fieldPrompt(form: FormDefinition, state: FormState, field: FieldDefinition, env: FormEnv): Outbound {
  const lines: string[] = [];
  const index = form.fields.indexOf(field) + 1;
  if (state.plainAnswer?.fieldId === field.id) return { text: formTexts.diacriticsOffer(field.label, state.plainAnswer.value) };
  if (state.step.kind === 'edit-field') {
    const current = state.answers[field.id];
    lines.push(formTexts.editing(index, field.label), field.prompt);
    // An optional field that has a value can be emptied; one without a value is kept empty by ".".
    const clearable = !field.required && hasValue(current);
    lines.push(formTexts.currentValueHint(displayValue(field, current, env), clearable));
  } else {
    lines.push(`${formTexts.progress(index, form.fields.length)} ${field.prompt}`);
    const previous = previousValue(state, field);
    const proposed = state.defaults[field.id];
    if (hasValue(previous)) lines.push(formTexts.currentValueHint(displayValue(field, previous, env), !field.required));
    else if (hasValue(proposed)) lines.push(formTexts.defaultHint(displayValue(field, proposed, env), !field.required));
    else if (!field.required) lines.push(formTexts.optionalHint);
  }
  if (field.type === 'text' && field.maxLength !== undefined && field.maxLength > 200) lines.push(formTexts.maxLengthHint(field.maxLength));
  const out: Outbound = { text: lines.join('\n') };
  if (field.type === 'choice') out.choices = toChoices(env.options(field));
  return out;
}

function summaryChoices(form: FormDefinition) {
  return [
    {
      id: FORM_ACTIONS.confirm,
      label: form.actions.confirm,
      aliases: ['ok', 'dong y', 'dung', 'dung roi', 'chinh xac', 'xac nhan', 'gui di', 'gui luon', 'gui bao cao'],
    },
    { id: FORM_ACTIONS.edit, label: form.actions.edit, aliases: ['chinh sua', 'sua lai', 'sua doi'] },
    { id: FORM_ACTIONS.cancel, label: form.actions.cancel, aliases: ['huy bo', 'thoi', 'khong gui'] },
  ];
}

function editChoices(form: FormDefinition): ChoiceOption[] {
  return [
    ...form.fields.map((f) => ({ id: `${EDIT_PREFIX}${f.id}`, label: f.label, aliases: f.aliases })),
    { id: FORM_ACTIONS.back, label: formTexts.editBack, aliases: ['quay lai', 'tom tat'] },
  ];
}

export function summaryText(form: FormDefinition, state: FormState, env: FormEnv): string {
  const lines = [form.summaryTitle];
  form.fields.forEach((f, i) => lines.push(`${i + 1}. ${f.label}: ${displayValue(f, state.answers[f.id], env)}`));
  lines.push('', formTexts.summaryFooter(form.actions.confirm, form.actions.edit, form.actions.cancel));
  return lines.join('\n');
}

/** The message that asks for the current step (used to start, to resume and to re-ask). */
function currentPrompt(form: FormDefinition, state: FormState, env: FormEnv): Outbound {
  const step = state.step;
  switch (step.kind) {
    case 'field':
    case 'edit-field': {
      const field = fieldById(form, step.fieldId);
      if (field) return fieldPrompt(form, state, field, env);
      // The definition changed under a stored draft: show the summary, from which any field can be edited.
      return { text: summaryText(form, state, env), choices: toChoices(summaryChoices(form)) };
    }
    case 'summary':
      return { text: summaryText(form, state, env), choices: toChoices(summaryChoices(form)) };
    case 'edit-menu':
      return { text: formTexts.editMenu, choices: toChoices(editChoices(form)) };
  }
}

/** Where the user stands: answered fields and the current step, e.g. for a reminder after a question. */
function progressOf(form: FormDefinition, state: FormState): FormProgress {
  const answered = form.fields.filter((f) => f.id in state.answers).length;
  const kind = state.step.kind;
  const stage = kind === 'field' ? 'fields' : kind === 'summary' ? 'summary' : 'editing';
  return { answered, total: form.fields.length, stage };
}

function problemText(field: FieldDefinition, problem: ParseProblem): string {
  switch (problem.kind) {
    case 'too-long':
      return formTexts.tooLong(problem.length, problem.max);
    case 'several':
      return formTexts.onePhoneOnly;
    case 'too-short':
      return `${formTexts.tooShort(problem.min)} ${field.invalidMessage}`;
    case 'out-of-range':
      return field.type === 'year' ? field.invalidMessage : `${formTexts.outOfRange(problem.min, problem.max)} ${field.invalidMessage}`;
    case 'count-unsure':
      return `${formTexts.countUnsure[problem.reason]} ${field.invalidMessage}`;
    case 'invalid':
      return field.invalidMessage;
  }
}

type FieldParse = ParseResult<FieldValue> | { ok: false; problem: { kind: 'ambiguous'; names: string[] } };

function parseField(field: FieldDefinition, input: ChoiceInput, env: FormEnv): FieldParse {
  if (field.type === 'choice') {
    const m = matchChoice(input, env.options(field));
    if (m.kind === 'match') return { ok: true, value: m.choice.value };
    if (m.kind === 'ambiguous') return { ok: false, problem: { kind: 'ambiguous', names: m.candidates.map((c) => c.label) } };
    return { ok: false, problem: { kind: 'invalid' } };
  }
  const text = input.text ?? '';
  switch (field.type) {
    case 'text':
      return parseText(text, field);
    case 'integer':
      return parseInteger(text, field);
    case 'year':
      return parseYear(text, field);
    case 'phone':
      return parsePhone(text);
  }
}

/**
 * Whether `input` would be taken as an answer at this step (a valid value, a skip, a choice): `takeInput`
 * reports it, for the dialog to tell a question asked in the middle of a form from an answer.
 */
function acceptsInput(form: FormDefinition, state: FormState, input: ChoiceInput, env: FormEnv): boolean {
  const step = state.step;
  if (step.kind === 'summary') {
    return matchChoice(input, summaryChoices(form)).kind === 'match' || editTarget(form, input.text) !== undefined;
  }
  if (step.kind === 'edit-menu') return pickEditChoice(form, input).kind === 'match';
  const field = fieldById(form, step.fieldId);
  if (!field) return false;
  if (input.action !== undefined) return true;
  const text = input.text ?? '';
  if (isSkipWord(text) || isClearWord(text) || isNoneAnswer(field, text) || relativeYear(field, state, text) !== undefined) return true;
  return parseField(field, input, env).ok;
}

/**
 * A pick in the "Sửa" menu: the number or name of a field, also with the words users put before it
 * ("sửa 4", "mục 4", "sửa lại câu số 4", "sửa số điện thoại").
 */
function pickEditChoice(form: FormDefinition, input: ChoiceInput, options = editChoices(form)) {
  let best = matchChoice(input, options);
  if (best.kind === 'match' || input.text === undefined) return best;
  // Leading words dropped one at a time: "sửa tên đơn vị" fits two fields, "tên đơn vị" only one.
  const words = fold(input.text).split(' ');
  while (words.length > 1 && EDIT_FILLERS.has(words[0]!)) {
    words.shift();
    const m = matchChoice({ text: words.join(' ') }, options);
    if (m.kind === 'match') return m;
    if (best.kind === 'none') best = m;
  }
  return best;
}

/** "sửa 3", "sua so dien thoai", "sửa mục 4" typed at the summary: the field to edit directly. */
function editTarget(form: FormDefinition, text: string | undefined): FieldDefinition | undefined {
  if (text === undefined) return undefined;
  const f = fold(text);
  if (!/^(?:chinh )?sua /.test(f)) return undefined;
  const m = pickEditChoice(form, { text }, editChoices(form).slice(0, -1));
  return m.kind === 'match' ? fieldById(form, m.choice.id.slice(EDIT_PREFIX.length)) : undefined;
}

function isNoneAnswer(field: FieldDefinition, text: string): boolean {
  return field.type === 'phone' && !field.required && NONE_WORDS.has(fold(text));
}

/** "năm nay", "năm ngoái" for a year field that proposes the current year. */
function relativeYear(field: FieldDefinition, state: FormState, text: string): number | undefined {
  const current = state.defaults[field.id];
  if (field.type !== 'year' || typeof current !== 'number') return undefined;
  const f = fold(text);
  if (f === 'nam nay') return current;
  if (f === 'nam ngoai' || f === 'nam truoc' || f === 'nam roi') return current - 1;
  return undefined;
}

function nextStep(form: FormDefinition, state: FormState, field: FieldDefinition): FormState['step'] {
  if (state.step.kind === 'edit-field') return { kind: 'summary' };
  const next = form.fields[form.fields.indexOf(field) + 1];
  return next ? { kind: 'field', fieldId: next.id } : { kind: 'summary' };
}

/** The answer to "type it again with diacritics?": the held answer when kept, undefined when retyped. */
function keptAsTyped(state: FormState, field: FieldDefinition, text: string | undefined): string | undefined {
  const held = state.plainAnswer;
  if (held?.fieldId !== field.id || text === undefined) return undefined;
  const same = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase();
  if (isSkipWord(text) || KEEP_AS_TYPED_WORDS.has(fold(text)) || same(text) === same(held.value)) return held.value;
  return undefined;
}

/** Whether a valid answer to `field` is to be held with the offer to retype it with diacritics. */
function offersDiacritics(state: FormState, field: FieldDefinition, value: FieldValue): value is string {
  return field.offerDiacritics && typeof value === 'string' && !state.diacriticsOffered?.includes(field.id) && lacksDiacritics(value);
}

function answerField(form: FormDefinition, held: FormState, field: FieldDefinition, input: ChoiceInput, env: FormEnv): FormStepResult {
  // Whatever answers the offer to retype with diacritics ends it: kept as typed, or taken as the new answer.
  // (Set to undefined, not deleted: the dialog spreads the result over the stored flow.)
  const state: FormState = { ...held, plainAnswer: undefined };
  /** `restate`: the value is not what was typed ("12 nghìn"), so the reply says what was stored. */
  const accept = (value: FieldValue, restate = false): FormStepResult => {
    const next: FormState = { ...state, answers: { ...state.answers, [field.id]: value }, strikes: 0 };
    next.step = nextStep(form, state, field);
    const prompt = currentPrompt(form, next, env);
    if (!restate) return { state: next, replies: [prompt] };
    const understood = formTexts.understood(displayValue(field, value, env), field.unit);
    return { state: next, replies: [{ ...prompt, text: `${understood}\n\n${prompt.text}` }] };
  };
  const reject = (message: string): FormStepResult => {
    const next: FormState = { ...state, strikes: state.strikes + 1 };
    const prompt = currentPrompt(form, next, env);
    const lines = [`⚠️ ${message}`];
    if (next.strikes >= 3) lines.push(field.required ? formTexts.strikesRequired : formTexts.strikesOptional);
    lines.push('', prompt.text);
    return { state: next, replies: [{ ...prompt, text: lines.join('\n') }] };
  };

  if (input.action === FORM_ACTIONS.cancel) return { state: held, replies: [], outcome: 'cancel' };
  const text = input.text;
  const kept = keptAsTyped(held, field, text);
  if (kept !== undefined) return accept(kept);
  if (text !== undefined && (isClearWord(text) || isNoneAnswer(field, text))) {
    if (!field.required) return accept(null);
    return reject(`${formTexts.requiredNoSkip} ${field.invalidMessage}`);
  }
  const year = text === undefined ? undefined : relativeYear(field, state, text);
  if (year !== undefined) {
    const parsed = parseYear(String(year), field);
    return parsed.ok ? accept(parsed.value) : reject(problemText(field, parsed.problem));
  }
  const skip = input.action === FORM_ACTIONS.skip || (text !== undefined && isSkipWord(text));
  if (skip) {
    // In "Sửa", "." keeps the current answer; while filling in, the value last sent or the proposed one.
    const carried = previousValue(state, field) ?? state.defaults[field.id];
    const kept = state.step.kind === 'edit-field' ? state.answers[field.id] : carried;
    if (kept !== undefined && kept !== null) return accept(kept);
    if (!field.required) return accept(null);
    return reject(`${formTexts.requiredNoSkip} ${field.invalidMessage}`);
  }
  if (input.action !== undefined && field.type !== 'choice') return reject(formTexts.staleButton);
  const parsed = parseField(field, input, env);
  if (parsed.ok && offersDiacritics(state, field, parsed.value)) {
    const next: FormState = {
      ...state,
      plainAnswer: { fieldId: field.id, value: parsed.value },
      diacriticsOffered: [...(state.diacriticsOffered ?? []), field.id],
      strikes: 0,
    };
    return { state: next, replies: [currentPrompt(form, next, env)] };
  }
  if (parsed.ok) return accept(parsed.value, parsed.restate);
  if (parsed.problem.kind === 'ambiguous') return reject(formTexts.ambiguous(parsed.problem.names));
  return reject(problemText(field, parsed.problem));
}

/** Applies one user input to the form. */
function applyInput(form: FormDefinition, state: FormState, input: ChoiceInput, env: FormEnv): FormStepResult {
  const step = state.step;
  switch (step.kind) {
    case 'field':
    case 'edit-field': {
      const field = fieldById(form, step.fieldId);
      if (!field) {
        const next: FormState = { ...state, step: { kind: 'summary' }, strikes: 0 };
        return { state: next, replies: [currentPrompt(form, next, env)] };
      }
      return answerField(form, state, field, input, env);
    }
    case 'summary': {
      const direct = editTarget(form, input.text);
      if (direct) {
        const next: FormState = { ...state, step: { kind: 'edit-field', fieldId: direct.id }, strikes: 0 };
        return { state: next, replies: [currentPrompt(form, next, env)] };
      }
      const m = matchChoice(input, summaryChoices(form));
      if (m.kind !== 'match') {
        const { confirm, edit, cancel } = form.actions;
        return {
          state,
          replies: [{ text: formTexts.summaryPick(confirm, edit, cancel), choices: toChoices(summaryChoices(form)) }],
        };
      }
      if (m.choice.id === FORM_ACTIONS.confirm) return { state, replies: [], outcome: 'submit' };
      if (m.choice.id === FORM_ACTIONS.cancel) return { state, replies: [], outcome: 'cancel' };
      const next: FormState = { ...state, step: { kind: 'edit-menu' }, strikes: 0 };
      return { state: next, replies: [currentPrompt(form, next, env)] };
    }
    case 'edit-menu': {
      const m = pickEditChoice(form, input);
      if (m.kind !== 'match') {
        return { state, replies: [{ text: formTexts.editMenuPick(form.fields.length), choices: toChoices(editChoices(form)) }] };
      }
      const next: FormState =
        m.choice.id === FORM_ACTIONS.back
          ? { ...state, step: { kind: 'summary' }, strikes: 0 }
          : { ...state, step: { kind: 'edit-field', fieldId: m.choice.id.slice(EDIT_PREFIX.length) }, strikes: 0 };
      return { state: next, replies: [currentPrompt(form, next, env)] };
    }
  }
}

/** The answers of a completed form, every field present (null when skipped). */
function collectAnswers(form: FormDefinition, state: FormState): Record<string, FieldValue> {
  return Object.fromEntries(form.fields.map((f) => [f.id, state.answers[f.id] ?? null]));
}

/** Starts a form at its first field, with the message asking for it. `defaults` are proposed values. */
export function beginForm(form: FormDefinition, defaults: Record<string, FieldValue>, env: FormEnv): { state: FormState; prompt: Outbound } {
  const state = startForm(form, defaults);
  return { state, prompt: currentPrompt(form, state, env) };
}

/** Where the user stands in the form (to resume it, or to remind them after an interruption). */
export function formPosition(form: FormDefinition, state: FormState, env: FormEnv): FormPosition {
  return { progress: progressOf(form, state), prompt: currentPrompt(form, state, env) };
}

/**
 * One message while a form is in progress, in one call: the input applied as an answer (revised by
 * `revise` unless it ends the form), whether it is one, and where the form stood before it. The result
 * is computed whether or not the dialog then takes the message as an answer: it is pure, nothing is
 * stored until the dialog saves `state`.
 */
export function takeInput(form: FormDefinition, state: FormState, input: ChoiceInput, env: FormEnv, revise?: ReviseAnswer): FormTurn {
  const applied = applyInput(form, state, input, env);
  const revised = applied.outcome ? undefined : revise?.(state, applied.state);
  const next = revised?.state ?? applied.state;
  const turn: FormTurn = {
    before: formPosition(form, state, env),
    accepted: acceptsInput(form, state, input, env),
    state: next,
    replies: applied.replies,
    prompt: currentPrompt(form, next, env),
  };
  if (applied.outcome) turn.outcome = applied.outcome;
  if (revised?.lead !== undefined) turn.lead = revised.lead;
  if (applied.outcome === 'submit') turn.answers = collectAnswers(form, next);
  return turn;
}
