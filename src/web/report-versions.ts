/**
 * One unit's report of one year with all its versions, newest first, as the "Báo cáo" page opens it
 * from a row: each answer under its form label, the sender of each version, and the late mark.
 */
import type Database from 'better-sqlite3';
import type { Knowledge } from '../knowledge/loader.js';
import type { FormDefinition } from '../reports/form-definition.js';
import { formatPhone } from '../reports/field-values.js';
import type { Store } from '../store/db.js';
import type { ReportAnswers } from '../store/reports.js';
import { lateMarks } from '../reports/late-marks.js';
import type { Lateness } from '../reports/late.js';

export interface ShownAnswer {
  label: string;
  /** Undefined when the field was skipped. */
  value: string | undefined;
}

export interface ShownVersion {
  code: string;
  version: number;
  submittedAt: Date;
  sender: { fullName: string; role: string | null; phone: string | null } | undefined;
  answers: ShownAnswer[];
}

export interface ShownReport {
  planName: string;
  unitName: string;
  year: number;
  /** The report's late mark (from its first version); undefined when its plan names no deadline that year. */
  lateness: Lateness | undefined;
  versions: ShownVersion[];
}

interface VersionRow {
  code: string;
  contactId: number;
  planId: string;
  unitName: string;
  unitKey: string;
  year: number;
  version: number;
  answers: string;
  submittedAt: string;
}

/** Every answer in form order, then answers of fields since removed from the form (never dropped). */
function shownAnswers(form: FormDefinition, answers: ReportAnswers): ShownAnswer[] {
  const show = (v: ReportAnswers[string] | undefined) => (v === null || v === undefined || v === '' ? undefined : String(v));
  const known = new Set(form.fields.map((f) => f.id));
  return [
    ...form.fields.map((f) => ({ label: f.label, value: show(answers[f.id]) })),
    ...Object.keys(answers)
      .filter((k) => !known.has(k))
      .sort()
      .map((k) => ({ label: k, value: show(answers[k]) })),
  ];
}

export function createReportVersions(db: Database.Database) {
  const versions = db.prepare(`
    SELECT o.code, o.contact_id AS contactId, o.plan_id AS planId, o.unit_name AS unitName, o.unit_key AS unitKey, o.year,
      o.version, o.answers, o.submitted_at AS submittedAt
    FROM reports r JOIN reports o ON o.plan_id = r.plan_id AND o.unit_key = r.unit_key AND o.year = r.year
    WHERE r.code = ? ORDER BY o.version DESC`);

  /** The report that the version `code` belongs to, or undefined for an unknown code. */
  return function reportByCode(deps: { store: Store; knowledge: Knowledge; form: FormDefinition; timeZone: string }, code: string): ShownReport | undefined {
    const rows = versions.all(code) as VersionRow[];
    const latest = rows[0];
    if (!latest) return undefined;
    const marks = lateMarks(
      deps.knowledge,
      rows.map((r) => ({ ...r, id: 0, channel: 'console', userId: '', answers: {} })),
      deps.timeZone,
    );
    return {
      planName: deps.knowledge.plan(latest.planId)?.shortName ?? latest.planId,
      unitName: latest.unitName,
      year: latest.year,
      lateness: marks.of(latest),
      versions: rows.map((r) => {
        const contact = deps.store.contacts.byId(r.contactId);
        return {
          code: r.code,
          version: r.version,
          submittedAt: new Date(r.submittedAt),
          sender: contact && { fullName: contact.fullName, role: contact.role, phone: contact.phone ? formatPhone(contact.phone) : null },
          answers: shownAnswers(deps.form, JSON.parse(r.answers) as ReportAnswers),
        };
      }),
    };
  };
}
