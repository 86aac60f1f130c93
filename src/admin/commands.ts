/**
 * The admin chat commands, plugged into the dialog's command registry: /xuat (export as a file),
 * /thongke (who has reported, per plan), /chuanop (missing units with their contacts), /cauhoi
 * (questions the bot could not answer). All are adminOnly: anyone else gets the router's one refusal,
 * the same whether or not there is data. Those that show personal data or files run only in a
 * private chat, so nothing lands in a group.
 */
import type { CommandContext, CommandSpec } from '../dialog/context.js';
import type { Outbound } from '../dialog/types.js';
import { fold } from '../text/normalize.js';
import { localDate } from '../calendar.js';
import { AdminArgError, formatWord, parseYear } from './args.js';
import { buildExport, type ExportFormat } from './export/export.js';
import { buildQuestionsFile } from './export/questions-file.js';
import { statsChart } from './chart/stats-chart.js';
import { groupQuestions } from './questions.js';
import { reportingStats } from './stats.js';
import { adminTexts, summaryTexts } from './texts.js';
import { missingView, questionsView, statsView } from './views.js';
import { adminPageCommand } from '../web/command.js';

/** Words an admin may add that change nothing: "/thongke năm 2025". */
const FILLER_WORDS = new Set(['nam']);
/** "/xuat tonghop", "/xuat tổng hợp": the báo cáo tổng hợp (DOCX). */
const SUMMARY_WORDS = new Set(['tonghop', 'baocaotonghop']);
const SUMMARY_PHRASE = /(?:báo\s*cáo\s*|bao\s*cao\s*)?(?:tổng|tong)\s*(?:hợp|hop)/giu;

interface ParsedArgs {
  format?: ExportFormat;
  /** A number typed as the year (checked later against the form's bounds). */
  yearText?: string;
  /** A word that is neither a format nor a year. */
  unknown?: string;
}

function parseArgs(args: string): ParsedArgs {
  const out: ParsedArgs = {};
  for (const typed of args.replace(SUMMARY_PHRASE, 'tonghop').split(/\s+/).filter(Boolean)) {
    const word = fold(typed);
    if (!word) continue;
    const format = formatWord(word) ?? (SUMMARY_WORDS.has(word) ? 'docx' : undefined);
    if (format && !out.format) out.format = format;
    else if (/^\d+$/.test(word) && out.yearText === undefined) out.yearText = word;
    else if (!FILLER_WORDS.has(word)) out.unknown ??= typed;
  }
  return out;
}

function currentYear(ctx: CommandContext): number {
  return localDate(ctx.now, ctx.config.timeZone).year;
}

/** The year argument, or a reply explaining what is wrong. */
function yearArg(ctx: CommandContext, parsed: ParsedArgs, usage: string, opts: { format: boolean }): { year: number | undefined } | { reply: Outbound[] } {
  if (parsed.unknown !== undefined) return { reply: [{ text: `${adminTexts.unknownArg(parsed.unknown)}\n${usage}` }] };
  if (parsed.format !== undefined && !opts.format) return { reply: [{ text: usage }] };
  if (parsed.yearText === undefined) return { year: undefined };
  try {
    return { year: parseYear(parsed.yearText, ctx.forms.report) };
  } catch (err) {
    if (err instanceof AdminArgError) return { reply: [{ text: err.message }] };
    throw err;
  }
}

export const exportCommand: CommandSpec = {
  names: ['xuat', 'export'],
  usage: '[xlsx|csv|tonghop] [năm]',
  description: 'Quản trị: tải toàn bộ báo cáo (Excel hoặc CSV), hoặc dự thảo báo cáo tổng hợp năm (Word)',
  adminOnly: true,
  privateOnly: true,
  run(ctx) {
    const parsed = parseArgs(ctx.args);
    const y = yearArg(ctx, parsed, adminTexts.exportUsage, { format: true });
    if ('reply' in y) return y.reply;
    const format = parsed.format ?? 'xlsx';
    // Read-only, after the message's commit: building the workbook is asynchronous.
    const deps = { store: ctx.store, knowledge: ctx.knowledge, timeZone: ctx.config.timeZone, now: () => ctx.now, forms: ctx.forms };
    return buildExport(deps, { format, year: y.year }).then((file) => {
      ctx.logger.info({ event: 'export', format, year: y.year ?? null, rows: file.counts.versions }, 'admin export');
      const text =
        format === 'docx' && file.summary
          ? summaryTexts.done(file.summary.year, file.summary)
          : adminTexts.exportDone({ format: format === 'csv' ? 'csv' : 'xlsx', year: y.year, summaryYear: file.summary?.year, ...file.counts });
      return [{ text, document: { filename: file.filename, mimeType: file.mimeType, content: file.content } }];
    });
  },
};

export const statsCommand: CommandSpec = {
  names: ['thongke', 'stats'],
  usage: '[năm]',
  description: 'Quản trị: số đơn vị đã/chưa báo cáo theo từng kế hoạch, hạn gần nhất',
  adminOnly: true,
  run(ctx) {
    const y = yearArg(ctx, parseArgs(ctx.args), adminTexts.statsUsage, { format: false });
    if ('reply' in y) return y.reply;
    const year = y.year ?? currentYear(ctx);
    const stats = reportingStats(ctx, { year, today: localDate(ctx.now, ctx.config.timeZone), timeZone: ctx.config.timeZone });
    const text = statsView(stats, year, ctx.now, ctx.config.timeZone);
    // The picture is drawn after the message's commit; the text goes out whether or not it could be drawn.
    return statsChart(stats, { year, at: ctx.now, timeZone: ctx.config.timeZone }).then(
      (photo) => [photo ? { text, photo } : { text }],
      (err: unknown) => {
        ctx.logger.error({ event: 'chart-failed', err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'could not draw the /thongke chart');
        return [{ text }];
      },
    );
  },
};

export const missingCommand: CommandSpec = {
  names: ['chuanop', 'missing'],
  usage: '[năm]',
  description: 'Quản trị: đơn vị chưa báo cáo và đầu mối liên hệ',
  adminOnly: true,
  privateOnly: true,
  run(ctx) {
    const y = yearArg(ctx, parseArgs(ctx.args), adminTexts.missingUsage, { format: false });
    if ('reply' in y) return y.reply;
    const year = y.year ?? currentYear(ctx);
    const stats = reportingStats(ctx, { year, today: localDate(ctx.now, ctx.config.timeZone), timeZone: ctx.config.timeZone });
    return [{ text: missingView(stats, year) }];
  },
};

export const questionsCommand: CommandSpec = {
  names: ['cauhoi', 'questions'],
  usage: '[xlsx|csv]',
  description: 'Quản trị: câu hỏi trợ lý chưa trả lời được, kèm số lần hỏi',
  adminOnly: true,
  privateOnly: true,
  run(ctx) {
    const parsed = parseArgs(ctx.args);
    if (parsed.unknown !== undefined || parsed.yearText !== undefined) return [{ text: adminTexts.questionsUsage }];
    if (parsed.format) {
      return buildQuestionsFile({ store: ctx.store, knowledge: ctx.knowledge, timeZone: ctx.config.timeZone, now: () => ctx.now }, parsed.format).then(
        (file) => [
          {
            text: adminTexts.questionsFile(file.groups, file.total),
            document: { filename: file.filename, mimeType: file.mimeType, content: file.content },
          },
        ],
      );
    }
    const logged = ctx.store.questions.list();
    return [{ text: questionsView(groupQuestions(logged), logged.length, ctx.config.timeZone) }];
  },
};

/** In the order /trogiup lists them (after the users' commands). */
export const adminCommands: readonly CommandSpec[] = [exportCommand, statsCommand, missingCommand, questionsCommand, adminPageCommand];
