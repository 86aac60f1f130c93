/**
 * The notice a day before a form draft expires: drafts made through the real core with a fake clock,
 * notices sent by the reminder scheduler's paced, once-only sender to a channel that records them.
 * The clock starts at 10:00 on 20/11/2025 in Việt Nam; drafts last DRAFT_TTL_DAYS = 7 days.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftNoticeRecords } from '../../src/admin/reminders/draft-notice-records.js';
import { dueDraftNotices, sendDraftNotices } from '../../src/admin/reminders/draft-notices.js';
import { startReminderScheduler } from '../../src/admin/reminders/scheduler.js';
import { silentLogger } from '../../src/log.js';
import { REGISTRATION, REPORT } from '../dialog/support.js';
import { ChatUser, FakeChannel, harness, realKnowledge, virtualClock, type Harness } from './support.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const START = new Date('2025-11-20T03:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

const REPORT_NOTICE =
  '⏰ Bản nháp báo cáo của đơn vị “UBND xã An Nhơn Tây” của bạn sẽ hết hạn vào 10:00 ngày 27/11/2025 (giờ Việt Nam) nếu không được điền tiếp; khi đó các câu trả lời đã điền sẽ bị xóa và báo cáo chưa được gửi. Gõ /baocao để xem lại câu hỏi đang dở và điền tiếp.';

let h: Harness;
let lan: ChatUser;
let telegram: FakeChannel;
beforeEach(() => {
  h = harness({ start: START });
  lan = new ChatUser(h, '100');
  telegram = new FakeChannel('telegram');
});
afterEach(() => h.cleanup());

function scheduler(channels = [telegram]) {
  return startReminderScheduler({
    store: h.store,
    knowledge: realKnowledge(),
    config: h.config,
    logger: silentLogger(),
    channels,
    clock: virtualClock(),
    now: () => h.clock.now,
    schedule: false,
  });
}

/** One run of the notices with the clock at `when` (what the hourly job does). */
function runAt(when: Date, s = scheduler()) {
  h.clock.now = when;
  return s.runDraftNotices();
}

/** Registers, then starts the report and answers its first three fields, all at `START`. */
async function reportDraft(): Promise<void> {
  await lan.sayAll(['/dangky', ...REGISTRATION, '1', '/baocao', ...REPORT.slice(0, 3)]);
}

const texts = () => telegram.sent.flatMap((s) => s.messages.map((m) => m.text));

describe('the notice before a draft expires', () => {
  it('is sent once, a day before the expiry, saying when and how to go on', async () => {
    await reportDraft();
    const s = scheduler();
    expect(await runAt(at(5 * DAY), s)).toMatchObject({ due: 0, sent: 0 });
    expect(await runAt(at(6 * DAY - 60_000), s)).toMatchObject({ due: 0, sent: 0 });
    expect(await runAt(at(6 * DAY), s)).toMatchObject({ due: 1, sent: 1 });
    expect(telegram.sent.map((x) => x.chatId)).toEqual(['100']);
    expect(texts()).toEqual([REPORT_NOTICE]);

    // The next hourly runs, and a run after a restart, send nothing again.
    expect(await runAt(at(6 * DAY + HOUR), s)).toMatchObject({ due: 1, sent: 0, alreadyHandled: 1 });
    h.restart();
    expect(await runAt(at(6 * DAY + 2 * HOUR))).toMatchObject({ sent: 0, alreadyHandled: 1 });
    expect(texts()).toHaveLength(1);
    expect(createDraftNoticeRecords(h.store.db).list().map((r) => [r.flow, r.status, r.expiresAt])).toEqual([
      ['report', 'sent', '2025-11-27T03:00:00.000Z'],
    ]);
    // The notice itself keeps the draft as it was: it still expires at 10:00 on 27/11.
    h.clock.now = at(7 * DAY + 60_000);
    expect((await lan.say('/baocao'))[0]!.text).toContain('đã hết hạn');
  });

  it('after the notice, the draft goes on where it was; left again, it gets a notice before its new expiry', async () => {
    await reportDraft();
    await runAt(at(6 * DAY));
    h.clock.now = at(6 * DAY + 3 * HOUR);
    const resumed = await lan.say('/baocao');
    expect(resumed[0]!.text).toContain('Bạn đang làm dở bản nháp báo cáo.');
    expect(resumed[0]!.text).toContain('(Câu 4/11)');
    expect(await runAt(at(7 * DAY + HOUR))).toMatchObject({ due: 0 });
    expect(await runAt(at(12 * DAY + 3 * HOUR))).toMatchObject({ sent: 1 });
    expect(texts()[1]).toContain('sẽ hết hạn vào 13:00 ngày 03/12/2025 (giờ Việt Nam)');
  });

  it('is not sent for a draft that was sent or cancelled, nor for a user with no draft', async () => {
    await reportDraft();
    await lan.sayAll([...REPORT.slice(3), '1']);
    expect(h.store.reports.count()).toBe(1);
    const cancelled = new ChatUser(h, '200');
    await cancelled.sayAll(['/dangky', 'Trần Văn Bình', '/huy', '1']);
    const asked = new ChatUser(h, '300');
    expect((await asked.say('hạn nộp là khi nào?'))[0]!.text).toBe('Bạn hỏi về kế hoạch nào?');
    expect(h.store.conversations.count()).toBe(1); // only the question waiting for “which plan?”
    for (const hours of [6 * 24, 6 * 24 + 12, 7 * 24 - 1]) {
      expect(await runAt(at(hours * HOUR))).toMatchObject({ due: 0 });
    }
    expect(telegram.sent).toEqual([]);
  });

  it('is not sent when the contact finished the draft after it was found due', async () => {
    await reportDraft();
    const due = dueDraftNotices(h.store, h.config, at(6 * DAY));
    expect(due).toHaveLength(1);
    h.clock.now = at(6 * DAY);
    await lan.sayAll([...REPORT.slice(3), '1']);
    const result = await sendDraftNotices(
      { store: h.store, config: h.config, channels: [telegram], logger: silentLogger(), clock: virtualClock(), now: () => h.clock.now },
      due,
    );
    expect(result).toMatchObject({ due: 1, sent: 0 });
    expect(telegram.sent).toEqual([]);
    expect(createDraftNoticeRecords(h.store.db).list()).toEqual([]);
  });

  it('is not sent once the draft has expired: the next message brings the expiry notice instead', async () => {
    await reportDraft();
    expect(await runAt(at(7 * DAY + 60_000))).toMatchObject({ due: 0 });
    expect(telegram.sent).toEqual([]);
  });

  it('names a registration left unfinished, and is recorded as blocked when the user blocked the bot', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const blocked = new ChatUser(h, '200');
    await blocked.sayAll(['/dangky', 'Trần Văn Bình']);
    telegram.refuse.set('200', Object.assign(new Error('Forbidden: bot was blocked by the user'), { kind: 'blocked' }));
    expect(await runAt(at(6 * DAY + HOUR))).toMatchObject({ due: 2, sent: 1, blocked: 1 });
    expect(texts()).toEqual([
      '⏰ Bản đăng ký đầu mối đang làm dở của bạn sẽ hết hạn vào 10:00 ngày 27/11/2025 (giờ Việt Nam) nếu không được điền tiếp; khi đó các câu trả lời đã điền sẽ bị xóa và thông tin đăng ký chưa được lưu. Gõ /dangky để xem lại câu hỏi đang dở và điền tiếp.',
    ]);
    expect(createDraftNoticeRecords(h.store.db).list({ status: 'blocked' })).toHaveLength(1);
    expect(await runAt(at(6 * DAY + 2 * HOUR))).toMatchObject({ sent: 0, blocked: 0, alreadyHandled: 2 });
  });

  it('with DRAFT_TTL_DAYS=1, comes half a day before, not right after the last message', async () => {
    h.cleanup();
    h = harness({ start: START, env: { DRAFT_TTL_DAYS: '1' } });
    lan = new ChatUser(h, '100');
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    expect(await runAt(at(HOUR))).toMatchObject({ due: 0 });
    expect(await runAt(at(12 * HOUR))).toMatchObject({ sent: 1 });
    expect(texts()[0]).toContain('sẽ hết hạn vào 10:00 ngày 21/11/2025');
  });
});
