import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, isoDate, parseIsoDate, type CalendarDate } from '../../src/calendar.js';
import { createPacer, type Clock } from '../../src/admin/reminders/pacer.js';
import { createReminderRecords } from '../../src/admin/reminders/records.js';
import { startReminderScheduler } from '../../src/admin/reminders/scheduler.js';
import { deadlinesDue, dueReminders } from '../../src/admin/reminders/select.js';
import { classifySendError } from '../../src/admin/reminders/deliver.js';
import { reminderMessage } from '../../src/admin/reminders/send.js';
import type { ChannelHandle } from '../../src/channels/types.js';
import type { Outbound } from '../../src/dialog/types.js';
import { silentLogger } from '../../src/log.js';
import type { Contact } from '../../src/store/contacts.js';
import { addContact, FakeChannel, realKnowledge, submitReport, tempStore, testConfig, virtualClock, type TempStore } from './support.js';

const d = (iso: string) => parseIsoDate(iso)!;
const OFFSETS = [7, 3, 1];

let t: TempStore;
/** Per plan: a unit that reported for 2025 and one that has not (plus a Zalo contact of the same unit). */
const waiting = new Map<string, Contact[]>();
beforeEach(() => {
  t = tempStore();
  waiting.clear();
  for (const p of realKnowledge().plans) {
    const done = addContact(t.store, { planId: p.id, unitName: `Đơn vị đã báo cáo ${p.id}` });
    submitReport(t.store, done, 2025, { activities: 'Đã làm', trainees: 1 });
    const late = addContact(t.store, { planId: p.id, unitName: `Đơn vị chưa báo cáo ${p.id}` });
    const lateOnZalo = addContact(t.store, { planId: p.id, unitName: `đơn vị chưa báo cáo ${p.id}`, channel: 'zalo', userId: `z-${p.id}` });
    // A report for another year does not count for 2025.
    submitReport(t.store, late, 2024, { activities: 'Năm trước', trainees: 1 });
    waiting.set(p.id, [late, lateOnZalo]);
  }
});
afterEach(() => t.cleanup());

function selection(date: CalendarDate): string[] {
  return dueReminders({ store: t.store, knowledge: realKnowledge() }, { date, offsets: OFFSETS })
    .map((r) => `${r.occurrence.plan.id} ${isoDate(r.occurrence.lastDay)} -${r.offsetDays} ${r.contact.unitName}`)
    .sort();
}

function expected(planId: string, deadline: string, offset: number): string[] {
  return waiting.get(planId)!.map((c) => `${planId} ${deadline} -${offset} ${c.unitName}`);
}

describe('reminder selection on fixed dates', () => {
  it('reminds every contact of a unit without a report for the year, 7, 3 and 1 days before each deadline’s last day', () => {
    // Every plan here writes “trước ngày D”: the last day is D-1, and the days before count to it.
    expect(selection(d('2025-11-07'))).toEqual(expected('cu-chi', '2025-11-14', 7).sort());
    expect(selection(d('2025-11-11'))).toEqual(expected('cu-chi', '2025-11-14', 3).sort());
    expect(selection(d('2025-11-13'))).toEqual(expected('cu-chi', '2025-11-14', 1).sort());
    // Counted to the named day (15/11), these would be the reminder days: they are not.
    expect(selection(d('2025-11-08'))).toEqual([]);
    expect(selection(d('2025-11-14'))).toEqual([]);
    // Củ Chi's “trước ngày 30/11” is the Phòng GD&ĐT's own report, built on the units' (“trên cơ sở
    // báo cáo của các đơn vị”): the units are not reminded of it (its last day is 29/11).
    expect(selection(d('2025-11-22'))).toEqual([]);
    expect(selection(d('2025-11-28'))).toEqual([]);
    expect(selection(d('2025-11-23'))).toEqual([...expected('thai-binh', '2025-11-30', 7), ...expected('khanh-hoa', '2025-11-30', 7)].sort());
    expect(selection(d('2025-11-29'))).toEqual([...expected('thai-binh', '2025-11-30', 1), ...expected('khanh-hoa', '2025-11-30', 1)].sort());
    expect(selection(d('2025-12-02'))).toEqual(expected('tay-ninh', '2025-12-09', 7).sort());
    expect(selection(d('2025-12-08'))).toEqual(expected('tay-ninh', '2025-12-09', 1).sort());
    // Not a reminder day, and the last day itself (offset 0 is not configured).
    expect(selection(d('2025-11-10'))).toEqual([]);
    expect(selection(d('2025-11-30'))).toEqual([]);
  });

  it('in 2024, the units of Củ Chi are reminded of their 15/11, not of the office’s 20/11/2024', () => {
    // Only the unit without a 2024 report is reminded.
    expect(selection(d('2024-11-07'))).toEqual(['cu-chi 2024-11-14 -7 Đơn vị đã báo cáo cu-chi']);
    // Seven days before the office's last day (19/11/2024).
    expect(selection(d('2024-11-12'))).toEqual([]);
  });

  it('over a whole year, reminders come exactly on the expected days, never for plans without a dated report deadline', () => {
    const days = new Map<string, Set<string>>();
    for (let day = d('2025-01-01'); day.year === 2025; day = addDays(day, 1)) {
      for (const r of dueReminders({ store: t.store, knowledge: realKnowledge() }, { date: day, offsets: OFFSETS })) {
        const set = days.get(r.occurrence.plan.id) ?? new Set<string>();
        set.add(isoDate(day));
        days.set(r.occurrence.plan.id, set);
      }
    }
    expect(Object.fromEntries([...days].map(([id, set]) => [id, [...set].sort()]))).toEqual({
      'cu-chi': ['2025-11-07', '2025-11-11', '2025-11-13'],
      'thai-binh': ['2025-11-23', '2025-11-27', '2025-11-29'],
      'khanh-hoa': ['2025-11-23', '2025-11-27', '2025-11-29'],
      'tay-ninh': ['2025-12-02', '2025-12-06', '2025-12-08'],
    });
  });

  it('a “trước ngày 01/01” deadline ends on 31/12 of the year before, and is reminded of then', () => {
    const plan = realKnowledge().plan('khanh-hoa')!;
    const deadline = { ...plan.deadlines.find((x) => x.section === 'VII.9')!, when: { type: 'yearly' as const, day: 1, month: 1 }, quote: 'Trước ngày 01 tháng 01 hằng năm, các đơn vị báo cáo.' };
    const knowledge = { plans: [{ ...plan, deadlines: [deadline] }] } as unknown as Parameters<typeof deadlinesDue>[0];
    const due = (iso: string) => deadlinesDue(knowledge, d(iso), OFFSETS).map((x) => `${isoDate(x.occurrence.date)} ${isoDate(x.occurrence.lastDay)} -${x.offsetDays}`);
    expect(due('2025-12-24')).toEqual(['2026-01-01 2025-12-31 -7']);
    expect(due('2025-12-30')).toEqual(['2026-01-01 2025-12-31 -1']);
    expect(due('2025-12-31')).toEqual([]);
  });

  it('the days before are configurable', () => {
    const due = dueReminders({ store: t.store, knowledge: realKnowledge() }, { date: d('2025-11-04'), offsets: [10] });
    expect(due.map((r) => r.contact.unitName).sort()).toEqual(waiting.get('cu-chi')!.map((c) => c.unitName).sort());
  });

  it('the reminder quotes the deadline and its source and says what to do', () => {
    const [r] = dueReminders({ store: t.store, knowledge: realKnowledge() }, { date: d('2025-11-23'), offsets: OFFSETS }).filter(
      (x) => x.occurrence.plan.id === 'thai-binh',
    );
    const text = reminderMessage(r!).text;
    expect(text).toContain('⏰ Nhắc hạn báo cáo: còn 7 ngày nữa là đến hạn báo cáo: trước ngày 01/12/2025 (hạn cuối là ngày 30/11/2025).');
    expect(text).toContain('chưa nhận được báo cáo năm 2025 của đơn vị “Đơn vị chưa báo cáo thai-binh”');
    expect(text).toContain(`“${realKnowledge().plan('thai-binh')!.deadlines.find((x) => x.section === 'VI.5')!.quote}”`);
    expect(text).toContain('(Nguồn: Kế hoạch số 62/KH-UBND ngày 27/3/2024 của UBND tỉnh Thái Bình, Mục VI.5)');
    expect(text).toContain('Gõ /baocao để gửi báo cáo năm 2025');
  });

  it('the day before the last day and on it, the reminder names the last day and the plan’s words', () => {
    const due = (iso: string, offsets: number[]) =>
      dueReminders({ store: t.store, knowledge: realKnowledge() }, { date: d(iso), offsets }).find((x) => x.occurrence.plan.id === 'khanh-hoa')!;
    expect(reminderMessage(due('2025-11-29', OFFSETS)).text).toContain(
      '⏰ Nhắc hạn báo cáo: ngày mai (30/11/2025) là hạn cuối nộp báo cáo (văn bản ghi: trước ngày 01/12/2025).',
    );
    expect(reminderMessage(due('2025-11-30', [0])).text).toContain(
      '⏰ Nhắc hạn báo cáo: hôm nay (30/11/2025) là hạn cuối nộp báo cáo (văn bản ghi: trước ngày 01/12/2025).',
    );
    // A deadline whose last day is the named day ("chậm nhất ngày D") names just that day.
    const r = due('2025-11-23', OFFSETS);
    const onTheDay = { ...r, occurrence: { ...r.occurrence, date: r.occurrence.lastDay } };
    expect(reminderMessage(onTheDay).text).toContain('⏰ Nhắc hạn báo cáo: còn 7 ngày nữa là đến hạn báo cáo: ngày 30/11/2025.');
  });
});

describe('sending reminders', () => {
  const config = testConfig();
  function scheduler(channels: ChannelHandle[], clock: Clock = virtualClock()) {
    return startReminderScheduler({ store: t.store, knowledge: realKnowledge(), config, logger: silentLogger(), channels, clock, schedule: false });
  }

  it('sends each due reminder once and records it; a restart sends nothing again', async () => {
    const telegram = new FakeChannel('telegram');
    const zalo = new FakeChannel('zalo');
    const first = await scheduler([telegram, zalo]).runFor(d('2025-11-23'));
    expect(first).toMatchObject({ due: 4, sent: 4, failed: 0, blocked: 0, alreadyHandled: 0 });
    expect(telegram.sent.map((s) => s.chatId).sort()).toEqual([waiting.get('thai-binh')![0]!.chatId, waiting.get('khanh-hoa')![0]!.chatId].sort());
    expect(zalo.sent.map((s) => s.chatId).sort()).toEqual(['z-khanh-hoa', 'z-thai-binh']);
    expect(zalo.sent[0]!.messages[0]!.text).toContain('⏰ Nhắc hạn báo cáo');

    // Same day again (catch-up after a restart): nothing more.
    t.reopen();
    const telegram2 = new FakeChannel('telegram');
    const zalo2 = new FakeChannel('zalo');
    const again = await scheduler([telegram2, zalo2]).runFor(d('2025-11-23'));
    expect(again).toMatchObject({ due: 4, sent: 0, alreadyHandled: 4 });
    expect(telegram2.sent).toEqual([]);
    expect(zalo2.sent).toEqual([]);
    expect(createReminderRecords(t.store.db).list({ status: 'sent' })).toHaveLength(4);

    // Three days later is another reminder (offset 3) for the same deadline.
    const later = await scheduler([telegram2, zalo2]).runFor(d('2025-11-27'));
    expect(later).toMatchObject({ sent: 4 });
  });

  it('a unit that reports in between is not reminded any more', async () => {
    const telegram = new FakeChannel('telegram');
    await scheduler([telegram]).runFor(d('2025-11-23'));
    submitReport(t.store, waiting.get('thai-binh')![0]!, 2025, { activities: 'Xong', trainees: 3 });
    const result = await scheduler([telegram, new FakeChannel('zalo')]).runFor(d('2025-11-27'));
    const units = dueReminders({ store: t.store, knowledge: realKnowledge() }, { date: d('2025-11-27'), offsets: OFFSETS }).map((r) => r.contact.unitName);
    expect(units.some((u) => u.endsWith('thai-binh'))).toBe(false);
    expect(result.sent).toBe(2);
  });

  it('a blocked user and a failed send are recorded, and the others still get theirs', async () => {
    const telegram = new FakeChannel('telegram');
    const zalo = new FakeChannel('zalo');
    const blocked = Object.assign(new Error('Telegram sendMessage failed (blocked, 403): Forbidden: bot was blocked by the user'), {
      kind: 'blocked',
      errorCode: 403,
    });
    telegram.refuse.set(waiting.get('thai-binh')![0]!.chatId, blocked);
    zalo.refuse.set('z-thai-binh', new Error('Zalo sendMessage failed: network'));
    const result = await scheduler([telegram, zalo]).runFor(d('2025-11-23'));
    expect(result).toMatchObject({ due: 4, sent: 2, blocked: 1, failed: 1 });
    expect(telegram.sent.map((s) => s.chatId)).toEqual([waiting.get('khanh-hoa')![0]!.chatId]);
    expect(zalo.sent.map((s) => s.chatId)).toEqual(['z-khanh-hoa']);
    const records = createReminderRecords(t.store.db);
    expect(records.list({ status: 'blocked' }).map((r) => r.contactId)).toEqual([waiting.get('thai-binh')![0]!.id]);
    const failed = records.list({ status: 'failed' });
    expect(failed.map((r) => r.contactId)).toEqual([waiting.get('thai-binh')![1]!.id]);
    expect(failed[0]!.error).toContain('network');
    // Another run the same day (a restart) does not send them again.
    zalo.refuse.clear();
    expect(await scheduler([telegram, zalo]).runFor(d('2025-11-23'))).toMatchObject({ sent: 0, alreadyHandled: 4 });
  });

  describe('a failed send is tried once more, later the same day', () => {
    // 08:00 on 23/11/2025 in Việt Nam, the day of the runs below unless a test moves it.
    const retrying = (channels: ChannelHandle[], opts: { now?: () => Date; retryDelayMs?: number } = {}) =>
      startReminderScheduler({
        store: t.store,
        knowledge: realKnowledge(),
        config,
        logger: silentLogger(),
        channels,
        clock: virtualClock(),
        schedule: false,
        retryDelayMs: opts.retryDelayMs ?? 0,
        now: opts.now ?? (() => new Date('2025-11-23T01:00:00Z')),
      });
    const records = () => createReminderRecords(t.store.db);

    it('delivers it when the platform is back; a blocked user is not tried again', async () => {
      const telegram = new FakeChannel('telegram');
      const zalo = new FakeChannel('zalo');
      telegram.refuse.set(waiting.get('thai-binh')![0]!.chatId, Object.assign(new Error('Forbidden: bot was blocked by the user'), { kind: 'blocked' }));
      zalo.refuse.set('z-thai-binh', new Error('Zalo sendMessage failed: network'));
      const s = retrying([telegram, zalo]);
      const first = await s.runFor(d('2025-11-23'));
      expect(first).toMatchObject({ sent: 2, blocked: 1, failed: 1 });
      zalo.refuse.clear();
      telegram.refuse.clear();
      await s.idle();
      // The Zalo contact got the reminder on the retry, with the same text; the blocked one nothing.
      expect(zalo.sent.map((x) => x.chatId).sort()).toEqual(['z-khanh-hoa', 'z-thai-binh']);
      expect(zalo.sent.find((x) => x.chatId === 'z-thai-binh')!.messages[0]!.text).toContain('còn 7 ngày nữa là đến hạn báo cáo: trước ngày 01/12/2025 (hạn cuối là ngày 30/11/2025).');
      expect(telegram.sent.map((x) => x.chatId)).not.toContain(waiting.get('thai-binh')![0]!.chatId);
      expect(records().list({ status: 'failed' })).toEqual([]);
      expect(records().list({ status: 'sent' })).toHaveLength(3);
      expect(records().list({ status: 'blocked' })).toHaveLength(1);
      await s.stop();
    });

    it('only once: failing again, it stays recorded as failed', async () => {
      const zalo = new FakeChannel('zalo');
      let tries = 0;
      zalo.send = async () => {
        tries++;
        throw new Error('Zalo sendMessage failed: network');
      };
      const s = retrying([zalo]);
      await s.runFor(d('2025-11-23'));
      await s.idle();
      // Two Zalo contacts are due: each tried at 08:00 and once more.
      expect(tries).toBe(4);
      expect(records().list({ status: 'failed' })).toHaveLength(2);
      await s.stop();
    });

    it('not when the unit has reported in between, nor after midnight, nor after a stop', async () => {
      const down = () => {
        const zalo = new FakeChannel('zalo');
        zalo.refuse.set('z-thai-binh', new Error('network'));
        zalo.refuse.set('z-khanh-hoa', new Error('network'));
        return zalo;
      };
      // Reported between the run and the retry.
      let zalo = down();
      let s = retrying([zalo], { retryDelayMs: 20 });
      await s.runFor(d('2025-11-23'));
      submitReport(t.store, waiting.get('thai-binh')![1]!, 2025, { activities: 'Đã gửi', trainees: 1 });
      zalo.refuse.clear();
      await s.idle();
      expect(zalo.sent.map((x) => x.chatId)).toEqual(['z-khanh-hoa']);
      await s.stop();

      // The day is over when the retry comes (run at 23:59, retry after midnight).
      let now = new Date('2025-11-26T16:59:00Z');
      zalo = down();
      s = retrying([zalo], { now: () => now });
      await s.runFor(d('2025-11-27'));
      now = new Date('2025-11-27T17:00:00Z');
      zalo.refuse.clear();
      await s.idle();
      expect(zalo.sent).toEqual([]);
      await s.stop();

      // Stopped before the retry.
      zalo = down();
      s = retrying([zalo], { retryDelayMs: 60_000, now: () => new Date('2025-11-29T01:00:00Z') });
      await s.runFor(d('2025-11-29'));
      zalo.refuse.clear();
      await s.stop();
      await s.idle();
      expect(zalo.sent).toEqual([]);
      // (Thái Bình's unit reported above: only Khánh Hòa's is due, and it stays "failed".)
      expect(records().list({ status: 'failed' }).filter((r) => r.offsetDays === 1).map((r) => r.contactId)).toEqual([waiting.get('khanh-hoa')![1]!.id]);
    });
  });

  it('classifies platform refusals', () => {
    expect(classifySendError(Object.assign(new Error('x'), { kind: 'blocked' }))).toBe('blocked');
    expect(classifySendError(Object.assign(new Error('x'), { kind: 'unknown_chat', errorCode: 400 }))).toBe('blocked');
    expect(classifySendError(Object.assign(new Error('Zalo sendMessage failed: error 403'), { errorCode: 403 }))).toBe('blocked');
    expect(classifySendError(Object.assign(new Error('x'), { kind: 'rate_limited', errorCode: 429 }))).toBe('failed');
    expect(classifySendError(new Error('socket hang up'))).toBe('failed');
  });

  it('contacts on a channel that is not running are left for a later run', async () => {
    const telegram = new FakeChannel('telegram');
    const result = await scheduler([telegram]).runFor(d('2025-11-23'));
    expect(result).toMatchObject({ sent: 2, noChannel: 2 });
    const zalo = new FakeChannel('zalo');
    expect(await scheduler([telegram, zalo]).runFor(d('2025-11-23'))).toMatchObject({ sent: 2, alreadyHandled: 2 });
    expect(zalo.sent).toHaveLength(2);
  });
});

describe('pacing', () => {
  it('spaces messages per channel and per chat, using the injected clock', async () => {
    const clock = virtualClock();
    const pace = createPacer({ minIntervalMs: 50, perChatIntervalMs: 1100 }, clock);
    const times: Record<string, number[]> = {};
    for (const chat of ['a', 'b', 'c', 'a', 'b']) {
      await pace.wait(chat);
      (times[chat] ??= []).push(clock.now());
    }
    const all = Object.values(times).flat().sort((x, y) => x - y);
    for (let i = 1; i < all.length; i++) expect(all[i]! - all[i - 1]!).toBeGreaterThanOrEqual(50);
    expect(times.a![1]! - times.a![0]!).toBeGreaterThanOrEqual(1100);
    expect(times.b![1]! - times.b![0]!).toBeGreaterThanOrEqual(1100);
  });

  it('reminders on one channel go out at most 20 a second on Telegram and 4 a second on Zalo', async () => {
    for (let i = 0; i < 30; i++) {
      addContact(t.store, { planId: 'khanh-hoa', unitName: `UBND xã số ${i}` });
      addContact(t.store, { planId: 'khanh-hoa', unitName: `UBND phường số ${i}`, channel: 'zalo', userId: `zp-${i}` });
    }
    const clock = virtualClock();
    const telegram = new FakeChannel('telegram', clock);
    const zalo = new FakeChannel('zalo', clock);
    const scheduler = startReminderScheduler({
      store: t.store,
      knowledge: realKnowledge(),
      config: testConfig(),
      logger: silentLogger(),
      channels: [telegram, zalo],
      clock,
      schedule: false,
    });
    const result = await scheduler.runFor(d('2025-11-23'));
    expect(result.sent).toBe(64);
    const maxPerSecond = (sends: { at: number }[]) => {
      const at = sends.map((s) => s.at).sort((x, y) => x - y);
      let max = 0;
      for (let i = 0; i < at.length; i++) max = Math.max(max, at.filter((x) => x >= at[i]! && x < at[i]! + 1000).length);
      return max;
    };
    expect(telegram.sent).toHaveLength(32);
    expect(zalo.sent).toHaveLength(32);
    expect(maxPerSecond(telegram.sent)).toBeLessThanOrEqual(20);
    expect(maxPerSecond(zalo.sent)).toBeLessThanOrEqual(4);
  });
});

describe('scheduler', () => {
  it('catches up at start-up when started after the reminder hour the same day', async () => {
    const telegram = new FakeChannel('telegram');
    const zalo = new FakeChannel('zalo');
    const s = startReminderScheduler({
      store: t.store,
      knowledge: realKnowledge(),
      config: testConfig(),
      logger: silentLogger(),
      channels: [telegram, zalo],
      clock: virtualClock(),
      // 09:15 in Việt Nam on 23/11/2025: the 08:00 run was missed.
      now: () => new Date('2025-11-23T02:15:00Z'),
      catchUpDelayMs: 0,
    });
    expect(s.nextRun()?.toISOString()).toMatch(/T01:00:00\.000Z$/);
    await s.idle();
    await s.stop();
    expect(telegram.sent.length + zalo.sent.length).toBe(4);
  });

  it('does not run at start-up before the reminder hour', async () => {
    const telegram = new FakeChannel('telegram');
    const s = startReminderScheduler({
      store: t.store,
      knowledge: realKnowledge(),
      config: testConfig(),
      logger: silentLogger(),
      channels: [telegram],
      clock: virtualClock(),
      // 07:30 in Việt Nam: the daily job will run at 08:00.
      now: () => new Date('2025-11-23T00:30:00Z'),
      catchUpDelayMs: 0,
    });
    await s.idle();
    await s.stop();
    expect(telegram.sent).toEqual([]);
    expect(createReminderRecords(t.store.db).list()).toEqual([]);
  });

  it('a stop before the delayed catch-up cancels it', async () => {
    const telegram = new FakeChannel('telegram');
    const s = startReminderScheduler({
      store: t.store,
      knowledge: realKnowledge(),
      config: testConfig(),
      logger: silentLogger(),
      channels: [telegram],
      clock: virtualClock(),
      now: () => new Date('2025-11-23T02:15:00Z'),
    });
    await s.stop();
    await s.idle();
    expect(telegram.sent).toEqual([]);
  });

  it('a stop in the middle of a run leaves the rest unsent and unclaimed', async () => {
    let s: ReturnType<typeof startReminderScheduler> | undefined;
    const telegram = new FakeChannel('telegram');
    telegram.send = async function (this: FakeChannel, chatId: string, messages: Outbound[]) {
      this.sent.push({ chatId, messages, at: 0 });
      void s!.stop();
    };
    s = startReminderScheduler({ store: t.store, knowledge: realKnowledge(), config: testConfig(), logger: silentLogger(), channels: [telegram], clock: virtualClock(), schedule: false });
    const result = await s.runFor(d('2025-11-23'));
    expect(result).toMatchObject({ sent: 1, stopped: 1 });
    expect(createReminderRecords(t.store.db).list()).toHaveLength(1);
  });
});
