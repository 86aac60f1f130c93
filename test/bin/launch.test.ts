/**
 * The command line's entry (bin/thidua.mjs): it starts from dist/ only when dist/ was built from the
 * sources as they are, and answers either way.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseEntry, STAMP } from '../../bin/launch.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'launch-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'src', 'answers'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'cli.ts'), '');
  writeFileSync(path.join(dir, 'src', 'answers', 'answerer.ts'), '');
  return dir;
}

function setTime(file: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, t, t);
}

describe('which entry the bot starts from', () => {
  it('the sources when nothing is built', () => {
    const dir = repo();
    expect(chooseEntry(dir)).toEqual({ compiled: false, entry: path.join(dir, 'src', 'cli.ts') });
  });

  it('dist/ when its build is newer than every source, the sources again once one is edited', () => {
    const dir = repo();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'cli.js'), '');
    for (const f of ['src/cli.ts', 'src/answers/answerer.ts']) setTime(path.join(dir, f), 60);
    writeFileSync(path.join(dir, 'dist', STAMP), 'built\n');
    expect(chooseEntry(dir)).toEqual({ compiled: true, entry: path.join(dir, 'dist', 'cli.js') });
    // An edit deep in the sources makes the build stale.
    writeFileSync(path.join(dir, 'src', 'answers', 'answerer.ts'), 'edited');
    setTime(path.join(dir, 'dist', STAMP), 30);
    expect(chooseEntry(dir).compiled).toBe(false);
  });

  it('not a build that stopped before its stamp was written', () => {
    const dir = repo();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'cli.js'), '');
    expect(chooseEntry(dir).compiled).toBe(false);
  });
});

describe('the command line through its entry', () => {
  it('answers a question, as `npm run ask` runs it', async () => {
    const { stdout } = await run(process.execPath, ['bin/thidua.mjs', 'ask', '--json', 'hạn nộp báo cáo của Tây Ninh'], { cwd: root });
    const out = JSON.parse(stdout) as { status: string; answer: string };
    expect(out.status).toBe('answer');
    expect(out.answer).toContain('10/12');
  });

  it('lists every part\'s commands in its help', async () => {
    const { stdout } = await run(process.execPath, ['bin/thidua.mjs', '--help'], { cwd: root });
    for (const command of ['import', 'plans', 'chat', 'db', 'ask', 'serve', 'export', 'export-questions', 'admin', 'remind']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });
});
