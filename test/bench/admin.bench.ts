/**
 * Admin features on a realistic database: 2,000 unit contacts over the six plans and 3,000 stored
 * report versions (long Vietnamese answers). How long an export takes (XLSX with its five sheets, CSV),
 * the statistics of /thongke, the reminder selection of a busy day, and sending that day's reminders
 * through a channel that answers at once (the database part of a run; pacing switched off).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseIsoDate } from '../../src/calendar.js';
import { buildExport } from '../../src/admin/export/export.js';
import { createReminderRecords } from '../../src/admin/reminders/records.js';
import { dueReminders } from '../../src/admin/reminders/select.js';
import { sendReminders } from '../../src/admin/reminders/send.js';
import { reportingStats } from '../../src/admin/stats.js';
import type { ChannelHandle } from '../../src/channels/types.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/db.js';
import { realKnowledge } from '../dialog/support.js';

const CONTACTS = 2000;
const TZ = 'Asia/Ho_Chi_Minh';

async function timeMs(fn: () => unknown, runs: number): Promise<{ median: number; max: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, max: samples.at(-1)! };
}

function seed(store: Store): number {
  const plans = realKnowledge().plans;
  const answers = (i: number) => ({
    activities: `Tổ chức ${i % 7} hội nghị phát động, ${i % 30} buổi tuyên truyền về xây dựng xã hội học tập;\nviết bài, treo pano, khẩu hiệu tại trụ sở, nhà văn hóa.`,
    trainees: 50 + (i % 400),
    learningFamilies: i % 50,
    learningClans: i % 5,
    learningCitizens: i % 80,
    learningUnits: i % 4,
    learningCommunities: i % 3,
    models: 'Mô hình “Gia đình học tập 4.0”, tủ sách cộng đồng, lớp học kỹ năng số cho người cao tuổi',
    difficulties: 'Kinh phí còn hạn chế, cán bộ kiêm nhiệm',
    proposals: 'Đề nghị tặng Giấy khen cho 2 tập thể, 3 cá nhân',
  });
  let versions = 0;
  store.transaction(() => {
    for (let i = 0; i < CONTACTS; i++) {
      const plan = plans[i % plans.length]!;
      const c = store.contacts.upsert({
        channel: i % 4 === 1 ? 'zalo' : 'telegram',
        userId: `u${i}`,
        chatId: `u${i}`,
        fullName: `Nguyễn Văn Đầu Mối ${i}`,
        unitName: `UBND xã số ${i}`,
        planId: plan.id,
        role: 'Chuyên viên',
        phone: '0912 345 678',
        at: new Date('2025-01-10T02:00:00Z'),
      });
      // Four in five report for 2025, half of those twice; everyone had a 2024 report.
      const report = (year: number) =>
        store.reports.submit({ contactId: c.id, channel: c.channel, userId: c.userId, planId: c.planId, unitName: c.unitName, year, answers: { year, ...answers(i) }, at: new Date('2025-11-01T02:00:00Z') });
      report(2024);
      versions++;
      if (i % 5 !== 0) {
        report(2025);
        versions++;
        if (i % 2 === 0) {
          report(2025);
          versions++;
        }
      }
    }
  });
  return versions;
}

export default async function (): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-admin-'));
  const store = openStore(join(dir, 'bench.sqlite'));
  try {
    const knowledge = realKnowledge();
    const versions = seed(store);
    const deps = { store, knowledge, timeZone: TZ };
    let xlsxBytes = 0;
    let csvBytes = 0;
    const xlsx = await timeMs(async () => (xlsxBytes = (await buildExport(deps, { format: 'xlsx' })).content.length), 3);
    // How long the bot cannot answer anyone else while an XLSX export is built.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    await buildExport(deps, { format: 'xlsx' });
    loop.disable();
    const longestBlockMs = loop.max / 1e6;
    const csv = await timeMs(async () => (csvBytes = (await buildExport(deps, { format: 'csv' })).content.length), 5);
    const today = parseIsoDate('2025-11-29')!;
    const stats = await timeMs(() => reportingStats({ store, knowledge }, { year: 2025, today, timeZone: TZ }), 20);
    const due = dueReminders({ store, knowledge }, { date: today, offsets: [7, 3, 1] });
    const select = await timeMs(() => dueReminders({ store, knowledge }, { date: today, offsets: [7, 3, 1] }), 20);
    const instant: ChannelHandle[] = ['telegram', 'zalo'].map((channel) => ({ channel: channel as 'telegram' | 'zalo', send: async () => {}, stop: async () => {} }));
    const records = createReminderRecords(store.db);
    const sendStart = performance.now();
    const result = await sendReminders(
      { records, channels: instant, logger: silentLogger(), limits: { telegram: { minIntervalMs: 0, perChatIntervalMs: 0 }, zalo: { minIntervalMs: 0, perChatIntervalMs: 0 } } },
      due,
    );
    const sendMs = performance.now() - sendStart;
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    const markdown = [
      `${CONTACTS.toLocaleString('en')} contacts over ${knowledge.plans.length} plans, ${versions.toLocaleString('en')} report versions (file database, WAL).`,
      '',
      '| operation | median ms | max ms | notes |',
      '|---|---:|---:|---|',
      `| export XLSX (5 sheets: Tổng hợp, three detail sheets, Chưa báo cáo) | ${xlsx.median.toFixed(0)} | ${xlsx.max.toFixed(0)} | ${kib(xlsxBytes)}; longest event-loop block ${longestBlockMs.toFixed(0)} ms |`,
      `| export CSV (every version) | ${csv.median.toFixed(0)} | ${csv.max.toFixed(0)} | ${kib(csvBytes)} |`,
      `| /thongke statistics (year 2025) | ${stats.median.toFixed(1)} | ${stats.max.toFixed(1)} | |`,
      `| reminder selection, 29/11/2025 | ${select.median.toFixed(1)} | ${select.max.toFixed(1)} | ${due.length} reminders due |`,
      `| send that day's reminders (claim + record, no pacing) | ${sendMs.toFixed(0)} | | ${result.sent} sent, ${(result.sent / (sendMs / 1000)).toFixed(0)}/s |`,
      '',
      'With pacing on, a run is bounded by the platforms: at most 20 messages/s on Telegram and 4/s on Zalo (src/admin/reminders/pacer.ts), so the day above takes about',
      `${Math.ceil(due.filter((r) => r.contact.channel === 'zalo').length / 4)} s on Zalo and ${Math.ceil(due.filter((r) => r.contact.channel === 'telegram').length / 20)} s on Telegram, in parallel.`,
    ].join('\n');
    return { title: 'Admin: exports, statistics, reminders', markdown };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
