/**
 * Who gets in, over HTTP (fastify's inject on the real routes): the link from /quantri, and every way
 * in that must be refused — an expired link, a reused link, a link of a removed admin, a session whose
 * admin was removed or whose time ran out, a forged cookie, a missing or wrong CSRF token, a POST from
 * another site, a request to another host name, too many tries. Also what the page sends along: the
 * Content-Security-Policy, the cookie's attributes, and logs without tokens or names.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../src/config.js';
import { harness } from '../admin/support.js';
import { ADMIN, NOW, webHarness, type WebHarness } from './support.js';

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Sent {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  cookie?: string;
}

async function send(h: WebHarness, method: 'GET' | 'POST', url: string, opts: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Sent> {
  const target = new URL(url, h.url);
  const res = await h.http.inject({
    method,
    url: target.pathname + target.search,
    headers: {
      host: new URL(h.url).host,
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(h.url).origin } : {}),
      ...opts.headers,
    },
    ...(method === 'POST' ? { payload: new URLSearchParams(opts.form ?? {}).toString() } : {}),
  });
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return { status: res.statusCode, body: res.body, headers: res.headers, ...(first ? { cookie: first } : {}) };
}

/** Signs in with a fresh link of `admin`: the session cookie ("quantri_phien=…"). */
async function signIn(h: WebHarness, admin: { channel: ChannelName; userId: string } = ADMIN): Promise<string> {
  const res = await send(h, 'POST', h.link(admin));
  expect(res.status).toBe(303);
  return res.cookie!.split(';')[0]!;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

describe('/quantri in the chat', () => {
  it('gives an admin a personal link, and tells how long it is good', async () => {
    h = await webHarness();
    const reply = await h.say('/quantri');
    expect(reply).toMatch(new RegExp(`${h.url}/quantri/vao/[A-Za-z0-9_-]{43}`));
    expect(reply).toContain('dùng được một lần, trong 30 phút (đến 10:30 ngày 20/11/2025)');
  });

  it('gives a non-admin nothing', async () => {
    h = await webHarness();
    const reply = await h.say('/quantri', { channel: 'telegram', userId: '999' });
    expect(reply).not.toContain('/quantri/vao/');
    expect(h.store.db.prepare('SELECT count(*) FROM web_links').pluck().get()).toBe(0);
  });

  it('says what the operator must set when there is no public address', async () => {
    const chat = harness({ env: { ADMIN_IDS: `${ADMIN.channel}:${ADMIN.userId}` } });
    try {
      const replies = await chat.core.handle({ channel: ADMIN.channel, userId: ADMIN.userId, chatId: ADMIN.userId, chatType: 'private', text: '/quantri', updateId: '1' });
      expect(replies.map((r) => r.text).join('\n')).toContain('chưa có địa chỉ công khai (PUBLIC_BASE_URL)');
    } finally {
      chat.cleanup();
    }
  });
});

describe('signing in', () => {
  it('opens the page from the link; a preview (GET) does not use the link up; a second use is refused', async () => {
    h = await webHarness();
    const link = h.link();
    expect((await send(h, 'GET', link)).status).toBe(200);
    expect((await send(h, 'GET', link)).body).toContain('Vào trang quản trị');
    const first = await send(h, 'POST', link);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/quantri/');
    const page = await send(h, 'GET', '/quantri/', { cookie: first.cookie!.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Tổng quan năm 2025');

    const again = await send(h, 'POST', link);
    expect(again.status).toBe(410);
    expect(again.body).toContain('Liên kết này đã được dùng');
    expect(again.cookie).toBeUndefined();
    expect((await send(h, 'GET', link)).body).toContain('đã được dùng');
  });

  it('refuses an expired link', async () => {
    h = await webHarness();
    const link = h.link();
    h.clock.now = new Date(NOW.getTime() + 31 * 60_000);
    const res = await send(h, 'POST', link);
    expect(res.status).toBe(410);
    expect(res.body).toContain('Liên kết này đã hết hạn');
    expect(res.cookie).toBeUndefined();
  });

  it('refuses a made-up link', async () => {
    h = await webHarness();
    for (const token of ['A'.repeat(43), 'abc', '..%2f..%2fetc']) {
      const res = await send(h, 'POST', `/quantri/vao/${token}`);
      expect(res.status).toBe(404);
      expect(res.body).toContain('Liên kết không đúng');
    }
  });

  it('refuses the link of an admin removed after asking for it', async () => {
    h = await webHarness();
    h.store.admins.add('zalo', 'z-admin', NOW);
    const link = h.link({ channel: 'zalo', userId: 'z-admin' });
    h.store.admins.remove('zalo', 'z-admin');
    const res = await send(h, 'POST', link);
    expect(res.status).toBe(403);
    expect(res.body).toContain('không còn là quản trị viên');
    expect(res.cookie).toBeUndefined();
  });

  it('stores only hashes of links and sessions', async () => {
    h = await webHarness();
    const link = h.link();
    const cookie = await signIn(h);
    const dump = JSON.stringify([h.store.db.prepare('SELECT * FROM web_links').all(), h.store.db.prepare('SELECT * FROM web_sessions').all()]);
    expect(dump).not.toContain(link.split('/').pop());
    expect(dump).not.toContain(cookie.split('=')[1]);
  });

  it('limits the tries on the link endpoint', async () => {
    h = await webHarness();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await send(h, 'GET', `/quantri/vao/${'B'.repeat(43)}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    const last = await send(h, 'GET', `/quantri/vao/${'B'.repeat(43)}`);
    expect(last.status).toBe(429);
    expect(last.body).toContain('Có quá nhiều lần thử');
  });
});

describe('the session', () => {
  it('is an HttpOnly, SameSite=Strict cookie on the page path; Secure when the public address is https', async () => {
    h = await webHarness();
    const res = await send(h, 'POST', h.link());
    expect(res.cookie).toMatch(/^quantri_phien=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/quantri; HttpOnly; SameSite=Strict$/);
    await h.close();
    h = await webHarness({ baseUrl: () => 'https://bot.example.vn' });
    const secure = await send(h, 'POST', h.link());
    expect(secure.cookie).toContain('; Secure');
  });

  it('under a public path (a reverse proxy that strips it), links, redirects and the cookie keep that path', async () => {
    h = await webHarness({ baseUrl: () => 'https://bot.example.vn/thidua' });
    const link = h.link();
    expect(link).toMatch(/^https:\/\/bot\.example\.vn\/thidua\/quantri\/vao\//);
    const res = await send(h, 'POST', new URL(link).pathname.replace('/thidua', ''));
    expect(res.headers.location).toBe('/thidua/quantri/');
    expect(res.cookie).toContain('Path=/thidua/quantri;');
    const page = await send(h, 'GET', '/quantri/', { cookie: res.cookie!.split(';')[0] });
    expect(page.body).toContain('href="/thidua/quantri/bao-cao"');
  });

  it('refuses a forged cookie and no cookie at all', async () => {
    h = await webHarness();
    for (const cookie of [undefined, `quantri_phien=${'C'.repeat(43)}`, 'quantri_phien=<script>']) {
      const res = await send(h, 'GET', '/quantri/bao-cao', cookie ? { cookie } : {});
      expect(res.status).toBe(401);
      expect(res.body).toContain('Phiên làm việc đã hết hạn hoặc không hợp lệ');
      expect(res.body).not.toContain('UBND xã');
    }
  });

  it('ends when the admin is removed', async () => {
    h = await webHarness();
    h.store.admins.add('zalo', 'z-admin', NOW);
    const cookie = await signIn(h, { channel: 'zalo', userId: 'z-admin' });
    expect((await send(h, 'GET', '/quantri/cau-hoi', { cookie })).status).toBe(200);
    h.store.admins.remove('zalo', 'z-admin');
    const res = await send(h, 'GET', '/quantri/cau-hoi', { cookie });
    expect(res.status).toBe(401);
    expect(res.body).toContain('không còn là quản trị viên');
    expect(h.store.db.prepare('SELECT count(*) FROM web_sessions').pluck().get()).toBe(0);
  });

  it('ends after ADMIN_SESSION_MINUTES', async () => {
    h = await webHarness({ env: { ADMIN_SESSION_MINUTES: '60' } });
    const cookie = await signIn(h);
    h.clock.now = new Date(NOW.getTime() + 59 * 60_000);
    expect((await send(h, 'GET', '/quantri/', { cookie })).status).toBe(200);
    h.clock.now = new Date(NOW.getTime() + 61 * 60_000);
    expect((await send(h, 'GET', '/quantri/', { cookie })).status).toBe(401);
  });

  it('ends on "Thoát"', async () => {
    h = await webHarness();
    const cookie = await signIn(h);
    const csrf = csrfOf((await send(h, 'GET', '/quantri/', { cookie })).body)!;
    const out = await send(h, 'POST', '/quantri/thoat', { cookie, form: { _csrf: csrf } });
    expect(out.body).toContain('Bạn đã thoát khỏi trang quản trị');
    expect((await send(h, 'GET', '/quantri/', { cookie })).status).toBe(401);
  });
});

describe('the reminder button', () => {
  it('refuses a press without the CSRF token, with a wrong one, or from another site, and sends nothing', async () => {
    h = await webHarness();
    const cookie = await signIn(h);
    const csrf = csrfOf((await send(h, 'GET', '/quantri/chua-bao-cao', { cookie })).body)!;
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const missing = await send(h, 'POST', '/quantri/chua-bao-cao/nhac', { cookie, form: { nam: '2025' } });
    expect(missing.status).toBe(403);
    expect(missing.body).toContain('thiếu mã xác nhận');
    expect((await send(h, 'POST', '/quantri/chua-bao-cao/nhac', { cookie, form: { nam: '2025', _csrf: 'D'.repeat(43) } })).status).toBe(403);
    const crossSite = await send(h, 'POST', '/quantri/chua-bao-cao/nhac', { cookie, form: { nam: '2025', _csrf: csrf }, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    await h.page.reminders.idle();
    expect(h.telegram.sent.length + h.zalo.sent.length).toBe(0);
    expect(h.store.db.prepare('SELECT count(*) FROM reminders_sent').pluck().get()).toBe(0);

    const pressed = await send(h, 'POST', '/quantri/chua-bao-cao/nhac', { cookie, form: { nam: '2025', _csrf: csrf } });
    expect(pressed.body).toContain('Đã xếp 3 lời nhắc vào hàng gửi');
  });

  it('does not remind a contact the daily run already reminded today', async () => {
    h = await webHarness();
    const { dueReminders } = await import('../../src/admin/reminders/select.js');
    const { createReminderRecords } = await import('../../src/admin/reminders/records.js');
    const { sendReminders } = await import('../../src/admin/reminders/send.js');
    const { realKnowledge } = await import('../admin/support.js');
    const { silentLogger } = await import('../../src/log.js');
    // Thái Bình's deadline is "trước ngày 01/12": its last day 30/11 is 10 days ahead of 20/11, so the daily run would remind with REMINDER_DAYS=10.
    const due = dueReminders({ store: h.store, knowledge: realKnowledge() }, { date: { year: 2025, month: 11, day: 20 }, offsets: [10] });
    expect(due).toHaveLength(3);
    await sendReminders({ records: createReminderRecords(h.store.db), channels: [h.telegram, h.zalo], logger: silentLogger(), now: () => NOW, clock: { now: () => 0, sleep: async () => undefined } }, due);
    const cookie = await signIn(h);
    const csrf = csrfOf((await send(h, 'GET', '/quantri/chua-bao-cao', { cookie })).body)!;
    const pressed = await send(h, 'POST', '/quantri/chua-bao-cao/nhac', { cookie, form: { nam: '2025', _csrf: csrf } });
    expect(pressed.body).toContain('3 đầu mối đã được nhắc cho hạn này');
    await h.page.reminders.idle();
    expect(h.telegram.sent.length + h.zalo.sent.length).toBe(3);
  });
});

describe('what every page sends along', () => {
  it('a strict CSP without inline script or style, and no script in the page', async () => {
    h = await webHarness();
    const cookie = await signIn(h);
    for (const path of ['/quantri/', '/quantri/bao-cao', '/quantri/chua-bao-cao', '/quantri/cau-hoi', h.link()]) {
      const res = await send(h, 'GET', path, { cookie });
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body.match(/<script|style="|\son\w+=/gi), path).toBeNull();
    }
    const reports = await send(h, 'GET', '/quantri/bao-cao', { cookie });
    expect(reports.body).toContain('UBND xã Vũ Thư &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers only through the public host name', async () => {
    h = await webHarness();
    const cookie = await signIn(h);
    const other = await send(h, 'GET', '/quantri/', { cookie, headers: { host: 'localhost' } });
    expect(other.status).toBe(404);
    expect(other.body).not.toContain('Tổng quan');
    const proxied = await send(h, 'GET', '/quantri/', { cookie, headers: { host: '10.0.0.5:8080', 'x-forwarded-host': new URL(h.url).host } });
    expect(proxied.status).toBe(200);
  });

  it('logs no token, cookie or name', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    h = await webHarness({ logger: pino({ level: 'debug' }, sink) });
    const reply = await h.say('/quantri');
    const link = /http:\/\/\S+\/quantri\/vao\/\S+/.exec(reply)![0];
    const res = await send(h, 'POST', link);
    const cookie = res.cookie!.split(';')[0]!;
    await send(h, 'GET', '/quantri/chua-bao-cao', { cookie });
    await send(h, 'POST', link);
    // pino's own fields (time, pid, hostname) are digits that can hold a short user id by chance.
    const log = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map(({ time: _time, pid: _pid, hostname: _hostname, ...fields }) => JSON.stringify(fields))
      .join('\n');
    expect(log).toContain('web-signin');
    expect(log).not.toContain(link.split('/').pop()!);
    expect(log).not.toContain(cookie.split('=')[1]!);
    expect(log).not.toContain('Lê Thị Cúc');
    expect(log).not.toContain(ADMIN.userId);
  });
});
