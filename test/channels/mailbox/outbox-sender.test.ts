/** The outbox sender finds replies that another channel's commit stored for its channel, without a kick. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxSender } from '../../../src/channels/mailbox/outbox-sender.js';
import { createLogger } from '../../../src/log.js';
import { openStore } from '../../../src/store/db.js';
import { tempDir } from '../../dialog/support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('outbox sender', () => {
  it('sends a reply stored for its channel by another channel, on its own sweep', async () => {
    const dir = tempDir();
    const store = openStore(join(dir.dir, 'bot.sqlite'));
    const sent: string[] = [];
    const sender = createOutboxSender({
      channel: 'zalo',
      store,
      logger: createLogger({ logLevel: 'silent' }),
      deliver: async (chatId, m) => {
        sent.push(`${chatId}: ${m.text}`);
      },
      isPermanent: () => false,
      sweepMs: 20,
    });
    cleanups.push(() => {
      sender.close();
      store.close();
      dir.cleanup();
    });
    // What the Telegram side's commit does when a registration must tell a Zalo admin.
    store.outbox.add('zalo', 'admin-1', undefined, [{ text: 'Đơn vị “UBND xã A” có thêm người liên hệ.' }], new Date());
    await expect.poll(() => sent, { timeout: 2000 }).toEqual(['admin-1: Đơn vị “UBND xã A” có thêm người liên hệ.']);
    expect(store.outbox.countWaiting()).toBe(0);
  });
});
