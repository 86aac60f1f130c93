/**
 * CLI of the admin features: `export`, `export-questions`, `admin add|remove|list`, `remind --dry-run`.
 * Registered on the program by src/cli.ts. Results go to stdout, problems to stderr (exit code 1).
 */
import { type Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { loadForm } from '../reports/form-definition.js';
import { loadKnowledge, type Knowledge } from '../knowledge/loader.js';
import { openStore, type Store } from '../store/db.js';
import { formatAdminId, parseAdminId } from './admin-ids.js';
import { AdminArgError, parseYear, resolvePlanId } from './args.js';
import { localDate, parseIsoDate, viDateTime, type CalendarDate } from '../calendar.js';
import { outTarget, writeOut } from './export/out-file.js';
import { cliTexts } from './texts.js';

function dateArg(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new AdminArgError(cliTexts.badDate(value));
  return date;
}

function adminIdArg(raw: string | undefined) {
  if (!raw?.trim()) throw new AdminArgError(cliTexts.adminIdMissing);
  return parseAdminId(raw);
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

// Options are read as plain strings and checked in the actions: commander's own messages are English,
// and an admin should read what is wrong, in Vietnamese, with what to type instead.
export function registerAdminCommands(program: Command): void {
  program
    .command('export')
    .description(
      'Xuất báo cáo ra tệp: XLSX (tổng hợp năm in khổ A4 ngang, báo cáo mới nhất, mọi lần gửi, đầu mối, đơn vị chưa báo cáo), CSV (mọi lần gửi) hoặc DOCX (dự thảo báo cáo tổng hợp năm theo Nghị định 30/2020/NĐ-CP)',
    )
    .option('--format <format>', 'xlsx, csv hoặc docx (mặc định theo đuôi tệp của --out, nếu không thì xlsx)')
    .option('--out <file>', 'tệp cần ghi (thư mục chưa có sẽ được tạo); là thư mục thì tệp mang tên tự đặt')
    .option('--year <year>', 'chỉ báo cáo của năm này (tổng hợp: mặc định năm nay)')
    .option('--plan <id>', 'chỉ báo cáo của kế hoạch này: mã (cu-chi), địa phương ("Củ Chi") hoặc số kế hoạch ("KH 1792")')
    .option('--issuer <name>', 'DOCX: tên cơ quan ban hành báo cáo, ví dụ "Phòng Giáo dục và Đào tạo" (mặc định để trống cho người ký điền)')
    .option('--parent-body <name>', 'DOCX: tên cơ quan chủ quản, in phía trên tên cơ quan ban hành, ví dụ "UBND huyện Củ Chi"')
    .action((opts: { format?: string; out?: string; year?: string; plan?: string; issuer?: string; parentBody?: string }) => {
      const target = outTarget(opts.out, opts.format);
      const year = opts.year === undefined ? undefined : parseYear(opts.year, loadForm('report'));
      return withStore(async ({ config, store, knowledge }) => {
        const planId = opts.plan === undefined ? undefined : resolvePlanId(opts.plan, knowledge);
        // Loaded when used: the writers (exceljs, docx) would add to every other command's start.
        const { buildExport } = await import('./export/export.js');
        const file = await buildExport(
          { store, knowledge, timeZone: config.timeZone },
          { format: target.format, year, planId, issuer: opts.issuer, parentBody: opts.parentBody },
        );
        const path = writeOut(target, file.filename, file.content);
        const c = file.counts;
        const s = file.summary;
        process.stdout.write(
          target.format === 'docx' && s
            ? `Đã ghi ${path} (DOCX): báo cáo tổng hợp năm ${s.year}, ${s.reported}/${s.units} đơn vị đã báo cáo (${s.late} nộp muộn), ${s.missing} chưa báo cáo.\n`
            : `Đã ghi ${path} (${target.format.toUpperCase()}): ${c.latest} báo cáo mới nhất, ${c.versions} lần gửi, ${c.contacts} đầu mối.\n`,
        );
      });
    });

  program
    .command('export-questions')
    .description('Xuất các câu hỏi trợ lý chưa trả lời được (không tìm thấy / phải hỏi lại), gộp theo nội dung, kèm số lần hỏi')
    .option('--out <file>', 'tệp cần ghi (.csv hoặc .xlsx), hoặc thư mục')
    .option('--format <format>', 'xlsx hoặc csv (mặc định theo đuôi tệp của --out, nếu không thì xlsx)')
    .action((opts: { out?: string; format?: string }) => {
      const target = outTarget(opts.out, opts.format);
      return withStore(async ({ config, store, knowledge }) => {
        const { buildQuestionsFile } = await import('./export/questions-file.js');
        const file = await buildQuestionsFile({ store, knowledge, timeZone: config.timeZone }, target.format);
        const path = writeOut(target, file.filename, file.content);
        process.stdout.write(`Đã ghi ${path} (${target.format.toUpperCase()}): ${file.groups} câu hỏi khác nhau, ${file.total} lượt hỏi.\n`);
      });
    });

  const admin = program.command('admin').description('Quản trị viên (ngoài ADMIN_IDS): thêm, bớt, liệt kê');
  admin
    .command('add')
    .argument('[channel:id]', 'ví dụ telegram:123456789 hoặc zalo:abc123')
    .description('Thêm một quản trị viên')
    .action((raw: string | undefined) =>
      withStore(({ store }) => {
        const id = adminIdArg(raw);
        const added = store.admins.add(id.channel, id.userId, new Date());
        process.stdout.write(added ? `Đã thêm quản trị viên ${formatAdminId(id)}.\n` : `${formatAdminId(id)} đã là quản trị viên.\n`);
      }),
    );
  admin
    .command('remove')
    .argument('[channel:id]', 'ví dụ telegram:123456789')
    .description('Bỏ một quản trị viên đã thêm bằng lệnh "admin add"')
    .action((raw: string | undefined) =>
      withStore(({ config, store }) => {
        const id = adminIdArg(raw);
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
    .option('--date <YYYY-MM-DD>', 'ngày cần xem (mặc định hôm nay, theo múi giờ TZ)')
    .action((opts: { dryRun?: boolean; date?: string }) => {
      if (!opts.dryRun) throw new AdminArgError(cliTexts.remindNeedsDryRun);
      const date = opts.date === undefined ? undefined : dateArg(opts.date);
      return withStore(async ({ config, store, knowledge }) => {
        const { describeReminders } = await import('./reminders/dry-run.js');
        process.stdout.write(`${describeReminders({ store, knowledge, config }, date ?? localDate(new Date(), config.timeZone))}\n`);
      });
    });
}
