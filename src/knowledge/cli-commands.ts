/**
 * CLI: `import <file>` turns a plan text into a draft plan JSON; `plans` lists the loaded plans with
 * their counts. Registered on the program by src/cli.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { importPlan } from './importer/import-plan.js';
import { formatPath, loadKnowledge } from './loader.js';
import { planSchema, type Plan } from './schema.js';
import { walkSections } from './sections.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a line number (1, 2, …)');
  return n;
}

export interface PlanCounts {
  id: string;
  shortName: string;
  sections: number;
  criteriaGroups: number;
  awardForms: number;
  deadlines: number;
}

export function planCounts(plan: Plan): PlanCounts {
  return {
    id: plan.id,
    shortName: plan.shortName,
    sections: [...walkSections(plan.sections)].length,
    criteriaGroups: plan.criteria.length,
    awardForms: plan.awards.reduce((n, a) => n + a.items.length, 0),
    deadlines: plan.deadlines.length,
  };
}

/** A plain-text table: one header row, one row per plan, columns padded. */
export function formatPlansTable(rows: readonly PlanCounts[]): string {
  const header = ['Mã', 'Tên văn bản', 'Mục', 'Nhóm tiêu chí', 'Hình thức KT', 'Hạn'];
  const body = rows.map((r) => [r.id, r.shortName, String(r.sections), String(r.criteriaGroups), String(r.awardForms), String(r.deadlines)]);
  const numeric = [false, false, true, true, true, true];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function registerKnowledgeCommands(program: Command): void {
  program
    .command('import')
    .description('Chuyển văn bản kế hoạch (.txt) thành bản nháp JSON của một kế hoạch; cảnh báo in ra stderr')
    .argument('<file>', 'tệp văn bản kế hoạch')
    .option('--from-line <n>', 'dòng đầu của văn bản trong tệp (khi tệp chứa nhiều văn bản)', positiveInt)
    .option('--to-line <n>', 'dòng cuối của văn bản trong tệp', positiveInt)
    .option('--id <id>', 'mã kế hoạch, ví dụ "tay-ninh" (mặc định: theo địa phương)')
    .option('--out <file>', 'ghi JSON vào tệp thay vì stdout')
    .action((file: string, opts: { fromLine?: number; toLine?: number; id?: string; out?: string }) => {
      const text = readFileSync(file, 'utf8');
      const { plan, warnings } = importPlan(text, { fileName: file, fromLine: opts.fromLine, toLine: opts.toLine, id: opts.id });
      const check = planSchema.safeParse(plan);
      if (!check.success) for (const issue of check.error.issues) warnings.push(`schema: ${formatPath(issue.path)}: ${issue.message}`);
      const json = `${JSON.stringify(plan, null, 2)}\n`;
      if (opts.out) writeFileSync(opts.out, json);
      else process.stdout.write(json);
      for (const w of warnings) process.stderr.write(`cảnh báo: ${w}\n`);
    });

  program
    .command('plans')
    .description('Liệt kê các kế hoạch đã nạp: số mục, nhóm tiêu chí, hình thức khen thưởng, hạn')
    .option('--json', 'in JSON (mỗi kế hoạch một đối tượng)')
    .action((opts: { json?: boolean }) => {
      const rows = loadKnowledge().plans.map(planCounts);
      process.stdout.write(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatPlansTable(rows)}\n`);
    });
}
