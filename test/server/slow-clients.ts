/**
 * A slowloris attacker for tests: many connections that each send a request's headers a byte at a
 * time and never finish them. Records which of them the server closed (the attacker never does,
 * until `stop()`).
 */
import { connect, type Socket } from 'node:net';

export interface SlowClients {
  /** Connections the server has not closed yet. */
  readonly open: number;
  /** Connections the server closed. */
  readonly closedByServer: number;
  /** Resolves once the server has closed every one of them. */
  allClosed(): Promise<void>;
  /** Ends the attack: the attacker closes what is left. */
  stop(): void;
}

const HEADER_BYTES = 'X-Padding: a-header-that-never-ends-because-the-client-sends-it-slowly-';

export async function startSlowClients(port: number, count: number, { byteEveryMs = 200 } = {}): Promise<SlowClients> {
  const sockets = new Set<Socket>();
  let closedByServer = 0;
  let stopping = false;
  let onAllClosed: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];

  const opened = Array.from({ length: count }, () =>
    new Promise<void>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        sockets.delete(socket);
        if (!stopping) closedByServer += 1;
        resolve();
        if (sockets.size === 0) onAllClosed?.();
      });
      socket.once('connect', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        let i = 0;
        const timer = setInterval(() => {
          if (!socket.destroyed) socket.write(HEADER_BYTES[i++ % HEADER_BYTES.length]!);
        }, byteEveryMs);
        timers.push(timer);
        resolve();
      });
    }),
  );
  await Promise.all(opened);

  return {
    get open() {
      return sockets.size;
    },
    get closedByServer() {
      return closedByServer;
    },
    allClosed: () =>
      new Promise<void>((resolve) => {
        if (sockets.size === 0) resolve();
        else onAllClosed = resolve;
      }),
    stop() {
      stopping = true;
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
    },
  };
}
