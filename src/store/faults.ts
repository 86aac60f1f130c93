/**
 * Database faults: an error of SQLite (better-sqlite3's SqliteError and its extended codes) or of the
 * file system → what kind of fault it is, and what to tell the operator (start-up, CLI) and the user
 * (chat). The operator message says what happened, which file and what to do; SQLite's own English
 * ("disk I/O error") is kept in `detail` for the log and never shown.
 */
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { faultTexts } from './texts.js';

export type StoreFaultKind = 'full' | 'readonly' | 'missing-dir' | 'corrupt' | 'io';

/** Faults of writing: reading (and so answering questions) may still work while they last. */
const WRITE_FAULTS: ReadonlySet<StoreFaultKind> = new Set(['full', 'readonly', 'io']);

/** Extended result codes start with the primary one: SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_INDEX. */
const SQLITE_CODES: readonly [string, StoreFaultKind][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'readonly'],
  // "unable to open database file": the file or its folder cannot be opened for writing.
  ['SQLITE_CANTOPEN', 'readonly'],
  ['SQLITE_PERM', 'readonly'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_IOERR', 'io'],
];

const ERRNO_CODES: Readonly<Record<string, StoreFaultKind>> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'readonly',
  EACCES: 'readonly',
  EPERM: 'readonly',
  ENOTDIR: 'missing-dir',
  // mkdir of a folder where a file of that name is.
  EEXIST: 'missing-dir',
  ENOENT: 'missing-dir',
  EIO: 'io',
};

/** Errors without a code (better-sqlite3 throws a TypeError for a missing folder). */
const MESSAGES: readonly [RegExp, StoreFaultKind][] = [
  [/directory does not exist/i, 'missing-dir'],
  [/file is not a database|malformed/i, 'corrupt'],
  [/disk is full/i, 'full'],
  [/readonly database|unable to open database/i, 'readonly'],
  [/disk I\/O error/i, 'io'],
];

/** What SQLite or the system said, for the log only. */
export interface FaultDetail {
  code?: string;
  message: string;
}

function detailOf(err: unknown): FaultDetail {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? { code, message: err.message } : { message: err.message };
}

/** The kind of database fault `err` is, or undefined for any other error (a bug, a bad setting). */
export function faultKind(err: unknown): StoreFaultKind | undefined {
  if (err instanceof StoreFault) return err.kind;
  if (!(err instanceof Error)) return undefined;
  const { code, message } = detailOf(err);
  if (code) {
    const sqlite = SQLITE_CODES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
    if (sqlite) return sqlite[1];
    if (ERRNO_CODES[code]) return ERRNO_CODES[code];
  }
  return MESSAGES.find(([re]) => re.test(message))?.[1];
}

export function isWriteFault(kind: StoreFaultKind | undefined): boolean {
  return kind !== undefined && WRITE_FAULTS.has(kind);
}

/** A database fault with the operator's message (Vietnamese) as its message. */
export class StoreFault extends Error {
  override name = 'StoreFault';
  readonly detail: FaultDetail;
  constructor(
    readonly kind: StoreFaultKind,
    readonly path: string,
    cause: unknown,
  ) {
    const file = resolve(path);
    super(faultTexts.operator[kind](file, dirname(file)), { cause });
    this.detail = cause instanceof StoreFault ? cause.detail : detailOf(cause);
  }
}

/**
 * `err` as a StoreFault for the database at `path` when it is a database fault, else `err` unchanged.
 * `creatingFolder`: the error came from creating the database's folder, so any refusal means the
 * folder cannot be created (a full disk stays a full disk).
 */
export function toStoreFault(err: unknown, path: string, opts: { creatingFolder?: boolean } = {}): unknown {
  if (err instanceof StoreFault) return err;
  let kind = faultKind(err);
  if (opts.creatingFolder && kind !== undefined && kind !== 'full' && kind !== 'io') kind = 'missing-dir';
  return kind ? new StoreFault(kind, path, err) : err;
}

/** What a chat user is told when handling their message hit a database fault. */
export function userFaultMessage(kind: StoreFaultKind): string {
  return kind === 'corrupt' ? faultTexts.user.corrupt : faultTexts.user.notStored;
}

/** Log fields of a fault: its kind and SQLite's own words (never user text). */
export function faultLogFields(err: unknown): { kind?: StoreFaultKind; code?: string; message: string } {
  const kind = faultKind(err);
  const detail = err instanceof StoreFault ? err.detail : detailOf(err);
  return { ...(kind ? { kind } : {}), ...detail };
}

/**
 * `PRAGMA quick_check`: the problems it finds (empty when the file is sound). Checks the structure of
 * every page and index in one pass over the file, without the slower cross-checks of integrity_check.
 */
export function quickCheck(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check);
  return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
}

/** Thrown by `quickCheck`'s callers when the file is damaged: carries the problems for the log. */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly problems: readonly string[]) {
    super(`quick_check: ${problems.slice(0, 5).join('; ')}`);
  }
}
