/**
 * CLI: `chat [--user ID]` (the console chat on the configured database) and `db migrate|status`.
 * Registered on the program by src/cli.ts.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { openStore } from '../../store/db.js';
import { migrationStatus } from '../../store/migrate.js';
import { migrations } from '../../store/migrations.js';

async function chat(opts: { user?: string; name?: string; json?: boolean }): Promise<void> {
  // Loaded here so that `db …` does not pay for the knowledge base and the answer index.
  const [{ createAnswerer }, { createCore }, { loadKnowledge }, { runConsoleChat }, { BOT_COMMANDS }] = await Promise.all([
    import('../../answers/answerer.js'),
    import('../../dialog/core.js'),
    import('../../knowledge/loader.js'),
    import('./chat.js'),
    import('../../bot-commands.js'),
  ]);
  const config = loadConfig();
  const logger = createLogger(config);
  const store = openStore(config.databasePath);
  try {
    const knowledge = loadKnowledge();
    const answerer = createAnswerer(knowledge, { maxInputChars: config.maxInputChars });
    const core = createCore({ store, knowledge, answerer, config, logger, commands: BOT_COMMANDS });
    await runConsoleChat({ core, userId: opts.user, displayName: opts.name, json: opts.json === true });
  } finally {
    store.close();
  }
}

/** Row counts of the main tables, for `db status`. */
const COUNTED_TABLES = ['users', 'contacts', 'reports', 'conversation_states', 'inbox', 'outbox', 'question_log', 'admins'];

function status(): void {
  const config = loadConfig();
  const path = config.databasePath;
  const out: string[] = [`Cơ sở dữ liệu: ${path}`];
  if (!existsSync(path)) {
    out.push('Chưa có tệp cơ sở dữ liệu (sẽ được tạo khi bot chạy lần đầu hoặc với lệnh "db migrate").');
    out.push(`Phiên bản lược đồ: 0/${migrations.length}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const { applied, pending } = migrationStatus(db, migrations);
    out.push(`Phiên bản lược đồ: ${applied.at(-1)?.version ?? 0}/${migrations.length}`);
    for (const a of applied) out.push(`  ✓ ${a.version}. ${a.name} (${a.appliedAt})`);
    for (const p of pending) out.push(`  … ${p.version}. ${p.name} (chưa áp dụng — chạy "db migrate")`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const counts = COUNTED_TABLES.filter((t) => tables.has(t)).map((t) => `${t}: ${db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number}`);
    if (counts.length) out.push(`Số dòng: ${counts.join(', ')}`);
  } finally {
    db.close();
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function migrateNow(): void {
  const config = loadConfig();
  const before = existsSync(config.databasePath);
  let appliedBefore = 0;
  if (before) {
    const db = new Database(config.databasePath, { readonly: true });
    try {
      appliedBefore = migrationStatus(db, migrations).applied.length;
    } finally {
      db.close();
    }
  }
  const store = openStore(config.databasePath);
  store.close();
  const now = migrations.length - appliedBefore;
  process.stdout.write(
    `${config.databasePath}: ${now === 0 ? 'đã ở phiên bản mới nhất' : `đã áp dụng ${now} migration`} (phiên bản ${migrations.length}).\n`,
  );
}

export function registerConsoleCommands(program: Command): void {
  program
    .command('chat')
    .description('Trò chuyện với trợ lý trên dòng lệnh (đọc từng dòng từ stdin, cùng cơ sở dữ liệu với bot)')
    .option('--user <id>', 'mã người dùng trên kênh console (mỗi mã có đăng ký và bản nháp riêng)', 'console')
    .option('--name <name>', 'tên hiển thị')
    .option('--json', 'mỗi dòng vào in ra đúng một đối tượng JSON {status, intent, answer, sources, options?}')
    .action(chat);

  const db = program.command('db').description('Cơ sở dữ liệu SQLite (DATABASE_PATH)');
  db.command('migrate').description('Tạo cơ sở dữ liệu nếu chưa có và áp dụng các migration còn thiếu').action(migrateNow);
  db.command('status').description('Phiên bản lược đồ, các migration đã/chưa áp dụng, số dòng mỗi bảng').action(status);
}
