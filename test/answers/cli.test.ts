/** `npm run -s ask` contract: spawn the real CLI. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-ask-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (args: string[]) =>
  run(tsx, ['src/cli.ts', 'ask', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'info', DATABASE_PATH: path.join(dir, 'x.sqlite') } });

describe('ask CLI', () => {
  it('--json prints exactly one JSON object with status, intent, answer, sources and why', async () => {
    const { stdout } = await ask(['--json', 'han nop bao cao tay ninh']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!);
    expect(Object.keys(obj)).toEqual(['status', 'intent', 'answer', 'sources', 'why']);
    // `why` names the candidates considered and the one chosen, so a wrong answer can be diagnosed.
    expect(obj.why.candidates[obj.why.chosen]).toMatchObject({ source: 'intent', intent: 'deadlines', plan: 'tay-ninh', sections: ['VII.9'] });
    expect(obj.why.candidates.length).toBeGreaterThan(1);
    expect(obj).toMatchObject({ status: 'answer', intent: 'deadlines', sources: [{ plan: 'tay-ninh', section: 'VII.9' }] });
    expect(obj.answer).toContain('trước ngày 10 tháng 12 hàng năm');
  });

  it('--batch answers one line per question, in order; plain text separates answers by a blank line', async () => {
    const file = path.join(dir, 'q.txt');
    writeFileSync(file, 'tiêu chí cấp xã Khánh Hòa\nthời tiết hôm nay\n\ntiêu chí cấp xã\n');
    const json = (await ask(['--json', '--batch', file])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((o) => o.status)).toEqual(['answer', 'not_found', 'not_found', 'clarify']);
    // The clarification's JSON answer is what the user sees: the question and the numbered plans.
    expect(json[3].answer).toContain('\n1. Thái Bình — Kế hoạch 62/KH-UBND');
    const text = (await ask(['--batch', file])).stdout;
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(text).toContain('1. Thái Bình — Kế hoạch 62/KH-UBND');
  });

  it('--plan answers for the asker\'s plan; an unknown plan is an error on stderr', async () => {
    const { stdout } = await ask(['--json', '--plan', 'cu-chi', 'kinh phí']);
    expect(JSON.parse(stdout).sources[0].plan).toBe('cu-chi');
    await expect(ask(['--plan', 'ha-noi', 'kinh phí'])).rejects.toMatchObject({ stderr: expect.stringContaining('Unknown plan "ha-noi"') });
  });
});
