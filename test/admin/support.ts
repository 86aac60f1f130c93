/**
 * Test helpers for the admin features: a store in a temp dir seeded with contacts and reports written
 * the way the dialog writes them (through the repositories), including answers that are hard to export
 * (line breaks, quotes, commas, Vietnamese, text that looks like a formula).
 */
import { join } from 'node:path';
import type { Clock } from '../../src/admin/reminders/pacer.js';
import type { ChannelHandle } from '../../src/channels/types.js';
import type { ChannelName } from '../../src/config.js';
import type { Outbound } from '../../src/dialog/types.js';
import type { Contact } from '../../src/store/contacts.js';
import { openStore, type Store } from '../../src/store/db.js';
import type { Report, ReportAnswers } from '../../src/store/reports.js';
import { tempDir } from '../dialog/support.js';

export { ChatUser, FakeAnswerer, harness, realKnowledge, seen, tempDir, testConfig, type Harness } from '../dialog/support.js';

export interface TempStore {
  store: Store;
  path: string;
  reopen(): Store;
  cleanup(): void;
}

export function tempStore(): TempStore {
  const tmp = tempDir('thidua-admin-');
  const path = join(tmp.dir, 'thidua.sqlite');
  const t: TempStore = {
    store: openStore(path),
    path,
    reopen() {
      t.store.close();
      t.store = openStore(path);
      return t.store;
    },
    cleanup() {
      t.store.close();
      tmp.cleanup();
    },
  };
  return t;
}

let nextUser = 1000;

export function addContact(
  store: Store,
  p: { planId: string; unitName: string; fullName?: string; channel?: ChannelName; userId?: string; role?: string | null; phone?: string | null; at?: Date },
): Contact {
  const userId = p.userId ?? String(nextUser++);
  return store.contacts.upsert({
    channel: p.channel ?? 'telegram',
    userId,
    chatId: userId,
    fullName: p.fullName ?? 'Nguyễn Văn An',
    unitName: p.unitName,
    planId: p.planId,
    role: p.role ?? null,
    phone: p.phone ?? null,
    at: p.at ?? new Date('2025-01-15T02:00:00Z'),
  });
}

export function submitReport(store: Store, contact: Contact, year: number, answers: ReportAnswers, at = new Date('2025-11-10T03:30:00Z')): Report {
  return store.reports.submit({
    contactId: contact.id,
    channel: contact.channel,
    userId: contact.userId,
    planId: contact.planId,
    unitName: contact.unitName,
    year,
    answers: { year, ...answers },
    at,
  });
}

/** Answers that break naive CSV and spreadsheet writers. */
export const TRICKY_ANSWERS: ReportAnswers = {
  activities: 'Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền;\nviết 5 bài "Học tập suốt đời" trên trang tin, có dấu phẩy, và “ngoặc kép”',
  trainees: 120,
  learningFamilies: 12,
  learningClans: null,
  learningCitizens: 40,
  learningUnits: 0,
  learningCommunities: 2,
  models: '=HYPERLINK("http://x","bấm vào đây")',
  difficulties: '- Kinh phí còn hạn chế\n- Thiếu cán bộ chuyên trách\r\n- Dòng thứ ba',
  proposals: 'Đề nghị tặng Giấy khen cho 2 tập thể, 1 cá nhân',
};

/** A channel that records what it was asked to send; chats in `refuse` reject with the given error. */
export class FakeChannel implements ChannelHandle {
  readonly sent: { chatId: string; messages: Outbound[]; at: number }[] = [];
  readonly refuse = new Map<string, Error>();
  constructor(
    readonly channel: ChannelName,
    private readonly clock?: Clock,
  ) {}
  async send(chatId: string, messages: Outbound[]): Promise<void> {
    const err = this.refuse.get(chatId);
    if (err) throw err;
    this.sent.push({ chatId, messages, at: this.clock?.now() ?? 0 });
  }
  async stop(): Promise<void> {}
}

/** Virtual time: sleeping moves the clock, nothing waits. */
export function virtualClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}
