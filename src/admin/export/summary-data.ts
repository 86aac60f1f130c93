/**
 * What the summary of a year holds, read from the database once for both files that show it (the XLSX
 * sheets "Tổng hợp" and "Chưa báo cáo", the báo cáo tổng hợp in DOCX): per plan, every unit (registered
 * or with a report of the year) with its report's figures and late mark, the plan's totals, the units
 * reported, late and missing with their contacts.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Knowledge } from '../../knowledge/loader.js';
import { lateMarks } from '../../reports/late-marks.js';
import type { Lateness } from '../../reports/late.js';
import type { FieldDefinition, FormDefinition } from '../../reports/form-definition.js';
import { countFields, sumCounts, unitCounts, type CountTotal } from '../../reports/totals.js';
import type { CalendarDate } from '../../calendar.js';
import { localDate } from '../../calendar.js';
import type { Contact } from '../../store/contacts.js';
import type { Store } from '../../store/db.js';
import type { Report } from '../../store/reports.js';
import { reportingStats } from '../stats.js';

/** Vietnamese order of the (folded) unit names; one collator, not one per comparison. */
const COLLATOR = new Intl.Collator('vi');

export interface SummaryUnit {
  unitKey: string;
  /** As written on the report when there is one, else as registered. */
  unitName: string;
  /** The latest version of the unit's report of the year; undefined when it has not reported. */
  report: Report | undefined;
  /** By count field id; all null when not reported. */
  counts: Record<string, number | null>;
  late: Lateness | undefined;
  contacts: Contact[];
}

export interface SummaryPlan {
  planId: string;
  /** The plan's short name, or its id when it is no longer in the knowledge base. */
  planName: string;
  /** Every unit, by folded name. */
  units: SummaryUnit[];
  reported: SummaryUnit[];
  missing: SummaryUnit[];
  late: SummaryUnit[];
  /** By count field id, over the reported units. */
  totals: Record<string, CountTotal>;
  /** The last day the year's reports were due; undefined when the plan names no deadline that year. */
  lastDay: CalendarDate | undefined;
}

export interface SummaryData {
  year: number;
  /** When the figures were read. */
  at: Date;
  timeZone: string;
  countFields: FieldDefinition[];
  plans: SummaryPlan[];
}

export interface SummaryRequest {
  year: number;
  planId?: string;
}

export async function summaryData(
  deps: { store: Store; knowledge: Knowledge; report: FormDefinition; timeZone: string; at: Date },
  request: SummaryRequest,
): Promise<SummaryData> {
  const { store, knowledge, timeZone, at } = deps;
  const fields = countFields(deps.report);
  // Each read is one turn of the event loop: the bot keeps answering while the summary is gathered.
  const stats = reportingStats({ store, knowledge }, { year: request.year, today: localDate(at, timeZone), timeZone, planId: request.planId });
  await nextTurn();
  const latest = store.reports.listLatest({ year: request.year, planId: request.planId });
  await nextTurn();
  const marks = lateMarks(knowledge, store.reports.listAll({ year: request.year, planId: request.planId }), timeZone);
  await nextTurn();

  const plans: SummaryPlan[] = [];
  for (const s of stats) {
    const reports = new Map(latest.filter((r) => r.planId === s.planId).map((r) => [r.unitKey, r]));
    // Registered units, then units whose report came from a contact now registered elsewhere.
    const keys = [...new Set([...s.units.map((u) => u.unitKey), ...reports.keys()])].sort(COLLATOR.compare);
    if (keys.length === 0 && request.planId === undefined) continue;
    const registered = new Map(s.units.map((u) => [u.unitKey, u]));
    const units = keys.map((unitKey): SummaryUnit => {
      const report = reports.get(unitKey);
      const status = registered.get(unitKey);
      return {
        unitKey,
        unitName: report?.unitName ?? status!.unitName,
        report,
        counts: report ? unitCounts(report, fields).counts : Object.fromEntries(fields.map((f) => [f.id, null])),
        late: report ? marks.of(report) : undefined,
        contacts: status?.contacts ?? [],
      };
    });
    const reported = units.filter((u) => u.report);
    await nextTurn();
    plans.push({
      planId: s.planId,
      planName: s.plan?.shortName ?? s.planId,
      units,
      reported,
      missing: units.filter((u) => !u.report),
      late: reported.filter((u) => u.late?.late),
      totals: sumCounts(
        reported.map((u) => ({ report: u.report!, counts: u.counts })),
        fields,
      ),
      lastDay: s.due?.lastDay,
    });
  }
  return { year: request.year, at, timeZone, countFields: fields, plans };
}
