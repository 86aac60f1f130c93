/**
 * The data of an export as tables: the latest version of each unit's report per year, every version,
 * and the registered contacts. Each report row says whether the report came late ("Muộn 3 ngày"), by
 * the same marks as /thongke (src/reports/late.ts). Column headers of the form answers come from the form definitions in
 * intents/ (report-form.json, registration.json), so renaming a field there renames the column.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChannelName } from '../../config.js';
import type { FieldDefinition, FormDefinition } from '../../reports/form-definition.js';
import { formatPhone } from '../../reports/field-values.js';
import { lateMarks, type LateMarks } from '../../reports/late-marks.js';
import { countValue } from '../../reports/totals.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Contact } from '../../store/contacts.js';
import type { Store } from '../../store/db.js';
import type { Report, ReportValue } from '../../store/reports.js';
import { sentByAnotherContact } from '../../reports/versions.js';
import { exportTexts } from '../texts.js';
import type { Cell, Column, Table } from './table.js';

export interface ExportFilter {
  year?: number;
  planId?: string;
}

export interface ExportForms {
  report: FormDefinition;
  registration: FormDefinition;
}

export interface ExportTables {
  latest: Table;
  versions: Table;
  contacts: Table;
  counts: {
    /** Rows of the "every version" table: each stored submission once. */
    versions: number;
    /** Rows of the "latest" table: one per unit and year. */
    latest: number;
    contacts: number;
  };
}

interface ColumnSpec<T> {
  column: Column;
  value(item: T): Cell;
}

function fieldKind(field: FieldDefinition): Column['kind'] {
  if (field.type === 'integer') return 'count';
  if (field.type === 'year') return 'number';
  return field.type === 'text' ? 'longtext' : 'text';
}

/** A stored answer as a cell: numbers stay numbers (also when stored as digits), skipped answers are empty. */
function answerCell(value: ReportValue | undefined, kind: Column['kind']): Cell {
  if (value === null || value === undefined) return null;
  if (kind === 'count' || kind === 'number') return countValue(value) ?? value;
  return value;
}

/**
 * A phone as the bot shows it ("0912 345 678"), not as stored ("+84912345678"): admins call the number,
 * and a leading "+" would make a spreadsheet read it as a formula (CSV guards it with a visible "'").
 */
export function phoneCell(phone: string | null | undefined): Cell {
  return phone ? formatPhone(phone) : null;
}

export function channelLabel(channel: ChannelName): string {
  return exportTexts.channels[channel] ?? channel;
}

/** The registration form's label of a contact field, or the fallback when the form has no such field. */
function registrationLabel(forms: ExportForms, id: string, fallback: string): string {
  return forms.registration.fields.find((f) => f.id === id)?.label ?? fallback;
}

interface Context {
  knowledge: Knowledge;
  forms: ExportForms;
  contactsById: Map<number, Contact>;
  timeZone: string;
  late: LateMarks;
  /** Versions sent by another contact than the unit's version before. */
  otherSender: ReadonlySet<number>;
}

/** "Muộn 3 ngày" for a late report; empty when in time or when its plan names no deadline that year. */
function lateCell(ctx: Context, report: Report): Cell {
  const mark = ctx.late.of(report);
  return mark?.late ? exportTexts.lateDays(mark.days) : null;
}

function planName(ctx: Context, planId: string): string {
  return ctx.knowledge.plan(planId)?.shortName ?? planId;
}

/** Report columns: identity and sender first, then every form field in form order, then answers of fields no longer in the form. */
function reportColumns(ctx: Context, reports: readonly Report[], withLatestFlag: boolean): ColumnSpec<{ report: Report; latest: boolean }>[] {
  const { forms } = ctx;
  const yearField = forms.report.fields.find((f) => f.type === 'year');
  const contactOf = (r: Report) => ctx.contactsById.get(r.contactId);
  const specs: ColumnSpec<{ report: Report; latest: boolean }>[] = [
    { column: { header: exportTexts.code, kind: 'text' }, value: ({ report }) => report.code },
    { column: { header: yearField?.label ?? exportTexts.year, kind: 'number' }, value: ({ report }) => report.year },
    { column: { header: registrationLabel(forms, 'planId', exportTexts.plan), kind: 'text' }, value: ({ report }) => planName(ctx, report.planId) },
    { column: { header: registrationLabel(forms, 'unitName', exportTexts.unit), kind: 'text' }, value: ({ report }) => report.unitName },
    { column: { header: exportTexts.version, kind: 'number' }, value: ({ report }) => report.version },
  ];
  if (withLatestFlag) {
    specs.push({ column: { header: exportTexts.isLatest, kind: 'text' }, value: ({ latest }) => (latest ? exportTexts.yes : exportTexts.no) });
  }
  specs.push(
    { column: { header: exportTexts.submittedAt(ctx.timeZone), kind: 'datetime' }, value: ({ report }) => new Date(report.submittedAt) },
    { column: { header: exportTexts.late, kind: 'text' }, value: ({ report }) => lateCell(ctx, report) },
    { column: { header: registrationLabel(forms, 'fullName', exportTexts.fullName), kind: 'text' }, value: ({ report }) => contactOf(report)?.fullName ?? null },
    { column: { header: registrationLabel(forms, 'role', exportTexts.role), kind: 'text' }, value: ({ report }) => contactOf(report)?.role ?? null },
    { column: { header: registrationLabel(forms, 'phone', exportTexts.phone), kind: 'text' }, value: ({ report }) => phoneCell(contactOf(report)?.phone) },
    { column: { header: exportTexts.channel, kind: 'text' }, value: ({ report }) => channelLabel(report.channel) },
    { column: { header: exportTexts.otherSender, kind: 'text' }, value: ({ report }) => (ctx.otherSender.has(report.id) ? exportTexts.yes : null) },
  );
  for (const field of forms.report.fields) {
    if (field === yearField) continue;
    const kind = fieldKind(field);
    specs.push({ column: { header: field.label, kind }, value: ({ report }) => answerCell(report.answers[field.id], kind) });
  }
  // Answers stored under fields since removed from the form are still exported, never dropped.
  const known = new Set(forms.report.fields.map((f) => f.id));
  const extra = [...new Set(reports.flatMap((r) => Object.keys(r.answers)))].filter((k) => !known.has(k)).sort();
  for (const key of extra) {
    specs.push({ column: { header: key, kind: 'longtext' }, value: ({ report }) => answerCell(report.answers[key], 'longtext') });
  }
  specs.push({ column: { header: exportTexts.planId, kind: 'text' }, value: ({ report }) => report.planId });
  return specs;
}

/** Rows built between two pauses for the event loop: an export of thousands of reports must not keep the bot from answering. */
const ROWS_PER_TURN = 400;

async function toTable<T>(name: string, specs: ColumnSpec<T>[], items: readonly T[]): Promise<Table> {
  const rows: Cell[][] = [];
  for (let i = 0; i < items.length; i++) {
    rows.push(specs.map((s) => s.value(items[i]!)));
    if ((i + 1) % ROWS_PER_TURN === 0) await nextTurn();
  }
  return { name, columns: specs.map((s) => s.column), rows };
}

function contactColumns(ctx: Context, reportCounts: Map<number, number>): ColumnSpec<Contact>[] {
  const byField: Record<string, (c: Contact) => Cell> = {
    fullName: (c) => c.fullName,
    unitName: (c) => c.unitName,
    planId: (c) => planName(ctx, c.planId),
    role: (c) => c.role,
    phone: (c) => phoneCell(c.phone),
  };
  const specs: ColumnSpec<Contact>[] = ctx.forms.registration.fields
    .filter((f) => byField[f.id])
    .map((f) => ({ column: { header: f.label, kind: 'text' as const }, value: byField[f.id]! }));
  specs.push(
    { column: { header: exportTexts.channel, kind: 'text' }, value: (c) => channelLabel(c.channel) },
    { column: { header: exportTexts.channelUserId, kind: 'text' }, value: (c) => c.userId },
    { column: { header: exportTexts.registeredAt(ctx.timeZone), kind: 'datetime' }, value: (c) => new Date(c.createdAt) },
    { column: { header: exportTexts.updatedAt(ctx.timeZone), kind: 'datetime' }, value: (c) => new Date(c.updatedAt) },
    { column: { header: exportTexts.reportsSent, kind: 'number' }, value: (c) => reportCounts.get(c.id) ?? 0 },
    { column: { header: exportTexts.planId, kind: 'text' }, value: (c) => c.planId },
  );
  return specs;
}

export async function buildExportTables(
  deps: { store: Store; knowledge: Knowledge; forms: ExportForms; timeZone: string },
  filter: ExportFilter = {},
): Promise<ExportTables> {
  const { store } = deps;
  // Each read of the database and each table is one turn of the event loop, not one block for all.
  const allContacts = store.contacts.list();
  await nextTurn();
  const versions = store.reports.listAll(filter);
  await nextTurn();
  const ctx: Context = {
    knowledge: deps.knowledge,
    forms: deps.forms,
    contactsById: new Map(allContacts.map((c) => [c.id, c])),
    timeZone: deps.timeZone,
    // The filters (year, plan) keep or drop a unit's report of a year whole: its first version is in.
    late: lateMarks(deps.knowledge, versions, deps.timeZone),
    otherSender: sentByAnotherContact(versions),
  };
  await nextTurn();
  const latest = store.reports.listLatest(filter);
  const latestIds = new Set(latest.map((r) => r.id));
  await nextTurn();
  const reportCounts = new Map<number, number>();
  for (const r of store.reports.listAll(filter.planId ? { planId: filter.planId } : {})) {
    reportCounts.set(r.contactId, (reportCounts.get(r.contactId) ?? 0) + 1);
  }
  await nextTurn();
  const contacts = filter.planId ? allContacts.filter((c) => c.planId === filter.planId) : allContacts;

  const wrap = (r: Report) => ({ report: r, latest: latestIds.has(r.id) });
  return {
    latest: await toTable(exportTexts.sheets.latest, reportColumns(ctx, latest, false), latest.map(wrap)),
    versions: await toTable(exportTexts.sheets.versions, reportColumns(ctx, versions, true), versions.map(wrap)),
    contacts: await toTable(exportTexts.sheets.contacts, contactColumns(ctx, reportCounts), contacts),
    counts: { versions: versions.length, latest: latest.length, contacts: contacts.length },
  };
}
