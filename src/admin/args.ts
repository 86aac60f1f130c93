/**
 * What admins type as arguments — a year, a file format, a plan — checked the same way in chat
 * (/xuat, /thongke, /chuanop) and on the command line, each problem explained in Vietnamese.
 */
import { matchChoice } from '../dialog/choices.js';
import type { FieldDefinition, FormDefinition } from '../reports/form-definition.js';
import { parseYear as parseYearAnswer } from '../reports/field-values.js';
import { planOptions } from '../dialog/plan-options.js';
import type { Knowledge } from '../knowledge/loader.js';
import { fold } from '../text/normalize.js';
import { EXPORT_FORMATS, type ExportFormat } from './export/export.js';
import { adminTexts } from './texts.js';

/** A problem with what the admin typed; the message says what to type instead. */
export class AdminArgError extends Error {
  override name = 'AdminArgError';
}

/** The report form's year field (the form's schema requires its min and max). */
function yearField(report: FormDefinition): FieldDefinition | undefined {
  return report.fields.find((f) => f.type === 'year');
}

/** The years a report can be for: the bounds of the report form's year field. */
export function yearBounds(report: FormDefinition): { min: number; max: number } {
  const field = yearField(report);
  return { min: field?.min ?? 2000, max: field?.max ?? 2100 };
}

/**
 * "2025" (or "năm 2025") → 2025, read as the report's year field reads it (within its bounds);
 * anything else throws with the accepted range.
 */
export function parseYear(text: string, report: FormDefinition): number {
  const field = yearField(report);
  const parsed = field ? parseYearAnswer(text, field) : undefined;
  if (!parsed?.ok) {
    const { min, max } = yearBounds(report);
    throw new AdminArgError(adminTexts.badYear(text.trim(), min, max));
  }
  return parsed.value;
}

/** Words that format names may be typed as ("Excel", "XLSX", "xls", "Word"). */
const FORMAT_WORDS: Record<string, ExportFormat> = { xlsx: 'xlsx', xls: 'xlsx', excel: 'xlsx', csv: 'csv', docx: 'docx', doc: 'docx', word: 'docx' };

/** The format a word names, or undefined. */
export function formatWord(word: string): ExportFormat | undefined {
  return FORMAT_WORDS[fold(word)];
}

export function parseFormat(text: string): ExportFormat {
  const format = formatWord(text);
  if (!format) throw new AdminArgError(adminTexts.badFormat(text.trim(), EXPORT_FORMATS));
  return format;
}

/**
 * A plan by its id, typed loosely: "cu-chi", "CU-CHI", "Củ Chi", "cu chi"; a unique beginning also
 * works ("bac-kan" → "bac-kan-vp"); else any name the registration form takes for it (number "1792",
 * "KH 62", issuer, locality). Anything else throws with the list of plans.
 */
export function resolvePlanId(text: string, knowledge: Knowledge): string {
  const wanted = fold(text).replace(/[\s_]+/g, '-');
  const ids = knowledge.plans.map((p) => p.id);
  const exact = ids.find((id) => id === wanted);
  if (exact) return exact;
  const starts = wanted ? ids.filter((id) => id.startsWith(wanted)) : [];
  if (starts.length === 1) return starts[0]!;
  const named = matchChoice({ text }, planOptions(knowledge));
  if (named.kind === 'match') return named.choice.value;
  throw new AdminArgError(adminTexts.badPlan(text.trim(), knowledge.plans.map((p) => ({ id: p.id, name: p.shortName }))));
}
