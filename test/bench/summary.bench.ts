/**
 * The summary files for 2,000 units: the XLSX (with its sheet "Tổng hợp", the detail sheets and
 * "Chưa báo cáo") and the DOCX báo cáo tổng hợp, each timed, with the longest event-loop block while
 * it is built (perf_hooks.monitorEventLoopDelay): building must leave the bot answering others.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildExport, type ExportFormat } from '../../src/admin/export/export.js';
import { openStore, type Store } from '../../src/store/db.js';
import { realKnowledge } from '../dialog/support.js';

const UNITS = 2000;
const YEAR = 2025;
const PLANS = ['cu-chi', 'khanh-hoa', 'thai-binh', 'tay-ninh'];

function seed(store: Store): void {
  for (let i = 0; i < UNITS; i++) {
    const planId = PLANS[i % PLANS.length]!;
    const contact = store.contacts.upsert({
      channel: 'telegram', userId: `u${i}`, chatId: `u${i}`, fullName: `Nguyễn Văn ${i}`, unitName: `UBND xã Thử Nghiệm ${i}`, planId, role: 'Chuyên viên', phone: '+84912345678', at: new Date('2025-01-10T02:00:00Z'),
    });
    // One unit in ten has not reported; the others with every field answered, as a long report.
    if (i % 10 === 9) continue;
    store.reports.submit({
      contactId: contact.id, channel: 'telegram', userId: `u${i}`, planId, unitName: contact.unitName, year: YEAR, at: new Date(`2025-11-${String(1 + (i % 28)).padStart(2, '0')}T02:00:00Z`),
      answers: {
        year: YEAR,
        activities: `Tổ chức ${i % 9} hội nghị phát động; ${i % 40} buổi tuyên truyền trên loa truyền thanh, trang thông tin điện tử và mạng xã hội.\n- Treo ${i % 30} băng rôn, pano`,
        trainees: 1000 + i, learningFamilies: i % 50, learningClans: i % 7, learningCitizens: i % 300, learningUnits: i % 3, learningCommunities: i % 2,
        models: `Mô hình “Tủ sách cộng đồng” tại thôn ${i % 12}, “Gia đình học tập” gắn với xây dựng nông thôn mới.`,
        difficulties: `- Kinh phí còn hạn chế\n- Thiếu cán bộ chuyên trách ở ${i % 5} thôn`,
        proposals: `Đề nghị tặng Giấy khen cho ${i % 4} tập thể, ${i % 3} cá nhân có thành tích xuất sắc.`,
      },
    });
  }
}

async function timed(store: Store, format: ExportFormat): Promise<{ seconds: number; maxBlockMs: number; bytes: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const file = await buildExport({ store, knowledge: realKnowledge(), timeZone: 'Asia/Ho_Chi_Minh', now: () => new Date('2025-12-05T03:00:00Z') }, { format, year: YEAR });
  const seconds = (performance.now() - start) / 1000;
  delay.disable();
  return { seconds, maxBlockMs: delay.max / 1e6, bytes: file.content.length };
}

export default async function summaryBench(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-summary-'));
  const store = openStore(join(dir, 'bench.sqlite'));
  try {
    seed(store);
    await timed(store, 'xlsx'); // warm-up: exceljs and docx load, JIT
    await timed(store, 'docx');
    const rows: string[] = [];
    for (const format of ['xlsx', 'docx'] as const) {
      const runs = [await timed(store, format), await timed(store, format), await timed(store, format)];
      const best = Math.min(...runs.map((r) => r.seconds));
      const block = Math.max(...runs.map((r) => r.maxBlockMs));
      rows.push(`| ${format.toUpperCase()} | ${best.toFixed(2)} | ${Math.max(...runs.map((r) => r.seconds)).toFixed(2)} | **${block.toFixed(0)}** | ${(runs[0]!.bytes / 1024).toFixed(0)} KiB |`);
    }
    const markdown = [
      `${UNITS.toLocaleString('en-US')} units in 4 plans, 90% of them with a report of ${YEAR} answering every field (texts with line breaks), 10% missing; three runs each after a warm-up.`,
      'XLSX: the five sheets (“Tổng hợp”, the three detail sheets, “Chưa báo cáo”); DOCX: the báo cáo tổng hợp quoting every unit’s texts.',
      '',
      '| file | best s | worst s | longest event-loop block ms | size |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      'Targets (issue 14): each ≤ 3 s for 2,000 units; no event-loop block over 100 ms while serving.',
    ].join('\n');
    return { title: 'Summary XLSX and DOCX (2,000 units)', markdown };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
