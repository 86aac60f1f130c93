import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../../src/server/http.js';
import { createDownloadLinks, registerDownloadRoutes } from '../../src/server/downloads.js';
import { silentLogger } from '../../src/log.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function setup(now: { t: number }) {
  const links = createDownloadLinks({ publicBaseUrl: 'https://bot.example.vn', ttlMinutes: 30, now: () => new Date(now.t) });
  app = createHttpServer({ logger: silentLogger() });
  registerDownloadRoutes(app, links);
  return { links, app };
}

const pathOf = (url: string) => new URL(url).pathname;
const file = { filename: 'Báo cáo năm 2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: Buffer.from('PK-data') };

describe('export download links', () => {
  it('gives an unguessable link; opening it shows a page, the button delivers the file once, then 410', async () => {
    const now = { t: Date.parse('2025-06-02T07:00:00Z') };
    const { links, app } = setup(now);
    const a = links.create(file);
    const b = links.create(file);
    expect(a.url).toMatch(/^https:\/\/bot\.example\.vn\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);

    // A link preview (GET, HEAD) does not use the link up.
    const page = await app.inject({ method: 'GET', url: pathOf(a.url) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Báo cáo năm 2025.xlsx');
    expect(page.body).toContain('14:30 ngày 02/06/2025');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'HEAD', url: pathOf(a.url) })).statusCode).toBe(200);

    const download = await app.inject({ method: 'POST', url: pathOf(a.url), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.toString()).toBe('PK-data');
    expect(download.headers['content-type']).toBe(file.mimeType);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Bao_cao_nam_2025.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );

    const again = await app.inject({ method: 'POST', url: pathOf(a.url) });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('đã được dùng hoặc đã hết hạn');
    expect((await app.inject({ method: 'GET', url: pathOf(a.url) })).statusCode).toBe(410);
    expect(links.size()).toBe(1);
  });

  it('expires after the TTL and answers 404 for a token never issued', async () => {
    const now = { t: Date.parse('2025-06-02T07:00:00Z') };
    const { links, app } = setup(now);
    const link = links.create(file);
    now.t += 30 * 60_000;
    const expired = await app.inject({ method: 'POST', url: pathOf(link.url) });
    expect(expired.statusCode).toBe(410);
    expect(links.size()).toBe(0);
    const made_up = await app.inject({ method: 'GET', url: `/downloads/${'A'.repeat(43)}` });
    expect(made_up.statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/downloads/short' })).statusCode).toBe(404);
  });

  it('drops the oldest files when memory would grow past the limit', () => {
    const links = createDownloadLinks({ publicBaseUrl: 'https://bot.example.vn', ttlMinutes: 30, maxBytes: 10 });
    const first = links.create({ ...file, content: Buffer.alloc(6) });
    const second = links.create({ ...file, content: Buffer.alloc(6) });
    expect(links.peek(first.token).kind).toBe('gone');
    expect(links.peek(second.token).kind).toBe('ready');
  });
});

describe('picture links (Zalo sendPhoto fetches them)', () => {
  it('serve the image itself on GET, inline, as often as asked until the link expires', async () => {
    const now = { t: Date.parse('2025-06-02T07:00:00Z') };
    const { links, app } = setup(now);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]);
    const link = links.create({ filename: 'tiến độ 2025.png', mimeType: 'image/png', content: png, image: true });
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'GET', url: pathOf(link.url) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="tien_do_2025.png"/);
      expect(res.rawPayload).toEqual(png);
    }
    now.t += 31 * 60_000;
    expect((await app.inject({ method: 'GET', url: pathOf(link.url) })).statusCode).toBe(410);
  });
});
