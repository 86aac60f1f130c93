/**
 * A route whose handler can be pointed elsewhere after the server listens. Fastify takes no route once
 * it listens, so a channel started again after a failed start (app.ts retries it) cannot register its
 * webhook again: the first start registers it, and each later start only swaps the options it reads.
 */
import type { FastifyInstance } from 'fastify';

const bound = new WeakMap<FastifyInstance, Map<string, unknown>>();

/**
 * Calls `register` the first time a server sees `key` (e.g. "POST /telegram/hook"), handing it an
 * accessor for the current options; later calls with the same key only replace those options.
 */
export function bindRoute<T>(http: FastifyInstance, key: string, options: T, register: (current: () => T) => void): void {
  const byKey = bound.get(http) ?? new Map<string, unknown>();
  bound.set(http, byKey);
  const known = byKey.has(key);
  byKey.set(key, options);
  if (!known) register(() => byKey.get(key) as T);
}
