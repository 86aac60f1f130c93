import { spawnSync } from 'node:child_process';
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
  return { code: r.status, out: r.stdout };
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
    expect(r.out).toContain('Số dòng: users: 0, contacts: 0, reports: 0');
  });
});
