/**
 * The admin page on a real HTTP server (the bot's own fastify server, on a free loopback port) over
 * a temp database seeded with a small known picture, a clock fixed on 20/11/2025 10:00 (Việt Nam) and
 * fake channels that record what the reminder button sends.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ChannelHandle } from '../../src/channels/types.js';
import type { ChannelName, Config } from '../../src/config.js';
import type { Outbound } from '../../src/dialog/types.js';
import { BOT_COMMANDS } from '../../src/bot-commands.js';
import { createCore } from '../../src/dialog/core.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { createHttpServer } from '../../src/server/http.js';
import type { Store } from '../../src/store/db.js';
import { createReminderQueue } from '../../src/web/send-reminders.js';
import { registerWebRoutes, type WebPage } from '../../src/web/routes.js';
import { addContact, FakeAnswerer, realKnowledge, submitReport, tempStore, testConfig, type TempStore } from '../admin/support.js';

export const ADMIN = { channel: 'telegram' as const, userId: '111' };
export const NOW = new Date('2025-11-20T03:00:00Z');

export interface FakeChannel extends ChannelHandle {
  sent: { chatId: string; messages: Outbound[] }[];
}

export function fakeChannel(channel: ChannelName): FakeChannel {
  const sent: FakeChannel['sent'] = [];
  return { channel, sent, send: async (chatId, messages) => void sent.push({ chatId, messages }), stop: async () => undefined };
}

/** A clock that never waits: pacing is the sender's business, tested in test/admin. */
const instantClock = { now: () => 0, sleep: async () => undefined };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface WebHarness {
  url: string;
  config: Config;
  store: Store;
  http: FastifyInstance;
  page: WebPage;
  telegram: FakeChannel;
  zalo: FakeChannel;
  clock: { now: Date };
  /** What the bot answers to `text` typed in a private chat by `from` (e.g. "/quantri"). */
  say(text: string, from?: { channel: ChannelName; userId: string }): Promise<string>;
  /** A fresh sign-in link for `admin` (what /quantri hands out). */
  link(admin?: { channel: ChannelName; userId: string }): string;
  close(): Promise<void>;
}

/**
 * The seeded picture for 2025 (clock on 20/11/2025):
 * - Củ Chi (last day 14/11, passed): An Nhơn Tây on time (two versions), Phú Hòa Đông late, Trung Lập missing.
 * - Thái Bình (last day 30/11, ahead): Vũ Thư (a name with markup) on time; Đông Hưng (two contacts,
 *   Telegram and Zalo) and Kiến Xương missing.
 */
export function seed(store: Store): void {
  const anNhon = addContact(store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan', phone: '+84912345678', role: 'Phó Chủ tịch' });
  submitReport(store, anNhon, 2025, { activities: 'Tổ chức 3 hội nghị phát động', learningFamilies: 120 }, new Date('2025-11-10T03:30:00Z'));
  submitReport(store, anNhon, 2025, { activities: 'Tổ chức 4 hội nghị phát động (sửa)', learningFamilies: 125 }, new Date('2025-11-18T03:30:00Z'));
  const phuHoa = addContact(store, { planId: 'cu-chi', unitName: 'UBND xã Phú Hòa Đông', fullName: 'Trần Văn Bình' });
  submitReport(store, phuHoa, 2025, { activities: 'Tuyên truyền trên loa truyền thanh' }, new Date('2025-11-18T03:30:00Z'));
  addContact(store, { planId: 'cu-chi', unitName: 'UBND xã Trung Lập', fullName: 'Lê Thị Cúc', phone: '+84987654321' });
  const vuThu = addContact(store, { planId: 'thai-binh', unitName: 'UBND xã Vũ Thư <script>alert(1)</script>', fullName: 'Phạm Văn Dũng' });
  submitReport(store, vuThu, 2025, { activities: '<img src=x onerror=alert(2)> & “trích dẫn”' }, new Date('2025-11-12T03:30:00Z'));
  addContact(store, { planId: 'thai-binh', unitName: 'Trường THCS Đông Hưng', fullName: 'Hoàng Thị Em', channel: 'telegram', userId: '5001' });
  addContact(store, { planId: 'thai-binh', unitName: 'Trường THCS Đông Hưng', fullName: 'Vũ Văn Phúc', channel: 'zalo', userId: 'z5002' });
  addContact(store, { planId: 'thai-binh', unitName: 'Phòng GD&ĐT Kiến Xương', fullName: 'Đỗ Thị Giang', channel: 'telegram', userId: '5003' });
  const at = (iso: string) => new Date(iso);
  store.questions.record({ channel: 'telegram', status: 'not_found', intent: 'unknown', text: 'Thời tiết mai thế nào?', at: at('2025-11-01T01:00:00Z') });
  store.questions.record({ channel: 'zalo', status: 'not_found', intent: 'unknown', text: 'thoi tiet mai the nao', at: at('2025-11-02T01:00:00Z') });
  store.questions.record({ channel: 'telegram', status: 'clarify', intent: 'deadlines', text: 'Hạn nộp <b>khi nào</b>?', at: at('2025-11-03T01:00:00Z') });
}

export async function webHarness(opts: { seed?: boolean; env?: Record<string, string>; logger?: Logger; baseUrl?: (port: number) => string } = {}): Promise<WebHarness> {
  const port = await freePort();
  const url = opts.baseUrl?.(port) ?? `http://127.0.0.1:${port}`;
  const logger = opts.logger ?? silentLogger();
  const t: TempStore = tempStore();
  if (opts.seed !== false) seed(t.store);
  const config = testConfig({ PUBLIC_BASE_URL: url, ADMIN_IDS: `${ADMIN.channel}:${ADMIN.userId}`, ...opts.env });
  const clock = { now: NOW };
  const now = () => clock.now;
  const telegram = fakeChannel('telegram');
  const zalo = fakeChannel('zalo');
  const channels = () => [telegram, zalo];
  const http = createHttpServer({ logger });
  const reminders = createReminderQueue({ store: t.store, logger, channels, now, clock: instantClock });
  const page = registerWebRoutes(http, { config, store: t.store, knowledge: realKnowledge(), logger, channels, now, reminders });
  await http.listen({ port, host: '127.0.0.1' });
  const core = createCore({ store: t.store, knowledge: realKnowledge(), answerer: new FakeAnswerer(), config, logger, now, commands: BOT_COMMANDS });
  let update = 1;
  return {
    url,
    config,
    store: t.store,
    http,
    page,
    telegram,
    zalo,
    clock,
    async say(text, from = ADMIN) {
      const replies = await core.handle({ channel: from.channel, userId: from.userId, chatId: from.userId, chatType: 'private', text, displayName: 'Quản trị', updateId: String(update++) });
      return replies.map((r) => r.text).join('\n\n');
    },
    link: (admin = ADMIN) => page.linkUrl(page.access.issueLink(admin).token),
    async close() {
      await reminders.idle();
      await http.close();
      t.cleanup();
    },
  };
}
