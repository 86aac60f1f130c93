/**
 * Webhook mode: a fastify route on the bot's HTTP server receives updates.
 *
 *  - X-Telegram-Bot-Api-Secret-Token is compared in constant time before the body is even read: a
 *    missing or wrong secret gets 401 and nothing is parsed or handled;
 *  - the body must be an update (an object with an integer update_id), else 400. An update whose
 *    message part does not have the shape the bot reads is answered 200 and dropped (logged): Telegram
 *    retries a failed delivery and holds the updates after it, so one odd update must not stall the bot;
 *  - the answer (200) comes as soon as the update is stored in the mailbox, before it is handled: a
 *    crash before the commit makes Telegram deliver it again, a crash after it is resumed at start, and
 *    a delivery seen before is answered 200 at once (its unsent replies are sent again);
 *  - while the bot shuts down, new deliveries get 503 and Telegram retries them after the restart.
 */
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import type { Logger } from '../../log.js';
import { bindRoute } from '../../server/rebindable.js';
import { headerValue, secretMatches } from '../../server/secret.js';
import type { Acceptance } from '../mailbox/mailbox.js';
import { telegramUpdateSchema, updateEnvelopeSchema } from './update-schema.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramWebhookOptions {
  path: string;
  /** Stores the update (the bot's `receive`); resolves once it is stored. */
  receive(update: Update): Promise<Acceptance>;
  secret: string;
  logger: Logger;
  /** False once the channel is stopping. */
  isOpen: () => boolean;
}

/** The route path of a webhook URL: https://bot.example.vn/telegram/hook → /telegram/hook. */
export function webhookPath(webhookUrl: string): string {
  return new URL(webhookUrl).pathname || '/';
}

export function registerTelegramWebhook(http: FastifyInstance, current: TelegramWebhookOptions): void {
  bindRoute(http, `POST ${current.path}`, current, (optionsOf) => registerRoute(http, current.path, optionsOf));
}

function registerRoute(http: FastifyInstance, path: string, optionsOf: () => TelegramWebhookOptions): void {
  http.post(
    path,
    {
      onRequest: async (request, reply) => {
        const options = optionsOf();
        const log = options.logger;
        const given = headerValue(request.headers, SECRET_HEADER);
        if (!secretMatches(given, options.secret)) {
          log.warn({ event: 'webhook-refused', secretHeader: given === undefined ? 'missing' : 'wrong' }, 'telegram webhook: bad secret, refused');
          return reply.code(401).send({ ok: false, description: 'Unauthorized' });
        }
      },
    },
    async (request, reply) => {
      const options = optionsOf();
      const log = options.logger;
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
      try {
        await options.receive(request.body as Update);
      } catch {
        // Stopping: Telegram delivers it again after the restart.
        return reply.code(503).send({ ok: false, description: 'shutting down' });
      }
      return reply.code(200).send('');
    },
  );
}
