/**
 * End to end on Zalo: the real core, answerer, knowledge and SQLite store, the bot's own HTTP server,
 * and a local fake of the Zalo Bot Platform API (test/support/zalo-fake-api.ts). What is asserted is
 * what the Zalo user receives.
 */
import { BOT_COMMANDS } from '../../src/bot-commands.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswerer } from '../../src/answers/answerer.js';
import type { Answerer } from '../../src/answers/types.js';
import { createCore } from '../../src/dialog/core.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/loader.js';
import { silentLogger } from '../../src/log.js';
import { texts as dialogTexts } from '../../src/dialog/messages.js';
import { zaloFixtures, type FakeZaloOptions } from '../support/zalo-fake-api.js';
import { TrackingCore, WEBHOOK_SECRET, WEBHOOK_URL, zaloRig, type ZaloRig } from '../channels/zalo/harness.js';

let knowledge: Knowledge;
let answerer: Answerer;
beforeAll(() => {
  knowledge = loadKnowledge();
  answerer = createAnswerer(knowledge);
});

let rig: ZaloRig | undefined;
let tracker: TrackingCore;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

/** The Zalo channel's clock (download link expiry); the core keeps the real time. */
const zaloClock = { offsetMs: 0 };

async function startRig(env: Record<string, string> = {}, fake: FakeZaloOptions = {}): Promise<ZaloRig> {
  zaloClock.offsetMs = 0;
  rig = await zaloRig({
    env,
    fake,
    deps: { now: () => new Date(Date.now() + zaloClock.offsetMs) },
    core: (store, config) => (tracker = new TrackingCore(createCore({ store, knowledge, answerer, config, logger: silentLogger(), commands: BOT_COMMANDS }))),
  });
  return rig;
}

const LAN = 'e0f1a2b3c4d5';

/** A Zalo user typing: injects the message (long polling) and returns every message the bot sends back. */
async function say(text: string, opts: { userId?: string; messageId?: string; via?: 'poll' | 'webhook' } = {}): Promise<string[]> {
  const r = rig!;
  const userId = opts.userId ?? LAN;
  const t = tracker;
  const handled = t.handled;
  const sentBefore = r.fake.textsTo(userId).length;
  const expectedBefore = t.expectedTexts(userId);
  const update = zaloFixtures.text(text, { userId, ...(opts.messageId ? { messageId: opts.messageId } : {}) });
  if (opts.via === 'webhook') {
    const res = await r.fake.deliverToWebhook(r.localUrl, zaloFixtures.enveloped(update));
    expect(res.status).toBe(200);
  } else {
    r.fake.inject(update);
  }
  await vi.waitFor(() => expect(t.handled).toBe(handled + 1), { timeout: 15_000 });
  const count = t.expectedTexts(userId) - expectedBefore;
  const texts = await r.fake.waitForTexts(userId, sentBefore + count);
  return texts.slice(sentBefore);
}

async function sayAll(lines: readonly string[], opts: { userId?: string } = {}): Promise<string[]> {
  let last: string[] = [];
  for (const line of lines) last = await say(line, opts);
  return last;
}

const REGISTRATION = ['Nguyễn Thị Lan', 'UBND xã An Nhơn Tây', '4', 'Phó Chủ tịch UBND xã', '0912 345 678'];
const REPORT_FIRST_HALF = ['2025', 'Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền', '120 người', '12', 'bỏ qua'];
const REPORT_SECOND_HALF = ['mười hai', '-', '2', 'Mô hình “Gia đình học tập 4.0”', 'bo qua', 'Đề nghị tặng Giấy khen cho 2 tập thể'];

describe('Zalo end to end (long polling)', () => {
  it('greets as an automated assistant and answers the same question with and without diacritics', async () => {
    await startRig();
    const [greeting] = await say('/batdau');
    expect(greeting).toContain('Tôi là trợ lý tự động (chatbot)');
    expect(greeting).toContain('không phải cán bộ trực');

    const withMarks = await say('Hạn báo cáo kết quả thực hiện của Củ Chi là khi nào?');
    const without = await say('han bao cao ket qua thuc hien cua cu chi la khi nao');
    const answer = withMarks.join('\n');
    expect(answer).toContain('báo cáo kết quả thực hiện cho Hội đồng Thi đua - Khen thưởng huyện và Chủ tịch Ủy ban nhân dân huyện trước ngày 20 tháng 11 năm 2024.');
    expect(answer.split('\n')[0]).toMatch(/^Hạn và mốc thời gian \(Củ Chi\): trước ngày 20\/11\/2024/);
    expect(answer).toContain('Kế hoạch số 1792/KH-UBND');
    expect(without).toEqual(withMarks);
    for (const t of [...withMarks, ...without]) expect(t.length).toBeLessThanOrEqual(2000);
  });

  it('registers a unit and takes a full report with numbered choices, surviving a restart mid-report', async () => {
    const r = await startRig();
    let texts = await sayAll(['/dangky', 'Nguyễn Thị Lan', 'UBND xã An Nhơn Tây']);
    const planQuestion = texts.join('\n');
    expect(planQuestion).toContain('(Câu 3/5) Đơn vị của bạn thực hiện theo kế hoạch nào?');
    expect(planQuestion).toContain('4. Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
    expect(planQuestion).toContain('Trả lời 1, 2, 3, 4, 5 hoặc 6 (hoặc gõ đúng tên lựa chọn) để chọn.');

    texts = await sayAll(REGISTRATION.slice(2));
    expect(texts.join('\n')).toContain('1. Xác nhận\n2. Sửa\n3. Hủy\n\nTrả lời 1, 2 hoặc 3');
    texts = await say('1');
    expect(texts.join('\n')).toContain('✅ Đã lưu đăng ký đầu mối của đơn vị “UBND xã An Nhơn Tây”');

    await say('/baocao');
    await sayAll(REPORT_FIRST_HALF);

    // The process stops in the middle of the report and starts again on the same database.
    await r.stopBot();
    await r.startBot();

    texts = await sayAll(REPORT_SECOND_HALF);
    const summary = texts.join('\n');
    expect(summary).toContain('Tóm tắt báo cáo của bạn:');
    expect(summary).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 120');
    expect(summary).toContain('6. Số “Công dân học tập” được công nhận trong năm: 12');
    expect(summary).toContain('1. Gửi\n2. Sửa\n3. Hủy\n\nTrả lời 1, 2 hoặc 3 (hoặc gõ đúng tên lựa chọn) để chọn.');

    const receipt = (await say('1')).join('\n');
    const code = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(receipt)?.[1];
    expect(receipt).toContain('✅ Đã nhận báo cáo năm 2025 của đơn vị “UBND xã An Nhơn Tây”.');
    expect(code).toBeDefined();
    expect(r.store.reports.byCode(code!)).toMatchObject({ channel: 'zalo', userId: LAN, planId: 'cu-chi', year: 2025, version: 1 });
  });

  it('keeps the conversation: a plan picked by number from the numbered menu is remembered, follow-ups lean on it', async () => {
    await startRig();
    const [menu] = await say('kinh phí thực hiện lấy từ nguồn nào');
    expect(menu).toContain('1. Củ Chi — Kế hoạch 1792/KH-UBND');
    expect(menu).toContain('2. Tây Ninh — Kế hoạch UBND tỉnh');
    const picked = (await say('2')).join('\n');
    expect(picked).toContain('Kinh phí thực hiện (Tây Ninh)');
    const next = (await say('con khanh hoa thi sao')).join('\n');
    expect(next.split('\n')[0]).toBe('Khánh Hòa — kinh phí thực hiện (tiếp câu hỏi trước):');
    const [thanks, ...rest] = await say('cam on ban');
    expect(rest).toEqual([]);
    expect(thanks!.length).toBeLessThanOrEqual(200);
  });

  it('sends a long answer across plans as one short overview with numbered parts; a number opens that part', async () => {
    await startRig();
    const question = 'hình thức khen thưởng của các tỉnh';
    const full = answerer.answer({ text: question });
    expect(full.parts?.length).toBeGreaterThanOrEqual(3);
    const [overview, ...more] = await say(question);
    expect(more).toEqual([]);
    expect(overview!.length).toBeLessThanOrEqual(1400);
    expect(overview).toMatch(/\d phần — chọn một phần để xem nguyên văn:/);
    expect(overview).toContain(`2. ${full.parts![1]!.label}`);
    const part = (await say('2')).join('\n');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(squash(part)).toContain(squash(full.parts![1]!.text));
  });

  it('polls through idle 408 answers, backs off on 429 and 5xx, and still answers', async () => {
    const r = await startRig();
    await r.fake.waitFor(() => r.fake.calls.filter((c) => c.errorCode === 408).length >= 3, 'three idle polls');
    r.fake.failNext('getUpdates', 429);
    r.fake.failNext('getUpdates', 502);
    r.fake.failNext('sendMessage', 429);
    const texts = await say('tieu chi gia dinh hoc tap o thai binh');
    expect(texts.join('\n')).toContain('Đạt danh hiệu “Gia đình học tập” và “Dòng họ học tập”');
    const errors = r.fake.calls.filter((c) => c.errorCode !== undefined && c.errorCode !== 408).map((c) => `${c.method} ${c.errorCode}`);
    // A bot that never had a webhook: getWebhookInfo's 404 at start is "no webhook", not a failure.
    expect(errors).toEqual(['getWebhookInfo 404', 'getUpdates 429', 'getUpdates 502', 'sendMessage 429']);
  });

  it('stops on 401 with a clear error for the app, leaving later messages unread', async () => {
    const r = await startRig();
    await say('/batdau');
    r.fake.failNext('getUpdates', 401);
    await vi.waitFor(() => expect(r.fatal).toHaveLength(1));
    expect(r.fatal[0]!.message).toMatch(/^Zalo từ chối ZALO_BOT_TOKEN \(lỗi 401\): token sai hoặc đã được đặt lại\./);
    r.fake.inject(zaloFixtures.text('còn ai không?', { userId: LAN }));
    expect(r.fake.pendingUpdates).toBe(1);
  });

  it('explains pictures and stickers, ignores unknown events, and answers a redelivered message once', async () => {
    const r = await startRig();
    r.fake.inject(zaloFixtures.imagePhotoUrl({ userId: LAN }));
    r.fake.inject(zaloFixtures.sticker({ userId: LAN }));
    r.fake.inject(zaloFixtures.unknownEvent({ userId: LAN }));
    const [image, sticker] = await r.fake.waitForTexts(LAN, 2);
    expect(image).toContain('Bot chưa đọc được hình ảnh');
    expect(sticker).toContain('Bot chỉ hiểu tin nhắn chữ');

    const first = await say('/trogiup', { messageId: 'msg-dup-1' });
    expect(first.join('\n')).toContain('/baocao');
    // Redelivered after a restart: the stored inbox still knows it; it never reaches the core again.
    await r.stopBot();
    await r.startBot();
    const handledBefore = tracker.handled;
    r.fake.inject(zaloFixtures.text('/trogiup', { userId: LAN, messageId: 'msg-dup-1' }));
    const next = await say('/huy');
    expect(tracker.handled).toBe(handledBefore + 1);
    expect(r.fake.textsTo(LAN)).toHaveLength(2 + first.length + next.length);
  });

  it('warns the Zalo admin once when the monthly quota threshold is reached', async () => {
    const ADMIN = 'ad0000000001';
    const r = await startRig({ ZALO_MONTHLY_QUOTA: '20', ZALO_QUOTA_WARN_PERCENT: '50', ADMIN_IDS: `zalo:${ADMIN}` });
    await say('/batdau', { userId: ADMIN });
    for (let i = 0; i < 5; i++) await say('tieu chi gia dinh hoc tap o thai binh');
    await vi.waitFor(() => expect(r.fake.textsTo(ADMIN).some((t) => t.startsWith('⚠️ Cảnh báo hạn mức Zalo'))).toBe(true));
    const warnings = r.fake.textsTo(ADMIN).filter((t) => t.startsWith('⚠️'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('/20 tin nhắn của tháng');
    expect(warnings[0]).toContain('nâng gói Zalo Bot');
  });
});

describe('Zalo end to end (group chat)', () => {
  const BOT = 'Trợ lý Thi đua';
  const GROUP = 'grp0a1b2c3d4';

  /** A member writes in the group; returns what the bot sent to the group in reply. */
  async function inGroup(text: string, opts: { coreSeesIt?: boolean } = {}): Promise<string[]> {
    const r = rig!;
    const handled = tracker.handled;
    const sentBefore = r.fake.textsTo(GROUP).length;
    const expectedBefore = tracker.expectedTexts(GROUP);
    r.fake.inject(zaloFixtures.group(text, { userId: LAN, chatId: GROUP }));
    if (opts.coreSeesIt === false) return (await r.fake.waitForTexts(GROUP, sentBefore + 1)).slice(sentBefore);
    await vi.waitFor(() => expect(tracker.handled).toBe(handled + 1), { timeout: 15_000 });
    const count = tracker.expectedTexts(GROUP) - expectedBefore;
    return (await r.fake.waitForTexts(GROUP, sentBefore + count)).slice(sentBefore);
  }

  it('answers what is addressed to it without its @mention, and never runs a report in the group', async () => {
    // Group members mention the display name getMe gives, not the account name.
    const r = await startRig({}, { botName: 'bot.thidua.test', botDisplayName: BOT });
    const privately = await say('Hạn báo cáo kết quả thực hiện của Củ Chi là khi nào?');
    const inTheGroup = await inGroup(`@${BOT} Hạn báo cáo kết quả thực hiện của Củ Chi là khi nào?`);
    expect(inTheGroup).toEqual(privately);

    expect(await inGroup(`@${BOT} /baocao`)).toEqual([dialogTexts.privateOnly]);
    expect(await inGroup(`@${BOT} /dangky`)).toEqual([dialogTexts.privateOnly]);
    const [hint] = await inGroup(`@${BOT}`, { coreSeesIt: false });
    expect(hint).toContain(`ví dụ: @${BOT} hạn báo cáo của Củ Chi?`);

    // A registration under way in the private chat is not answered from the group.
    expect((await say('/dangky')).join('\n')).toContain('(Câu 1/5)');
    const privateBefore = r.fake.textsTo(LAN).length;
    const groupReply = (await inGroup(`@${BOT} Nguyễn Thị Lan`)).join('\n');
    expect(groupReply).not.toContain('(Câu 2/5)');
    expect(r.fake.textsTo(LAN)).toHaveLength(privateBefore);
    expect((await say('Nguyễn Thị Lan')).join('\n')).toContain('(Câu 2/5)');
  });
});

describe('Zalo end to end: admin export', () => {
  it('sends /xuat as a summary and a single-use link that works once and expires', async () => {
    const ADMIN = 'ad0000000002';
    const r = await startRig({ ADMIN_IDS: `zalo:${ADMIN}`, PUBLIC_BASE_URL: 'https://bot.example.vn', EXPORT_LINK_TTL_MINUTES: '15' });
    await sayAll(['/dangky', ...REGISTRATION, '1', '/baocao', ...REPORT_FIRST_HALF, ...REPORT_SECOND_HALF, '1']);

    const exported = (await say('/xuat csv', { userId: ADMIN })).join('\n');
    expect(exported).toContain('📎 Dữ liệu báo cáo (mọi năm): 1 báo cáo của các đơn vị (bản mới nhất), 1 lần gửi, 1 đầu mối đã đăng ký.');
    expect(exported).toMatch(/Tải tệp \S+\.csv \(\d+ (?:byte|KB)\) tại:\nhttps:\/\/bot\.example\.vn\/downloads\/[A-Za-z0-9_-]{43}\n/);
    expect(exported).toContain('Liên kết chỉ dùng được một lần và hết hạn sau 15 phút');
    const path = new URL(/https:\/\/bot\.example\.vn\/downloads\/\S+/.exec(exported)![0]).pathname;

    // Opening the link (or a chat app's preview of it) shows a page and uses nothing up.
    const page = await fetch(`${r.localUrl}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Tải tệp');
    const file = await fetch(`${r.localUrl}${path}`, { method: 'POST' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await file.text();
    expect(csv).toContain('UBND xã An Nhơn Tây');
    expect(csv).toContain('Nguyễn Thị Lan');
    expect((await fetch(`${r.localUrl}${path}`, { method: 'POST' })).status).toBe(410);

    // A second link, left unused past its lifetime.
    const second = (await say('/xuat', { userId: ADMIN })).join('\n');
    const secondPath = new URL(/https:\/\/bot\.example\.vn\/downloads\/\S+/.exec(second)![0]).pathname;
    expect(second).toMatch(/Tải tệp \S+\.xlsx/);
    zaloClock.offsetMs = 16 * 60_000;
    expect((await fetch(`${r.localUrl}${secondPath}`, { method: 'POST' })).status).toBe(410);
  });

  it('says how to get the export when PUBLIC_BASE_URL is not set', async () => {
    const ADMIN = 'ad0000000003';
    await startRig({ ADMIN_IDS: `zalo:${ADMIN}` });
    const texts = (await say('/xuat', { userId: ADMIN })).join('\n');
    expect(texts).toContain('không tạo được liên kết tải');
    expect(texts).toContain('npm run -s cli -- export --format xlsx --out baocao.xlsx');
    expect(texts).not.toContain('/downloads/');
  });
});

describe('Zalo end to end (webhook)', () => {
  it('registers the webhook, answers correct deliveries, refuses wrong or missing secrets, rejects arrays', async () => {
    const r = await startRig({ ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(r.fake.webhook).toMatchObject({ url: WEBHOOK_URL, secret: WEBHOOK_SECRET });

    const forged = zaloFixtures.text('/batdau', { userId: LAN });
    expect((await r.fake.deliverToWebhook(r.localUrl, forged, { secret: 'not-the-secret' })).status).toBe(403);
    expect((await r.fake.deliverToWebhook(r.localUrl, forged, { secret: null })).status).toBe(403);
    expect((await r.fake.deliverToWebhook(r.localUrl, zaloFixtures.array(forged))).status).toBe(400);
    expect((await r.fake.deliverToWebhook(r.localUrl, zaloFixtures.unknownEvent({ userId: LAN }))).status).toBe(200);
    expect(tracker.handled).toBe(0);

    const enveloped = await say('Khánh Hòa có những hình thức khen thưởng nào?', { via: 'webhook' });
    expect(enveloped.join('\n')).toContain('Khánh Hòa');

    // A bare body, and the same message_id delivered twice at once: handled once.
    const bare = zaloFixtures.text('khanh hoa co nhung hinh thuc khen thuong nao', { userId: LAN, messageId: 'wh-dup' });
    const before = r.fake.textsTo(LAN).length;
    const [a, b] = await Promise.all([r.fake.deliverToWebhook(r.localUrl, bare), r.fake.deliverToWebhook(r.localUrl, bare)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await vi.waitFor(() => expect(tracker.handled).toBe(2));
    const texts = await r.fake.waitForTexts(LAN, before + enveloped.length);
    expect(texts.slice(before)).toEqual(enveloped);
    expect(tracker.handled).toBe(2);
  });
});
