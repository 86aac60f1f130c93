import { expect, it } from 'vitest';
import { commandMenus } from '../../../src/channels/telegram/commands-menu.js';
import { BOT_COMMANDS as commands } from '../../../src/bot-commands.js';
import type { CommandSpec } from '../../../src/dialog/context.js';

it('shows every public command of the core in the menu, with its Vietnamese description', () => {
  const menus = commandMenus(commands);
  expect(menus.everyone.map((c) => c.command)).toEqual(['batdau', 'hoi', 'dangky', 'baocao', 'cuatoi', 'huy', 'toi', 'trogiup']);
  expect(menus.everyone.find((c) => c.command === 'baocao')?.description).toMatch(/báo cáo/);
});

it('keeps admin commands out of the public menu and puts them in the admins’ menu', () => {
  const spec = (name: string, adminOnly = false): CommandSpec => ({ names: [name], description: `Lệnh ${name}`, adminOnly, run: () => [] });
  const menus = commandMenus([spec('batdau'), spec('xuat', true), spec('trogiup'), spec('thongke', true)]);
  expect(menus.everyone.map((c) => c.command)).toEqual(['batdau', 'trogiup']);
  expect(menus.admins.map((c) => c.command)).toEqual(['batdau', 'xuat', 'trogiup', 'thongke']);
});

it('leaves out names Telegram does not accept as commands', () => {
  const menus = commandMenus([{ names: ['Báo-cáo'], description: 'x', run: () => [] }]);
  expect(menus.everyone).toEqual([]);
});
