/**
 * A cap on the HTTP server's connections that slow clients cannot fill.
 *
 * Slowloris: a client opens a connection and sends its request a byte at a time, never finishing. A
 * few hundred such connections use up the process's file descriptors, and every real request (a
 * Telegram or Zalo update) is refused for as long as they last. The server's timeouts close them in
 * the end; until then this guard keeps the count under a cap well below the descriptor limit (the
 * database, the log and the calls to the Telegram and Zalo APIs need descriptors too), and when a new
 * connection arrives at the cap it closes the oldest connection that has not yet delivered a whole
 * request (or sits idle between two), instead of refusing the newcomer. A real client sends its
 * request at once, so it is never the oldest such connection for long: it is answered during the
 * attack. Only when every connection holds a complete request being answered is the newcomer refused.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../log.js';

export interface ConnectionGuardOptions {
  maxConnections: number;
  logger: Logger;
  /** At most one warning per this many ms while the cap is reached. */
  warnEveryMs?: number;
}

export interface ConnectionGuard {
  /** Connections open now. */
  readonly open: number;
  /** Connections closed to make room, and newcomers refused, since start. */
  readonly evicted: number;
  readonly refused: number;
}

export function guardConnections(server: Server, options: ConnectionGuardOptions): ConnectionGuard {
  // Insertion order is age order: the first entry that is not answering a request is the one to close.
  const connections = new Map<Socket, { request?: IncomingMessage }>();
  let evicted = 0;
  let refused = 0;
  let lastWarning = -Infinity;

  const warn = () => {
    const now = Date.now();
    if (now - lastWarning < (options.warnEveryMs ?? 60_000)) return;
    lastWarning = now;
    options.logger.warn(
      { event: 'http-connection-cap', maxConnections: options.maxConnections, evicted, refused },
      'http connection cap reached: closing the slowest connections (slow clients or an attack)',
    );
  };

  const oldestUnanswered = (): Socket | undefined => {
    for (const [socket, state] of connections) if (!state.request?.complete) return socket;
    return undefined;
  };

  server.on('connection', (socket: Socket) => {
    if (connections.size >= options.maxConnections) {
      const victim = oldestUnanswered();
      if (victim) {
        connections.delete(victim);
        victim.destroy();
        evicted += 1;
      } else {
        socket.destroy();
        refused += 1;
        warn();
        return;
      }
      warn();
    }
    connections.set(socket, {});
    socket.once('close', () => connections.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res) => {
    const state = connections.get(req.socket);
    if (!state) return;
    state.request = req;
    res.once('finish', () => {
      // Back to waiting for the next request on a kept-alive connection: as young as a new one.
      if (state.request !== req || !connections.has(req.socket)) return;
      state.request = undefined;
      connections.delete(req.socket);
      connections.set(req.socket, state);
    });
  });

  return {
    get open() {
      return connections.size;
    },
    get evicted() {
      return evicted;
    },
    get refused() {
      return refused;
    },
  };
}
