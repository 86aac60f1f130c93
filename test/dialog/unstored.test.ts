/**
 * Database write faults in the middle of a conversation (real SQLite errors, no mocks of the store):
 * a full database (`PRAGMA max_page_count` at the file's size, its free room used up → SQLITE_FULL),
 * a read-only connection (`PRAGMA query_only` → SQLITE_READONLY), and a batch commit that fails.
 * Questions are still answered, nothing is stored, and a report is never acknowledged with a code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { ChatUser, harness, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
beforeEach(() => {
  h = harness();
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

const NOT_STORED = 'Đăng ký hoặc báo cáo của bạn CHƯA được lưu và chưa có mã báo cáo: vui lòng gửi lại sau ít phút.';
const INTERNAL = 'Xin lỗi, đã có lỗi khi xử lý tin nhắn của bạn.';

/**
 * Makes the database full the way a full disk does to SQLite: it may not grow, and the room left in
 * its pages is used up by short update ids (the messages below carry longer ones, so each claim needs
 * a new page and fails with SQLITE_FULL).
 */
function fillDatabase(store: Store): void {
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma(`max_page_count = ${pages}`);
  const insert = store.db.prepare("INSERT INTO inbox (channel, update_id, received_at, handled_at) VALUES ('telegram', ?, '0', '0')");
  let code: unknown;
  try {
    for (let i = 0; ; i++) insert.run(i.toString(36));
  } catch (err) {
    code = (err as { code?: unknown }).code;
  }
  expect(code).toBe('SQLITE_FULL');
}

function freeDatabase(store: Store): void {
  store.db.pragma('max_page_count = 1073741823');
}

let longId = 0;
/** A message with a long update id (see fillDatabase). */
function say(user: ChatUser, text: string) {
  return h.core.handle(user.inbound({ text }, `telegram-update-with-a-long-id-${String(++longId).padStart(12, '0')}`));
}

function counts(store: Store) {
  const db = store.db;
  return {
    users: store.users.count(),
    questions: store.questions.count(),
    reports: store.reports.count(),
    states: db.prepare('SELECT count(*) FROM conversation_states').pluck().get(),
    lastSeen: store.users.get('telegram', '100')?.lastSeenAt,
  };
}

describe('a full database (SQLITE_FULL)', () => {
  it('still answers a question, and stores nothing of it', async () => {
    await say(lan, 'Tiêu chí thi đua cấp xã?');
    fillDatabase(h.store);
    const before = counts(h.store);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);

    const r = await say(lan, 'Hạn gửi báo cáo của Củ Chi?');
    expect(seen(r)).toBe('Trả lời (kế hoạch không rõ): Hạn gửi báo cáo của Củ Chi?');
    expect(r[0]!.answer?.status).toBe('answer');
    // A question the documents do not answer is answered too (its log entry is what waits).
    expect(seen(await say(lan, 'thời tiết hôm nay'))).toBe('Không tìm thấy thông tin này trong các kế hoạch.');
    expect(counts(h.store)).toEqual(before);
  });

  it('tells a report step it was not stored, never gives a code, and the report goes through once there is room', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
    const summary = await lan.sayAll(['/baocao', ...REPORT]);
    expect(summary[0]!.text).toContain('Tóm tắt báo cáo của bạn:');
    fillDatabase(h.store);

    const r = await say(lan, 'Gửi');
    const text = seen(r);
    expect(text).toContain(NOT_STORED);
    expect(text).not.toContain('Mã báo cáo');
    expect(text).not.toContain(INTERNAL);
    expect(h.store.reports.count()).toBe(0);

    // A form step in the middle of a form gets the same plain notice, and a question there is answered.
    expect(seen(await say(lan, 'Sửa'))).toContain(NOT_STORED);
    expect(seen(await say(lan, '/hoi Tiêu chí thi đua cấp xã?'))).toBe('Trả lời (kế hoạch cu-chi): Tiêu chí thi đua cấp xã?');

    freeDatabase(h.store);
    const sent = seen(await say(lan, 'Gửi'));
    expect(sent).toMatch(/Mã báo cáo: BC-[A-Z0-9]{6}/);
    expect(h.store.reports.count()).toBe(1);
  });
});

describe('a read-only database (SQLITE_READONLY)', () => {
  it('answers questions and tells a registration it was not stored', async () => {
    await say(lan, 'Tiêu chí thi đua cấp xã?');
    h.store.db.pragma('query_only = ON');
    const before = counts(h.store);

    expect(seen(await say(lan, 'Kinh phí thực hiện?'))).toBe('Trả lời (kế hoạch không rõ): Kinh phí thực hiện?');
    const r = seen(await say(lan, '/dangky'));
    expect(r).toBe(
      '⚠️ Hệ thống tạm thời không lưu được dữ liệu nên tin nhắn này chưa được ghi nhận. ' +
        `${NOT_STORED} Trong lúc này, bạn vẫn có thể hỏi về các kế hoạch thi đua.`,
    );
    h.store.db.pragma('query_only = OFF');
    expect(counts(h.store)).toEqual(before);
  });
});

describe('a batch commit that fails with a write fault', () => {
  it('answers the questions of the batch and tells the report step to send again', async () => {
    await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
    await lan.sayAll(['/baocao', ...REPORT]);
    const binh = new ChatUser(h, '200');
    // The commit is where a full disk shows in WAL mode: every message's savepoint succeeded, then the
    // batch could not be written. A real SQLITE_FULL at the end of the batch stands for it.
    let failNextCommit = true;
    let depth = 0;
    const real = h.store.transaction;
    h.store.transaction = <T>(fn: () => T): T =>
      real(() => {
        depth++;
        try {
          const result = fn();
          if (depth === 1 && failNextCommit) {
            failNextCommit = false;
            h.store.db.pragma(`max_page_count = ${h.store.db.pragma('page_count', { simple: true }) as number}`);
            h.store.db.prepare('INSERT INTO question_log (asked_at, channel, status, intent, text) VALUES (?, ?, ?, ?, ?)').run('x', 'telegram', 'not_found', 'x', 'x'.repeat(20_000));
          }
          return result;
        } finally {
          depth--;
        }
      });

    const [report, question] = await Promise.all([lan.say('Gửi'), binh.say('Hạn gửi báo cáo của Củ Chi?')]);
    freeDatabase(h.store);
    expect(seen(report)).toContain(NOT_STORED);
    expect(seen(report)).not.toContain('Mã báo cáo');
    expect(seen(question)).toBe('Trả lời (kế hoạch không rõ): Hạn gửi báo cáo của Củ Chi?');
    expect(h.store.reports.count()).toBe(0);
    expect(h.store.users.get('telegram', '200')).toBeUndefined();
  });
});
