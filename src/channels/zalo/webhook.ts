/**
 * The Zalo webhook route. Each delivery carries `X-Bot-Api-Secret-Token`, a shared secret compared in
 * constant time before the body is even read (403 otherwise, nothing handled). Valid deliveries get
 * 200 at once; the work happens after. Array bodies and bodies that are not an update get 400.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../log.js';
import { bindRoute } from '../../server/rebindable.js';
import { headerValue, secretMatches } from '../../server/secret.js';
import type { UpdateHandler } from './updates.js';

export const SECRET_HEADER = 'x-bot-api-secret-token';

export interface WebhookRouteDeps {
  path: string;
  secret: string;
  handler: UpdateHandler;
  logger: Logger;
  /** False once the channel is stopping: deliveries get 503 so the platform tries again later. */
  isOpen: () => boolean;
}

/** The route path of a webhook URL: https://bot.example.vn/zalo/webhook → /zalo/webhook. */
export function webhookPath(webhookUrl: string): string {
  const path = new URL(webhookUrl).pathname.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

export function registerZaloWebhook(app: FastifyInstance, current: WebhookRouteDeps): void {
  bindRoute(app, `POST ${current.path}`, current, (depsOf) => registerRoute(app, current.path, depsOf));
}

function registerRoute(app: FastifyInstance, path: string, depsOf: () => WebhookRouteDeps): void {
  app.post(
    path,
    {
      onRequest: async (req, reply) => {
        const deps = depsOf();
        const given = headerValue(req.headers, SECRET_HEADER);
        if (!secretMatches(given, deps.secret)) {
          deps.logger.warn({ secretHeader: given === undefined ? 'missing' : 'wrong' }, 'zalo webhook: bad secret, refused');
          return reply.code(403).send({ ok: false, description: 'forbidden' });
        }
      },
    },
    async (req, reply) => {
      const deps = depsOf();
      if (!deps.isOpen()) return reply.code(503).send({ ok: false, description: 'stopping' });
      let result;
      try {
        result = await deps.handler.accept(req.body);
      } catch {
        // Stopping: the platform delivers it again after the restart.
        return reply.code(503).send({ ok: false, description: 'stopping' });
      }
      if (result === 'rejected_array') return reply.code(400).send({ ok: false, description: 'an array is not an update' });
      if (result === 'rejected_invalid') return reply.code(400).send({ ok: false, description: 'not an update' });
      return reply.code(200).send({ ok: true });
    },
  );
}
