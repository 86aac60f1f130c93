/**
 * A small typed client for the Zalo Bot Platform API: `POST <root>/bot<TOKEN>/<method>` with a JSON body.
 * Every answer is validated with zod and `ok` is checked (not the HTTP status). Failures become
 * ZaloApiError naming the method; the URL (which holds the token) is never put into an error.
 */
import { Agent, request } from 'undici';
import type { z } from 'zod';
import {
  anyResultSchema,
  apiResponseSchema,
  getMeResultSchema,
  sentMessageSchema,
  setWebhookResultSchema,
  webhookInfoSchema,
  type ZaloBotInfo,
  type ZaloSentMessage,
  type ZaloSetWebhookResult,
  type ZaloWebhookInfo,
} from './api-schemas.js';
import { ZaloApiError } from './errors.js';

export interface ZaloClientOptions {
  token: string;
  /** e.g. https://bot-api.zaloplatforms.com (config.zalo.apiRoot). */
  apiRoot: string;
  /** Ceiling for one ordinary call (long polls get their own, longer limit). */
  requestTimeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ZaloClient {
  call<S extends z.ZodType>(method: string, body: Record<string, unknown>, schema: S, opts?: CallOptions): Promise<z.output<S>>;
  getMe(opts?: CallOptions): Promise<ZaloBotInfo>;
  /**
   * The next pending update (raw, validated by the caller), or a ZaloApiError 408 when none came in time.
   * `undefined` when the platform answered an empty `{ok: true}` (some bots see that instead of 408).
   */
  getUpdates(timeoutSeconds: number, opts?: CallOptions): Promise<unknown>;
  setWebhook(url: string, secretToken: string, opts?: CallOptions): Promise<ZaloSetWebhookResult>;
  deleteWebhook(opts?: CallOptions): Promise<ZaloWebhookInfo>;
  getWebhookInfo(opts?: CallOptions): Promise<ZaloWebhookInfo>;
  sendMessage(chatId: string, text: string, opts?: CallOptions): Promise<ZaloSentMessage>;
  /** `photo`: an https URL that Zalo fetches (the bot's own download link). */
  sendPhoto(chatId: string, photo: string, caption?: string, opts?: CallOptions): Promise<ZaloSentMessage>;
  sendChatAction(chatId: string, action: 'typing', opts?: CallOptions): Promise<void>;
  close(): Promise<void>;
}

const MAX_DESCRIPTION = 200;

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const root = options.apiRoot.replace(/\/+$/, '');
  const token = options.token;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  // Long polls hold the connection open for up to `timeout` seconds; the per-call signal is the real limit.
  const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 30_000 });

  /** Keeps the token out of anything the platform echoes back. */
  const clean = (text: string): string => text.split(token).join('[secret]').slice(0, MAX_DESCRIPTION);

  async function call<S extends z.ZodType>(
    method: string,
    body: Record<string, unknown>,
    schema: S,
    opts: CallOptions = {},
  ): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? requestTimeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let status: number;
    let raw: string;
    try {
      const res = await request(`${root}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify(body),
        dispatcher: agent,
        signal,
      });
      status = res.statusCode;
      raw = await res.body.text();
    } catch (err) {
      // Only the error's code or name: some network errors print the request URL in their message.
      const code = (err as { code?: unknown }).code;
      const what = typeof code === 'string' ? code : err instanceof Error ? err.name : 'error';
      throw new ZaloApiError(method, 'network', 0, clean(what));
    }

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // A gateway's HTML page (502/504 during an outage) lands here: retryable by its status (errors.ts).
      throw new ZaloApiError(method, 'invalid_response', status, `HTTP ${status}, not JSON`);
    }
    const envelope = apiResponseSchema.safeParse(json);
    if (!envelope.success) {
      throw new ZaloApiError(method, 'invalid_response', status, `HTTP ${status}, no "ok" field`);
    }
    const answer = envelope.data;
    if (!answer.ok) {
      const code = answer.error_code ?? (status >= 400 ? status : 0);
      throw new ZaloApiError(method, 'api', code, clean(answer.description ?? ''), answer.parameters?.retry_after);
    }
    const result = schema.safeParse(answer.result);
    if (!result.success) {
      const field = result.error.issues[0]?.path.join('.') || 'result';
      throw new ZaloApiError(method, 'invalid_response', status, `unexpected result (${field})`);
    }
    return result.data;
  }

  return {
    call,
    getMe: (opts) => call('getMe', {}, getMeResultSchema, opts),
    getUpdates: (timeoutSeconds, opts = {}) =>
      call('getUpdates', { timeout: timeoutSeconds }, anyResultSchema, {
        ...opts,
        // The server holds the request for up to `timeout` seconds; allow a margin on top.
        timeoutMs: opts.timeoutMs ?? timeoutSeconds * 1000 + 15_000,
      }),
    setWebhook: (url, secretToken, opts) => call('setWebhook', { url, secret_token: secretToken }, setWebhookResultSchema, opts),
    deleteWebhook: (opts) => call('deleteWebhook', {}, webhookInfoSchema, opts),
    getWebhookInfo: (opts) => call('getWebhookInfo', {}, webhookInfoSchema, opts),
    sendMessage: (chatId, text, opts) => call('sendMessage', { chat_id: chatId, text }, sentMessageSchema, opts),
    sendPhoto: (chatId, photo, caption, opts) =>
      call('sendPhoto', { chat_id: chatId, photo, ...(caption ? { caption } : {}) }, sentMessageSchema, opts),
    sendChatAction: async (chatId, action, opts) => {
      await call('sendChatAction', { chat_id: chatId, action }, anyResultSchema, opts);
    },
    close: () => agent.close(),
  };
}
