/**
 * The admins' commands menu follows the list of admins: what each Telegram chat shows in its "/" menu
 * after ADMIN_IDS is edited and the bot restarted, after `cli admin add|remove` while the bot runs or
 * while it is stopped, and for an admin who has not written to the bot yet.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { BOT_COMMANDS } from '../../../src/bot-commands.js';
import { startTelegram, type TelegramHandle } from '../../../src/channels/telegram/index.js';
import { loadConfig } from '../../../src/config.js';
import type { Core } from '../../../src/dialog/types.js';
import { createLogger } from '../../../src/log.js';
import { openStore, type Store } from '../../../src/store/db.js';
import { TelegramEmulator, type EmulatorOptions } from '../../support/telegram-emulator.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);
const PUBLIC = ['batdau', 'hoi', 'dangky', 'baocao', 'cuatoi', 'huy', 'toi', 'trogiup'];
const ADMIN_ONLY = ['xuat', 'thongke', 'chuanop', 'cauhoi'];

const core: Core = { handle: async () => [{ text: 'Xin chào!' }] };

let emulator: TelegramEmulator;
let dir: string;
let running: { handle: TelegramHandle; store: Store } | undefined;
const logs: string[] = [];

afterEach(async () => {
  await stopBot();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  logs.length = 0;
});

async function setUp(opts: EmulatorOptions = {}): Promise<void> {
  emulator = await TelegramEmulator.start(opts);
  dir = mkdtempSync(join(tmpdir(), 'tg-menus-'));
}

const dbPath = () => join(dir, 'thidua.sqlite');

async function startBot(adminIds: string, adminMenuSyncMs?: number): Promise<void> {
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_PATH: dbPath(), ADMIN_IDS: adminIds, LOG_LEVEL: 'debug' });
  const store = openStore(config.databasePath);
  const handle = await startTelegram({
    config,
    core,
    store,
    logger: createLogger(config, { write: (l: string) => void logs.push(l) }),
    commands: BOT_COMMANDS,
    resilience: { pacing: false },
    pollTimeoutSeconds: 1,
    ...(adminMenuSyncMs ? { adminMenuSyncMs } : {}),
  });
  running = { handle, store };
}

async function stopBot(): Promise<void> {
  if (!running) return;
  await running.handle.stop();
  running.store.close();
  running = undefined;
}

/** `npm run -s cli -- admin add|remove <id>` on the bot's database, as an admin of the server runs it. */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: dbPath(), LOG_LEVEL: 'silent' },
  });
  return stdout;
}

it('gives admins the admin commands and takes them back at the next start from whoever is no longer an admin', async () => {
  await setUp();
  await cli('admin', 'add', 'telegram:73');
  await startBot('telegram:71,telegram:72,zalo:abc');
  for (const admin of [71, 72, 73]) expect(emulator.menuFor(admin)).toEqual(expect.arrayContaining([...PUBLIC, ...ADMIN_ONLY]));
  expect(emulator.menuFor(74)).toEqual(PUBLIC);
  await stopBot();

  // While the bot is stopped: 72 leaves ADMIN_IDS, 73 is removed with the CLI.
  expect(await cli('admin', 'remove', 'telegram:73')).toContain('telegram:73');
  await startBot('telegram:71');
  expect(emulator.menuFor(71)).toEqual(expect.arrayContaining(ADMIN_ONLY));
  expect(emulator.menuFor(72)).toEqual(PUBLIC);
  expect(emulator.menuFor(73)).toEqual(PUBLIC);
  expect(emulator.methods().filter((m) => m === 'deleteMyCommands')).toHaveLength(2);

  // A third start has nothing left to take back.
  await stopBot();
  await startBot('telegram:71');
  expect(emulator.methods().filter((m) => m === 'deleteMyCommands')).toHaveLength(2);
});

it('follows `cli admin add` and `cli admin remove` while the bot runs', async () => {
  await setUp();
  await startBot('', 25);
  expect(emulator.menuFor(75)).toEqual(PUBLIC);

  await cli('admin', 'add', 'telegram:75');
  await emulator.until(() => emulator.menuFor(75).includes('xuat'), 10_000, 'the admin menu of the new admin');
  expect(emulator.menuFor(75)).toEqual(expect.arrayContaining([...PUBLIC, ...ADMIN_ONLY]));

  await cli('admin', 'remove', 'telegram:75');
  await emulator.until(() => !emulator.menuFor(75).includes('xuat'), 10_000, 'the admin menu to be taken back');
  expect(emulator.menuFor(75)).toEqual(PUBLIC);
});

it('gives the admin menu to an admin who had not written to the bot yet, once they do', async () => {
  await setUp({ strictChats: true });
  await startBot('telegram:76', 25);
  expect(emulator.menuFor(76)).toEqual(PUBLIC); // Telegram refuses a menu for a chat it does not know

  const admin = emulator.user({ userId: 76 });
  await admin.ask('/batdau', 'Xin chào!');
  await emulator.until(() => emulator.menuFor(76).includes('xuat'), 10_000, 'the admin menu after the first message');
  // The refusals before that were reported once, not at every check.
  expect(logs.filter((l) => l.includes('"event":"admin-menu-failed"') && l.includes('"level":40'))).toHaveLength(1);
});
