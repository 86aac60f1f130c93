/**
 * Webhook mode: a fastify route on the bot's HTTP server receives updates.
 *
 *  - X-Telegram-Bot-Api-Secret-Token is compared in constant time before the body is even read: a
 *    missing or wrong secret gets 401 and nothing is parsed or handled;
 *  - the body must be an update (an object with an integer update_id), else 400. An update whose
 *    message part does not have the shape the bot reads is answered 200 and dropped (logged): Telegram
 *    retries a failed delivery and holds the updates after it, so one odd update must not stall the bot;
 *  - the answer comes when the update has been handled (a crash before that makes Telegram redeliver;
 *    the core's update_id dedup makes the redelivery harmless), but never later than `timeoutMs`: a
 *    slow update is then answered 200 and finishes in the background (it stays counted as in flight);
 *  - while the bot shuts down, new deliveries get 503 and Telegram retries them after the restart.
 */
import { webhookCallback, type Bot } from 'grammy';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../log.js';
import { headerValue, secretMatches } from '../../server/secret.js';
import type { TelegramContext } from './bot.js';
import { telegramUpdateSchema, updateEnvelopeSchema } from './update-schema.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

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
  const log = options.logger;
  // grammY checks the secret again (also in constant time); by then it is known to match.
  const handle = webhookCallback(options.bot, 'fastify', {
    secretToken: options.secret,
    onTimeout: () => log.warn({ event: 'webhook-slow-update' }, 'update still being handled; answered Telegram early'),
    timeoutMilliseconds: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
  });
  http.post(
    options.path,
    {
      onRequest: async (request, reply) => {
        const given = headerValue(request.headers, SECRET_HEADER);
        if (!secretMatches(given, options.secret)) {
          log.warn({ event: 'webhook-refused', secretHeader: given === undefined ? 'missing' : 'wrong' }, 'telegram webhook: bad secret, refused');
          return reply.code(401).send({ ok: false, description: 'Unauthorized' });
        }
      },
    },
    async (request, reply) => {
      if (!options.isOpen()) return reply.code(503).send({ ok: false, description: 'shutting down' });
      if (!updateEnvelopeSchema.safeParse(request.body).success) {
        log.warn({ event: 'webhook-not-an-update' }, 'telegram webhook: body is not an update, refused');
        return reply.code(400).send({ ok: false, description: 'not an update' });
      }
      const parsed = telegramUpdateSchema.safeParse(request.body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') ?? '';
        log.error({ event: 'webhook-malformed-update', field }, 'telegram webhook: update without the expected shape, dropped');
        return reply.code(200).send('');
      }
      await handle(request, reply);
      return reply;
    },
  );
}
