import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createZaloClient, type ZaloClient } from '../../../src/channels/zalo/client.js';
import type { ZaloApiError } from '../../../src/channels/zalo/errors.js';
import { startPolling } from '../../../src/channels/zalo/poller.js';
import { silentLogger } from '../../../src/log.js';
import { startFakeZaloApi, zaloFixtures, type FakeZaloApi } from '../../support/zalo-fake-api.js';

let fake: FakeZaloApi;
let client: ZaloClient;
const backoff = { initialMs: 5, maxMs: 20 };

beforeEach(async () => {
  fake = await startFakeZaloApi({ pollTimeoutMs: 30 });
  client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

function poll(onUnauthorized: (err: ZaloApiError) => void = () => {}) {
  const received: unknown[] = [];
  const poller = startPolling({ client, logger: silentLogger(), onUpdate: async (u) => received.push(u), onUnauthorized, backoff, pollTimeoutSeconds: 1 });
  return { poller, received };
}

const count = (method: string, errorCode?: number) =>
  fake.calls.filter((c) => c.method === method && c.errorCode === errorCode).length;

describe('Zalo long polling', () => {
  it('keeps polling through idle 408 answers and hands each update over once', async () => {
    const { poller, received } = poll();
    await fake.waitFor(() => count('getUpdates', 408) >= 3, 'three idle polls');
    const a = zaloFixtures.text('một');
    const b = zaloFixtures.text('hai');
    fake.inject(a);
    fake.inject(b);
    await fake.waitFor(() => received.length === 2, 'two updates');
    await poller.stop();
    expect(received).toEqual([a, b]);
  });

  it('backs off on 429 and 5xx, then carries on', async () => {
    fake.failNext('getUpdates', 429);
    fake.failNext('getUpdates', 503);
    fake.failNext('getUpdates', 500);
    const update = zaloFixtures.text('sau khi lỗi');
    fake.inject(update);
    const { poller, received } = poll();
    await fake.waitFor(() => received.length === 1, 'the update after the errors');
    await poller.stop();
    expect(received).toEqual([update]);
    expect([count('getUpdates', 429), count('getUpdates', 503), count('getUpdates', 500)]).toEqual([1, 1, 1]);
  });

  it('stops with a clear signal on 401 and polls no more', async () => {
    let refused: ZaloApiError | undefined;
    fake.failNext('getUpdates', 401);
    const { poller } = poll((err) => (refused = err));
    await poller.done;
    expect(refused?.isUnauthorized).toBe(true);
    const callsAfter = fake.calls.length;
    fake.inject(zaloFixtures.text('không ai đọc'));
    expect(fake.calls.length).toBe(callsAfter);
    expect(fake.pendingUpdates).toBe(1);
  });

  it('stops promptly in the middle of a long poll without losing the next update', async () => {
    const { poller } = poll();
    await fake.waitFor(() => count('getUpdates', 408) >= 1, 'one idle poll');
    await poller.stop();
    fake.inject(zaloFixtures.text('cho lần sau'));
    await fake.waitFor(() => fake.pendingUpdates === 1, 'the update kept for the next poller');
  });

  it('after an empty {ok:true} answer pauses before the next call (no busy loop) and warns about nothing', async () => {
    const last = zaloFixtures.text('cuối cùng');
    const answers: unknown[] = [undefined, {}, undefined, last];
    const pauses: number[] = [];
    const warnings: unknown[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void (JSON.parse(line).level >= 40 && warnings.push(line)) });
    const stub = {
      getUpdates: async () => (answers.length ? answers.shift() : new Promise(() => {})),
    } as unknown as ZaloClient;
    const received: unknown[] = [];
    const poller = startPolling({
      client: stub,
      logger,
      onUpdate: async (u) => received.push(u),
      onUnauthorized: () => {},
      emptyPauseMs: 750,
      sleep: async (ms) => void pauses.push(ms),
    });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    void poller.stop();
    expect(pauses).toEqual([750, 750, 750]);
    expect(received).toEqual([last]);
    expect(warnings).toEqual([]);
  });
});
