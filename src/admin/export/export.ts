/**
 * An export of the reports as a file: XLSX (three sheets: latest per unit and year, every version,
 * contacts) or CSV (every version, with a column telling which is the latest). Used by the CLI
 * (`export`) and by the admin chat command /xuat.
 */
import { loadForm } from '../../reports/form-definition.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Store } from '../../store/db.js';
import { isoDate, wallClock } from '../../calendar.js';
import { exportTexts } from '../texts.js';
import { tableToCsv } from './csv.js';
import { buildExportTables, type ExportFilter, type ExportForms } from './report-tables.js';
import { tablesToXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportRequest extends ExportFilter {
  format: ExportFormat;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: Buffer;
  format: ExportFormat;
  counts: { versions: number; latest: number; contacts: number };
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
export function exportFilename(request: ExportRequest, at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  const stamp = `${isoDate(w).replaceAll('-', '')}-${String(w.hour).padStart(2, '0')}${String(w.minute).padStart(2, '0')}`;
  const parts = [exportTexts.filePrefix, request.planId, request.year === undefined ? undefined : String(request.year), stamp];
  return `${parts.filter(Boolean).join('_')}.${request.format}`;
}

export async function buildExport(deps: ExportDeps, request: ExportRequest): Promise<ExportFile> {
  const at = (deps.now ?? (() => new Date()))();
  const forms = deps.forms ?? defaultExportForms();
  const tables = buildExportTables({ store: deps.store, knowledge: deps.knowledge, forms, timeZone: deps.timeZone }, request);
  const content =
    request.format === 'xlsx'
      ? await tablesToXlsx([tables.latest, tables.versions, tables.contacts], {
          timeZone: deps.timeZone,
          createdAt: at,
          title: forms.report.title,
        })
      : tableToCsv(tables.versions, deps.timeZone);
  return {
    filename: exportFilename(request, at, deps.timeZone),
    mimeType: MIME_TYPES[request.format],
    content,
    format: request.format,
    counts: tables.counts,
  };
}
