/**
 * The bot's HTTP server (fastify): health check, and the routes each part registers on it
 * (Telegram webhook, Zalo webhook, export downloads). Listens only when something needs it.
 *
 * It faces the internet, so slow clients must not starve it (see connection-guard.ts): every stage of
 * a request has a time limit, and the number of connections has a cap below the file descriptor limit.
 * Telegram and Zalo send an update's headers and body at once, in well under a second, so the limits
 * are generous for them and short for a client that dribbles bytes.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../log.js';
import { guardConnections } from './connection-guard.js';
import { openFileLimit } from './open-file-limit.js';

export interface HttpLimits {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
  checkEveryMs: number;
}

export const HTTP_LIMITS: Readonly<HttpLimits> = {
  /** The request line and headers must be in within this (node's headersTimeout). */
  headersMs: 10_000,
  /** The whole request, body included (node's requestTimeout; node 20 applies the larger of the two). */
  requestMs: 30_000,
  /** A connection on which nothing at all arrives is closed after this (socket inactivity). */
  idleMs: 30_000,
  /**
   * A kept-alive connection waits this long for its next request: longer than a reverse proxy's usual
   * idle keep-alive (nginx: 60 s), so that the proxy, not the bot, closes it and never sends on a
   * connection the bot is closing.
   */
  keepAliveMs: 65_000,
  /** How often node checks the headers and request deadlines (its default, 30 s, lets them overrun). */
  checkEveryMs: 1_000,
};

/** Without a known descriptor limit; plenty for webhooks (Telegram opens at most 100 at once). */
const DEFAULT_MAX_CONNECTIONS = 500;
const MAX_CONNECTIONS_CAP = 1_000;

/**
 * The connection cap: three quarters of the open-file limit (the rest is for the database, the log and
 * the calls to the Telegram and Zalo APIs), at most 1000.
 */
export function maxConnectionsFor(fileLimit: number | undefined): number {
  if (fileLimit === undefined) return DEFAULT_MAX_CONNECTIONS;
  return Math.max(1, Math.min(MAX_CONNECTIONS_CAP, Math.floor(fileLimit * 0.75)));
}

export interface HttpServerDeps {
  logger: Logger;
  /** Maximum accepted request body; updates are small. */
  bodyLimitBytes?: number;
  /** Default: from the process's open-file limit (maxConnectionsFor). */
  maxConnections?: number;
  /** Default HTTP_LIMITS (tests shorten them). */
  limits?: Partial<HttpLimits>;
}

export function createHttpServer(deps: HttpServerDeps): FastifyInstance {
  const logger = deps.logger.child({ part: 'http' });
  const limits = { ...HTTP_LIMITS, ...deps.limits };
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Request URLs may carry secrets (export tokens); never log them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes ?? 1_000_000,
    connectionTimeout: limits.idleMs,
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    http: { headersTimeout: limits.headersMs, connectionsCheckingInterval: limits.checkEveryMs },
    // On shutdown the channels have finished their updates before the server closes: whatever is
    // still connected then (a slow client) is closed at once rather than waited for.
    forceCloseConnections: true,
  });
  guardConnections(app.server, { maxConnections: deps.maxConnections ?? maxConnectionsFor(openFileLimit()), logger });
  app.get('/healthz', async () => ({ ok: true }));
  return app;
}
