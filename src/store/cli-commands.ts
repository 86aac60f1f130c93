/**
 * CLI: `db migrate|status` on the configured database (DATABASE_PATH). `status` also runs the quick
 * integrity check, so a damaged file is reported (in Vietnamese, with what to do) instead of a
 * status that looks fine. Registered on the program by src/cli.ts.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { openStore } from './db.js';
import { faultKind, IntegrityError, quickCheck, toStoreFault } from './faults.js';
import { migrationStatus } from './migrate.js';
import { migrations } from './migrations.js';
import { faultTexts } from './texts.js';

/** Row counts of the main tables, for `db status`. */
const COUNTED_TABLES = ['users', 'contacts', 'reports', 'conversation_states', 'inbox', 'outbox', 'question_log', 'admins'];

function describe(db: Database.Database, out: string[]): void {
  const { applied, pending } = migrationStatus(db, migrations);
  out.push(`Phiên bản lược đồ: ${applied.at(-1)?.version ?? 0}/${migrations.length}`);
  for (const a of applied) out.push(`  ✓ ${a.version}. ${a.name} (${a.appliedAt})`);
  for (const p of pending) out.push(`  … ${p.version}. ${p.name} (chưa áp dụng — chạy "db migrate")`);
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const counts = COUNTED_TABLES.filter((t) => tables.has(t)).map((t) => `${t}: ${db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number}`);
  if (counts.length) out.push(`Số dòng: ${counts.join(', ')}`);
}

/** Exit code 1 when the file is damaged or cannot be read, so scripts and monitors notice. */
function status(): void {
  const path = loadConfig().databasePath;
  const out: string[] = [`Cơ sở dữ liệu: ${path}`];
  if (!existsSync(path)) {
    out.push('Chưa có tệp cơ sở dữ liệu (sẽ được tạo khi bot chạy lần đầu hoặc với lệnh "db migrate").');
    out.push(`Phiên bản lược đồ: 0/${migrations.length}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length > 0) throw new IntegrityError(problems);
    out.push(faultTexts.status.integrityOk);
    describe(db, out);
  } catch (err) {
    const fault = toStoreFault(err, path);
    if (faultKind(fault) === undefined) throw err;
    const problems = err instanceof IntegrityError ? err.problems.length : 1;
    if (faultKind(fault) === 'corrupt') out.push(faultTexts.status.integrityFailed(problems));
    out.push((fault as Error).message);
    process.stdout.write(`${out.join('\n')}\n`);
    process.exitCode = 1;
    return;
  } finally {
    db?.close();
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function migrateNow(): void {
  const config = loadConfig();
  const path = config.databasePath;
  let appliedBefore = 0;
  if (existsSync(path)) {
    try {
      const db = new Database(path, { readonly: true });
      try {
        appliedBefore = migrationStatus(db, migrations).applied.length;
      } finally {
        db.close();
      }
    } catch (err) {
      throw toStoreFault(err, path);
    }
  }
  openStore(path).close();
  const now = migrations.length - appliedBefore;
  process.stdout.write(`${path}: ${now === 0 ? 'đã ở phiên bản mới nhất' : `đã áp dụng ${now} migration`} (phiên bản ${migrations.length}).\n`);
}

export function registerStoreCommands(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu SQLite (DATABASE_PATH)');
  db.command('migrate').description('Tạo cơ sở dữ liệu nếu chưa có và áp dụng các migration còn thiếu').action(migrateNow);
  db.command('status')
    .description('Kiểm tra toàn vẹn tệp, phiên bản lược đồ, các migration đã/chưa áp dụng, số dòng mỗi bảng')
    .action(status);
}
