/**
 * A local fake of the Zalo Bot Platform API on 127.0.0.1, following shared/reference/zalo-bot-api.md
 * ("Testing offline"): `POST /bot<TOKEN>/<method>`, answers `{ok, result | error_code, description}`.
 *
 * - token check: any other token → 401;
 * - getUpdates pops one pending update (FIFO) or answers 408 after a short wait; refuses while a webhook is set;
 * - setWebhook requires an https URL and a secret of 8–256 characters; deleteWebhook / getWebhookInfo;
 * - sendMessage requires a chat that has written to the bot and a text of 1–2000 characters;
 * - hooks: `inject` an update, `deliverToWebhook` (POST to the bot's webhook with the secret header),
 *   `failNext` (the next call of a method fails with 429, 401, 5xx …), `holdNext` (the next call of a
 *   method waits until released: a bot caught in the middle of an update), and waits on what the bot sent.
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
  /** The bot's name (getMe `account_name`), as people @mention it in groups. */
  botName?: string;
}

export interface SentMessage {
  chatId: string;
  text: string;
  messageId: string;
  /** performance.now() when the fake accepted it (for benchmarks). */
  at: number;
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
}

export interface WebhookState {
  url: string;
  secret: string;
  updatedAt: number;
}

export interface FakeZaloApi {
  /** Use as ZALO_API_ROOT. */
  readonly apiRoot: string;
  readonly token: string;
  readonly sent: SentMessage[];
  readonly chatActions: Array<{ chatId: string; action: string }>;
  readonly calls: CallRecord[];
  readonly webhook: WebhookState | undefined;
  /** Updates waiting for getUpdates. */
  readonly pendingUpdates: number;
  /** getUpdates calls being held open right now (a bot that stopped polling has none). */
  readonly openPolls: number;
  /** Queues an update (the `result` object) for getUpdates. */
  inject(update: ZaloTestUpdate): void;
  /** The next call of `method` ('*' for any) fails with this error code. */
  failNext(method: string, errorCode: number, opts?: { description?: string; retryAfter?: number; times?: number }): void;
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
};

const hexId = () => randomBytes(12).toString('hex');

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

  const queue: ZaloTestUpdate[] = [];
  const pollers: Array<(update: ZaloTestUpdate | undefined) => void> = [];
  const failures: Failure[] = [];
  const holds: Array<{ method: string; arrive: () => void; released: Promise<void> }> = [];
  const sent: SentMessage[] = [];
  const chatActions: Array<{ chatId: string; action: string }> = [];
  const calls: CallRecord[] = [];
  const knownChats = new Set<string>();
  const watchers = new Set<() => void>();
  let webhook: WebhookState | undefined;
  let closed = false;

  const notify = () => {
    for (const w of [...watchers]) w();
  };

  function learnChat(update: unknown): void {
    const chat = (update as { message?: { chat?: { id?: unknown } } })?.message?.chat?.id;
    if (typeof chat === 'string') knownChats.add(chat);
  }

  function reply(res: ServerResponse, method: string, payload: { ok: true; result: unknown } | { ok: false; code: number; description?: string; retryAfter?: number }) {
    calls.push(payload.ok ? { method } : { method, errorCode: payload.code });
    // Zalo's contract is the `ok` field; the HTTP status is not to be relied on (408 comes with 200 here).
    const status = payload.ok || payload.code === 408 ? 200 : payload.code;
    const body = payload.ok
      ? { ok: true, result: payload.result }
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
        return reply(res, method, { ok: true, result: { id: token.split(':')[0], account_name: botName, account_type: 'BASIC', can_join_groups: true } });
      case 'getUpdates': {
        if (webhook) return reply(res, method, { ok: false, code: 400, description: 'Bad Request: webhook is set, use deleteWebhook first' });
        const next = queue.shift();
        if (next) return reply(res, method, { ok: true, result: next });
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
        return reply(res, method, { ok: false, code: 408 });
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
        webhook = { url, secret, updatedAt: now };
        return reply(res, method, { ok: true, result: { url, updated_at: now } });
      }
      case 'deleteWebhook':
        webhook = undefined;
        return reply(res, method, { ok: true, result: { url: '', updated_at: now } });
      case 'getWebhookInfo':
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
      case 'sendPhoto':
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
  unknownEvent: (opts: FixtureOptions = {}): ZaloTestUpdate => ({ event_name: 'message.reaction.received', message: message(opts, { reaction: '❤' }) }),
  /** A webhook body wrapped as `{ok, result}`. */
  enveloped: (update: ZaloTestUpdate) => ({ ok: true, result: update }),
  /** A webhook body as the bare update. */
  bare: (update: ZaloTestUpdate) => update,
  /** Not a valid update. */
  array: (update: ZaloTestUpdate) => [update],
};
