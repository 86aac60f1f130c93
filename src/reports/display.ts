/**
 * A stored or typed field value as people read it: a count with thousands separators ("12.000"), a
 * phone as dialled ("0912 345 678"), a choice by its label. Used by the form's summary and hints and by
 * the view of a stored report, so both show a value the same way.
 */
import { formatNumber } from '../text/numbers.js';
import { formatPhone } from './field-values.js';
import type { FieldDefinition, FormDefinition } from './form-definition.js';
import type { Report, ReportValue } from '../store/reports.js';

export interface DisplayOptions {
  /** What an empty (skipped) answer reads as. */
  empty: string;
  /** The label of a `choice` field's value (undefined: the value itself). */
  choiceLabel?(field: FieldDefinition, value: string | number): string | undefined;
}

export function displayFieldValue(field: FieldDefinition, value: ReportValue | undefined, opts: DisplayOptions): string {
  if (value === null || value === undefined) return opts.empty;
  if (field.type === 'choice') return opts.choiceLabel?.(field, value) ?? String(value);
  if (field.type === 'phone' && typeof value === 'string') return formatPhone(value);
  if (field.type === 'integer' && typeof value === 'number') return formatNumber(value);
  return String(value);
}

/**
 * Every answer of a stored report with its label, in form order; answers stored under fields since
 * removed from the form follow under their key (never dropped). `skip`: fields shown elsewhere (the year).
 */
export function storedAnswers(form: FormDefinition, report: Pick<Report, 'answers'>, opts: DisplayOptions & { skip?: ReadonlySet<string> }): { label: string; value: string }[] {
  const skip = opts.skip ?? new Set<string>();
  const lines = form.fields.filter((f) => !skip.has(f.id)).map((f) => ({ label: f.label, value: displayFieldValue(f, report.answers[f.id], opts) }));
  const known = new Set(form.fields.map((f) => f.id));
  for (const [key, value] of Object.entries(report.answers)) {
    if (known.has(key) || skip.has(key)) continue;
    lines.push({ label: key, value: value === null ? opts.empty : String(value) });
  }
  return lines;
}
