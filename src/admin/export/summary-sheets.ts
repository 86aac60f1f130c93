/**
 * The summary of a year as tables for the XLSX: "Tổng hợp" (title rows; per plan one row per unit with
 * its status and figures, the plan's totals and its counts of units reported, late and missing) and
 * "Chưa báo cáo" (each missing unit with its contacts, to call them).
 */
import { viDateTime } from '../../calendar.js';
import { exportTexts, summaryTexts as t } from '../texts.js';
import { channelLabel, phoneCell } from './report-tables.js';
import type { SummaryData, SummaryPlan, SummaryUnit } from './summary-data.js';
import type { Cell, Column, RowKind, Table } from './table.js';

function statusText(unit: SummaryUnit): string {
  if (!unit.report) return t.notReported;
  if (!unit.late) return t.reportedNoDeadline;
  return unit.late.late ? exportTexts.lateDays(unit.late.days) : t.onTime;
}

function titleLines(data: SummaryData, first: string): string[] {
  const names = data.plans.map((p) => p.planName);
  return [first, ...(names.length > 0 ? [t.sheetPlans(names)] : []), t.asOf(viDateTime(data.at, data.timeZone))];
}

class Rows {
  readonly rows: Cell[][] = [];
  readonly kinds: RowKind[] = [];
  add(kind: RowKind, cells: Cell[]): void {
    this.rows.push(cells);
    this.kinds.push(kind);
  }
}

export function summaryTable(data: SummaryData): Table {
  const fields = data.countFields;
  const columns: Column[] = [
    { header: t.no, kind: 'number' },
    { header: exportTexts.unit, kind: 'text' },
    { header: exportTexts.code, kind: 'text' },
    { header: exportTexts.submittedAt(data.timeZone), kind: 'datetime' },
    { header: t.status, kind: 'text' },
    ...fields.map((f): Column => ({ header: f.label, kind: 'count' })),
  ];
  const out = new Rows();
  const totalRow = (label: string, totals: SummaryPlan['totals']): Cell[] => [
    null,
    label,
    null,
    null,
    null,
    ...fields.map((f) => (totals[f.id]!.answered > 0 ? totals[f.id]!.sum : null)),
  ];
  const several = data.plans.length > 1;
  for (const plan of data.plans) {
    if (several) out.add('group', [plan.planName]);
    plan.units.forEach((u, i) =>
      out.add('data', [i + 1, u.unitName, u.report?.code ?? null, u.report ? new Date(u.report.submittedAt) : null, statusText(u), ...fields.map((f) => u.counts[f.id] ?? null)]),
    );
    out.add('total', totalRow(t.planTotal(plan.planName), plan.totals));
    out.add('note', [t.planCounts({ units: plan.units.length, reported: plan.reported.length, late: plan.late.length, missing: plan.missing.length })]);
  }
  if (several) {
    const all = Object.fromEntries(
      fields.map((f) => [
        f.id,
        data.plans.reduce((acc, p) => ({ sum: acc.sum + p.totals[f.id]!.sum, answered: acc.answered + p.totals[f.id]!.answered }), { sum: 0, answered: 0 }),
      ]),
    );
    out.add('total', totalRow(t.allTotal, all));
    const count = (f: (p: SummaryPlan) => number) => data.plans.reduce((n, p) => n + f(p), 0);
    out.add('note', [t.planCounts({ units: count((p) => p.units.length), reported: count((p) => p.reported.length), late: count((p) => p.late.length), missing: count((p) => p.missing.length) })]);
  }
  if (data.plans.length === 0) out.add('note', [t.noPlans(data.year)]);
  return { name: t.sheets.summary, columns, rows: out.rows, rowKinds: out.kinds, title: titleLines(data, t.sheetTitle(data.year)) };
}

export function missingTable(data: SummaryData): Table {
  const columns: Column[] = [
    { header: t.no, kind: 'number' },
    { header: exportTexts.plan, kind: 'text' },
    { header: exportTexts.unit, kind: 'text' },
    { header: exportTexts.fullName, kind: 'text' },
    { header: exportTexts.role, kind: 'text' },
    { header: exportTexts.phone, kind: 'text' },
    { header: exportTexts.channel, kind: 'text' },
  ];
  const out = new Rows();
  let no = 0;
  for (const plan of data.plans) {
    for (const unit of plan.missing) {
      no++;
      // One row per contact: a unit registered by two people lists both, each callable.
      for (const c of unit.contacts) out.add('data', [no, plan.planName, unit.unitName, c.fullName, c.role, phoneCell(c.phone), channelLabel(c.channel)]);
      if (unit.contacts.length === 0) out.add('data', [no, plan.planName, unit.unitName, t.noContact, null, null, null]);
    }
  }
  if (no === 0) out.add('note', [t.missingNone(data.year)]);
  return { name: t.sheets.missing, columns, rows: out.rows, rowKinds: out.kinds, title: titleLines(data, t.missingTitle(data.year)) };
}
