/**
 * Webhook mode: a fastify route on the bot's HTTP server receives updates. grammY's webhookCallback
 * rejects a request whose X-Telegram-Bot-Api-Secret-Token is missing or wrong (401) before anything is
 * handled. Telegram waits for the answer and retries on failure, so:
 *  - the answer comes when the update has been handled (a crash before that makes Telegram redeliver;
 *    the core's update_id dedup makes the redelivery harmless), but never later than `timeoutMs`: a slow
 *    update is then answered 200 and finishes in the background (it stays counted as in flight);
 *  - while the bot shuts down, new deliveries get 503 and Telegram retries them after the restart.
 */
import { webhookCallback, type Bot } from 'grammy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../log.js';
import type { TelegramContext } from './bot.js';

export interface TelegramWebhookOptions {
  path: string;
  bot: Bot<TelegramContext>;
  secret: string;
  logger: Logger;
  /** False once the channel is stopping. */
  isOpen: () => boolean;
  /** Answer Telegram after at most this long even if the update is still being handled. */
  timeoutMs?: number;
}

/** Well within the time Telegram waits for a webhook answer. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 8000;

/** The route path of a webhook URL: https://bot.example.vn/telegram/hook → /telegram/hook. */
export function webhookPath(webhookUrl: string): string {
  return new URL(webhookUrl).pathname || '/';
}

export function registerTelegramWebhook(http: FastifyInstance, options: TelegramWebhookOptions): void {
  const handle = webhookCallback(options.bot, 'fastify', {
    secretToken: options.secret,
    onTimeout: () => options.logger.warn({ event: 'webhook-slow-update' }, 'update still being handled; answered Telegram early'),
    timeoutMilliseconds: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
  });
  http.post(options.path, async (request, reply) => {
    if (!options.isOpen()) return reply.code(503).send({ ok: false, description: 'shutting down' });
    await handle(request, reply);
    return reply;
  });
}
