/**
 * Runs the pending migrations of `migrations.ts`, each in its own IMMEDIATE transaction, so that two
 * processes opening the same new database at once apply each migration exactly once.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './migrations.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

export interface MigrationStatus {
  applied: AppliedMigration[];
  pending: Migration[];
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

/** The list must be 1, 2, 3, … in order: a gap or a duplicate means someone edited it wrongly. */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new MigrationError(
        `src/store/migrations.ts: entry ${i + 1} ("${m.name}") has version ${m.version}, expected ${i + 1} (append-only, no gaps or duplicates)`,
      );
    }
  });
}

/** What has been applied; reads only (works on a read-only connection and on an empty file). */
function appliedMigrations(db: Database.Database): AppliedMigration[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return db
    .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
}

export function migrationStatus(db: Database.Database, list: readonly Migration[]): MigrationStatus {
  checkMigrationList(list);
  const applied = appliedMigrations(db);
  const done = new Set(applied.map((a) => a.version));
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > list.length) {
    throw new MigrationError(
      `the database is at schema version ${newest}, newer than this program knows (${list.length}); update the program`,
    );
  }
  return { applied, pending: list.filter((m) => !done.has(m.version)) };
}

/** Applies every pending migration. Returns the versions applied now (empty when up to date). */
export function migrate(db: Database.Database, list: readonly Migration[], now: () => Date = () => new Date()): number[] {
  db.exec(CREATE_TABLE);
  const { pending } = migrationStatus(db, list);
  const appliedNow: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      // Another process may have applied it between our check and this lock.
      if (isApplied.get(m.version)) return;
      try {
        if (typeof m.up === 'string') db.exec(m.up);
        else m.up(db);
      } catch (err) {
        throw new MigrationError(`migration ${m.version} ("${m.name}") failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      record.run(m.version, m.name, now().toISOString());
      appliedNow.push(m.version);
    }).immediate();
  }
  return appliedNow;
}
