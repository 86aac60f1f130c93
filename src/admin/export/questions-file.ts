/**
 * The unanswered questions as a file (CSV or XLSX), for `export-questions` and `/cauhoi xlsx|csv`:
 * one row per group of questions with the same folded text, the most asked first, with counts.
 */
import type { Knowledge } from '../../knowledge/loader.js';
import type { Store } from '../../store/db.js';
import { groupQuestions, intentTitle, type QuestionGroup } from '../questions.js';
import { exportTexts } from '../texts.js';
import { tableToCsv } from './csv.js';
import { exportFilename, MIME_TYPES, type ExportFormat } from './export.js';
import type { Table } from './table.js';
import { tablesToXlsx } from './xlsx.js';

export function questionsTable(groups: readonly QuestionGroup[], knowledge: Knowledge, timeZone: string): Table {
  const t = exportTexts.questions;
  return {
    name: exportTexts.sheets.questions,
    columns: [
      { header: t.text, kind: 'longtext' },
      { header: t.count, kind: 'number' },
      { header: t.notFound, kind: 'number' },
      { header: t.clarify, kind: 'number' },
      { header: t.lastAskedAt(timeZone), kind: 'datetime' },
      { header: t.firstAskedAt(timeZone), kind: 'datetime' },
      { header: t.intents, kind: 'text' },
      { header: t.plans, kind: 'text' },
      { header: t.channels, kind: 'text' },
    ],
    rows: groups.map((g) => [
      g.text,
      g.count,
      g.notFound,
      g.clarify,
      g.lastAskedAt,
      g.firstAskedAt,
      g.intents.map(intentTitle).join('; '),
      g.planIds.map((id) => knowledge.plan(id)?.shortName ?? id).join('; '),
      g.channels.map((c) => exportTexts.channels[c] ?? c).join(', '),
    ]),
  };
}

export interface QuestionsFile {
  filename: string;
  mimeType: string;
  content: Buffer;
  groups: number;
  total: number;
}

export async function buildQuestionsFile(
  deps: { store: Store; knowledge: Knowledge; timeZone: string; now?: () => Date },
  format: ExportFormat,
): Promise<QuestionsFile> {
  const at = (deps.now ?? (() => new Date()))();
  const logged = deps.store.questions.list();
  const groups = groupQuestions(logged);
  const table = questionsTable(groups, deps.knowledge, deps.timeZone);
  const content = format === 'xlsx' ? await tablesToXlsx([table], { timeZone: deps.timeZone, createdAt: at }) : tableToCsv(table, deps.timeZone);
  const filename = exportFilename({ format }, at, deps.timeZone).replace(exportTexts.filePrefix, 'cau-hoi-chua-tra-loi');
  return { filename, mimeType: MIME_TYPES[format], content, groups: groups.length, total: logged.length };
}
