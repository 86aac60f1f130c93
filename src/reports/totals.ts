/**
 * The figures of the units' reports added up: the count fields of the report form (its `integer`
 * fields, in form order) per unit and their sums per plan. No file format here: the summary XLSX, the
 * báo cáo tổng hợp (DOCX), the chart and the admin page all read the same sums.
 */
import type { Report, ReportValue } from '../store/reports.js';
import type { FieldDefinition, FormDefinition } from './form-definition.js';

/** The report form's count fields ("Số lượt…", "Số “Gia đình học tập”…"), in form order. */
export function countFields(form: FormDefinition): FieldDefinition[] {
  return form.fields.filter((f) => f.type === 'integer');
}

/**
 * A stored count as a number: numbers as stored, digits stored as text by older versions ("7"), and
 * null for a skipped answer or anything that is not a whole count (never guessed as 0).
 */
export function countValue(value: ReportValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

export interface UnitCounts {
  report: Report;
  /** By field id: the unit's figure, null when it skipped the field. */
  counts: Record<string, number | null>;
}

export interface CountTotal {
  /** The sum over the units that gave a figure. */
  sum: number;
  /** How many units gave a figure (a skipped field is not a zero). */
  answered: number;
}

export interface PlanTotals {
  planId: string;
  /** One per report, in the order given. */
  units: UnitCounts[];
  /** By field id. */
  totals: Record<string, CountTotal>;
}

export function unitCounts(report: Report, fields: readonly FieldDefinition[]): UnitCounts {
  return { report, counts: Object.fromEntries(fields.map((f) => [f.id, countValue(report.answers[f.id])])) };
}

/** Sums of `units`' figures, field by field. */
export function sumCounts(units: readonly UnitCounts[], fields: readonly FieldDefinition[]): Record<string, CountTotal> {
  const totals: Record<string, CountTotal> = {};
  for (const f of fields) {
    let sum = 0;
    let answered = 0;
    for (const u of units) {
      const v = u.counts[f.id];
      if (v === null || v === undefined) continue;
      sum += v;
      answered++;
    }
    totals[f.id] = { sum, answered };
  }
  return totals;
}

/**
 * `reports`: one report per unit (the latest version of each unit's report of the year). Grouped by
 * plan in the order the plans first appear.
 */
export function totalsByPlan(reports: readonly Report[], form: FormDefinition): PlanTotals[] {
  const fields = countFields(form);
  const byPlan = new Map<string, UnitCounts[]>();
  for (const r of reports) {
    const list = byPlan.get(r.planId) ?? [];
    list.push(unitCounts(r, fields));
    byPlan.set(r.planId, list);
  }
  return [...byPlan.entries()].map(([planId, units]) => ({ planId, units, totals: sumCounts(units, fields) }));
}
