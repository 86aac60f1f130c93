/**
 * CLI of the admin features: `export`, `export-questions`, `admin add|remove|list`, `remind --dry-run`.
 * Registered on the program by src/cli.ts. Results go to stdout, problems to stderr (exit code 1).
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { loadKnowledge, type Knowledge } from '../knowledge/loader.js';
import { openStore, type Store } from '../store/db.js';
import { formatAdminId, parseAdminId } from './admin-ids.js';
import { localDate, parseIsoDate, viDateTime, type CalendarDate } from '../calendar.js';
import { buildExport, EXPORT_FORMATS, type ExportFormat } from './export/export.js';
import { buildQuestionsFile } from './export/questions-file.js';
import { describeReminders } from './reminders/dry-run.js';

function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError('cần một năm 4 chữ số, ví dụ 2025');
  return Number(value);
}

function dateOption(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new InvalidArgumentError('cần một ngày dạng YYYY-MM-DD, ví dụ 2025-11-24');
  return date;
}

/** --format, or the extension of --out (".csv" → csv), or xlsx. */
function formatFor(format: string | undefined, out: string): ExportFormat {
  if (format) return format as ExportFormat;
  const ext = extname(out).slice(1).toLowerCase();
  return (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : 'xlsx';
}

async function withStore<T>(fn: (deps: { config: Config; store: Store; knowledge: Knowledge }) => T | Promise<T>): Promise<T> {
  const config = loadConfig();
  const knowledge = loadKnowledge();
  const store = openStore(config.databasePath);
  try {
    return await fn({ config, store, knowledge });
  } finally {
    store.close();
  }
}

const formatOption = () => new Option('--format <format>', 'xlsx hoặc csv (mặc định theo đuôi tệp của --out, nếu không thì xlsx)').choices(EXPORT_FORMATS);

export function registerAdminCommands(program: Command): void {
  program
    .command('export')
    .description('Xuất báo cáo ra tệp: XLSX (báo cáo mới nhất, mọi lần gửi, đầu mối) hoặc CSV (mọi lần gửi)')
    .addOption(formatOption())
    .requiredOption('--out <file>', 'tệp cần ghi')
    .option('--year <year>', 'chỉ báo cáo của năm này', yearOption)
    .option('--plan <id>', 'chỉ báo cáo của kế hoạch này (mã, ví dụ cu-chi)')
    .action((opts: { format?: string; out: string; year?: number; plan?: string }) =>
      withStore(async ({ config, store, knowledge }) => {
        if (opts.plan && !knowledge.plan(opts.plan)) {
          throw new Error(`Không có kế hoạch "${opts.plan}". Các mã kế hoạch: ${knowledge.plans.map((p) => p.id).join(', ')}`);
        }
        const format = formatFor(opts.format, opts.out);
        const file = await buildExport({ store, knowledge, timeZone: config.timeZone }, { format, year: opts.year, planId: opts.plan });
        writeFileSync(opts.out, file.content);
        const c = file.counts;
        process.stdout.write(
          `Đã ghi ${opts.out} (${format.toUpperCase()}): ${c.latest} báo cáo mới nhất, ${c.versions} lần gửi, ${c.contacts} đầu mối.\n`,
        );
      }),
    );

  program
    .command('export-questions')
    .description('Xuất các câu hỏi trợ lý chưa trả lời được (không tìm thấy / phải hỏi lại), gộp theo nội dung, kèm số lần hỏi')
    .requiredOption('--out <file>', 'tệp cần ghi (.csv hoặc .xlsx)')
    .addOption(formatOption())
    .action((opts: { out: string; format?: string }) =>
      withStore(async ({ config, store, knowledge }) => {
        const format = formatFor(opts.format, opts.out);
        const file = await buildQuestionsFile({ store, knowledge, timeZone: config.timeZone }, format);
        writeFileSync(opts.out, file.content);
        process.stdout.write(`Đã ghi ${opts.out} (${format.toUpperCase()}): ${file.groups} câu hỏi khác nhau, ${file.total} lượt hỏi.\n`);
      }),
    );

  const admin = program.command('admin').description('Quản trị viên (ngoài ADMIN_IDS): thêm, bớt, liệt kê');
  admin
    .command('add')
    .argument('<channel:id>', 'ví dụ telegram:123456789 hoặc zalo:abc123')
    .description('Thêm một quản trị viên')
    .action((raw: string) =>
      withStore(({ store }) => {
        const id = parseAdminId(raw);
        const added = store.admins.add(id.channel, id.userId, new Date());
        process.stdout.write(added ? `Đã thêm quản trị viên ${formatAdminId(id)}.\n` : `${formatAdminId(id)} đã là quản trị viên.\n`);
      }),
    );
  admin
    .command('remove')
    .argument('<channel:id>', 'ví dụ telegram:123456789')
    .description('Bỏ một quản trị viên đã thêm bằng lệnh "admin add"')
    .action((raw: string) =>
      withStore(({ config, store }) => {
        const id = parseAdminId(raw);
        const removed = store.admins.remove(id.channel, id.userId);
        const inEnv = config.adminIds.some((a) => a.channel === id.channel && a.userId === id.userId);
        const lines = [removed ? `Đã bỏ quản trị viên ${formatAdminId(id)}.` : `${formatAdminId(id)} không có trong danh sách quản trị viên đã thêm.`];
        if (inEnv) lines.push(`Lưu ý: ${formatAdminId(id)} vẫn là quản trị viên vì có trong biến môi trường ADMIN_IDS; hãy bỏ khỏi đó rồi khởi động lại bot.`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
  admin
    .command('list')
    .description('Liệt kê quản trị viên (ADMIN_IDS và đã thêm)')
    .action(() =>
      withStore(({ config, store }) => {
        const lines: string[] = [];
        for (const a of config.adminIds) lines.push(`${formatAdminId(a)}  (ADMIN_IDS)`);
        for (const a of store.admins.list()) {
          if (config.adminIds.some((e) => e.channel === a.channel && e.userId === a.userId)) continue;
          lines.push(`${formatAdminId(a)}  (thêm lúc ${viDateTime(new Date(a.addedAt), config.timeZone)})`);
        }
        process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'Chưa có quản trị viên nào. Thêm bằng: npm run -s cli -- admin add telegram:<mã>\n');
      }),
    );

  program
    .command('remind')
    .description('Lời nhắc hạn báo cáo: với --dry-run, in ra ai sẽ được nhắc vào một ngày và về hạn nào (không gửi gì)')
    .option('--dry-run', 'chỉ in ra, không gửi')
    .option('--date <YYYY-MM-DD>', 'ngày cần xem (mặc định hôm nay, theo múi giờ TZ)', dateOption)
    .action((opts: { dryRun?: boolean; date?: CalendarDate }) => {
      if (!opts.dryRun) {
        throw new Error(
          'Lời nhắc được bot gửi tự động mỗi ngày (npm start) lúc REMINDER_HOUR giờ. Dùng "remind --dry-run [--date YYYY-MM-DD]" để xem trước ai sẽ được nhắc.',
        );
      }
      return withStore(({ config, store, knowledge }) => {
        const date = opts.date ?? localDate(new Date(), config.timeZone);
        process.stdout.write(`${describeReminders({ store, knowledge, config }, date)}\n`);
      });
    });
}
