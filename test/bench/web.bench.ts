/**
 * The admin web page on a realistic database: 2,000 units over the six plans and 4,400 report versions
 * (every unit reported for 2024; four in five for 2025, half of those twice). Server time of each page
 * (fastify inject: routing, session check, queries, template; no network), p50 and p95 over repeated
 * requests, and a walk through every page of the report table, which reads one page of rows at a time.
 * Target (issue 15): each page ≤ 100 ms at p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/log.js';
import { createHttpServer } from '../../src/server/http.js';
import { openStore, type Store } from '../../src/store/db.js';
import { registerWebRoutes } from '../../src/web/routes.js';
import { realKnowledge, testConfig } from '../dialog/support.js';

const UNITS = 2000;
const BASE = 'https://bot.example.vn';
const NOW = new Date('2025-11-20T03:00:00Z');

function seed(store: Store): number {
  const plans = realKnowledge().plans;
  const answers = (i: number) => ({
    activities: `Tổ chức ${i % 7} hội nghị phát động, ${i % 30} buổi tuyên truyền về xây dựng xã hội học tập;\nviết bài, treo pano, khẩu hiệu.`,
    trainees: 50 + (i % 400),
    learningFamilies: i % 50,
    models: 'Mô hình “Gia đình học tập 4.0”, tủ sách cộng đồng',
    proposals: 'Đề nghị tặng Giấy khen cho 2 tập thể, 3 cá nhân',
  });
  let versions = 0;
  store.transaction(() => {
    for (let i = 0; i < UNITS; i++) {
      const plan = plans[i % plans.length]!;
      const c = store.contacts.upsert({ channel: i % 4 === 1 ? 'zalo' : 'telegram', userId: `u${i}`, chatId: `u${i}`, fullName: `Nguyễn Văn Đầu Mối ${i}`, unitName: `UBND xã số ${i}`, planId: plan.id, role: 'Chuyên viên', phone: '+84912345678', at: new Date('2025-01-10T02:00:00Z') });
      const report = (year: number, day: number) =>
        store.reports.submit({ contactId: c.id, channel: c.channel, userId: c.userId, planId: c.planId, unitName: c.unitName, year, answers: { year, ...answers(i) }, at: new Date(Date.UTC(year, 10, day, 3)) });
      report(2024, 1 + (i % 25));
      versions++;
      if (i % 5 !== 0) {
        report(2025, 1 + (i % 19));
        versions++;
        if (i % 2 === 0) {
          report(2025, 19);
          versions++;
        }
      }
    }
    for (let i = 0; i < 500; i++) {
      store.questions.record({ channel: 'telegram', status: i % 3 ? 'not_found' : 'clarify', intent: 'unknown', text: `Câu hỏi số ${i % 120} về thời tiết?`, at: new Date(NOW.getTime() - i * 60_000) });
    }
  });
  return versions;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export default async function (): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-web-'));
  const store = openStore(join(dir, 'bench.sqlite'));
  const http = createHttpServer({ logger: silentLogger() });
  try {
    const versions = seed(store);
    const config = testConfig({ PUBLIC_BASE_URL: BASE, ADMIN_IDS: 'telegram:1' });
    const page = registerWebRoutes(http, { config, store, knowledge: realKnowledge(), logger: silentLogger(), channels: () => [], now: () => NOW });
    await http.ready();
    const host = new URL(BASE).host;
    const signIn = await http.inject({ method: 'POST', url: new URL(page.linkUrl(page.access.issueLink({ channel: 'telegram', userId: '1' }).token)).pathname, headers: { host, origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const get = async (url: string) => {
      const res = await http.inject({ method: 'GET', url, headers: { host, cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
      return res.body;
    };
    const code = store.reports.listLatest({ year: 2025 })[0]!.code;

    const pages: [string, string][] = [
      ['Tổng quan (2025)', '/quantri/?nam=2025'],
      ['Báo cáo, page 1', '/quantri/bao-cao?nam=2025'],
      ['Báo cáo, last page, sorted by time desc', '/quantri/bao-cao?nam=2025&sap-xep=thoi-gian&chieu=giam&trang=40'],
      ['Báo cáo, late only', '/quantri/bao-cao?nam=2025&trang-thai=muon'],
      ['Báo cáo, search "xa so 19"', '/quantri/bao-cao?nam=2025&tim=xa+so+19'],
      ['one report (2 versions)', `/quantri/bao-cao/${code}`],
      ['Chưa báo cáo (400 units, contacts)', '/quantri/chua-bao-cao?nam=2025'],
      ['Câu hỏi chưa trả lời', '/quantri/cau-hoi'],
    ];
    const RUNS = 40;
    const rows: string[] = [];
    for (const [label, url] of pages) {
      await get(url);
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        bytes = (await get(url)).length;
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      rows.push(`| ${label} | ${percentile(samples, 50).toFixed(1)} | ${percentile(samples, 95).toFixed(1)} | ${(bytes / 1024).toFixed(0)} KiB |`);
    }

    // Every page of the table, one after another: each reads at most 50 rows.
    const walkStart = performance.now();
    let walked = 0;
    let units = 0;
    for (let n = 1; ; n++) {
      const body = await get(`/quantri/bao-cao?nam=2025&trang=${n}`);
      walked++;
      units += (body.match(/<tr class="/g) ?? []).length;
      if (!body.includes('rel="next"')) break;
    }
    const walkMs = performance.now() - walkStart;

    const markdown = [
      `${UNITS.toLocaleString('en')} units over ${realKnowledge().plans.length} plans, ${versions.toLocaleString('en')} report versions, 500 logged questions (file database, WAL). Server time per request through fastify's inject (session check, SQL, eta template), ${RUNS} requests each after one warm-up. Target: ≤ 100 ms at p95.`,
      '',
      '| page | p50 ms | p95 ms | size |',
      '|---|---:|---:|---:|',
      ...rows,
      '',
      `Walking the whole report table of 2025: ${walked} pages of at most 50 rows, ${units} units in all, ${walkMs.toFixed(0)} ms (${(walkMs / walked).toFixed(1)} ms a page); each page is one SQL query with LIMIT/OFFSET (its total by a window count), never the whole table.`,
    ].join('\n');
    return { title: 'Admin web page (/quantri)', markdown };
  } finally {
    await http.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
