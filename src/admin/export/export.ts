/**
 * An export of the reports as a file: XLSX (the summary "Tổng hợp" of a year ready to print, the latest
 * report per unit and year, every version, contacts, and the units of the year still missing), CSV
 * (every version, with a column telling which is the latest), or DOCX (the draft báo cáo tổng hợp of
 * a year). Used by the CLI (`export`) and by the admin chat command /xuat.
 */
import { loadForm } from '../../reports/form-definition.js';
import { loadSummarySections } from '../../reports/summary-sections.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Store } from '../../store/db.js';
import { isoDate, localDate, wallClock } from '../../calendar.js';
import { exportTexts, summaryTexts } from '../texts.js';
import { tableToCsv } from './csv.js';
import { summaryToDocxOffThread } from './docx/off-thread.js';
import type { SummaryDocxOptions } from './docx/summary-docx.js';
import { buildExportTables, type ExportFilter, type ExportForms } from './report-tables.js';
import { summaryData, type SummaryData } from './summary-data.js';
import { missingTable, summaryTable } from './summary-sheets.js';
import { tablesToXlsx } from './xlsx.js';

import { MIME_TYPES, type ExportFormat } from './formats.js';

export { EXPORT_FORMATS, MIME_TYPES, type ExportFormat } from './formats.js';

export interface ExportRequest extends ExportFilter, SummaryDocxOptions {
  format: ExportFormat;
}

/** The summary's counts, over its plans. */
export interface SummaryCounts {
  year: number;
  plans: number;
  units: number;
  reported: number;
  late: number;
  missing: number;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: Buffer;
  format: ExportFormat;
  counts: { versions: number; latest: number; contacts: number };
  /** The year the summary (XLSX sheet "Tổng hợp", DOCX) is about, and its counts; none for CSV. */
  summary?: SummaryCounts;
}

export interface ExportDeps {
  store: Store;
  knowledge: Knowledge;
  timeZone: string;
  now?: () => Date;
  /** Default: the project's intents/ forms. */
  forms?: ExportForms;
}

export function defaultExportForms(intentsDir?: string): ExportForms {
  return { report: loadForm('report', { intentsDir }), registration: loadForm('registration', { intentsDir }) };
}

/** "bao-cao-thi-dua_cu-chi_2025_20251120-0830.xlsx": what, which part, and when (local time). */
export function exportFilename(request: Pick<ExportRequest, 'format' | 'planId' | 'year'>, at: Date, timeZone: string, prefix: string = exportTexts.filePrefix): string {
  const w = wallClock(at, timeZone);
  const stamp = `${isoDate(w).replaceAll('-', '')}-${String(w.hour).padStart(2, '0')}${String(w.minute).padStart(2, '0')}`;
  const parts = [prefix, request.planId, request.year === undefined ? undefined : String(request.year), stamp];
  return `${parts.filter(Boolean).join('_')}.${request.format}`;
}

function summaryCounts(data: SummaryData): SummaryCounts {
  const sum = (f: (p: SummaryData['plans'][number]) => number) => data.plans.reduce((n, p) => n + f(p), 0);
  return {
    year: data.year,
    plans: data.plans.length,
    units: sum((p) => p.units.length),
    reported: sum((p) => p.reported.length),
    late: sum((p) => p.late.length),
    missing: sum((p) => p.missing.length),
  };
}

export async function buildExport(deps: ExportDeps, request: ExportRequest): Promise<ExportFile> {
  const at = (deps.now ?? (() => new Date()))();
  const forms = deps.forms ?? defaultExportForms();
  // The summary is of one year: the one asked for, else the current one (as /thongke and /chuanop).
  const year = request.year ?? localDate(at, deps.timeZone).year;
  const summaryOf = () => summaryData({ store: deps.store, knowledge: deps.knowledge, report: forms.report, timeZone: deps.timeZone, at }, { year, planId: request.planId });
  if (request.format === 'docx') {
    const data = await summaryOf();
    const content = await summaryToDocxOffThread(data, loadSummarySections(forms.report), request);
    const counts = { versions: deps.store.reports.listAll(request).length, latest: deps.store.reports.listLatest(request).length, contacts: deps.store.contacts.list(request).length };
    const filename = exportFilename({ ...request, year }, at, deps.timeZone, summaryTexts.filePrefix);
    return { mimeType: MIME_TYPES.docx, format: 'docx', counts, filename, content, summary: summaryCounts(data) };
  }
  const tables = await buildExportTables({ store: deps.store, knowledge: deps.knowledge, forms, timeZone: deps.timeZone }, request);
  const base = { mimeType: MIME_TYPES[request.format], format: request.format, counts: tables.counts };
  if (request.format === 'csv') {
    return { ...base, filename: exportFilename(request, at, deps.timeZone), content: tableToCsv(tables.versions, deps.timeZone) };
  }
  const data = await summaryOf();
  const content = await tablesToXlsx([summaryTable(data), tables.latest, tables.versions, tables.contacts, missingTable(data)], {
    timeZone: deps.timeZone,
    createdAt: at,
    title: forms.report.title,
  });
  return { ...base, filename: exportFilename(request, at, deps.timeZone), content, summary: summaryCounts(data) };
}
