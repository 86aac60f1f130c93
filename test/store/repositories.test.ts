import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminCheck } from '../../src/store/admins.js';
import { openStore, type Store } from '../../src/store/db.js';
import { normalizeReportCode } from '../../src/store/report-codes.js';
import { tempDir } from '../dialog/support.js';

let store: Store;
let cleanup: () => void;
const t0 = new Date('2025-11-20T03:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'repo.sqlite'));
});
afterEach(() => {
  store.close();
  cleanup();
});

function contact(userId = '1', unitName = 'UBND xã An Nhơn Tây', planId = 'cu-chi') {
  return store.contacts.upsert({ channel: 'telegram', userId, chatId: userId, fullName: 'Nguyễn Thị Lan', unitName, planId, role: null, phone: '+84912345678', at: t0 });
}

describe('users', () => {
  it('records a user once and updates chat, name and last seen', () => {
    store.users.touch({ channel: 'telegram', userId: '1', privateChatId: '1', displayName: 'Lan', at: t0 });
    store.users.touch({ channel: 'telegram', userId: '1', privateChatId: '99', at: later(5) });
    store.users.touch({ channel: 'zalo', userId: '1', privateChatId: 'z1', at: later(6) });
    expect(store.users.get('telegram', '1')).toEqual({
      channel: 'telegram',
      userId: '1',
      chatId: '99',
      displayName: 'Lan',
      firstSeenAt: t0.toISOString(),
      lastSeenAt: later(5).toISOString(),
    });
    expect(store.users.get('zalo', '1')?.chatId).toBe('z1');
    expect(store.users.count()).toBe(2);
  });
});

describe('users seen in groups', () => {
  it('keeps the private chat when the user writes in a group, and starts from the user id', () => {
    store.users.touch({ channel: 'zalo', userId: 'u7', at: t0 });
    expect(store.users.get('zalo', 'u7')?.chatId).toBe('u7');
    store.users.touch({ channel: 'zalo', userId: 'u7', privateChatId: 'p7', at: later(1) });
    store.users.touch({ channel: 'zalo', userId: 'u7', displayName: 'Hoa', at: later(2) });
    expect(store.users.get('zalo', 'u7')).toMatchObject({ chatId: 'p7', displayName: 'Hoa', lastSeenAt: later(2).toISOString() });
  });
});

describe('contacts', () => {
  it('registers and re-registers the same user (one row, updated)', () => {
    const first = contact();
    expect(first).toMatchObject({ fullName: 'Nguyễn Thị Lan', unitName: 'UBND xã An Nhơn Tây', unitKey: 'ubnd xa an nhon tay', planId: 'cu-chi' });
    const again = store.contacts.upsert({ channel: 'telegram', userId: '1', chatId: '1', fullName: 'Trần Văn Bình', unitName: 'UBND xã Phú Hòa Đông', planId: 'cu-chi', at: later(1) });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ fullName: 'Trần Văn Bình', unitKey: 'ubnd xa phu hoa dong', role: null, phone: null, createdAt: t0.toISOString(), updatedAt: later(1).toISOString() });
    expect(store.contacts.count()).toBe(1);
    expect(store.contacts.byId(first.id)?.fullName).toBe('Trần Văn Bình');
  });

  it('lists contacts per plan', () => {
    contact('1', 'B', 'cu-chi');
    contact('2', 'A', 'cu-chi');
    contact('3', 'C', 'khanh-hoa');
    expect(store.contacts.list({ planId: 'cu-chi' }).map((c) => c.unitName)).toEqual(['A', 'B']);
    expect(store.contacts.list()).toHaveLength(3);
  });
});

describe('reports', () => {
  it('stores versions per unit and year; the unit is the folded name within the plan', () => {
    const c = contact();
    const submit = (unitName: string, year: number, at: Date, planId = 'cu-chi') =>
      store.reports.submit({ contactId: c.id, channel: 'telegram', userId: '1', planId, unitName, year, answers: { year, note: 'x' }, at });
    const v1 = submit('UBND xã An Nhơn Tây', 2025, later(1));
    const v2 = submit('ubnd xa an nhon tay', 2025, later(2)); // same unit typed without diacritics
    const otherYear = submit('UBND xã An Nhơn Tây', 2024, later(3));
    const otherPlan = submit('UBND xã An Nhơn Tây', 2025, later(4), 'khanh-hoa');
    expect([v1.version, v2.version, otherYear.version, otherPlan.version]).toEqual([1, 2, 1, 1]);
    expect(new Set([v1.code, v2.code, otherYear.code, otherPlan.code]).size).toBe(4);
    expect(v1.code).toMatch(/^BC-[2-9A-HJKMNP-Z]{6}$/);
    expect(store.reports.byCode(v1.code)).toEqual(v1);
    expect(v1.answers).toEqual({ year: 2025, note: 'x' });

    expect(store.reports.listAll().map((r) => [r.planId, r.year, r.version])).toEqual([
      ['cu-chi', 2024, 1],
      ['cu-chi', 2025, 1],
      ['cu-chi', 2025, 2],
      ['khanh-hoa', 2025, 1],
    ]);
    expect(store.reports.listLatest({ year: 2025 }).map((r) => [r.planId, r.version])).toEqual([
      ['cu-chi', 2],
      ['khanh-hoa', 1],
    ]);
    expect(store.reports.listAll({ planId: 'khanh-hoa' })).toHaveLength(1);
    expect(store.reports.listByUser('telegram', '1').map((r) => r.submittedAt)).toEqual([later(4), later(3), later(2), later(1)].map((d) => d.toISOString()));
    expect(store.reports.listByUser('zalo', '1')).toEqual([]);
    expect(store.reports.count()).toBe(4);
  });

  it('refuses a report whose contact does not exist (foreign key)', () => {
    expect(() =>
      store.reports.submit({ contactId: 999, channel: 'telegram', userId: '1', planId: 'cu-chi', unitName: 'X', year: 2025, answers: {}, at: t0 }),
    ).toThrow(/FOREIGN KEY/);
    expect(store.reports.count()).toBe(0);
  });

  it('works inside an outer transaction, and rolls back with it', () => {
    const c = contact();
    expect(() =>
      store.transaction(() => {
        store.reports.submit({ contactId: c.id, channel: 'telegram', userId: '1', planId: 'cu-chi', unitName: 'X', year: 2025, answers: {}, at: t0 });
        throw new Error('crash after the insert');
      }),
    ).toThrow('crash after the insert');
    expect(store.reports.count()).toBe(0);
  });

  it('reads report codes the way users type them', () => {
    expect(normalizeReportCode('bc-7k3m9q')).toBe('BC-7K3M9Q');
    expect(normalizeReportCode('BC 7K3M9Q')).toBe('BC-7K3M9Q');
    expect(normalizeReportCode('7K3M9Q')).toBe('BC-7K3M9Q');
    expect(normalizeReportCode('BC-7K3M9')).toBeUndefined();
    expect(normalizeReportCode('BC-OOOOOO')).toBeUndefined();
  });
});

describe('conversation states', () => {
  it('stores JSON per channel user and removes it', () => {
    store.conversations.put('telegram', '1', { flow: { a: 1 } }, t0);
    store.conversations.put('zalo', '1', { other: true }, t0);
    store.conversations.put('telegram', '1', { flow: { a: 2 } }, later(1));
    expect(store.conversations.get('telegram', '1')).toEqual({ state: { flow: { a: 2 } }, updatedAt: later(1).toISOString() });
    expect(store.conversations.get('zalo', '1')?.state).toEqual({ other: true });
    store.conversations.delete('telegram', '1');
    expect(store.conversations.get('telegram', '1')).toBeUndefined();
    expect(store.conversations.count()).toBe(1);
  });

  it('lists the states last written within a time range (from included, to excluded)', () => {
    store.conversations.put('telegram', '1', { n: 1 }, t0);
    store.conversations.put('telegram', '2', { n: 2 }, later(10));
    store.conversations.put('zalo', '3', { n: 3 }, later(20));
    const between = (from: number, to: number) => store.conversations.listUpdatedBetween(later(from), later(to)).map((r) => `${r.channel}:${r.userId}`);
    expect(between(0, 20)).toEqual(['telegram:1', 'telegram:2']);
    expect(between(10, 21)).toEqual(['telegram:2', 'zalo:3']);
    expect(store.conversations.listUpdatedBetween(later(20), later(21))).toEqual([
      { channel: 'zalo', userId: '3', state: { n: 3 }, updatedAt: later(20).toISOString() },
    ]);
  });
});

describe('inbox', () => {
  it('claims an update id once per channel and prunes old claims', () => {
    expect(store.inbox.claim('telegram', '42', t0)).toBe(true);
    expect(store.inbox.claim('telegram', '42', later(1))).toBe(false);
    expect(store.inbox.claim('zalo', '42', later(1))).toBe(true);
    expect(store.inbox.pruneBefore(later(1))).toBe(1);
    expect(store.inbox.count()).toBe(1);
    expect(store.inbox.claim('telegram', '42', later(2))).toBe(true);
  });

  it('keeps an accepted update waiting until it is claimed, and refuses a second delivery', () => {
    expect(store.inbox.accept('telegram', '7', '{"update_id":7}', t0)).toBe(true);
    expect(store.inbox.accept('telegram', '8', '{"update_id":8}', t0)).toBe(true);
    expect(store.inbox.accept('telegram', '7', '{"update_id":7}', later(1))).toBe(false);
    expect(store.inbox.waiting('telegram')).toEqual([
      { updateId: '7', payload: '{"update_id":7}' },
      { updateId: '8', payload: '{"update_id":8}' },
    ]);
    expect(store.inbox.claim('telegram', '7', later(1))).toBe(true);
    store.inbox.finish('telegram', '8', later(1));
    expect(store.inbox.waiting('telegram')).toEqual([]);
    expect(store.inbox.claim('telegram', '8', later(2))).toBe(false);
    // A handled update is never pruned while it may still be redelivered… and is once it is old.
    expect(store.inbox.pruneBefore(t0)).toBe(0);
    expect(store.inbox.pruneBefore(later(1))).toBe(2);
  });
});

describe('outbox', () => {
  it('keeps replies in order until delivered or failed, documents included', () => {
    const doc = { filename: 'a.xlsx', mimeType: 'application/x', content: Buffer.from([1, 2, 3]), caption: 'Tệp' };
    store.outbox.add('telegram', 'c1', '5', [{ text: 'Một', choices: [{ id: 'x', label: 'X' }] }, { text: 'Hai', document: doc }], t0);
    store.outbox.add('zalo', 'c2', undefined, [{ text: 'Ba' }], t0);
    const waiting = store.outbox.waiting('telegram');
    expect(waiting.map((w) => [w.chatId, w.updateId, w.message.text])).toEqual([
      ['c1', '5', 'Một'],
      ['c1', '5', 'Hai'],
    ]);
    expect(waiting[0]!.message.choices).toEqual([{ id: 'x', label: 'X' }]);
    expect(waiting[1]!.message.document).toEqual(doc);
    store.outbox.noteAttempt(waiting[0]!.id, 'timeout');
    expect(store.outbox.waiting('telegram')[0]!.attempts).toBe(1);
    store.outbox.markDelivered(waiting[0]!.id, later(1));
    store.outbox.markFailed(waiting[1]!.id, later(1), '403 blocked');
    expect(store.outbox.waiting('telegram')).toEqual([]);
    expect(store.outbox.countWaiting()).toBe(1);
    expect(store.outbox.pruneBefore(later(1))).toBe(2);
  });
});

describe('outbox: photos', () => {
  it('keeps a photo reply (the /thongke chart) across a restart, bytes and caption included', () => {
    const t = tempDir();
    const path = join(t.dir, 'photo.sqlite');
    let db = openStore(path);
    const photo = { filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]), caption: 'Biểu đồ năm 2025' };
    db.outbox.add('telegram', 'c1', '7', [{ text: '📊 Tình hình báo cáo năm 2025', photo }], t0);
    db.close();
    db = openStore(path);
    try {
      const [waiting] = db.outbox.waiting('telegram');
      expect(waiting!.message).toEqual({ text: '📊 Tình hình báo cáo năm 2025', photo });
      expect(waiting!.message.document).toBeUndefined();
    } finally {
      db.close();
      t.cleanup();
    }
  });

  it('refuses a reply with both a document and a photo (one file per stored reply)', () => {
    const file = { filename: 'a.png', mimeType: 'image/png', content: Buffer.from([1]) };
    expect(() => store.outbox.add('telegram', 'c1', undefined, [{ text: 'x', document: file, photo: file }], t0)).toThrow(/at most one file/);
  });
});

describe('question log', () => {
  it('records not_found and clarify questions and lists them newest first', () => {
    store.questions.record({ channel: 'telegram', status: 'not_found', intent: 'unknown', text: 'Thời tiết hôm nay?', at: t0 });
    store.questions.record({ channel: 'zalo', status: 'clarify', intent: 'deadlines', planId: null, text: 'Hạn nộp?', at: later(1) });
    const all = store.questions.list();
    expect(all.map((q) => [q.text, q.status, q.intent, q.channel, q.planId])).toEqual([
      ['Hạn nộp?', 'clarify', 'deadlines', 'zalo', null],
      ['Thời tiết hôm nay?', 'not_found', 'unknown', 'telegram', null],
    ]);
    expect(store.questions.list({ since: later(1) })).toHaveLength(1);
    expect(store.questions.list({ status: 'not_found' })[0]?.text).toBe('Thời tiết hôm nay?');
    expect(store.questions.list({ limit: 1 })).toHaveLength(1);
    expect(() =>
      store.db.prepare("INSERT INTO question_log (asked_at, channel, status, intent, text) VALUES ('x', 'telegram', 'answer', 'i', 't')").run(),
    ).toThrow(/CHECK/);
  });
});

describe('admins', () => {
  it('adds, lists and removes admins; isAdmin also knows ADMIN_IDS', () => {
    expect(store.admins.add('telegram', '7', t0)).toBe(true);
    expect(store.admins.add('telegram', '7', t0)).toBe(false);
    const isAdmin = createAdminCheck(store.admins, [{ channel: 'zalo', userId: 'abc' }]);
    expect(isAdmin('telegram', '7')).toBe(true);
    expect(isAdmin('zalo', 'abc')).toBe(true);
    expect(isAdmin('telegram', 'abc')).toBe(false);
    expect(store.admins.list()).toEqual([{ channel: 'telegram', userId: '7', addedAt: t0.toISOString() }]);
    expect(store.admins.remove('telegram', '7')).toBe(true);
    expect(store.admins.remove('telegram', '7')).toBe(false);
    expect(isAdmin('telegram', '7')).toBe(false);
  });
});
