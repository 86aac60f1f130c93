/**
 * What admins type as arguments — a year, a file format, a plan — checked the same way in chat
 * (/xuat, /thongke, /chuanop) and on the command line, each problem explained in Vietnamese.
 */
import type { FormDefinition } from '../dialog/forms/definition.js';
import type { Knowledge } from '../knowledge/loader.js';
import { fold } from '../text/normalize.js';
import { EXPORT_FORMATS, type ExportFormat } from './export/export.js';
import { adminTexts } from './texts.js';

/** A problem with what the admin typed; the message says what to type instead. */
export class AdminArgError extends Error {
  override name = 'AdminArgError';
}

/** The years a report can be for: the bounds of the report form's year field. */
export function yearBounds(report: FormDefinition): { min: number; max: number } {
  const field = report.fields.find((f) => f.type === 'year');
  return { min: field?.min ?? 2000, max: field?.max ?? 2100 };
}

/** "2025" → 2025 within the form's bounds; anything else throws with the accepted range. */
export function parseYear(text: string, report: FormDefinition): number {
  const { min, max } = yearBounds(report);
  const raw = text.trim();
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= min && year <= max)) throw new AdminArgError(adminTexts.badYear(raw, min, max));
  return year;
}

/** Words that format names may be typed as ("Excel", "XLSX", "xls"). */
const FORMAT_WORDS: Record<string, ExportFormat> = { xlsx: 'xlsx', xls: 'xlsx', excel: 'xlsx', csv: 'csv' };

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
 * works ("bac-kan" → "bac-kan-vp"). Anything else throws with the list of plans.
 */
export function resolvePlanId(text: string, knowledge: Knowledge): string {
  const wanted = fold(text).replace(/[\s_]+/g, '-');
  const ids = knowledge.plans.map((p) => p.id);
  const exact = ids.find((id) => id === wanted);
  if (exact) return exact;
  const starts = wanted ? ids.filter((id) => id.startsWith(wanted)) : [];
  if (starts.length === 1) return starts[0]!;
  throw new AdminArgError(adminTexts.badPlan(text.trim(), knowledge.plans.map((p) => ({ id: p.id, name: p.shortName }))));
}
