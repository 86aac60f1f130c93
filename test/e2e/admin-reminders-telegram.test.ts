/**
 * Deadline reminders end to end through Telegram: the whole bot (startApp) on the Telegram emulator,
 * with the clock set to 09:15 on 23/11/2025 in Việt Nam, seven days before the last day (30/11) of
 * the “trước ngày 01/12” deadlines of Thái Bình and Khánh Hòa. The catch-up after start sends each due reminder once; a restart sends none
 * again; a user who blocked the bot is recorded and the others still get theirs. The notice before a
 * draft expires goes out through the same sender, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createReminderRecords } from '../../src/admin/reminders/records.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/db.js';
import { addContact, submitReport } from '../admin/support.js';
import { envFor, FAST } from '../support/telegram-app.js';
import { TelegramEmulator } from '../support/telegram-emulator.js';

const NOW = new Date('2025-11-23T02:15:00Z');

let emulator: TelegramEmulator;
let dir: string;
let app: App | undefined;
beforeEach(async () => {
  emulator = await TelegramEmulator.start();
  dir = mkdtempSync(join(tmpdir(), 'thidua-remind-'));
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

function start(): Promise<App> {
  const config = loadConfig(envFor(emulator, join(dir, 'thidua.sqlite'), { LOG_LEVEL: 'silent' }));
  return startApp(config, { logger: silentLogger(), telegram: FAST, reminders: { now: () => NOW, catchUpDelayMs: 0 } });
}

it('sends due reminders once, records a blocked user, and sends nothing again after a restart', async () => {
  const store = openStore(join(dir, 'thidua.sqlite'));
  const hoa = addContact(store, { planId: 'khanh-hoa', unitName: 'UBND phường Lộc Thọ', fullName: 'Lê Thị Hoa', userId: '8001' });
  const blocked = addContact(store, { planId: 'thai-binh', unitName: 'UBND huyện Vũ Thư', fullName: 'Đỗ Minh Tâm', userId: '8002' });
  const done = addContact(store, { planId: 'thai-binh', unitName: 'Sở Y tế', fullName: 'Vũ An', userId: '8003' });
  submitReport(store, done, 2025, { activities: 'Đã gửi', trainees: 5 });
  addContact(store, { planId: 'cu-chi', unitName: 'UBND xã Tân Thông Hội', fullName: 'Mai Lan', userId: '8004' });
  store.close();
  emulator.blockedChats.add('8002');

  app = await start();
  await app.reminders!.idle();
  const [reminder] = emulator.messagesTo('8001');
  expect(reminder!.plain).toContain('⏰ Nhắc hạn báo cáo: còn 7 ngày nữa là đến hạn báo cáo: trước ngày 01/12/2025 (hạn cuối là ngày 30/11/2025).');
  expect(reminder!.plain).toContain('của đơn vị “UBND phường Lộc Thọ”');
  expect(reminder!.plain).toContain('(Nguồn: Kế hoạch của UBND tỉnh Khánh Hòa (giai đoạn 2023–2030), Mục VII.9)');
  expect(emulator.messagesTo('8001')).toHaveLength(1);
  // Reported already, or no deadline seven/three/one day(s) ahead: nothing.
  expect(emulator.messagesTo('8003')).toEqual([]);
  expect(emulator.messagesTo('8004')).toEqual([]);

  const records = createReminderRecords(app.store.db);
  expect(records.list({ status: 'sent' }).map((r) => r.contactId)).toEqual([hoa.id]);
  const [blockedRecord] = records.list({ status: 'blocked' });
  expect(blockedRecord!.contactId).toBe(blocked.id);
  expect(blockedRecord!.error).toContain('blocked');

  await app.stop();
  app = await start();
  await app.reminders!.idle();
  expect(emulator.messagesTo('8001')).toHaveLength(1);
  // The blocked chat was tried once, on the first run only.
  expect(emulator.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '8002')).toHaveLength(1);
});

it('a day before a draft expires, its owner gets one notice through the running channel', async () => {
  const config = loadConfig(envFor(emulator, join(dir, 'thidua.sqlite'), { LOG_LEVEL: 'silent' }));
  // The bot's clock for the reminders: 6 days and an hour after the user's messages (real time).
  const later = () => new Date(Date.now() + 6 * 24 * 3600_000 + 3600_000);
  app = await startApp(config, { logger: silentLogger(), telegram: FAST, reminders: { now: later, schedule: false } });
  const lan = emulator.user({ userId: 8101, firstName: 'Lan' });
  await lan.ask('/dangky', '(Câu 1/5)');
  await lan.ask('Nguyễn Thị Lan', '(Câu 2/5)');

  expect(await app.reminders!.runDraftNotices()).toMatchObject({ due: 1, sent: 1 });
  const notice = emulator.messagesTo('8101').at(-1)!;
  expect(notice.plain).toMatch(/^⏰ Bản đăng ký đầu mối đang làm dở của bạn sẽ hết hạn vào \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(giờ Việt Nam\) nếu không được điền tiếp;/);
  expect(notice.plain).toContain('Gõ /dangky để xem lại câu hỏi đang dở và điền tiếp.');
  expect(await app.reminders!.runDraftNotices()).toMatchObject({ sent: 0, alreadyHandled: 1 });
  expect(emulator.messagesTo('8101').filter((m) => m.plain.includes('sẽ hết hạn'))).toHaveLength(1);
  // The notice keeps the draft: /dangky shows the question it stopped at.
  await lan.ask('/dangky', '(Câu 2/5)');
});
