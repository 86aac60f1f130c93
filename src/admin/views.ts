/**
 * The texts admins read in chat: statistics per plan with the late reports (/thongke), the units
 * still missing with their contacts (/chuanop), and the unanswered questions (/cauhoi).
 */
import { viDateTime } from '../calendar.js';
import { formatPhone } from '../reports/field-values.js';
import { endsBeforeNamedDay, reportDeadlines, type DeadlineOccurrence } from '../reports/deadlines.js';
import type { QuestionGroup } from './questions.js';
import type { PlanStats } from './stats.js';
import { adminTexts, exportTexts, type DeadlineDay } from './texts.js';

/** A deadline as the texts show it: the day the plan names and the last day it allows. */
export function deadlineDay(o: DeadlineOccurrence): DeadlineDay {
  return { date: o.date, lastDay: o.lastDay, before: endsBeforeNamedDay(o) };
}

/** Reports of the year received for the plan (one per unit), whoever registered them. */
const received = (s: PlanStats) => s.reported.length + s.reportedWithoutContact;

function planTitle(s: PlanStats): string {
  return s.plan ? s.plan.shortName : adminTexts.statsUnknownPlan(s.planId);
}

export function statsView(stats: readonly PlanStats[], year: number, at: Date, timeZone: string): string {
  const sum = (f: (s: PlanStats) => number) => stats.reduce((n, s) => n + f(s), 0);
  const lines = [
    adminTexts.statsTitle(year, viDateTime(at, timeZone)),
    adminTexts.statsTotal(sum((s) => s.units.length), sum((s) => s.reported.length), sum((s) => s.missing.length)),
  ];
  stats.forEach((s, i) => {
    lines.push('', adminTexts.statsPlan(i + 1, planTitle(s)), adminTexts.statsCounts(s.units.length, s.reported.length, s.missing.length));
    if (s.reportedWithoutContact > 0) lines.push(adminTexts.statsReportedWithoutContact(s.reportedWithoutContact));
    if (s.nearest) {
      lines.push(adminTexts.statsDeadline(deadlineDay(s.nearest.occurrence), s.nearest.daysLeft, s.nearest.occurrence.deadline.section));
      if (s.due && received(s) > 0) lines.push(adminTexts.statsLate(s.late, s.due.lastDay));
    } else if (s.plan) {
      // Some plans name a yearly deadline but start later (Tây Ninh: 2024–2030).
      lines.push(reportDeadlines(s.plan).length > 0 ? adminTexts.statsNoDeadlineInYear(year, s.plan.period) : adminTexts.statsNoDeadline);
    }
  });
  lines.push('', adminTexts.statsFooter(year));
  return lines.join('\n');
}

export function missingView(stats: readonly PlanStats[], year: number): string {
  const registered = stats.reduce((n, s) => n + s.units.length, 0);
  if (registered === 0) return adminTexts.missingNoUnits;
  const missing = stats.reduce((n, s) => n + s.missing.length, 0);
  const lateLine = adminTexts.missingLate(
    stats.reduce((n, s) => n + received(s), 0),
    stats.reduce((n, s) => n + s.late, 0),
  );
  if (missing === 0) return `${adminTexts.missingNone(year)}\n${lateLine}`;
  const lines = [adminTexts.missingTitle(year, missing), lateLine];
  for (const s of stats) {
    if (s.missing.length === 0) continue;
    const deadline = s.nearest ? adminTexts.missingDeadline(deadlineDay(s.nearest.occurrence), s.nearest.daysLeft) : undefined;
    lines.push(adminTexts.missingPlan(planTitle(s), s.missing.length, deadline));
    for (const unit of s.missing) {
      lines.push(adminTexts.missingUnit(unit.unitName));
      for (const c of unit.contacts) {
        const phone = c.phone ? formatPhone(c.phone) : null;
        lines.push(adminTexts.missingContact({ fullName: c.fullName, role: c.role, phone, channel: exportTexts.channels[c.channel] ?? c.channel }));
      }
    }
  }
  lines.push('', adminTexts.missingFooter);
  return lines.join('\n');
}

/** At most `limit` groups in chat; the file has them all. */
export function questionsView(groups: readonly QuestionGroup[], total: number, timeZone: string, limit = 20): string {
  if (groups.length === 0) return adminTexts.questionsNone;
  const lines = [adminTexts.questionsTitle(total, groups.length)];
  groups.slice(0, limit).forEach((g, i) =>
    lines.push(
      adminTexts.questionsLine(i + 1, {
        text: g.text,
        count: g.count,
        notFound: g.notFound,
        clarify: g.clarify,
        last: viDateTime(g.lastAskedAt, timeZone),
      }),
    ),
  );
  if (groups.length > limit) lines.push(adminTexts.questionsMore(limit, groups.length));
  lines.push('', adminTexts.questionsFooter);
  return lines.join('\n');
}
