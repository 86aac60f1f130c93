/**
 * A local Telegram Bot API for tests: the `telegram-test-api` emulator (message shapes, update and
 * message ids, its storage of user and bot messages), served on 127.0.0.1 at a free port, with the
 * Bot API methods it lacks or simplifies added from the test side:
 *
 * - getUpdates as Telegram does it: long polling (`timeout`), `offset` confirms earlier updates, and
 *   unconfirmed updates are delivered again to the next poller (a restarted bot gets them again);
 *   409 while a webhook is set;
 * - setWebhook with `secret_token` (the emulator's own webhook POST sends no secret header), deleteWebhook,
 *   getWebhookInfo; updates then go to the webhook, with the header; every delivery is recorded;
 * - setMyCommands / deleteMyCommands (recorded; `menuFor(chat)` is the menu that chat shows), sendChatAction, answerCallbackQuery (recorded), sendDocument
 *   and sendPhoto (multipart upload, the file kept), getMe with a full bot identity;
 * - a token check (401 for any other token), chats that blocked the bot (403), injected failures (429
 *   with retry_after, 5xx) for the next call of a method, and held calls (the next call of a method
 *   waits until released: a bot caught in the middle of an update).
 *
 * `user(…)` gives an emulated Telegram user who types, presses buttons, sends a sticker, and waits for
 * what the bot sends to their chat (`plain`: the text as the user sees it, HTML entities decoded).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServer from 'telegram-test-api';

export const BOT_ID = 666;
export const BOT_USERNAME = 'thidua_test_bot';
export const DEFAULT_TOKEN = '123456:TEST-token_for-emulator';

export interface BotButton {
  text: string;
  data: string;
}

export interface BotMessage {
  messageId: number;
  chatId: string;
  /** Exactly what the bot sent (HTML when parseMode is HTML). */
  raw: string;
  /** What the user sees: tags removed, entities decoded. */
  plain: string;
  parseMode?: string;
  buttons: BotButton[][];
  document?: { filename: string; content: Buffer; caption?: string };
  photo?: { filename: string; content: Buffer; caption?: string };
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
}

export interface WebhookDelivery {
  updateId: number;
  status: number;
  body: string;
}

interface Failure {
  error_code: number;
  description: string;
  retry_after?: number;
}

type StoredUpdate = {
  updateId: number;
  botToken: string;
  isRead: boolean;
  time: number;
  messageId: number;
  /** Delivered even below the confirmed offset (a redelivery). */
  forced?: boolean;
};

// The emulator's internals this file builds on (public fields of a JS class, typed loosely upstream).
interface EmulatorInternals {
  config: { apiURL: string };
  storage: { userMessages: StoredUpdate[]; botMessages: Array<{ messageId: number; message: Record<string, unknown> }> };
  updateId: number;
  messageId: number;
  webServer: (req: IncomingMessage, res: ServerResponse) => void;
  addBotMessage(message: Record<string, unknown>, token: string): { message_id: number };
  editMessageReplyMarkup(message: Record<string, unknown>): void;
  addUserMessage(message: unknown): Promise<void>;
  addUserCommand(message: unknown): Promise<void>;
  addUserCallback(message: unknown): Promise<void>;
  addUserUpdate(update: StoredUpdate): Promise<void>;
  getClient(token: string, options?: Record<string, unknown>): EmulatorClient;
  on(event: string, fn: () => void): void;
  off(event: string, fn: () => void): void;
  emit(event: string): void;
}

interface EmulatorClient {
  makeMessage(text: string, options?: Record<string, unknown>): Record<string, unknown>;
  makeCommand(text: string, options?: Record<string, unknown>): Record<string, unknown>;
  makeCallbackQuery(data: string, options?: Record<string, unknown>): Record<string, unknown>;
}

function formatUpdate(update: StoredUpdate): Record<string, unknown> {
  return (TelegramServer as unknown as { formatUpdate(u: StoredUpdate): Record<string, unknown> }).formatUpdate(update);
}

/** HTML as Telegram shows it: tags dropped, the four entities decoded. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * multipart/form-data as grammY writes it (header lines without a space after the colon, an unquoted
 * filename), which undici's strict FormData parser refuses; Telegram accepts it.
 */
function multipartParts(body: Buffer, contentType: string): Array<{ name: string; filename?: string; content: Buffer }> {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; filename?: string; content: Buffer }> = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // without the CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename=("?)([^";\r\n]*)\1/i.exec(headers)?.[2];
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), content: Buffer.from(part.subarray(split + 4)) });
    pos = next;
  }
  return parts;
}

interface ParsedRequest {
  params: Record<string, unknown>;
  files: Map<string, { filename: string; content: Buffer }>;
}

/** JSON (grammY's usual body), multipart (grammY with files) or a query string. */
async function parseRequest(req: IncomingMessage, url: URL): Promise<ParsedRequest> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, { filename: string; content: Buffer }>();
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { params, files };
  if (type.includes('application/json')) return { params: { ...params, ...(JSON.parse(body.toString('utf8')) as object) }, files };
  if (type.includes('multipart/form-data')) {
    for (const part of multipartParts(body, type)) {
      if (part.filename !== undefined) {
        files.set(part.name, { filename: part.filename, content: part.content });
      } else {
        const value = part.content.toString('utf8');
        params[part.name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      }
    }
    return { params, files };
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  }
  return { params, files };
}

function buttonsOf(markup: unknown): BotButton[][] {
  const rows = (markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard;
  return (rows ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? '' })));
}

export interface EmulatorOptions {
  token?: string;
  /** As Telegram: a chat-scoped menu for a chat that never wrote to the bot is refused (400 chat not found). */
  strictChats?: boolean;
  /**
   * As Telegram: a webhook delivery that fails (no connection, not 2xx) is tried again until the bot
   * answers 2xx (every 250 ms here, for up to 2 minutes). Off by default: most tests look at one delivery.
   */
  retryWebhook?: boolean;
}

type BotCommandList = Array<{ command: string; description: string }>;

export class TelegramEmulator {
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  readonly chatActions: Array<{ chatId: string; action: string }> = [];
  readonly callbackAnswers: Array<{ id: string; text?: string }> = [];
  /** Every setMyCommands call, in order. */
  readonly commandMenus: Array<{ scope: Record<string, unknown>; commands: BotCommandList }> = [];
  /** The menus in force, by scope ("default", "chat:<id>"). */
  private readonly menus = new Map<string, BotCommandList>();
  /** Chats that have written to the bot. */
  private readonly knownChats = new Set<string>();
  private readonly strictChats: boolean;
  private readonly retryWebhook: boolean;
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Chats that blocked the bot: sending there answers 403. */
  readonly blockedChats = new Set<string>();
  webhook: { url: string; secret?: string } | undefined;

  private readonly emu: EmulatorInternals;
  private readonly http: Server;
  private readonly documents = new Map<number, { filename: string; content: Buffer; caption?: string }>();
  private readonly photos = new Map<number, { filename: string; content: Buffer; caption?: string }>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly holds = new Map<string, Array<{ arrive: () => void; released: Promise<void> }>>();
  private readonly delivered = new Map<number, StoredUpdate>();
  private confirmedBelow = 0;
  private closed = false;
  private readonly pollers = new Set<() => void>();
  private readonly botMessageListeners = new Set<(chatId: string, at: number) => void>();
  apiRoot = '';

  private constructor(opts: EmulatorOptions) {
    this.token = opts.token ?? DEFAULT_TOKEN;
    this.strictChats = opts.strictChats ?? false;
    this.retryWebhook = opts.retryWebhook ?? false;
    this.emu = new (TelegramServer as unknown as new (config: object) => EmulatorInternals)({ host: '127.0.0.1', storeTimeout: 24 * 3600 });
    // Updates go to the webhook (with its secret) when one is set, else into the store for getUpdates.
    this.emu.addUserUpdate = async (update: StoredUpdate) => {
      this.emu.updateId++;
      const chat = formatUpdate(update) as { message?: { chat?: { id?: unknown } }; callback_query?: { message?: { chat?: { id?: unknown } } } };
      const chatId = chat.message?.chat?.id ?? chat.callback_query?.message?.chat?.id;
      if (chatId !== undefined) this.knownChats.add(String(chatId));
      this.delivered.set(update.updateId, update);
      if (this.webhook) {
        await this.deliverToWebhook(formatUpdate(update), update.updateId);
      } else {
        this.emu.storage.userMessages.push(update);
        this.wakePollers();
      }
    };
    this.http = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
      });
    });
  }

  static async start(opts: EmulatorOptions = {}): Promise<TelegramEmulator> {
    const e = new TelegramEmulator(opts);
    await new Promise<void>((resolve, reject) => {
      e.http.once('error', reject);
      e.http.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (e.http.address() as AddressInfo).port;
    e.apiRoot = `http://127.0.0.1:${port}`;
    e.emu.config.apiURL = e.apiRoot;
    return e;
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.wakePollers();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- what the bot sent ----------------------------------------------------------------------

  /** Every message the bot sent to `chatId`, in order. */
  messagesTo(chatId: string | number): BotMessage[] {
    return this.emu.storage.botMessages
      .filter((m) => String(m.message.chat_id) === String(chatId))
      .map((m) => this.toBotMessage(m));
  }

  /** The commands menu `chatId` shows: its own (chat scope) if set, else the default one. */
  menuFor(chatId: string | number): string[] {
    const menu = this.menus.get(`chat:${chatId}`) ?? this.menus.get('default') ?? [];
    return menu.map((c) => c.command);
  }

  /** Every method the bot called, in order (names only). */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }

  private toBotMessage(m: { messageId: number; message: Record<string, unknown> }): BotMessage {
    const doc = this.documents.get(m.messageId);
    const photo = this.photos.get(m.messageId);
    const raw = String(m.message.text ?? m.message.caption ?? '');
    const parseMode = m.message.parse_mode as string | undefined;
    const plainCaption = (file: { caption?: string }) => (file.caption !== undefined ? { caption: parseMode === 'HTML' ? htmlToPlain(file.caption) : file.caption } : {});
    return {
      messageId: m.messageId,
      chatId: String(m.message.chat_id),
      raw,
      plain: parseMode === 'HTML' ? htmlToPlain(raw) : raw,
      ...(parseMode ? { parseMode } : {}),
      buttons: buttonsOf(m.message.reply_markup),
      ...(doc ? { document: { ...doc, ...plainCaption(doc) } } : {}),
      ...(photo ? { photo: { ...photo, ...plainCaption(photo) } } : {}),
    };
  }

  /** Resolves when `predicate` holds for the messages sent to `chatId`; rejects after `timeoutMs`. */
  waitFor(chatId: string | number, predicate: (messages: BotMessage[]) => boolean, timeoutMs = 20_000, what = 'a message'): Promise<BotMessage[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const messages = this.messagesTo(chatId);
        if (!predicate(messages)) return false;
        cleanup();
        resolve(messages);
        return true;
      };
      const onMessage = () => void check();
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.messagesTo(chatId).map((m) => m.plain.slice(0, 120));
        reject(new Error(`timed out waiting for ${what} in chat ${chatId}; the chat has ${seen.length} messages:\n${seen.join('\n---\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.emu.off('AddedBotMessage', onMessage);
      };
      this.emu.on('AddedBotMessage', onMessage);
      check();
    });
  }

  /** Resolves when `condition` holds (checked every 10 ms); rejects after `timeoutMs`. */
  async until(condition: () => boolean, timeoutMs = 20_000, what = 'a condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Calls `listener` with the chat and the time (performance.now()) of every message the bot sends. */
  onBotMessage(listener: (chatId: string, at: number) => void): () => void {
    this.botMessageListeners.add(listener);
    return () => this.botMessageListeners.delete(listener);
  }

  private announce(chatId: string): void {
    const at = performance.now();
    for (const l of this.botMessageListeners) l(chatId, at);
  }

  // ---- test controls --------------------------------------------------------------------------

  /** The next call of `method` fails with this error (429 with retry_after, 500 …). */
  failNext(method: string, failure: Failure): void {
    const list = this.failures.get(method) ?? [];
    list.push(failure);
    this.failures.set(method, list);
  }

  /** The next call of `method` waits until `release()`; `arrived` resolves when it comes in. */
  holdNext(method: string): { arrived: Promise<void>; release(): void } {
    let arrive!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const released = new Promise<void>((r) => (release = r));
    const list = this.holds.get(method) ?? [];
    list.push({ arrive, released });
    this.holds.set(method, list);
    return { arrived, release };
  }

  /** Delivers an update that was already delivered once, with the same update_id (as Telegram may). */
  async redeliver(updateId: number): Promise<void> {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered`);
    if (this.webhook) {
      await this.postToWebhook(formatUpdate(update), updateId, this.webhook.secret);
    } else {
      this.emu.storage.userMessages.push({ ...update, isRead: false, forced: true });
      this.wakePollers();
    }
  }

  /** One webhook delivery, tried again as Telegram does when `retryWebhook` is set. */
  private async deliverToWebhook(update: Record<string, unknown>, updateId: number): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (!this.webhook) return;
      try {
        const d = await this.postToWebhook(update, updateId, this.webhook.secret);
        if (!this.retryWebhook || (d.status >= 200 && d.status < 300)) return;
      } catch (err) {
        if (!this.retryWebhook) throw err;
        this.webhookDeliveries.push({ updateId, status: 0, body: String(err) });
      }
      if (this.closed || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** POSTs an update to the webhook with the given secret header (undefined: no header). */
  async postToWebhook(update: Record<string, unknown>, updateId: number, secret: string | undefined): Promise<WebhookDelivery> {
    if (!this.webhook) throw new Error('no webhook set');
    const res = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    const delivery = { updateId, status: res.status, body: await res.text() };
    this.webhookDeliveries.push(delivery);
    return delivery;
  }

  /** The next update id the emulator will assign. */
  get nextUpdateId(): number {
    return this.emu.updateId;
  }

  /** Updates that a poller has not confirmed yet. */
  pendingUpdates(): number {
    return this.emu.storage.userMessages.filter((u) => u.botToken === this.token).length;
  }

  user(opts: { userId: number; chatId?: number; chatType?: 'private' | 'group' | 'supergroup'; firstName?: string; lastName?: string; chatTitle?: string }): EmulatedUser {
    return new EmulatedUser(this, this.emu, opts);
  }

  // ---- the Bot API ------------------------------------------------------------------------------

  private wakePollers(): void {
    for (const wake of [...this.pollers]) wake();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot || 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return this.emu.webServer(req, res); // the emulator's client routes
    const [, token, method] = m as unknown as [string, string, string];
    const request = await parseRequest(req, url);
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const ok = (result: unknown) => reply(200, { ok: true, result });
    const fail = (f: Failure) =>
      reply(f.error_code, { ok: false, error_code: f.error_code, description: f.description, ...(f.retry_after !== undefined ? { parameters: { retry_after: f.retry_after } } : {}) });

    if (token !== this.token) return fail({ error_code: 401, description: 'Unauthorized' });
    this.calls.push({ method, params: request.params });
    const hold = this.holds.get(method)?.shift();
    if (hold) {
      hold.arrive();
      await hold.released;
    }
    const injected = this.failures.get(method)?.shift();
    if (injected) return fail(injected);
    const p = request.params;
    const chatId = p.chat_id !== undefined ? String(p.chat_id) : undefined;
    if (chatId && this.blockedChats.has(chatId)) return fail({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });

    switch (method) {
      case 'getMe':
        return ok({ id: BOT_ID, is_bot: true, first_name: 'Trợ lý thi đua', username: BOT_USERNAME, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'getUpdates':
        if (this.webhook) return fail({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
        return ok(await this.getUpdates(Number(p.offset ?? 0), Number(p.timeout ?? 0), Number(p.limit ?? 100), req));
      case 'setWebhook':
        this.webhook = { url: String(p.url), ...(p.secret_token !== undefined ? { secret: String(p.secret_token) } : {}) };
        this.wakePollers();
        return ok(true);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(true);
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 });
      case 'setMyCommands':
      case 'deleteMyCommands': {
        const scope = (p.scope as Record<string, unknown> | undefined) ?? { type: 'default' };
        const key = scope.type === 'chat' ? `chat:${String(scope.chat_id)}` : String(scope.type);
        if (scope.type === 'chat' && this.strictChats && !this.knownChats.has(String(scope.chat_id))) {
          return fail({ error_code: 400, description: 'Bad Request: chat not found' });
        }
        if (method === 'deleteMyCommands') {
          this.menus.delete(key);
          return ok(true);
        }
        const commands = p.commands as BotCommandList;
        this.commandMenus.push({ scope, commands });
        this.menus.set(key, commands);
        return ok(true);
      }
      case 'sendChatAction':
        this.chatActions.push({ chatId: chatId!, action: String(p.action) });
        return ok(true);
      case 'answerCallbackQuery':
        this.callbackAnswers.push({ id: String(p.callback_query_id), ...(p.text !== undefined ? { text: String(p.text) } : {}) });
        return ok(true);
      case 'sendMessage': {
        const text = String(p.text ?? '');
        if (!text) return fail({ error_code: 400, description: 'Bad Request: message text is empty' });
        if (text.length > 4096 * 2) return fail({ error_code: 400, description: 'Bad Request: message is too long' });
        const sent = this.emu.addBotMessage({ ...p }, token);
        this.announce(chatId!);
        return ok(sent);
      }
      case 'sendDocument': {
        const ref = String(p.document ?? '');
        const file = request.files.get(ref.replace(/^attach:\/\//, '')) ?? request.files.get('document');
        if (!file) return fail({ error_code: 400, description: 'Bad Request: there is no document in the request' });
        const { document: _d, ...rest } = p;
        // The file is recorded under the id addBotMessage is about to use, before it announces the message.
        this.documents.set(this.emu.messageId, { filename: file.filename, content: file.content, ...(p.caption !== undefined ? { caption: String(p.caption) } : {}) });
        const sent = this.emu.addBotMessage({ ...rest, document: { file_name: file.filename, file_size: file.content.length } }, token);
        this.announce(chatId!);
        return ok(sent);
      }
      case 'sendPhoto': {
        // As Telegram: an uploaded image (a URL or file_id is not emulated), a caption of at most 1024 characters.
        const ref = String(p.photo ?? '');
        const file = request.files.get(ref.replace(/^attach:\/\//, '')) ?? request.files.get('photo');
        if (!file) return fail({ error_code: 400, description: 'Bad Request: there is no photo in the request' });
        if (p.caption !== undefined && String(p.caption).length > 1024) return fail({ error_code: 400, description: 'Bad Request: message caption is too long' });
        const { photo: _p, ...rest } = p;
        this.photos.set(this.emu.messageId, { filename: file.filename, content: file.content, ...(p.caption !== undefined ? { caption: String(p.caption) } : {}) });
        const sent = this.emu.addBotMessage({ ...rest, photo: [{ file_id: `photo-${this.emu.messageId}`, file_size: file.content.length }] }, token);
        this.announce(chatId!);
        return ok(sent);
      }
      case 'editMessageReplyMarkup': {
        // As Telegram: the message must exist in that chat, and the new keyboard must differ.
        const stored = this.emu.storage.botMessages.find((m) => String(m.messageId) === String(p.message_id) && String(m.message.chat_id) === chatId);
        if (!stored) return fail({ error_code: 400, description: 'Bad Request: message to edit not found' });
        const markup = typeof p.reply_markup === 'string' ? JSON.parse(p.reply_markup) : p.reply_markup;
        const before = typeof stored.message.reply_markup === 'string' ? JSON.parse(stored.message.reply_markup) : stored.message.reply_markup;
        if (JSON.stringify(markup) === JSON.stringify(before)) {
          return fail({ error_code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message' });
        }
        this.emu.editMessageReplyMarkup({ ...p, chat_id: chatId, reply_markup: markup });
        this.announce(chatId!);
        return ok(true);
      }
      default:
        return fail({ error_code: 404, description: `Not Found: method ${method} is not emulated` });
    }
  }

  /**
   * Telegram's getUpdates: confirms everything below `offset`, returns the unconfirmed updates (or
   * waits up to `timeout` seconds for one). Unconfirmed updates are returned again to the next call.
   */
  private async getUpdates(offset: number, timeoutSeconds: number, limit: number, req: IncomingMessage): Promise<unknown[]> {
    if (offset > 0) {
      this.confirmedBelow = Math.max(this.confirmedBelow, offset);
      this.emu.storage.userMessages = this.emu.storage.userMessages.filter((u) => u.botToken !== this.token || (u.forced && !u.isRead) || u.updateId >= offset);
    }
    const take = () => {
      const ready = this.emu.storage.userMessages.filter(
        (u) => u.botToken === this.token && ((u.forced && !u.isRead) || (!u.forced && u.updateId >= this.confirmedBelow)),
      );
      return ready.slice(0, limit).map((u) => {
        u.isRead = true;
        return formatUpdate(u);
      });
    };
    let result = take();
    if (result.length || timeoutSeconds <= 0 || this.closed) return result;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pollers.delete(done);
        req.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutSeconds * 1000);
      this.pollers.add(done);
      req.once('close', done);
    });
    result = this.closed || this.webhook ? [] : take();
    return result;
  }
}

/** One Telegram user talking to the bot through the emulator. */
export class EmulatedUser {
  private cursor = 0;
  readonly userId: number;
  readonly chatId: number;
  private readonly client: EmulatorClient;

  constructor(
    private readonly emulator: TelegramEmulator,
    private readonly emu: EmulatorInternals,
    opts: { userId: number; chatId?: number; chatType?: 'private' | 'group' | 'supergroup'; firstName?: string; lastName?: string; chatTitle?: string },
  ) {
    this.userId = opts.userId;
    this.chatId = opts.chatId ?? opts.userId;
    this.client = emu.getClient(emulator.token, {
      userId: opts.userId,
      chatId: this.chatId,
      type: opts.chatType ?? 'private',
      firstName: opts.firstName ?? 'Lan',
      userName: `user${opts.userId}`,
      ...(opts.chatTitle ? { chatTitle: opts.chatTitle } : {}),
    });
  }

  /** Types a message (a command when it starts with "/"). Returns its update id. */
  async send(text: string, extra: Record<string, unknown> = {}): Promise<number> {
    const id = this.emulator.nextUpdateId;
    if (text.startsWith('/')) await this.emu.addUserCommand(this.client.makeCommand(text, extra));
    else await this.emu.addUserMessage(this.client.makeMessage(text, extra));
    return id;
  }

  /**
   * Presses an inline button (by its callback data); returns the update id. As Telegram does, the
   * callback carries the message the button is on (its id and its current keyboard), found as the
   * newest message of this chat with that button.
   */
  async press(data: string): Promise<number> {
    const id = this.emulator.nextUpdateId;
    const on = this.all().findLast((m) => m.buttons.flat().some((b) => b.data === data));
    const message = on
      ? { message: { message_id: on.messageId, text: on.plain, reply_markup: { inline_keyboard: on.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } } }
      : {};
    await this.emu.addUserCallback(this.client.makeCallbackQuery(data, message));
    return id;
  }

  /** Sends a message without text (a sticker, a photo…). */
  async sendMedia(kind: 'sticker' | 'photo' | 'voice' | 'document', extra: Record<string, unknown> = {}): Promise<number> {
    const media: Record<string, unknown> = {
      sticker: { file_id: 'CAACAgIAAxk', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
      photo: [{ file_id: 'AgACAgIAAxk', file_unique_id: 'AQAD', width: 90, height: 90 }],
      voice: { file_id: 'AwACAgIAAxk', file_unique_id: 'AgAE', duration: 3 },
      document: { file_id: 'BQACAgIAAxk', file_unique_id: 'AgAF', file_name: 'bao-cao.pdf' },
    };
    const message = this.client.makeMessage('', { [kind]: media[kind], ...extra });
    delete (message as { text?: string }).text;
    const id = this.emulator.nextUpdateId;
    await this.emu.addUserMessage(message);
    return id;
  }

  /** Every message the bot sent to this chat. */
  all(): BotMessage[] {
    return this.emulator.messagesTo(this.chatId);
  }

  /** Skips what arrived so far: the next waits look only at newer messages. */
  skip(): void {
    this.cursor = this.all().length;
  }

  /**
   * Waits until a new message matching `match` arrives and returns the new messages up to and including
   * it (the cursor moves past them).
   */
  async waitFor(match: RegExp | string | ((m: BotMessage) => boolean), timeoutMs?: number): Promise<BotMessage[]> {
    const test = typeof match === 'function' ? match : (m: BotMessage) => (typeof match === 'string' ? m.plain.includes(match) : match.test(m.plain));
    const from = this.cursor;
    const all = await this.emulator.waitFor(this.chatId, (ms) => ms.slice(from).some(test), timeoutMs, `a message matching ${String(match)}`);
    const end = all.findIndex((m, i) => i >= from && test(m)) + 1;
    this.cursor = end;
    return all.slice(from, end);
  }

  /** Waits for `count` new messages and returns them. */
  async next(count = 1, timeoutMs?: number): Promise<BotMessage[]> {
    const from = this.cursor;
    const all = await this.emulator.waitFor(this.chatId, (ms) => ms.length - from >= count, timeoutMs, `${count} new message(s)`);
    this.cursor = from + count;
    return all.slice(from, from + count);
  }

  /** Sends `text` and waits for a reply matching `until`. */
  async ask(text: string, until: RegExp | string | ((m: BotMessage) => boolean)): Promise<BotMessage[]> {
    await this.send(text);
    return this.waitFor(until);
  }

  /** The buttons of the most recent message that has any. */
  lastButtons(): BotButton[] {
    const withButtons = this.all().filter((m) => m.buttons.length > 0);
    return withButtons.at(-1)?.buttons.flat() ?? [];
  }

  /** Presses the button whose label matches, on the latest keyboard. */
  async pressLabel(label: RegExp | string): Promise<number> {
    const button = this.lastButtons().find((b) => (typeof label === 'string' ? b.text.includes(label) : label.test(b.text)));
    if (!button) throw new Error(`no button ${String(label)} among: ${this.lastButtons().map((b) => b.text).join(' | ')}`);
    return this.press(button.data);
  }
}

/** A free TCP port on 127.0.0.1 (for a webhook URL that must be known before the server listens). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
