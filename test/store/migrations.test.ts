import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { checkMigrationList, migrate, migrationStatus, MigrationError } from '../../src/store/migrate.js';
import { migrations, type Migration } from '../../src/store/migrations.js';
import { tempDir } from '../dialog/support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dbFile(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, 'nested', 'folder', 'test.sqlite');
}

function schemaOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name").pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('openStore', () => {
  it('creates the folder and the file, with WAL, foreign keys and a busy timeout', () => {
    const path = dbFile();
    const store = openStore(path);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining(['admins', 'contacts', 'conversation_states', 'inbox', 'outbox', 'question_log', 'reports', 'schema_migrations', 'users']),
      );
    } finally {
      store.close();
    }
  });

  it('runs migrations once: opening again changes nothing and keeps the data', () => {
    const path = dbFile();
    const first = openStore(path);
    first.admins.add('telegram', '1', new Date('2025-01-01T00:00:00Z'));
    const applied = migrationStatus(first.db, migrations).applied;
    first.close();
    const schema = schemaOf(path);

    const second = openStore(path);
    try {
      expect(migrationStatus(second.db, migrations).applied).toEqual(applied);
      expect(migrationStatus(second.db, migrations).pending).toEqual([]);
      expect(second.admins.has('telegram', '1')).toBe(true);
    } finally {
      second.close();
    }
    expect(schemaOf(path)).toEqual(schema);
  });

  it('applies a migration appended later exactly once', () => {
    const path = dbFile();
    openStore(path).close();
    const appended: Migration[] = [...migrations, { version: migrations.length + 1, name: 'test table', up: 'CREATE TABLE extra (x INTEGER)' }];
    const a = openStore(path, { migrations: appended });
    a.close();
    const b = openStore(path, { migrations: appended }); // would fail with "table extra already exists" if re-run
    try {
      expect(migrationStatus(b.db, appended).applied.map((m) => m.version)).toEqual(appended.map((m) => m.version));
    } finally {
      b.close();
    }
  });

  it('rolls back a failing migration and names it', () => {
    const path = dbFile();
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'half done', up: 'CREATE TABLE half (x); CREATE TABLE users (y)' },
    ];
    expect(() => openStore(path, { migrations: broken })).toThrow(`migration ${migrations.length + 1} ("half done") failed`);
    const store = openStore(path);
    try {
      const half = store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get();
      expect(half).toBe(0);
    } finally {
      store.close();
    }
  });

  it('refuses a list with a gap or a duplicate version', () => {
    expect(() => checkMigrationList([...migrations, { version: migrations.length + 2, name: 'gap', up: '' }])).toThrow(MigrationError);
    expect(() => checkMigrationList([...migrations, { version: migrations.length, name: 'dup', up: '' }])).toThrow(/append-only/);
  });

  it('refuses a database migrated by a newer program', () => {
    const path = dbFile();
    const newer: Migration[] = [...migrations, { version: migrations.length + 1, name: 'future', up: 'CREATE TABLE future (x)' }];
    openStore(path, { migrations: newer }).close();
    expect(() => openStore(path)).toThrow(/newer than this program knows/);
  });

  it('migrate() on an up-to-date database applies nothing', () => {
    const store = openStore(dbFile());
    try {
      expect(migrate(store.db, migrations)).toEqual([]);
    } finally {
      store.close();
    }
  });
});
