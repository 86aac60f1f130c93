/**
 * A unit's report of a year is a row of versions: each submission, by any contact of the unit, is the
 * next one and the older ones stay. What follows from that: the version a resubmission starts from, the
 * values it carries over, and which versions a different contact sent than the one before.
 */
import type { FormDefinition } from './form-definition.js';
import { unitKeyOf } from '../store/contacts.js';
import type { Report, ReportAnswers, ReportsRepo } from '../store/reports.js';

export interface LastVersion {
  report: Report;
  /** The version the next submission will be (the store fixes it at submission). */
  next: number;
}

/** The unit's last version for `year`, or undefined when the unit has not sent that year yet. */
export function lastVersionOf(reports: Pick<ReportsRepo, 'versionsOf'>, unit: { planId: string; unitName: string }, year: number): LastVersion | undefined {
  const versions = reports.versionsOf(unit.planId, unitKeyOf(unit.unitName), year);
  const report = versions[versions.length - 1];
  return report && { report, next: report.version + 1 };
}

/** The answers a resubmission starts from: the last version's, for the fields the form still asks, except `skip` (the year). */
export function carriedAnswers(form: FormDefinition, report: Report, skip: ReadonlySet<string>): ReportAnswers {
  const carried: ReportAnswers = {};
  for (const field of form.fields) {
    if (skip.has(field.id) || !(field.id in report.answers)) continue;
    carried[field.id] = report.answers[field.id] ?? null;
  }
  return carried;
}

/**
 * The ids of the versions sent by another contact than the unit's version before (same plan, unit and
 * year): a unit with two contacts, where a newer version from anyone becomes the unit's latest report.
 */
export function sentByAnotherContact(versions: readonly Report[]): Set<number> {
  const byReport = new Map<string, Report[]>();
  for (const r of versions) {
    const key = `${r.planId}|${r.unitKey}|${r.year}`;
    const list = byReport.get(key) ?? [];
    list.push(r);
    byReport.set(key, list);
  }
  const changed = new Set<number>();
  for (const list of byReport.values()) {
    list.sort((a, b) => a.version - b.version);
    for (let i = 1; i < list.length; i++) if (list[i]!.contactId !== list[i - 1]!.contactId) changed.add(list[i]!.id);
  }
  return changed;
}
