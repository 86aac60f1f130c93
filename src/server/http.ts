/**
 * The bot's HTTP server (fastify): health check, and the routes each part registers on it
 * (Telegram webhook, Zalo webhook, export downloads). Listens only when something needs it.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';

export interface HttpServerDeps {
  logger: Logger;
  /** Maximum accepted request body; updates are small. */
  bodyLimitBytes?: number;
}

export function createHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ part: 'http' }) as FastifyBaseLogger,
    // Request URLs may carry secrets (export tokens); never log them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes ?? 1_000_000,
  });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
