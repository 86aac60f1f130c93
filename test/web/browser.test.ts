/**
 * The admin page in a real browser (Debian's chromium driven by playwright-core; skipped when
 * /usr/bin/chromium is absent): the link from /quantri, the figures against the database, filters,
 * a report with its versions, each download, the reminder button queued once, and what users wrote
 * shown as text. Screenshots at phone (390×844) and desktop (1366×768) widths go to
 * test/web/screenshots/ (git-ignored) for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingStats } from '../../src/admin/stats.js';
import { localDate } from '../../src/calendar.js';
import { realKnowledge } from '../admin/support.js';
import { NOW, webHarness, type WebHarness } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
/** The flags of /work/.library/env/machines/node.md: this machine's network is closed. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

describe.skipIf(!existsSync(CHROMIUM))('the admin page in chromium', () => {
  let h: WebHarness;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await webHarness();
    profile = mkdtempSync(join(tmpdir(), 'thidua-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: DESKTOP, acceptDownloads: true, locale: 'vi-VN' });
    page = context.pages()[0] ?? (await context.newPage());
    // Any script that ran (an alert from a unit name) would show up here.
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await h?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('opens the link from /quantri and shows the figures of the database', async () => {
    const reply = await h.say('/quantri');
    const link = /http:\/\/\S+\/quantri\/vao\/\S+/.exec(reply)?.[0];
    expect(link, reply).toBeDefined();
    await page.goto(link!);
    await shoot(page, 'signin');
    await page.getByRole('button', { name: 'Vào trang quản trị' }).click();
    await expect.poll(() => page.url()).toBe(`${h.url}/quantri/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tổng quan năm 2025');

    const stats = reportingStats({ store: h.store, knowledge: realKnowledge() }, { year: 2025, today: localDate(NOW, h.config.timeZone), timeZone: h.config.timeZone });
    for (const s of stats) {
      const card = page.locator(`[data-plan="${s.planId}"]`);
      const figure = (k: string) => card.locator(`dd[data-k="${k}"]`).textContent();
      expect(await figure('registered')).toBe(String(s.units.length));
      expect(await figure('reported')).toBe(String(s.reported.length + s.reportedWithoutContact));
      expect(await figure('late')).toBe(String(s.late));
      expect(await figure('missing')).toBe(String(s.missing.length));
    }
    expect(await page.locator('[data-plan="cu-chi"] dd[data-k="late"]').textContent()).toBe('1');
    expect(await page.locator('[data-plan="cu-chi"] .deadline').textContent()).toContain('đã quá hạn 6 ngày');
    // The /thongke chart, drawn for the page under the same strict policy (an image of the site itself).
    // The first chart of a process starts its drawing worker (a second or two on a busy machine).
    await expect
      .poll(() => page.locator('img.chart').evaluate((el) => { const img = el as unknown as { complete: boolean; naturalWidth: number }; return img.complete && img.naturalWidth; }), { timeout: 20_000 })
      .toBe(1080);
    await shoot(page, 'overview');
  });

  it('filters the reports, shows what units wrote as text, and opens a report with all its versions', async () => {
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const rows = page.locator('table.reports tbody tr');
    await expect.poll(() => rows.count()).toBe(6);
    // The unit name with markup is shown as written, and nothing ran.
    expect(await page.locator('table.reports').textContent()).toContain('UBND xã Vũ Thư <script>alert(1)</script>');
    await shoot(page, 'reports');

    await page.locator('select[name="trang-thai"]').selectOption('muon');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('UBND xã Phú Hòa Đông');

    await page.locator('select[name="trang-thai"]').selectOption('');
    await page.locator('input[name="tim"]').fill('an nhon tay');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('link', { name: 'UBND xã An Nhơn Tây' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('UBND xã An Nhơn Tây');
    const versions = page.locator('section.version h2');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('Lần gửi 2 (mới nhất)');
    expect(await page.locator('section.version').first().textContent()).toContain('Tổ chức 4 hội nghị phát động (sửa)');
    expect(await page.locator('.lead').textContent()).toContain('Đúng hạn');
    await shoot(page, 'report');

    // Sorting by a column: the latest submission first.
    await page.goto(`${h.url}/quantri/bao-cao?nam=2025`);
    await page.getByRole('link', { name: 'Gửi lúc' }).click();
    await page.getByRole('link', { name: /Gửi lúc/ }).click();
    expect(page.url()).toContain('chieu=giam');
    expect(await rows.first().textContent()).toMatch(/An Nhơn Tây|Phú Hòa Đông/);
    expect(dialogs).toEqual([]);
  });

  it('downloads the báo cáo tổng hợp (DOCX) of the current filter', async () => {
    await page.goto(`${h.url}/quantri/bao-cao?nam=2025&ke-hoach=cu-chi`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo tổng hợp (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('UBND xã An Nhơn Tây');
    expect(xml).not.toContain('Vũ Thư');
  });

  it('downloads the XLSX and the CSV of the current filter', async () => {
    await page.goto(`${h.url}/quantri/bao-cao?nam=2025&ke-hoach=cu-chi`);
    for (const [label, ext] of [['Tải Excel (XLSX)', 'xlsx'], ['Tải CSV', 'csv']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^bao-cao-thi-dua_cu-chi_2025_.*\\.${ext}$`));
      const file = readFileSync((await download.path())!);
      if (ext === 'xlsx') expect(file.subarray(0, 2).toString()).toBe('PK');
      else {
        const text = file.toString('utf8');
        expect(text).toContain('UBND xã An Nhơn Tây');
        expect(text).not.toContain('Vũ Thư');
      }
    }
  });

  it('queues the reminders of the missing units once, however often the button is pressed', async () => {
    await page.getByRole('link', { name: 'Chưa báo cáo', exact: true }).click();
    await page.locator('select[name="ke-hoach"]').selectOption('');
    await page.getByRole('button', { name: 'Xem' }).click();
    expect(await page.locator('main').textContent()).toContain('Lê Thị Cúc');
    await shoot(page, 'missing');
    // A second tab on the same page, pressed after the first: the same reminders must not go out twice.
    const stale = await context.newPage();
    await stale.goto(page.url());
    // Củ Chi's deadline has passed: only Thái Bình's three contacts (two units) are reminded.
    await page.getByRole('button', { name: 'Gửi nhắc ngay (3 đầu mối)' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Đã xếp 3 lời nhắc vào hàng gửi');
    await h.page.reminders.idle();
    expect(h.telegram.sent.map((s) => s.chatId).sort()).toEqual(['5001', '5003']);
    expect(h.zalo.sent.map((s) => s.chatId)).toEqual(['z5002']);
    expect(h.zalo.sent[0]!.messages[0]!.text).toContain('còn 10 ngày nữa là đến hạn báo cáo');
    await shoot(page, 'reminded');

    expect(await page.getByRole('button', { name: /Gửi nhắc ngay/ }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('đã được nhắc cho hạn báo cáo sắp tới');

    await stale.getByRole('button', { name: 'Gửi nhắc ngay (3 đầu mối)' }).click();
    expect(await stale.locator('.notice').textContent()).toContain('Không có lời nhắc mới nào để gửi. 3 đầu mối đã được nhắc cho hạn này');
    await stale.close();
    await h.page.reminders.idle();
    expect(h.telegram.sent.length + h.zalo.sent.length).toBe(3);
  });

  it('lists the unanswered questions grouped, most asked first', async () => {
    await page.getByRole('link', { name: 'Câu hỏi chưa trả lời' }).click();
    const first = page.locator('table.questions tbody tr').first();
    expect(await first.locator('td').first().textContent()).toBe('Thời tiết mai thế nào?');
    expect(await first.locator('td').nth(1).textContent()).toBe('2');
    expect(await page.locator('table.questions').textContent()).toContain('Hạn nộp <b>khi nào</b>?');
    await shoot(page, 'questions');
    expect(dialogs).toEqual([]);
  });
});
