/**
 * /cuatoi, /myreports: the sender's submitted reports with codes, years, versions and times.
 * /cuatoi <mã> (or "xem báo cáo <mã>"): that report's content, for the one who sent it and for admins;
 * anyone else gets the same refusal whether the code exists or not.
 */
import { viDateTime } from '../../calendar.js';
import { storedAnswers } from '../../reports/display.js';
import { lateMarks } from '../../reports/late-marks.js';
import { normalizeReportCode } from '../../store/report-codes.js';
import type { Report } from '../../store/reports.js';
import { foldDiacritics } from '../../text/normalize.js';
import type { Config } from '../../config.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Store } from '../../store/db.js';
import type { CommandContext, CommandSpec, DialogForms } from '../context.js';
import { reportYearField } from '../flows.js';
import { texts } from '../messages.js';
import { planName } from '../plan-options.js';
import type { Outbound } from '../types.js';

/**
 * "xem báo cáo BC-7K3M9Q", "Xem bao cao bc7k3m9q", "xem lại báo cáo mã BC 7K3M9Q": the code asked for.
 * Here the code needs its "BC": "xem báo cáo năm nay" is six letters of the code's alphabet too.
 */
const VIEW_REPORT_RE = /^xem\s+(?:lai\s+)?bao\s+cao\s*(?:so\s+|ma\s+)?:?\s*(bc[\s-]*[a-z0-9]{6})$/u;
export function viewReportRequest(text: string): string | undefined {
  const m = VIEW_REPORT_RE.exec(foldDiacritics(text).trim().replace(/[.!?]+$/u, ''));
  return m ? normalizeReportCode(m[1]!) : undefined;
}

/** What /cuatoi reads: the sender, the reports and their senders, the report form and the plans. */
interface MyReportsContext extends Pick<CommandContext, 'inbound' | 'isAdmin' | 'args'> {
  store: Pick<Store, 'reports' | 'contacts'>;
  config: Pick<Config, 'timeZone'>;
  knowledge: Pick<Knowledge, 'plan'>;
  forms: Pick<DialogForms, 'report'>;
}

function listReports(ctx: MyReportsContext): Outbound[] {
  const reports = ctx.store.reports.listByUser(ctx.inbound.channel, ctx.inbound.userId);
  if (reports.length === 0) return [{ text: texts.myReportsNone }];
  const lines = [texts.myReportsTitle(reports.length)];
  reports.forEach((r, i) =>
    lines.push(
      texts.myReportsLine(i + 1, {
        code: r.code,
        year: r.year,
        version: r.version,
        time: viDateTime(new Date(r.submittedAt), ctx.config.timeZone),
        unitName: r.unitName,
      }),
    ),
  );
  lines.push('', texts.myReportsViewHint);
  return [{ text: lines.join('\n') }];
}

function mayView(ctx: MyReportsContext, report: Report): boolean {
  return ctx.isAdmin || (report.channel === ctx.inbound.channel && report.userId === ctx.inbound.userId);
}

function showReport(ctx: MyReportsContext, typed: string): Outbound[] {
  const code = normalizeReportCode(typed);
  if (!code) return [{ text: texts.reportCodeInvalid(Array.from(typed).slice(0, 40).join('')) }];
  const report = ctx.store.reports.byCode(code);
  if (!report || !mayView(ctx, report)) return [{ text: texts.reportViewRefused(code) }];
  const form = ctx.forms.report;
  const versions = ctx.store.reports.versionsOf(report.planId, report.unitKey, report.year);
  const late = lateMarks(ctx.knowledge, versions, ctx.config.timeZone).of(report);
  // The sender's name is personal data: shown to admins, who may see a report another contact sent.
  const sender = ctx.isAdmin ? ctx.store.contacts.byId(report.contactId) : undefined;
  return [
    {
      text: texts.reportView({
        code: report.code,
        year: report.year,
        version: report.version,
        unitName: report.unitName,
        planName: planName(ctx.knowledge, report.planId),
        time: viDateTime(new Date(report.submittedAt), ctx.config.timeZone),
        ...(late ? { late } : {}),
        ...(sender ? { sender: `${sender.fullName} (${sender.channel}:${sender.userId})` } : {}),
        answers: storedAnswers(form, report, { empty: texts.reportViewEmpty, skip: new Set([reportYearField(form).id]) }),
      }),
    },
  ];
}

export const myReportsCommand: CommandSpec = {
  names: ['cuatoi', 'myreports'],
  usage: '[mã]',
  description: 'Xem các báo cáo bạn đã gửi, hoặc nội dung một báo cáo theo mã',
  privateOnly: true,
  run: (ctx: MyReportsContext) => (ctx.args === '' ? listReports(ctx) : showReport(ctx, ctx.args)),
};
