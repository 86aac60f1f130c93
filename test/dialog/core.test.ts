import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRequest, AnswerResult, Answerer } from '../../src/answers/types.js';
import { BOT_COMMANDS as commands } from '../../src/bot-commands.js';
import type { CommandSpec } from '../../src/dialog/context.js';
import { ChatUser, FakeAnswerer, harness, REGISTRATION, REPORT, seen, type Harness } from './support.js';
import { texts } from '../../src/dialog/messages.js';

let h: Harness;
let answerer: FakeAnswerer;
let lan: ChatUser;
beforeEach(() => {
  answerer = new FakeAnswerer();
  h = harness({ answerer });
  lan = new ChatUser(h, '100', { displayName: 'Lan' });
});
afterEach(() => h.cleanup());

describe('commands', () => {
  it('/batdau greets, says it is an automated assistant and shows example questions', async () => {
    for (const cmd of ['/batdau', '/start', '/start@thidua_bot', '/BATDAU']) {
      const text = seen(await lan.say(cmd));
      expect(text).toContain('Xin chào Lan! Tôi là trợ lý tự động (chatbot)');
      expect(text).toContain('không phải cán bộ trực');
      expect(text).toContain('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
      expect(text).toContain('• Tiêu chí thi đua đối với cấp xã của Thái Bình là gì?');
      expect(text).toContain('/trogiup');
    }
  });

  it('/trogiup lists every command', async () => {
    const text = seen(await lan.say('/help'));
    for (const name of ['/batdau', '/hoi <câu hỏi>', '/dangky', '/baocao', '/cuatoi', '/huy', '/trogiup']) expect(text).toContain(name);
    expect(text).toContain('/cuatoi [mã] (hoặc /myreports) — Xem các báo cáo bạn đã gửi, hoặc nội dung một báo cáo theo mã');
  });

  it('an unknown command says so', async () => {
    expect(seen(await lan.say('/xyz'))).toBe('Không có lệnh “/xyz”. Gõ /trogiup để xem các lệnh.');
  });

  it('/hoi without a question explains how to ask', async () => {
    expect(seen(await lan.say('/hoi'))).toBe('Hãy gõ câu hỏi sau lệnh /hoi, ví dụ: /hoi Hạn gửi báo cáo của Củ Chi là khi nào?');
    expect(seen(await lan.say('/hoi hạn báo cáo của Củ Chi'))).toBe('Trả lời (kế hoạch không rõ): hạn báo cáo của Củ Chi');
  });
});

describe('admin commands plugged into the registry', () => {
  // The real admin commands are replaced by these doubles so the registry mechanism is tested on its own.
  const userCommands = commands.filter((c) => !c.adminOnly);
  const secret: CommandSpec = {
    names: ['thongke'],
    description: 'Thống kê',
    adminOnly: true,
    run: () => [{ text: 'Số liệu bí mật' }],
  };
  const slow: CommandSpec = {
    names: ['xuat'],
    description: 'Xuất',
    adminOnly: true,
    run: async (ctx) => {
      await new Promise((r) => setTimeout(r, 5));
      return [{ text: `Đã xuất ${ctx.store.reports.count()} báo cáo`, document: { filename: 'a.csv', mimeType: 'text/csv', content: Buffer.from('x') } }];
    },
  };

  it('refuse non-admins with the same text, are hidden from their help, and work for admins', async () => {
    h.cleanup();
    h = harness({ answerer, env: { ADMIN_IDS: 'telegram:1' }, deps: { commands: [...userCommands, secret, slow] } });
    const admin = new ChatUser(h, '1');
    const other = new ChatUser(h, '2');
    expect(seen(await other.say('/thongke'))).toBe(texts.adminOnly);
    expect(seen(await other.say('/xuat'))).toBe(texts.adminOnly);
    expect(seen(await other.say('/trogiup'))).not.toContain('/thongke');
    expect(seen(await admin.say('/trogiup'))).toContain('/thongke — Thống kê');
    expect(seen(await admin.say('/thongke'))).toBe('Số liệu bí mật');
    const out = await admin.say('/xuat');
    expect(out[0]).toMatchObject({ text: 'Đã xuất 0 báo cáo', document: { filename: 'a.csv' } });
    h.store.admins.add('telegram', '2', new Date());
    expect(seen(await other.say('/thongke'))).toBe('Số liệu bí mật');
  });

  it('an async command in the middle of a form is followed by the pending question', async () => {
    h.cleanup();
    h = harness({ answerer, env: { ADMIN_IDS: 'telegram:1' }, deps: { commands: [...userCommands, slow] } });
    const admin = new ChatUser(h, '1');
    await admin.sayAll(['/dangky', 'Nguyễn Văn An']);
    const out = await admin.say('/xuat');
    expect(out.map((m) => m.text)).toEqual([
      'Đã xuất 0 báo cáo',
      expect.stringContaining('📋 Bạn đang đăng ký đầu mối: đã trả lời 1/5 mục.'),
    ]);
  });
});

describe('questions outside a form', () => {
  it('free text is a question, asked with the registered plan', async () => {
    expect(seen(await lan.say('tieu chi cap xa'))).toBe('Trả lời (kế hoạch không rõ): tieu chi cap xa');
    expect(answerer.requests.at(-1)).toEqual({ text: 'tieu chi cap xa' });
    await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
    expect(seen(await lan.say('tieu chi cap xa'))).toBe('Trả lời (kế hoạch cu-chi): tieu chi cap xa');
  });

  it('"which plan?": the next message picks the plan by number, button or name and the question is answered for it', async () => {
    let r = await lan.say('Hạn nộp báo cáo?');
    expect(r[0]!.text).toBe('Bạn hỏi về kế hoạch nào?');
    expect(r[0]!.choices?.[3]).toEqual({ id: 'p:cu-chi', label: 'Củ Chi: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi' });
    r = await lan.say('4');
    expect(seen(r)).toBe('Trả lời (kế hoạch cu-chi): Hạn nộp báo cáo?');

    await lan.say('Hạn nộp báo cáo?');
    expect(seen(await lan.press('p:khanh-hoa'))).toBe('Trả lời (kế hoạch khanh-hoa): Hạn nộp báo cáo?');
    await lan.say('Hạn nộp báo cáo?');
    expect(seen(await lan.say('Tây Ninh'))).toBe('Trả lời (kế hoạch tay-ninh): Hạn nộp báo cáo?');
    // Only the next message: afterwards a number is a question again.
    await lan.say('Hạn nộp báo cáo?');
    await lan.say('thời tiết');
    expect(seen(await lan.say('2'))).toBe('Không tìm thấy trong các kế hoạch: 2');
  });

  it('logs not_found and clarify questions (text, status, intent, plan, channel, time)', async () => {
    await lan.say('Thời tiết ngày mai thế nào?');
    await lan.say('Hạn nộp?');
    await lan.say('2'); // answered for thai-binh: not logged
    const log = h.store.questions.list();
    expect(log.map((q) => [q.text, q.status, q.intent, q.planId, q.channel, q.askedAt])).toEqual([
      ['Hạn nộp?', 'clarify', 'deadlines', null, 'telegram', '2025-11-20T03:00:00.000Z'],
      ['Thời tiết ngày mai thế nào?', 'not_found', 'unknown', null, 'telegram', '2025-11-20T03:00:00.000Z'],
    ]);
  });

  it('empty and punctuation-only messages get a clear message; an emoji goes to the answerer as a reaction', async () => {
    const noWords =
      'Tôi chỉ đọc được tin nhắn bằng chữ. Hãy gõ câu hỏi, ví dụ: “Tiêu chí thi đua cấp xã của Thái Bình là gì?”, hoặc gõ /trogiup để xem các lệnh.';
    expect(seen(await lan.say(''))).toBe(noWords);
    expect(seen(await lan.say('?!'))).toBe(noWords);
    expect(answerer.requests).toHaveLength(0);
    await lan.say('👍🎉');
    expect(answerer.requests.map((r) => r.text)).toEqual(['👍🎉']);
  });

  it('an over-long message in the middle of a form is refused and the question asked again', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const r = await lan.say('b'.repeat(2001));
    expect(r[0]!.text).toBe('Tin nhắn dài 2.001 ký tự, vượt quá giới hạn 2.000 ký tự. Vui lòng rút gọn rồi gửi lại.');
    expect(r[1]!.text).toContain('(Câu 2/5)');
  });

  it('a button from a finished conversation says it is no longer valid', async () => {
    expect(seen(await lan.press('form:ok'))).toBe('Lựa chọn này đã hết hiệu lực. Gõ /trogiup để xem các lệnh.');
  });
});

describe('group chats', () => {
  it('answers questions (with a "which plan?" in the same group) but never runs a form', async () => {
    const inGroup = new ChatUser(h, '100', { chatId: '-42', chatType: 'group' });
    expect(seen(await inGroup.say('tiêu chí cấp xã'))).toBe('Trả lời (kế hoạch không rõ): tiêu chí cấp xã');
    await inGroup.say('Hạn nộp?');
    expect(seen(await inGroup.say('5'))).toBe('Trả lời (kế hoạch tay-ninh): Hạn nộp?');
    for (const cmd of ['/baocao', '/dangky', '/cuatoi', '/huy']) expect(seen(await inGroup.say(cmd))).toContain('chỉ thực hiện trong tin nhắn riêng');
    expect(seen(await inGroup.say('/trogiup'))).toContain('Các lệnh của trợ lý:');
    expect(h.store.conversations.count()).toBe(0);
  });

  it('a choice offered in a group is not answered from the private chat', async () => {
    const inGroup = new ChatUser(h, '100', { chatId: '-42', chatType: 'group' });
    await inGroup.say('Hạn nộp?');
    expect(seen(await lan.say('5'))).toBe('Không tìm thấy trong các kế hoạch: 5');
  });
});

describe('delivery guarantees', () => {
  it('the same update delivered twice changes nothing the second time', async () => {
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const inbound = lan.inbound({ text: 'UBND xã An Nhơn Tây' }, 'dup-1');
    const first = await h.core.handle(inbound);
    expect(first[0]!.text).toContain('(Câu 3/5)');
    expect(await h.core.handle(inbound)).toEqual([]);
    expect(await h.core.handle({ ...inbound })).toEqual([]);
    const r = await lan.say('4');
    expect(r[0]!.text).toContain('(Câu 4/5)'); // advanced once, not twice
  });

  it('a "Gửi" delivered twice stores one report', async () => {
    await lan.sayAll(['/baocao', ...REGISTRATION, '1', ...REPORT]);
    const send = lan.inbound({ action: 'form:ok' }, 'send-1');
    const results = await Promise.all([h.core.handle(send), h.core.handle(send), h.core.handle(send)]);
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(h.store.reports.count()).toBe(1);
  });

  it('forgets update ids after 30 days (checked once a day)', async () => {
    await lan.say('/start');
    expect(h.store.inbox.count()).toBe(1);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 24 * 3600_000);
    await lan.say('/start');
    expect(h.store.inbox.count()).toBe(1);
  });

  it('every choice id offered in the flows fits Telegram’s 64-byte callback data', async () => {
    const ids = new Set<string>();
    const collect = (out: { choices?: { id: string }[] }[]) => out.forEach((o) => o.choices?.forEach((c) => ids.add(c.id)));
    for (const line of ['/baocao', ...REGISTRATION, '2', 'Kế hoạch', '.', '1', ...REPORT, 'Sửa', '1', '.', '/huy', 'Hạn nộp?']) {
      collect(await lan.say(line));
    }
    collect(await new ChatUser(h, 'x').say('Hạn nộp?'));
    expect(ids.size).toBeGreaterThan(20);
    for (const id of ids) expect(Buffer.byteLength(id, 'utf8'), id).toBeLessThanOrEqual(64);
  });

  it('the same update id on two channels are two updates', async () => {
    const tg = lan.inbound({ text: '/start' }, '7');
    expect(await h.core.handle(tg)).toHaveLength(1);
    expect(await h.core.handle({ ...tg, channel: 'zalo' })).toHaveLength(1);
  });

  it('a failure rolls back the whole message, dedup claim included, so a redelivery is handled', async () => {
    let fail = true;
    const flaky: Answerer = {
      answer(req: AnswerRequest): AnswerResult {
        if (fail) throw new Error('index not ready');
        return answerer.answer(req);
      },
    };
    h.cleanup();
    h = harness({ answerer: flaky });
    const user = new ChatUser(h, '9');
    const q = user.inbound({ text: 'thời tiết' }, 'retry-1');
    expect(seen(await h.core.handle(q))).toBe('Xin lỗi, đã có lỗi khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.');
    expect(h.store.questions.count()).toBe(0);
    expect(h.store.users.count()).toBe(0);
    fail = false;
    expect(seen(await h.core.handle(q))).toBe('Không tìm thấy thông tin này trong các kế hoạch.');
    expect(h.store.questions.count()).toBe(1);
  });

  it('messages committed together stay independent: one failing message does not undo the others', async () => {
    const picky: Answerer = {
      answer(req: AnswerRequest): AnswerResult {
        if (req.text.includes('hỏng')) throw new Error('broken question');
        return answerer.answer(req);
      },
    };
    h.cleanup();
    h = harness({ answerer: picky });
    const a = new ChatUser(h, '1');
    const b = new ChatUser(h, '2');
    await b.say('/dangky');
    const [bad, good] = await Promise.all([a.say('câu hỏi hỏng'), b.say('Trần Văn Bình')]);
    expect(seen(bad)).toBe('Xin lỗi, đã có lỗi khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.');
    expect(good[0]!.text).toContain('(Câu 2/5)');
    expect(h.store.users.get('telegram', '1')).toBeUndefined();
    expect(h.store.users.get('telegram', '2')).toBeDefined();
  });

  it('two users answering at the same time never see each other’s state', async () => {
    const binh = new ChatUser(h, '200');
    await Promise.all([lan.say('/baocao'), binh.say('/baocao')]);
    const lanAnswers = [REGISTRATION[0]!, 'UBND xã Phước Hiệp', ...REGISTRATION.slice(2), '1', ...REPORT, '1'];
    const binhAnswers = ['Trần Văn Bình', 'Trường THCS Nguyễn Du', '6', '-', '-', '1', '2024', 'Phát động tại trường', '45', '1', '2', '3', '4', '5', '-', '-', '-', '1'];
    expect(binhAnswers).toHaveLength(lanAnswers.length);
    const seenBy: Record<string, string[]> = { lan: [], binh: [] };
    for (let i = 0; i < lanAnswers.length; i++) {
      const [a, b] = await Promise.all([lan.say(lanAnswers[i]!), binh.say(binhAnswers[i]!)]);
      seenBy.lan!.push(seen(a));
      seenBy.binh!.push(seen(b));
    }
    expect(seenBy.lan!.join('\n')).toContain('Phước Hiệp');
    expect(seenBy.lan!.join('\n')).not.toContain('Nguyễn Du');
    expect(seenBy.lan!.join('\n')).not.toContain('Trần Văn Bình');
    expect(seenBy.binh!.join('\n')).toContain('Nguyễn Du');
    expect(seenBy.binh!.join('\n')).not.toContain('Phước Hiệp');
    expect(seenBy.binh!.join('\n')).not.toContain('Nguyễn Thị Lan');
    const reports = h.store.reports.listAll();
    expect(reports.map((r) => [r.userId, r.unitName, r.planId, r.year, r.answers.trainees])).toEqual([
      ['200', 'Trường THCS Nguyễn Du', 'khanh-hoa', 2024, 45],
      ['100', 'UBND xã Phước Hiệp', 'cu-chi', 2025, 120],
    ]);
  });

  it('the same user on two channels has two separate conversations', async () => {
    const onZalo = new ChatUser(h, '100', { channel: 'zalo' });
    await lan.sayAll(['/dangky', 'Nguyễn Thị Lan']);
    const r = await onZalo.say('UBND xã X');
    expect(seen(r)).toBe('Không tìm thấy trong các kế hoạch: UBND xã X');
  });
});

describe('timers', () => {
  it('replies while a test fakes the timers (group commit uses the real event loop)', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      expect(seen(await lan.say('/hoi'))).toContain('Hãy gõ câu hỏi sau lệnh /hoi');
    } finally {
      vi.useRealTimers();
    }
  });
});
