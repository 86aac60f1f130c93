/** When the chart cannot be drawn, /thongke still answers with the text figures, and the error is logged. */
import { afterEach, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { addContact, ChatUser, harness, testConfig, type Harness } from '../support.js';

// The chart is drawn in a worker; here its every call fails as a worker out of memory would.
vi.mock('../../../src/workers/worker-task.js', () => ({
  workerTask: () => ({
    run: async () => {
      throw new Error('resvg: out of memory');
    },
    close: async () => undefined,
  }),
}));

let h: Harness | undefined;
afterEach(() => h?.cleanup());

it('sends the text figures without a photo and logs why', async () => {
  const lines: string[] = [];
  const logger = createLogger(testConfig({ LOG_LEVEL: 'info' }), { write: (l: string) => void lines.push(l) });
  h = harness({ env: { ADMIN_IDS: 'telegram:900' }, deps: { logger } });
  addContact(h.store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây' });
  const replies = await new ChatUser(h, '900').say('/thongke');
  expect(replies).toHaveLength(1);
  expect(replies[0]!.photo).toBeUndefined();
  expect(replies[0]!.text).toContain('Tổng cộng: 1 đơn vị đã đăng ký, 0 đã báo cáo, 1 chưa báo cáo.');
  const logged = lines.map((l) => JSON.parse(l) as { event?: string; err?: { message?: string } }).find((l) => l.event === 'chart-failed');
  expect(logged?.err?.message).toBe('resvg: out of memory');
});
