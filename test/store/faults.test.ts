/**
 * Database faults at start-up, on real files: what the operator reads is Vietnamese, names the file and
 * says what to do; SQLite's own English ("file is not a database") is kept for the log only.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { faultKind, StoreFault, userFaultMessage } from '../../src/store/faults.js';
import { tempDir } from '../dialog/support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir(): string {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

function openFault(path: string): StoreFault {
  try {
    openStore(path).close();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreFault);
    return err as StoreFault;
  }
  throw new Error(`openStore(${path}) did not fail`);
}

/** SQLite's own words, which belong in the log only. */
const ENGLISH = /not a database|malformed|disk I\/O|unable to open|readonly database|is full/i;

/** A sound database with some rows, its pages then overwritten in the middle (a torn write, a bad sector). */
function damagedDatabase(path: string): void {
  const store = openStore(path);
  const insert = store.db.prepare("INSERT INTO question_log (asked_at, channel, status, intent, text) VALUES ('2025', 'telegram', 'not_found', 'x', ?)");
  store.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`câu hỏi số ${i}`);
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const bytes = readFileSync(path);
  bytes.fill(0x5a, 4096 * 20, 4096 * 20 + 300);
  writeFileSync(path, bytes);
}

describe('openStore on a faulty database', () => {
  it('a file that is not a database: refuses to start, in Vietnamese, with the path and "restore from backup"', () => {
    const path = join(dir(), 'thidua.sqlite');
    writeFileSync(path, 'garbage '.repeat(1000));
    const fault = openFault(path);
    expect(fault.kind).toBe('corrupt');
    expect(fault.message).toContain(`Tệp cơ sở dữ liệu ${path} bị hỏng hoặc không phải tệp SQLite của bot`);
    expect(fault.message).toContain(`chép bản sao lưu gần nhất vào đúng đường dẫn ${path}`);
    expect(fault.message).not.toMatch(ENGLISH);
    expect(fault.detail).toEqual({ code: 'SQLITE_NOTADB', message: 'file is not a database' });
  });

  it('a damaged page: the quick integrity check at start finds it before anything is written', () => {
    const path = join(dir(), 'thidua.sqlite');
    damagedDatabase(path);
    const fault = openFault(path);
    expect(fault.kind).toBe('corrupt');
    expect(fault.message).toContain('bị hỏng');
    expect(fault.message).toContain('bản sao lưu');
  });

  it('a folder that cannot be created (a file stands in its way)', () => {
    const root = dir();
    writeFileSync(join(root, 'var'), 'a file, not a folder');
    const path = join(root, 'var', 'thidua.sqlite');
    const fault = openFault(path);
    expect(fault.kind).toBe('missing-dir');
    expect(fault.message).toBe(
      `Không tạo được thư mục ${join(root, 'var')} để chứa cơ sở dữ liệu ${path} (đường dẫn sai, một phần của đường dẫn là tệp, hoặc không có quyền tạo). ` +
        'Hãy tạo thư mục này và cấp quyền ghi cho tài khoản chạy bot, hoặc đặt DATABASE_PATH sang một đường dẫn khác, rồi chạy lại bot (hoặc lệnh vừa dùng).',
    );
  });

  // Root writes through any permission bit: the check needs an ordinary account.
  it.skipIf(process.getuid?.() === 0)('a read-only folder (chmod): says the file is read-only and to grant write access', () => {
    const root = dir();
    const path = join(root, 'thidua.sqlite');
    openStore(path).close();
    chmodSync(path, 0o444);
    chmodSync(root, 0o555);
    cleanups.unshift(() => chmodSync(root, 0o755));
    const fault = openFault(path);
    expect(fault.kind).toBe('readonly');
    expect(fault.message).toContain(`Không ghi được cơ sở dữ liệu ${path}: tệp hoặc thư mục ${root} chỉ cho phép đọc`);
  });
});

describe('faultKind and the chat message', () => {
  it('classifies real SQLite errors: read-only, full, corrupt; anything else is not a database fault', () => {
    const path = join(dir(), 'x.sqlite');
    openStore(path).close();
    const ro = new Database(path, { readonly: true });
    cleanups.push(() => ro.close());
    const readonlyErr = catchError(() => ro.exec('CREATE TABLE t (x)'));
    expect(faultKind(readonlyErr)).toBe('readonly');

    const rw = new Database(path);
    cleanups.push(() => rw.close());
    rw.pragma(`max_page_count = ${rw.pragma('page_count', { simple: true }) as number}`);
    const fullErr = catchError(() => rw.prepare('INSERT INTO question_log (asked_at, channel, status, intent, text) VALUES (?, ?, ?, ?, ?)').run('x', 'telegram', 'not_found', 'x', 'x'.repeat(50_000)));
    expect((fullErr as { code?: string }).code).toBe('SQLITE_FULL');
    expect(faultKind(fullErr)).toBe('full');

    expect(faultKind(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toBe('io');
    expect(faultKind(new TypeError('x is undefined'))).toBeUndefined();
    expect(userFaultMessage('full')).toContain('CHƯA được lưu');
    expect(userFaultMessage('io')).not.toMatch(/I\/O|disk/);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('no error');
}
