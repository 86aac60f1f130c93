/**
 * The SQLite store (better-sqlite3): the single source of truth for users, contacts, reports and
 * conversation state. `openStore` creates the folder and the file, sets the pragmas, checks the file
 * (`PRAGMA quick_check`) and runs the pending migrations, so every process that opens the database sees
 * the current schema on a sound file. Any database fault on the way (disk full, read-only, a folder that
 * cannot be created, a damaged file, an I/O error) is thrown as a StoreFault whose message tells the
 * operator, in Vietnamese, which file and what to do.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createAdminsRepo, type AdminsRepo } from './admins.js';
import { createContactsRepo, type ContactsRepo } from './contacts.js';
import { createConversationStatesRepo, type ConversationStatesRepo } from './conversation-states.js';
import { createInboxRepo, type InboxRepo } from './inbox.js';
import { migrate } from './migrate.js';
import { migrations as defaultMigrations, type Migration } from './migrations.js';
import { createOutboxRepo, type OutboxRepo } from './outbox.js';
import { createQuestionLogRepo, type QuestionLogRepo } from './question-log.js';
import { IntegrityError, quickCheck, toStoreFault } from './faults.js';
import { createReportsRepo, type ReportsRepo } from './reports.js';
import { createUsersRepo, type UsersRepo } from './users.js';

export interface Store {
  /** The open connection, for repositories other parts add next to these. */
  readonly db: Database.Database;
  readonly path: string;
  readonly users: UsersRepo;
  readonly contacts: ContactsRepo;
  readonly reports: ReportsRepo;
  readonly conversations: ConversationStatesRepo;
  /** Inbound deliveries: stored before they are acknowledged, and the dedup claim. */
  readonly inbox: InboxRepo;
  /** Replies waiting to be sent. */
  readonly outbox: OutboxRepo;
  readonly questions: QuestionLogRepo;
  readonly admins: AdminsRepo;
  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at the start, so concurrent
   * processes queue on busy_timeout instead of failing mid-way). Nested calls become savepoints.
   * `fn` must be synchronous.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** Defaults to the project's list; tests pass their own. */
  migrations?: readonly Migration[];
  /** Milliseconds to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** Run `PRAGMA quick_check` before using the file (default true; one pass over the file). */
  checkIntegrity?: boolean;
}

/**
 * `synchronous = FULL` with WAL: every committed transaction is on disk before the reply goes out,
 * so a submission acknowledged with its code survives a crash or a power cut.
 */
function applyPragmas(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function openConnection(path: string): Database.Database {
  if (path === ':memory:') return new Database(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw toStoreFault(err, path, { creatingFolder: true });
  }
  try {
    return new Database(path);
  } catch (err) {
    throw toStoreFault(err, path);
  }
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const db = openConnection(path);
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    // Before the migrations: a damaged file must not be written to (restoring a backup is the way out).
    if (options.checkIntegrity !== false && path !== ':memory:') {
      const problems = quickCheck(db);
      if (problems.length > 0) throw new IntegrityError(problems);
    }
    migrate(db, options.migrations ?? defaultMigrations);
  } catch (err) {
    db.close();
    throw toStoreFault(err, path);
  }
  // One wrapper reused for every call (creating a transaction function per call costs more than the call).
  const runInTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    db,
    path,
    users: createUsersRepo(db),
    contacts: createContactsRepo(db),
    reports: createReportsRepo(db),
    conversations: createConversationStatesRepo(db),
    inbox: createInboxRepo(db),
    outbox: createOutboxRepo(db),
    questions: createQuestionLogRepo(db),
    admins: createAdminsRepo(db),
    transaction: <T>(fn: () => T) => runInTransaction.immediate(fn) as T,
    close: () => {
      if (db.open) db.close();
    },
  };
}
