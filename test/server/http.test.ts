/**
 * The HTTP server under a slowloris attack (in process, with a small connection cap and a short
 * headers timeout): the health check is answered while the slow connections hold every slot, and the
 * server closes the slow connections itself once their headers are overdue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHttpServer, maxConnectionsFor } from '../../src/server/http.js';
import { silentLogger } from '../../src/log.js';
import { startSlowClients, type SlowClients } from './slow-clients.js';

let app: FastifyInstance | undefined;
let attack: SlowClients | undefined;
afterEach(async () => {
  attack?.stop();
  await app?.close();
  app = attack = undefined;
});

async function listen(options: Parameters<typeof createHttpServer>[0]): Promise<number> {
  app = createHttpServer(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return address.port;
}

describe('the HTTP server', () => {
  it('answers /healthz', async () => {
    const port = await listen({ logger: silentLogger() });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers /healthz during a slowloris attack that fills every connection slot, then closes the slow connections', { timeout: 30_000 }, async () => {
    const port = await listen({ logger: silentLogger(), maxConnections: 20, limits: { headersMs: 1_500, checkEveryMs: 200 } });
    attack = await startSlowClients(port, 30);
    // The cap holds: the ten connections beyond it were closed to make room.
    await expect.poll(() => attack!.open).toBe(20);

    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(attack.open).toBeGreaterThanOrEqual(15);

    await attack.allClosed();
    expect(attack.closedByServer).toBe(30);
  });

  it('closes a connection whose body never arrives once the request time is over', { timeout: 30_000 }, async () => {
    const port = await listen({ logger: silentLogger(), limits: { headersMs: 1_000, requestMs: 1_500, checkEveryMs: 200 } });
    const { connect } = await import('node:net');
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', () => undefined);
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":');
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('the connection cap', () => {
  it('leaves a quarter of the open-file limit for everything else, at most 1000, 500 when the limit is unknown', () => {
    expect(maxConnectionsFor(256)).toBe(192);
    expect(maxConnectionsFor(1024)).toBe(768);
    expect(maxConnectionsFor(1_048_576)).toBe(1000);
    expect(maxConnectionsFor(undefined)).toBe(500);
  });
});
