/**
 * The admin web page (/quantri), server-rendered from the bot's own HTTP server (templates in views/,
 * eta through @fastify/view, one stylesheet route; no script at all).
 *
 *   GET  /quantri/vao/:token         the link from /quantri: a page with one button (chat apps fetch
 *                                    links for previews: a GET never uses the link up)
 *   POST /quantri/vao/:token         uses the link up, starts the session (cookie), goes to the overview
 *   GET  /quantri                    Tổng quan          GET /quantri/bao-cao[/:code]  Báo cáo
 *   GET  /quantri/chua-bao-cao       Chưa báo cáo       POST /quantri/chua-bao-cao/nhac  send reminders (CSRF)
 *   GET  /quantri/cau-hoi            Câu hỏi chưa trả lời
 *   GET  /quantri/tai/:format        XLSX / CSV (/ DOCX) of the current filter
 *   POST /quantri/thoat              sign out (CSRF)
 *
 * Every page but the sign-in one needs a live session whose admin is still an admin (checked against
 * ADMIN_IDS and the admins table on each request); every request must come through PUBLIC_BASE_URL's
 * host. URLs carry no personal data (filters only), and nothing here logs a token or a name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyView from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelHandle } from '../channels/types.js';
import type { ChannelName, Config } from '../config.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { FormDefinition } from '../reports/form-definition.js';
import { loadForm } from '../reports/form-definition.js';
import { formatPhone } from '../reports/field-values.js';
import { createAdminCheck } from '../store/admins.js';
import type { Store } from '../store/db.js';
import { localDate, viDateTime } from '../calendar.js';
import { buildExport, EXPORT_FORMATS, type ExportFormat } from '../admin/export/export.js';
import { statsChart } from '../admin/chart/stats-chart.js';
import { groupQuestions } from '../admin/questions.js';
import { reportingStats } from '../admin/stats.js';
import { exportTexts } from '../admin/texts.js';
import { contentDisposition } from '../server/downloads.js';
import { bindRoute } from '../server/rebindable.js';
import { sameToken, webAccessFor, type WebAccess, type WebSession } from './access.js';
import { createMissingUnits } from './missing-units.js';
import { createOverview } from './overview.js';
import { createReportTable, type ReportTable } from './report-table.js';
import { createReportVersions } from './report-versions.js';
import { createReminderQueue, remindersForMissing, type ReminderQueue } from './send-reminders.js';
import { cameFromThePage, cameThroughPublicAddress, publicAddress, SESSION_COOKIE, sessionCookieOptions, signInUrl, withSecurityHeaders, type PublicAddress } from './security.js';
import { pageQuery, filterHref, sortLinks, type PageQuery } from './query.js';
import { stylesheet } from './stylesheet.js';
import { webTexts } from './texts.js';

export const VIEWS_DIR = fileURLToPath(new URL('./views/', import.meta.url));
const PAGE_SIZE = 50;
/**
 * Where the routes live on this server. Links, redirects and the cookie use the public path
 * (PUBLIC_BASE_URL's path + /quantri): a reverse proxy that serves the bot under a path strips it, as
 * for the download links.
 */
const ROUTE_PREFIX = '/quantri';
const QUESTION_GROUPS_SHOWN = 200;

export interface WebDeps {
  config: Config;
  store: Store;
  knowledge: Knowledge;
  logger: Logger;
  /** The running channels (live: read at each press of the reminder button). */
  channels: () => readonly ChannelHandle[];
  now?: () => Date;
  /** Default: the project's intents/report-form.json. */
  reportForm?: FormDefinition;
  /** The reminder queue (tests inject one with a clock that does not wait). */
  reminders?: ReminderQueue;
  /** Attempts per minute and address on the sign-in link (default 20). */
  linkRateLimitPerMinute?: number;
}

export interface WebPage {
  access: WebAccess;
  reminders: ReminderQueue;
  /** The sign-in link's URL for a token (what /quantri sends). */
  linkUrl(token: string): string;
}

/** Whether the admin page can run: it needs the public address its links point to. */
export function adminPageEnabled(config: Pick<Config, 'publicBaseUrl'>): boolean {
  return Boolean(config.publicBaseUrl);
}

/** Registers the admin page on `http` (before it listens). Needs config.publicBaseUrl. */
export function registerWebRoutes(http: FastifyInstance, deps: WebDeps): WebPage {
  if (!deps.config.publicBaseUrl) throw new Error('registerWebRoutes needs PUBLIC_BASE_URL');
  const address = publicAddress(deps.config.publicBaseUrl);
  const now = deps.now ?? (() => new Date());
  const access = webAccessFor(deps.store, deps.config, deps.now);
  const reminders = deps.reminders ?? createReminderQueue({ store: deps.store, logger: deps.logger, channels: deps.channels, now });
  const page: WebPage = { access, reminders, linkUrl: (token) => signInUrl(deps.config.publicBaseUrl!, token) };
  // Bound once per server, like the webhooks: a second registration only swaps the parts it reads.
  bindRoute(http, `web ${address.basePath}`, { deps, access, reminders }, (current) => {
    void http.register(async (scope) => registerPages(scope, address, current), { prefix: ROUTE_PREFIX });
  });
  return page;
}

interface Parts {
  deps: WebDeps;
  access: WebAccess;
  reminders: ReminderQueue;
}

interface Built {
  table: ReportTable;
  versionsOf: ReturnType<typeof createReportVersions>;
  overview: ReturnType<typeof createOverview>;
  missingUnits: ReturnType<typeof createMissingUnits>;
  form: FormDefinition;
  isAdmin: ReturnType<typeof createAdminCheck>;
}

declare module 'fastify' {
  interface FastifyRequest {
    webSession?: WebSession;
  }
}

async function registerPages(app: FastifyInstance, address: PublicAddress, partsOf: () => Parts): Promise<void> {
  const base = address.basePath;
  const css = stylesheet(readFileSync(new URL('./views/style.css', import.meta.url), 'utf8'));
  const built = new WeakMap<Parts, Built>();
  const buildOf = (parts: Parts): Built => {
    let b = built.get(parts);
    if (!b) {
      const { deps } = parts;
      b = {
        table: createReportTable(deps.store.db, deps.knowledge, deps.config.timeZone),
        versionsOf: createReportVersions(deps.store.db),
        overview: createOverview(deps.store.db, deps.knowledge, deps.config.timeZone),
        missingUnits: createMissingUnits(deps.store.db, deps.knowledge),
        form: deps.reportForm ?? loadForm('report'),
        isAdmin: createAdminCheck(deps.store.admins, deps.config.adminIds),
      };
      built.set(parts, b);
    }
    return b;
  };
  const log = () => partsOf().deps.logger.child({ part: 'web' });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 4096 });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, kind: 'tooMany' }),
  });
  await app.register(fastifyView, {
    engine: { eta: new Eta({ views: VIEWS_DIR, cache: true }) },
    root: VIEWS_DIR,
    production: true,
    defaultContext: { texts: webTexts, base },
  });

  /** A page with the layout; `session` adds the navigation and the sign-out button. */
  const render = (reply: FastifyReply, status: number, view: string, data: Record<string, unknown>) =>
    withSecurityHeaders(reply).code(status).type('text/html; charset=utf-8').view(view, { session: undefined, active: '', ...data });

  const refuse = (reply: FastifyReply, status: number, why: keyof typeof webTexts.refused) =>
    render(reply, status, 'message', { title: webTexts.refusedTitle, message: webTexts.refused[why], hint: why === 'csrf' || why === 'tooMany' ? undefined : webTexts.refusedHint });

  app.setErrorHandler((err: { statusCode?: number; kind?: string }, _req, reply) => {
    if (err.statusCode === 429) return refuse(reply, 429, 'tooMany');
    log().error({ event: 'web-error', message: err instanceof Error ? err.message : String(err) }, 'admin page failed');
    return render(reply, 500, 'message', { title: webTexts.errorTitle, message: webTexts.error });
  });
  app.setNotFoundHandler((_req, reply) => refuse(reply, 404, 'notFound'));

  // Only through the public address; and a POST only from the page itself.
  app.addHook('onRequest', async (req, reply) => {
    if (!cameThroughPublicAddress(req, address)) return refuse(reply, 404, 'notFound');
    if (req.method === 'POST' && !cameFromThePage(req, address)) return refuse(reply, 403, 'origin');
  });

  app.get('/style.css', async (_req, reply) => withSecurityHeaders(reply).header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(css));

  const linkLimit = { rateLimit: { max: partsOf().deps.linkRateLimitPerMinute ?? 20, timeWindow: 60_000 } };
  app.get<{ Params: { token: string } }>('/vao/:token', { config: linkLimit }, async (req, reply) => {
    const kind = partsOf().access.peekLink(req.params.token);
    if (kind !== 'ok') return refuse(reply, kind === 'unknown' ? 404 : 410, kind);
    return render(reply, 200, 'signin', { title: webTexts.signInTitle });
  });

  app.post<{ Params: { token: string } }>('/vao/:token', { config: linkLimit }, async (req, reply) => {
    const { access } = partsOf();
    const redeemed = access.redeem(req.params.token);
    if (redeemed.kind !== 'ok') {
      log().info({ event: 'web-signin-refused', why: redeemed.kind }, 'admin page sign-in refused');
      return refuse(reply, redeemed.kind === 'unknown' ? 404 : 410, redeemed.kind);
    }
    if (!buildOf(partsOf()).isAdmin(redeemed.session.channel, redeemed.session.userId)) {
      access.end(redeemed.sessionId);
      log().info({ event: 'web-signin-refused', why: 'not-admin' }, 'admin page sign-in refused');
      return refuse(reply, 403, 'notAdmin');
    }
    log().info({ event: 'web-signin', channel: redeemed.session.channel }, 'admin signed in to the admin page');
    return withSecurityHeaders(reply)
      .setCookie(SESSION_COOKIE, redeemed.sessionId, sessionCookieOptions(address, Math.round((redeemed.session.expiresAt.getTime() - now().getTime()) / 1000)))
      .redirect(`${base}/`, 303);
  });

  // Everything below needs a session of a current admin.
  const signedIn = async (req: FastifyRequest, reply: FastifyReply) => {
    const parts = partsOf();
    const id = req.cookies[SESSION_COOKIE];
    const session = id ? parts.access.session(id) : undefined;
    if (!session || !buildOf(parts).isAdmin(session.channel, session.userId)) {
      if (id) parts.access.end(id);
      return refuse(reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(address)), 401, session ? 'notAdmin' : 'noSession');
    }
    req.webSession = session;
  };
  const csrfChecked = async (req: FastifyRequest, reply: FastifyReply) => {
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent !== 'string' || !req.webSession || !sameToken(sent, req.webSession.csrf)) {
      log().warn({ event: 'web-csrf-refused' }, 'admin page action without a valid CSRF token');
      return refuse(reply, 403, 'csrf');
    }
  };

  const common = (req: FastifyRequest, active: string) => ({ session: req.webSession, active });
  /** The filters of a GET's query string, or of a POST's form (the reminder button carries them). */
  const queryOf = (req: FastifyRequest): PageQuery => {
    const { deps } = partsOf();
    return pageQuery(req.method === 'POST' ? req.body : req.query, { knowledge: deps.knowledge, currentYear: localDate(now(), deps.config.timeZone).year, form: buildOf(partsOf()).form });
  };
  const now = () => (partsOf().deps.now ?? (() => new Date()))();
  const planOptions = () => partsOf().deps.knowledge.plans.map((p) => ({ id: p.id, name: p.shortName }));
  const when = (iso: string | null | Date) => (iso ? viDateTime(new Date(iso), partsOf().deps.config.timeZone) : '');

  app.get('/', { preHandler: signedIn }, async (req, reply) => {
    const q = queryOf(req);
    const data = buildOf(partsOf()).overview({ year: q.year, now: now() });
    return render(reply, 200, 'overview', { ...common(req, 'overview'), title: 'Tổng quan', q, data, at: when(now()), years: q.years, href: filterHref(base, q) });
  });

  // The picture of /thongke for the year shown: the same chart the chat sends, from the same figures.
  app.get('/bieu-do.png', { preHandler: signedIn }, async (req, reply) => {
    const { deps } = partsOf();
    const q = queryOf(req);
    const at = now();
    const stats = reportingStats(deps, { year: q.year, today: localDate(at, deps.config.timeZone), timeZone: deps.config.timeZone });
    const chart = await statsChart(stats, { year: q.year, at, timeZone: deps.config.timeZone });
    if (!chart) return refuse(reply, 404, 'notFound');
    return withSecurityHeaders(reply).code(200).header('content-type', chart.mimeType).header('cache-control', 'private, no-store').send(chart.content);
  });

  app.get('/bao-cao', { preHandler: signedIn }, async (req, reply) => {
    const { deps } = partsOf();
    const q = queryOf(req);
    const result = buildOf(partsOf()).table.page({
      year: q.year,
      ...(q.planId ? { planId: q.planId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.search ? { search: q.search } : {}),
      sort: q.sort,
      descending: q.descending,
      page: q.page,
      pageSize: PAGE_SIZE,
    });
    const planName = (id: string) => deps.knowledge.plan(id)?.shortName ?? id;
    return render(reply, 200, 'reports', {
      ...common(req, 'reports'),
      title: 'Báo cáo',
      q,
      result,
      plans: planOptions(),
      planName,
      when,
      href: filterHref(base, q),
      sort: sortLinks(filterHref(base, q), q),
      downloads: downloadLinks(base, q),
    });
  });

  app.get<{ Params: { code: string } }>('/bao-cao/:code', { preHandler: signedIn }, async (req, reply) => {
    const { deps } = partsOf();
    const b = buildOf(partsOf());
    const report = /^BC-[A-Z0-9]{6}$/.test(req.params.code)
      ? b.versionsOf({ store: deps.store, knowledge: deps.knowledge, form: b.form, timeZone: deps.config.timeZone }, req.params.code)
      : undefined;
    if (!report) return refuse(reply, 404, 'notFound');
    return render(reply, 200, 'report', { ...common(req, 'reports'), title: `Báo cáo ${report.unitName}`, report, when });
  });

  /** The missing units of the filter, and the reminders the button would send them. */
  const missingOf = (q: PageQuery) => {
    const stats = buildOf(partsOf()).missingUnits({ year: q.year, ...(q.planId ? { planId: q.planId } : {}) });
    return { stats, due: remindersForMissing(stats, q.year, localDate(now(), partsOf().deps.config.timeZone)) };
  };

  const missingPage = (req: FastifyRequest, reply: FastifyReply, notice?: string) => {
    const q = queryOf(req);
    const { stats, due } = missingOf(q);
    return render(reply, 200, 'missing', {
      ...common(req, 'missing'),
      title: 'Chưa báo cáo',
      q,
      plans: planOptions(),
      groups: stats.filter((s) => s.missing.length > 0).map((s) => ({ name: s.plan?.shortName ?? s.planId, units: s.missing, sendable: due.some((d) => d.occurrence.plan.id === s.planId) })),
      sendable: due.length,
      unsent: partsOf().reminders.unsent(due),
      notice,
      phone: formatPhone,
      channelName: (c: ChannelName) => exportTexts.channels[c] ?? c,
      href: filterHref(base, q),
    });
  };

  app.get('/chua-bao-cao', { preHandler: signedIn }, async (req, reply) => missingPage(req, reply));

  app.post('/chua-bao-cao/nhac', { preHandler: [signedIn, csrfChecked] }, async (req, reply) => {
    const q = queryOf(req);
    const result = partsOf().reminders.queue(missingOf(q).due);
    log().info({ event: 'web-reminders-queued', year: q.year, ...result }, 'reminders queued from the admin page');
    return missingPage(req, reply, webTexts.remindersQueued(result));
  });

  app.get('/cau-hoi', { preHandler: signedIn }, async (req, reply) => {
    const { deps } = partsOf();
    const logged = deps.store.questions.list();
    const groups = groupQuestions(logged);
    return render(reply, 200, 'questions', {
      ...common(req, 'questions'),
      title: 'Câu hỏi chưa trả lời',
      groups: groups.slice(0, QUESTION_GROUPS_SHOWN),
      more: Math.max(0, groups.length - QUESTION_GROUPS_SHOWN),
      total: logged.length,
      groupCount: groups.length,
      when,
    });
  });

  app.get<{ Params: { format: string } }>('/tai/:format', { preHandler: signedIn }, async (req, reply) => {
    const { deps } = partsOf();
    const format = req.params.format;
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return refuse(reply, 404, 'notFound');
    const q = queryOf(req);
    const file = await buildExport(
      { store: deps.store, knowledge: deps.knowledge, timeZone: deps.config.timeZone, now },
      { format: format as ExportFormat, year: q.year, ...(q.planId ? { planId: q.planId } : {}) },
    );
    log().info({ event: 'web-export', format, year: q.year, rows: file.counts.versions }, 'admin page export');
    return withSecurityHeaders(reply)
      .code(200)
      .header('content-type', file.mimeType)
      .header('content-disposition', contentDisposition(file.filename))
      .send(file.content);
  });

  app.post('/thoat', { preHandler: [signedIn, csrfChecked] }, async (req, reply) => {
    const id = req.cookies[SESSION_COOKIE];
    if (id) partsOf().access.end(id);
    return render(reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(address)), 200, 'message', { title: webTexts.signedOutTitle, message: webTexts.signedOut, hint: webTexts.refusedHint });
  });
}

/** The download links of the current filter: every format the export offers (the DOCX is the báo cáo tổng hợp). */
function downloadLinks(base: string, q: PageQuery): { label: string; href: string }[] {
  const formats: string[] = [...EXPORT_FORMATS];
  const filter = new URLSearchParams({ nam: String(q.year), ...(q.planId ? { 'ke-hoach': q.planId } : {}) }).toString();
  const labels: Record<string, string> = { xlsx: 'Tải Excel (XLSX)', csv: 'Tải CSV', docx: 'Tải báo cáo tổng hợp (DOCX)' };
  return formats.map((f) => ({ label: labels[f] ?? f.toUpperCase(), href: `${base}/tai/${f}?${filter}` }));
}
