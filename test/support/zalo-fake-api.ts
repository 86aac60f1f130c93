/**
 * A local fake of the Zalo Bot Platform API on 127.0.0.1, following shared/reference/zalo-bot-api.md
 * ("Testing offline"): `POST /bot<TOKEN>/<method>`, answers `{ok, result | error_code, description}`.
 *
 * Strict by default where the real API is (reference, "What clients of the real API report"); each of
 * these is switchable per test through FakeZaloOptions:
 * - token check: any other token → 401;
 * - getUpdates pops one pending update (FIFO) or, after a short wait, answers `{ok:false,error_code:408}`
 *   with HTTP status 408 (`idlePoll: 'ok-empty'`: an empty `{ok:true}` at once); refuses while a webhook is set;
 * - a bot that never had a webhook gets 400 from deleteWebhook and 404 from getWebhookInfo (`noWebhookErrors`);
 * - setWebhook requires an https URL and a secret of 8–256 characters, then calls the URL to verify it
 *   and answers a `verification` object: the POST goes to `webhookTarget()` (the bot's local server,
 *   never the public URL: tests stay offline), so the bot must be listening already;
 * - getMe carries a `display_name` besides `account_name`: group mentions use the display name;
 * - sendMessage requires a chat that has written to the bot and a text of 1–2000 characters;
 * - sendPhoto takes an https URL and fetches it as Zalo does (from `webhookTarget()`, the bot's local
 *   server, at the URL's path): a URL that does not answer an image is refused (400);
 * - hooks: `inject` an update, `deliverToWebhook` (POST to the bot's webhook with the secret header),
 *   `failNext` (the next call of a method fails with 429, 401, 5xx, the documented 403 "Internal server
 *   error", or a gateway's HTML page), `holdNext` (the next call of a method waits until released: a bot
 *   caught in the middle of an update), and waits on what the bot sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeZaloOptions {
  token?: string;
  /** How long getUpdates waits for an update before answering 408 (the real API holds up to `timeout` s). */
  pollTimeoutMs?: number;
  /** sendMessage to a chat that never wrote to the bot is refused, as on the real platform. Default true. */
  strictChats?: boolean;
  /** getMe `account_name`. */
  botName?: string;
  /** getMe `display_name`: the name group members see and @mention. Default "Trợ lý thi đua". */
  botDisplayName?: string;
  /**
   * What an idle getUpdates answers: 'http-408' (default, as reported from the real API: HTTP 408 and
   * `{ok:false,error_code:408}`), 'ok-408' (the same JSON with HTTP 200), 'ok-empty' (`{ok:true}` with no
   * result, at once: "nothing new", as some clients see).
   */
  idlePoll?: 'http-408' | 'ok-408' | 'ok-empty';
  /** A bot that never had a webhook: deleteWebhook 400, getWebhookInfo 404. Default true. */
  noWebhookErrors?: boolean;
  /** A webhook already set when the fake starts (a bot that ran in webhook mode before). */
  initialWebhook?: { url: string; secret: string };
  /**
   * Where the bot listens (e.g. http://127.0.0.1:PORT), asked when setWebhook verifies the URL. Undefined
   * (or no function): the URL cannot be reached, verification fails.
   */
  webhookTarget?: () => string | undefined;
}

export interface SentMessage {
  chatId: string;
  text: string;
  messageId: string;
  /** performance.now() when the fake accepted it (for benchmarks). */
  at: number;
}

export interface SentPhoto {
  chatId: string;
  url: string;
  caption?: string;
  messageId: string;
  /** What the URL answered when the fake fetched it (undefined: no `webhookTarget`, not fetched). */
  fetched?: { contentType: string; content: Buffer };
}

export interface CallRecord {
  method: string;
  /** undefined when the call succeeded. */
  errorCode?: number;
}

interface Failure {
  method: string;
  errorCode: number;
  description: string;
  retryAfter?: number;
  /** Answer with a gateway's HTML page (not JSON) and this HTTP status. */
  html?: boolean;
}

/** What setWebhook says about its test call to the URL. */
export interface WebhookVerification {
  ok: boolean;
  url: string;
  outcome: string;
  hint?: string;
}

export interface WebhookState {
  url: string;
  secret: string;
  updatedAt: number;
  /** The outcome of the test call setWebhook made (undefined for `initialWebhook`). */
  verification?: WebhookVerification;
}

export interface FakeZaloApi {
  /** Use as ZALO_API_ROOT. */
  readonly apiRoot: string;
  readonly token: string;
  readonly sent: SentMessage[];
  /** Photos sent (sendPhoto), in order. */
  readonly photos: SentPhoto[];
  readonly chatActions: Array<{ chatId: string; action: string }>;
  readonly calls: CallRecord[];
  readonly webhook: WebhookState | undefined;
  /** Updates waiting for getUpdates. */
  readonly pendingUpdates: number;
  /** getUpdates calls being held open right now (a bot that stopped polling has none). */
  readonly openPolls: number;
  /** Queues an update (the `result` object) for getUpdates. */
  inject(update: ZaloTestUpdate): void;
  /**
   * The next call of `method` ('*' for any) fails with this error code. `html`: the answer is a gateway's
   * HTML error page with that HTTP status instead of Zalo's JSON.
   */
  failNext(method: string, errorCode: number, opts?: { description?: string; retryAfter?: number; times?: number; html?: boolean }): void;
  /**
   * The next call of `method` is held until `release()`; `arrived` resolves when it comes in. The call
   * is then answered as usual.
   */
  holdNext(method: string): { arrived: Promise<void>; release(): void };
  /** Lets the bot message this chat without it having written first. */
  allowChat(chatId: string): void;
  /**
   * POSTs `body` to the registered webhook, sent to `localBaseUrl` (the bot's server, e.g. http://127.0.0.1:PORT)
   * at the webhook URL's path. The secret header is the registered secret unless `secret` says otherwise
   * (null: no header).
   */
  deliverToWebhook(localBaseUrl: string, body: unknown, opts?: { secret?: string | null }): Promise<{ status: number; body: string }>;
  /** Texts sent to one chat, in order. */
  textsTo(chatId: string): string[];
  /** Resolves when `count` messages in all have been sent to `chatId` (counting from the start). */
  waitForTexts(chatId: string, count: number, timeoutMs?: number): Promise<string[]>;
  /** Resolves when `predicate` holds, re-checked after every call the fake answers. */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** The update object as the platform sends it (the `result` of getUpdates). */
export interface ZaloTestUpdate {
  event_name: string;
  message?: Record<string, unknown>;
  [key: string]: unknown;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests: quota exceeded',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

const hexId = () => randomBytes(12).toString('hex');

/** What nginx-style gateways answer during an outage. */
const gatewayPage = (status: number) =>
  `<html>\r\n<head><title>${status} ${ERROR_DESCRIPTIONS[status] ?? 'Error'}</title></head>\r\n<body>\r\n<center><h1>${status} ${ERROR_DESCRIPTIONS[status] ?? 'Error'}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeZaloApi(options: FakeZaloOptions = {}): Promise<FakeZaloApi> {
  const token = options.token ?? `${100000 + Math.floor(Math.random() * 900000)}:${randomBytes(18).toString('base64url')}`;
  const pollTimeoutMs = options.pollTimeoutMs ?? 150;
  const strictChats = options.strictChats ?? true;
  const botName = options.botName ?? 'bot.thidua.test';
  const botDisplayName = options.botDisplayName ?? 'Trợ lý thi đua';
  const idlePoll = options.idlePoll ?? 'http-408';
  const noWebhookErrors = options.noWebhookErrors ?? true;

  const queue: ZaloTestUpdate[] = [];
  const pollers: Array<(update: ZaloTestUpdate | undefined) => void> = [];
  const failures: Failure[] = [];
  const holds: Array<{ method: string; arrive: () => void; released: Promise<void> }> = [];
  const sent: SentMessage[] = [];
  const photos: SentPhoto[] = [];
  const chatActions: Array<{ chatId: string; action: string }> = [];
  const calls: CallRecord[] = [];
  const knownChats = new Set<string>();
  const watchers = new Set<() => void>();
  let webhook: WebhookState | undefined = options.initialWebhook ? { ...options.initialWebhook, updatedAt: Date.now() } : undefined;
  let hadWebhook = webhook !== undefined;
  let closed = false;

  const notify = () => {
    for (const w of [...watchers]) w();
  };

  function learnChat(update: unknown): void {
    const chat = (update as { message?: { chat?: { id?: unknown } } })?.message?.chat?.id;
    if (typeof chat === 'string') knownChats.add(chat);
  }

  type Payload =
    | { ok: true; result?: unknown }
    | { ok: false; code: number; description?: string; retryAfter?: number; status?: number };

  function reply(res: ServerResponse, method: string, payload: Payload) {
    calls.push(payload.ok ? { method } : { method, errorCode: payload.code });
    // Zalo's contract is the `ok` field; the HTTP status mostly follows the error code (408 included).
    const status = payload.ok ? 200 : (payload.status ?? payload.code);
    const body = payload.ok
      ? { ok: true, ...(payload.result === undefined ? {} : { result: payload.result }) }
      : {
          ok: false,
          error_code: payload.code,
          description: payload.description ?? ERROR_DESCRIPTIONS[payload.code] ?? 'Error',
          ...(payload.retryAfter ? { parameters: { retry_after: payload.retryAfter } } : {}),
        };
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
    notify();
  }

  function replyHtml(res: ServerResponse, method: string, status: number) {
    calls.push({ method, errorCode: status });
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(gatewayPage(status));
    notify();
  }

  /** setWebhook's test call: a POST with the secret and an empty object, as a probe [U]. */
  async function verifyWebhook(url: string, secret: string): Promise<WebhookVerification> {
    const base = options.webhookTarget?.();
    const unreachable = { ok: false, url, outcome: 'unreachable', hint: 'Could not connect to the webhook URL. Make sure the server is running and reachable over HTTPS.' };
    if (!base) return unreachable;
    try {
      const res = await fetch(`${base.replace(/\/+$/, '')}${new URL(url).pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret },
        body: '{}',
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      if (res.ok) return { ok: true, url, outcome: 'success' };
      return { ok: false, url, outcome: `http_${res.status}`, hint: `The webhook URL answered HTTP ${res.status}; it must answer 200.` };
    } catch {
      return unreachable;
    }
  }

  /** Zalo fetches the photo from its URL; the fake asks the bot's local server for the same path. */
  async function fetchPhoto(url: string): Promise<SentPhoto['fetched'] | 'unreachable' | undefined> {
    const base = options.webhookTarget?.();
    if (!base) return undefined;
    try {
      const res = await fetch(`${base.replace(/\/+$/, '')}${new URL(url).pathname}`, { signal: AbortSignal.timeout(5000) });
      const content = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get('content-type') ?? '';
      return res.ok && contentType.startsWith('image/') ? { contentType, content } : 'unreachable';
    } catch {
      return 'unreachable';
    }
  }

  function takeFailure(method: string): Failure | undefined {
    const i = failures.findIndex((f) => f.method === method || f.method === '*');
    return i >= 0 ? failures.splice(i, 1)[0] : undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(decodeURIComponent(req.url ?? ''));
    const raw = await readBody(req);
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const [, givenToken, method] = match as unknown as [string, string, string];
    if (givenToken !== token) return reply(res, method, { ok: false, code: 401 });
    const held = holds.findIndex((h) => h.method === method);
    if (held >= 0) {
      const hold = holds.splice(held, 1)[0]!;
      hold.arrive();
      await hold.released;
    }
    const failure = takeFailure(method);
    if (failure?.html) return replyHtml(res, method, failure.errorCode);
    if (failure) {
      return reply(res, method, { ok: false, code: failure.errorCode, description: failure.description, ...(failure.retryAfter ? { retryAfter: failure.retryAfter } : {}) });
    }
    let body: Record<string, unknown>;
    try {
      body = raw.trim() ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return reply(res, method, { ok: false, code: 400, description: 'Bad Request: body is not JSON' });
    }
    const now = Date.now();
    switch (method) {
      case 'getMe':
        return reply(res, method, {
          ok: true,
          result: { id: token.split(':')[0], account_name: botName, display_name: botDisplayName, account_type: 'BASIC', can_join_groups: true },
        });
      case 'getUpdates': {
        if (webhook) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: webhook is set, use deleteWebhook first' });
        const next = queue.shift();
        if (next) return reply(res, method, { ok: true, result: next });
        if (idlePoll === 'ok-empty') return reply(res, method, { ok: true });
        const update = await new Promise<ZaloTestUpdate | undefined>((resolve) => {
          const timer = setTimeout(() => {
            const i = pollers.indexOf(wake);
            if (i >= 0) pollers.splice(i, 1);
            resolve(undefined);
          }, pollTimeoutMs);
          function wake(u: ZaloTestUpdate | undefined) {
            clearTimeout(timer);
            resolve(u);
          }
          pollers.push(wake);
          // The bot gave up on this call (it stopped): this waiter must not swallow the next update.
          res.once('close', () => {
            const i = pollers.indexOf(wake);
            if (i >= 0) pollers.splice(i, 1);
            wake(undefined);
            notify();
          });
        });
        if (res.destroyed) {
          if (update) queue.unshift(update);
          return;
        }
        if (update) return reply(res, method, { ok: true, result: update });
        return reply(res, method, { ok: false, code: 408, ...(idlePoll === 'ok-408' ? { status: 200 } : {}) });
      }
      case 'setWebhook': {
        const url = body.url;
        const secret = body.secret_token;
        if (typeof url !== 'string' || !url.startsWith('https://')) {
          return reply(res, method, { ok: false, code: 400, description: 'Bad Request: url must be https' });
        }
        if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
          return reply(res, method, { ok: false, code: 400, description: 'Bad Request: secret_token must be 8-256 characters' });
        }
        // Set first, then tested: Zalo keeps the URL and says how the test went.
        webhook = { url, secret, updatedAt: now };
        hadWebhook = true;
        const verification = await verifyWebhook(url, secret);
        webhook = { ...webhook, verification };
        return reply(res, method, { ok: true, result: { url, updated_at: now, verification } });
      }
      case 'deleteWebhook':
        if (!hadWebhook && noWebhookErrors) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: webhook is not set' });
        webhook = undefined;
        return reply(res, method, { ok: true, result: { url: '', updated_at: now } });
      case 'getWebhookInfo':
        if (!hadWebhook && noWebhookErrors) return reply(res, method, { ok: false, code: 404, description: 'Not Found: no webhook' });
        return reply(res, method, { ok: true, result: { url: webhook?.url ?? '', updated_at: webhook?.updatedAt ?? now } });
      case 'sendMessage': {
        const chatId = body.chat_id;
        const text = body.text;
        if (typeof chatId !== 'string' || chatId === '') return reply(res, method, { ok: false, code: 400, description: 'Bad Request: chat_id is required' });
        if (typeof text !== 'string' || text.length === 0) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: text is empty' });
        if (text.length > 2000) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: text is longer than 2000 characters' });
        if (strictChats && !knownChats.has(chatId)) return reply(res, method, { ok: false, code: 403, description: 'Forbidden: the user has not interacted with the bot' });
        const messageId = hexId();
        sent.push({ chatId, text, messageId, at: performance.now() });
        return reply(res, method, { ok: true, result: { message_id: messageId, date: now } });
      }
      case 'sendChatAction': {
        const chatId = body.chat_id;
        if (typeof chatId !== 'string' || body.action !== 'typing') return reply(res, method, { ok: false, code: 400 });
        chatActions.push({ chatId, action: 'typing' });
        return reply(res, method, { ok: true, result: true });
      }
      case 'sendPhoto': {
        const { chat_id: chatId, photo: url, caption } = body;
        if (typeof chatId !== 'string' || chatId === '') return reply(res, method, { ok: false, code: 400, description: 'Bad Request: chat_id is required' });
        if (typeof url !== 'string' || !url.startsWith('https://')) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: photo must be an https URL' });
        if (caption !== undefined && (typeof caption !== 'string' || caption.length > 2000)) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: caption is longer than 2000 characters' });
        if (strictChats && !knownChats.has(chatId)) return reply(res, method, { ok: false, code: 403, description: 'Forbidden: the user has not interacted with the bot' });
        const fetched = await fetchPhoto(url);
        if (fetched === 'unreachable') return reply(res, method, { ok: false, code: 400, description: 'Bad Request: could not download the photo' });
        const messageId = hexId();
        photos.push({ chatId, url, ...(typeof caption === 'string' ? { caption } : {}), messageId, ...(fetched ? { fetched } : {}) });
        return reply(res, method, { ok: true, result: { message_id: messageId, date: now } });
      }
      case 'sendSticker':
        return reply(res, method, { ok: true, result: { message_id: hexId(), date: now } });
      default:
        return reply(res, method, { ok: false, code: 404, description: `Not Found: method ${method}` });
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(new Error(`fake Zalo API: timed out waiting for ${what}`));
      }, timeoutMs);
      function check() {
        if (!predicate()) return;
        clearTimeout(timer);
        watchers.delete(check);
        resolve();
      }
      watchers.add(check);
    });
  }

  const textsTo = (chatId: string) => sent.filter((m) => m.chatId === chatId).map((m) => m.text);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    sent,
    photos,
    chatActions,
    calls,
    get webhook() {
      return webhook;
    },
    get pendingUpdates() {
      return queue.length;
    },
    get openPolls() {
      return pollers.length;
    },
    inject(update) {
      learnChat(update);
      const waiting = pollers.shift();
      if (waiting) waiting(update);
      else queue.push(update);
    },
    failNext(method, errorCode, opts = {}) {
      for (let i = 0; i < (opts.times ?? 1); i++) {
        failures.push({
          method,
          errorCode,
          description: opts.description ?? ERROR_DESCRIPTIONS[errorCode] ?? 'Error',
          ...(opts.retryAfter ? { retryAfter: opts.retryAfter } : {}),
          ...(opts.html ? { html: true } : {}),
        });
      }
    },
    holdNext(method) {
      let arrive!: () => void;
      let release!: () => void;
      const arrived = new Promise<void>((r) => (arrive = r));
      const released = new Promise<void>((r) => (release = r));
      holds.push({ method, arrive, released });
      return { arrived, release };
    },
    allowChat(chatId) {
      knownChats.add(chatId);
    },
    async deliverToWebhook(localBaseUrl, body, opts = {}) {
      if (!webhook) throw new Error('fake Zalo API: no webhook is set');
      const result = (body as { result?: unknown })?.result ?? body;
      learnChat(result);
      const secret = opts.secret === undefined ? webhook.secret : opts.secret;
      const path = new URL(webhook.url).pathname;
      const res = await fetch(`${localBaseUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-bot-api-secret-token': secret }) },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    },
    textsTo,
    async waitForTexts(chatId, count, timeoutMs) {
      await waitFor(() => textsTo(chatId).length >= count, `${count} message(s) to chat ${chatId} (got ${textsTo(chatId).length})`, timeoutMs);
      return textsTo(chatId);
    },
    waitFor,
    async close() {
      if (closed) return;
      closed = true;
      for (const p of pollers.splice(0)) p(undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Update fixtures, shaped as in the reference. Ids are hex strings, dates epoch milliseconds. */
export interface FixtureOptions {
  userId?: string;
  chatId?: string;
  messageId?: string;
  displayName?: string | null;
  group?: boolean;
  date?: number;
}

function message(opts: FixtureOptions, extra: Record<string, unknown>): Record<string, unknown> {
  const userId = opts.userId ?? 'a1b2c3d4e5f6';
  return {
    message_id: opts.messageId ?? hexId(),
    date: opts.date ?? Date.now(),
    from: {
      id: userId,
      ...(opts.displayName === null ? {} : { display_name: opts.displayName ?? 'Nguyễn Văn A' }),
      is_bot: false,
    },
    chat: { id: opts.chatId ?? userId, chat_type: opts.group ? 'GROUP' : 'PRIVATE' },
    ...extra,
  };
}

export const zaloFixtures = {
  text: (text: string, opts: FixtureOptions = {}): ZaloTestUpdate => ({ event_name: 'message.text.received', message: message(opts, { text }) }),
  /** As the docs show it: the image URL in `photo`. */
  imagePhoto: (opts: FixtureOptions = {}): ZaloTestUpdate => ({
    event_name: 'message.image.received',
    message: message(opts, { photo: 'https://photo.example.test/a.jpg', caption: '' }),
  }),
  /** As real payloads reportedly carry it: `photo_url`. */
  imagePhotoUrl: (opts: FixtureOptions = {}): ZaloTestUpdate => ({
    event_name: 'message.image.received',
    message: message(opts, { photo_url: 'https://photo.example.test/b.jpg' }),
  }),
  sticker: (opts: FixtureOptions = {}): ZaloTestUpdate => ({
    event_name: 'message.sticker.received',
    message: message(opts, { sticker: 'bfe458bf64fa8da4d4eb', url: 'https://sticker.example.test/s.png' }),
  }),
  voice: (opts: FixtureOptions = {}): ZaloTestUpdate => ({
    event_name: 'message.voice.received',
    message: message(opts, { url: 'https://voice.example.test/v.aac' }),
  }),
  unsupported: (opts: FixtureOptions = {}): ZaloTestUpdate => ({ event_name: 'message.unsupported.received', message: message(opts, {}) }),
  group: (text: string, opts: FixtureOptions = {}): ZaloTestUpdate =>
    zaloFixtures.text(text, { chatId: 'group0f1e2d3c', ...opts, group: true }),
  /** A group message as Zalo delivers it to a bot: starting with the @mention of its display name. */
  groupMention: (displayName: string, text: string, opts: FixtureOptions = {}): ZaloTestUpdate =>
    zaloFixtures.group(`@${displayName} ${text}`, opts),
  unknownEvent: (opts: FixtureOptions = {}): ZaloTestUpdate => ({ event_name: 'message.reaction.received', message: message(opts, { reaction: '❤' }) }),
  /** A webhook body wrapped as `{ok, result}`. */
  enveloped: (update: ZaloTestUpdate) => ({ ok: true, result: update }),
  /** A webhook body as the bare update. */
  bare: (update: ZaloTestUpdate) => update,
  /** Not a valid update. */
  array: (update: ZaloTestUpdate) => [update],
};
