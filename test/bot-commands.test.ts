/** README and /trogiup list the same commands: every command of the registry, with its aliases, and no other. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../src/bot-commands.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The part of the README between a heading and the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = README.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0];
  const rest = README.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('README and the command registry', () => {
  const table = section('## Lệnh trong trò chuyện')
    .split('\n')
    .filter((l) => l.startsWith('| `/'));

  it('the Vietnamese table has one row per command, naming its aliases as /trogiup does', () => {
    expect(table.map((row) => /^\| `\/([a-z0-9_]+)/.exec(row)?.[1])).toEqual(BOT_COMMANDS.map((c) => c.names[0]));
    BOT_COMMANDS.forEach((c, i) => {
      const firstCell = table[i]!.split(' | ')[0]!;
      for (const alias of c.names.slice(1)) expect(firstCell, c.names[0]).toContain(`(\`/${alias}\`)`);
      if (c.adminOnly) expect(table[i], c.names[0]).toContain('*Quản trị viên.*');
    });
  });

  it('the English section names every command', () => {
    const english = section('### Commands');
    for (const c of BOT_COMMANDS) expect(english, c.names[0]).toContain(`\`/${c.names[0]}\``);
  });
});
