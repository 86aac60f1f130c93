import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { planSchema } from '../../src/knowledge/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run -s cli -- <args>` the way a user does (node + tsx on src/cli.ts). */
function cli(args: string[]): { stdout: string } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { stdout };
}

const tmp = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli plans', () => {
  it('lists all six plans with their counts of sections, criteria groups, award forms and deadlines', () => {
    const lines = cli(['plans']).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Mã\s+Tên văn bản\s+Mục\s+Nhóm tiêu chí\s+Hình thức KT\s+Hạn$/);
    const rows = lines.slice(2).map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/.exec(l);
      return m ? [m[1], Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])] : l;
    });
    expect(rows).toEqual([
      ['thai-binh-cdyt', 6, 0, 0, 0],
      ['thai-binh', 39, 8, 3, 4],
      ['bac-kan-vp', 32, 2, 2, 1],
      ['cu-chi', 48, 7, 2, 9],
      ['tay-ninh', 46, 7, 3, 3],
      ['khanh-hoa', 53, 9, 3, 3],
    ]);
    expect(lines[3]).toContain('Kế hoạch số 62/KH-UBND ngày 27/3/2024 của UBND tỉnh Thái Bình');
  });

  it('prints the same counts as JSON', () => {
    const rows = JSON.parse(cli(['plans', '--json']).stdout) as Array<{ id: string; deadlines: number }>;
    expect(rows.map((r) => [r.id, r.deadlines])).toEqual([
      ['thai-binh-cdyt', 0],
      ['thai-binh', 4],
      ['bac-kan-vp', 1],
      ['cu-chi', 9],
      ['tay-ninh', 3],
      ['khanh-hoa', 3],
    ]);
  });
});

describe('cli import', () => {
  it('turns one document of a file into a valid plan draft', () => {
    const out = join(tmp, 'thai-binh.json');
    cli(['import', 'data/sources/000_2de68838280c3531.txt', '--from-line', '39', '--to-line', '248', '--id', 'thai-binh', '--out', out]);
    const plan = planSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(plan).toMatchObject({ id: 'thai-binh', number: '62/KH-UBND', source: { fromLine: 40, toLine: 248 } });
    expect(plan.criteria.map((c) => c.key)).toContain('cap-xa');
  });

  it('writes JSON to stdout when no --out is given', () => {
    const file = join(tmp, 'mini.txt');
    writeFileSync(file, 'KẾ HOẠCH\nTriển khai Phong trào thi đua giai đoạn 2024 - 2030 trên địa bàn tỉnh Ninh Bình\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.\n');
    const plan = JSON.parse(cli(['import', file]).stdout);
    expect(plan).toMatchObject({ id: 'ninh-binh', number: null, date: null, period: { from: 2024, to: 2030 } });
    expect(plan.sections[0].children[0]).toEqual({ id: 'I.1', heading: 'Mục đích', text: '- Nâng cao nhận thức.', children: [] });
  });
});
