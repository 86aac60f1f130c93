import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { tempDir } from '../dialog/support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function cli(dbPath: string, ...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbPath }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run -s cli -- db …', () => {
  it('status before and after migrate; migrate twice is a no-op', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'var', 'cli.sqlite');
    const n = migrations.length;

    let r = cli(dbPath, 'db', 'status');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Cơ sở dữ liệu: ${dbPath}\nChưa có tệp cơ sở dữ liệu`);
    expect(r.out).toContain(`Phiên bản lược đồ: 0/${n}`);

    r = cli(dbPath, 'db', 'migrate');
    expect(r.out).toBe(`${dbPath}: đã áp dụng ${n} migration (phiên bản ${n}).\n`);
    r = cli(dbPath, 'db', 'migrate');
    expect(r.out).toBe(`${dbPath}: đã ở phiên bản mới nhất (phiên bản ${n}).\n`);

    r = cli(dbPath, 'db', 'status');
    expect(r.out).toContain(`Phiên bản lược đồ: ${n}/${n}`);
    expect(r.out).toContain(`  ✓ 1. ${migrations[0]!.name}`);
    expect(r.out).toContain('Kiểm tra toàn vẹn (quick_check): tốt.');
    expect(r.out).toContain('Số dòng: users: 0, contacts: 0, reports: 0');
  });

  it('a damaged file: status says so in Vietnamese (exit 1), and migrate refuses with what to do', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'hong.sqlite');
    writeFileSync(dbPath, 'not a database '.repeat(500));

    let r = cli(dbPath, 'db', 'status');
    expect(r.code).toBe(1);
    expect(r.out).toContain('⚠️ Kiểm tra toàn vẹn (quick_check): tệp bị hỏng');
    expect(r.out).toContain(`chép bản sao lưu gần nhất vào đúng đường dẫn ${dbPath}`);
    expect(r.out).not.toContain('Phiên bản lược đồ');
    expect(r.out).not.toContain('file is not a database');

    r = cli(dbPath, 'db', 'migrate');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Tệp cơ sở dữ liệu ${dbPath} bị hỏng hoặc không phải tệp SQLite của bot`);
    // SQLite's own words are in the log line only.
    const human = r.err.split('\n').filter((l) => !l.startsWith('{'));
    expect(human.join('\n')).not.toContain('file is not a database');
  });
});
