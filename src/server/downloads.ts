/**
 * Short-lived, single-use download links for admin exports on channels that cannot send files (Zalo).
 *
 * A link is `<PUBLIC_BASE_URL>/downloads/<token>` with 256 random bits in the token. The file is kept in
 * memory only (never on disk, never in the repository) until it is downloaded or expires.
 *
 * Opening the link (GET) shows a small page with a "Tải tệp" button; the button (POST) delivers the file
 * and uses the link up. Chat apps fetch links to build previews: a preview must not use up the link.
 * After use or expiry the link answers 410; a token never issued answers 404.
 *
 * A picture for a chat platform to show (Zalo's sendPhoto fetches the URL it is given) is served by
 * the GET itself, as an inline image, until the link expires: the platform may fetch it more than once
 * (a retried send, its own retries), and the picture holds only counts, no personal data.
 */
import { randomBytes } from 'node:crypto';
import { bindRoute } from './rebindable.js';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const DOWNLOADS_PATH = '/downloads';

export interface DownloadFile {
  filename: string;
  mimeType: string;
  content: Buffer;
  /** A picture fetched by a chat platform: GET serves it inline, and does not use the link up. */
  image?: boolean;
}

export interface DownloadLink {
  url: string;
  token: string;
  expiresAt: Date;
}

export type DownloadLookup =
  | { kind: 'ready'; file: DownloadFile; expiresAt: Date }
  | { kind: 'gone' }
  | { kind: 'unknown' };

export interface DownloadLinks {
  readonly ttlMinutes: number;
  /** For showing expiry times to people ("14:35 ngày 02/06/2025"). */
  readonly timeZone: string;
  /** Stores the file and returns its link. */
  create(file: DownloadFile): DownloadLink;
  /** Looks at a link without using it up. */
  peek(token: string): DownloadLookup;
  /** Hands out the file and uses the link up. */
  take(token: string): DownloadLookup;
  /** Number of links that can still be used. */
  size(): number;
  /** Frees expired files now (also done on every create and lookup). */
  sweep(): void;
}

export interface DownloadLinksOptions {
  /** e.g. https://bot.example.vn (config.publicBaseUrl). */
  publicBaseUrl: string;
  ttlMinutes: number;
  /** Default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  now?: () => Date;
  /** Oldest links are dropped beyond this many bytes held (exports are small; this guards memory). */
  maxBytes?: number;
}

interface Entry {
  file: DownloadFile;
  expiresAt: number;
}

/** Used or expired tokens remembered to answer 410 rather than 404; bounded. */
const MAX_TOMBSTONES = 10_000;
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function createDownloadLinks(options: DownloadLinksOptions): DownloadLinks {
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
  const live = new Map<string, Entry>();
  const tombstones = new Set<string>();

  function bury(token: string): void {
    live.delete(token);
    tombstones.add(token);
    if (tombstones.size > MAX_TOMBSTONES) {
      const oldest = tombstones.values().next().value;
      if (oldest !== undefined) tombstones.delete(oldest);
    }
  }

  function sweep(): void {
    const t = now().getTime();
    for (const [token, entry] of live) if (entry.expiresAt <= t) bury(token);
  }

  function heldBytes(): number {
    let total = 0;
    for (const entry of live.values()) total += entry.file.content.length;
    return total;
  }

  function lookup(token: string): DownloadLookup {
    sweep();
    if (!TOKEN_RE.test(token)) return { kind: 'unknown' };
    const entry = live.get(token);
    if (entry) return { kind: 'ready', file: entry.file, expiresAt: new Date(entry.expiresAt) };
    return tombstones.has(token) ? { kind: 'gone' } : { kind: 'unknown' };
  }

  return {
    ttlMinutes: options.ttlMinutes,
    timeZone: options.timeZone ?? 'Asia/Ho_Chi_Minh',
    create(file) {
      sweep();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now().getTime() + options.ttlMinutes * 60_000;
      live.set(token, { file, expiresAt });
      // Map keeps insertion order: drop the oldest links first when memory runs high.
      while (heldBytes() > maxBytes && live.size > 1) {
        const oldest = live.keys().next().value;
        if (oldest === undefined || oldest === token) break;
        bury(oldest);
      }
      return { url: `${base}${DOWNLOADS_PATH}/${token}`, token, expiresAt: new Date(expiresAt) };
    },
    peek: lookup,
    take(token) {
      const found = lookup(token);
      if (found.kind === 'ready') bury(token);
      return found;
    },
    size: () => {
      sweep();
      return live.size;
    },
    sweep,
  };
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}' +
  'button{font-size:1.1rem;padding:.6rem 1.4rem;cursor:pointer}';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

const GONE_PAGE = page(
  'Liên kết đã hết hiệu lực',
  '<p>Liên kết tải này đã được dùng hoặc đã hết hạn. Hãy yêu cầu bot xuất dữ liệu lại để nhận liên kết mới.</p>',
);
const UNKNOWN_PAGE = page('Không tìm thấy', '<p>Liên kết tải không đúng. Hãy kiểm tra lại hoặc yêu cầu bot xuất dữ liệu lại.</p>');

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
    .send(html);
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact (Vietnamese) name. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${disposition}; filename="${ascii || 'tep'}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** "14:35 ngày 02/06/2025" in the given time zone. */
export function formatExpiry(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ngày ${get('day')}/${get('month')}/${get('year')}`;
}

/**
 * Registers GET (page) and POST (file) under /downloads/:token, in their own scope so the form body
 * parser stays local. Call before the server listens.
 */
export function registerDownloadRoutes(app: FastifyInstance, links: DownloadLinks): void {
  // Bound once per server: a channel started again after a failed start points the routes to its links.
  bindRoute(app, `downloads ${DOWNLOADS_PATH}`, links, (current) => {
    void app.register(async (scope) => {
      // The button posts an empty form; its body carries nothing we need.
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4096 }, (_req, _body, done) => done(null, undefined));
      registerRoutes(scope, current);
    });
  });
}

/** `linksOf`: the links of the channel instance that runs now. */
function registerRoutes(app: FastifyInstance, linksOf: () => DownloadLinks): void {
  app.get<{ Params: { token: string } }>(`${DOWNLOADS_PATH}/:token`, async (req, reply) => {
    const links = linksOf();
    const found = links.peek(req.params.token);
    if (found.kind === 'unknown') return sendPage(reply, 404, UNKNOWN_PAGE);
    if (found.kind === 'gone') return sendPage(reply, 410, GONE_PAGE);
    if (found.file.image) return sendFile(reply, found.file, 'inline');
    const time = formatExpiry(found.expiresAt, links.timeZone);
    return sendPage(
      reply,
      200,
      page(
        'Tải tệp xuất dữ liệu',
        `<p>Tệp: <strong>${escapeHtml(found.file.filename)}</strong></p>` +
          `<form method="post"><button type="submit">Tải tệp</button></form>` +
          `<p>Liên kết chỉ dùng được một lần, hết hạn lúc <time datetime="${found.expiresAt.toISOString()}">${escapeHtml(time)}</time>.</p>`,
      ),
    );
  });

  app.post<{ Params: { token: string } }>(`${DOWNLOADS_PATH}/:token`, async (req, reply) => {
    const found = linksOf().take(req.params.token);
    if (found.kind === 'unknown') return sendPage(reply, 404, UNKNOWN_PAGE);
    if (found.kind === 'gone') return sendPage(reply, 410, GONE_PAGE);
    return sendFile(reply, found.file, 'attachment');
  });
}

function sendFile(reply: FastifyReply, file: DownloadFile, disposition: 'attachment' | 'inline'): FastifyReply {
  return reply
    .code(200)
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file.filename, disposition))
    .header('content-length', String(file.content.length))
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
