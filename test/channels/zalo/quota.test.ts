import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageCountsRepo, monthKey } from '../../../src/channels/zalo/message-counts.js';
import { createQuotaMeter } from '../../../src/channels/zalo/quota.js';
import { openStore, type Store } from '../../../src/store/db.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zalo-quota-'));
  store = openStore(join(dir, 'bot.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Zalo monthly quota', () => {
  it('uses the month of the bot time zone', () => {
    // 17:30 UTC on 31 May is already 1 June in Việt Nam.
    expect(monthKey(new Date('2025-05-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2025-06');
    expect(monthKey(new Date('2025-05-31T16:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2025-05');
  });

  it('warns once when the threshold is reached, counts on, and starts again next month', () => {
    const now = { t: new Date('2025-06-10T03:00:00Z') };
    const meter = createQuotaMeter({ counts: createMessageCountsRepo(store.db), monthlyQuota: 10, warnPercent: 80, timeZone: 'Asia/Ho_Chi_Minh', now: () => now.t });
    const warnings = [];
    for (let i = 0; i < 4; i++) {
      warnings.push(meter.record({ received: 1 }));
      warnings.push(meter.record({ sent: 1 }));
    }
    // 8 of 10 (80 %) reached on the 8th message, and only then.
    expect(warnings.slice(0, 7).every((w) => w === undefined)).toBe(true);
    expect(warnings[7]).toEqual({ month: '06/2025', used: 8, quota: 10 });
    expect(meter.record({ sent: 5 })).toBeUndefined();
    expect(meter.current()).toEqual({ month: '2025-06', sent: 9, received: 4 });

    // Counts survive a restart (a new meter on the same database).
    const again = createQuotaMeter({ counts: createMessageCountsRepo(store.db), monthlyQuota: 10, warnPercent: 80, timeZone: 'Asia/Ho_Chi_Minh', now: () => now.t });
    expect(again.record({ sent: 1 })).toBeUndefined();
    expect(again.current().sent).toBe(10);

    now.t = new Date('2025-07-01T01:00:00Z');
    expect(again.current()).toEqual({ month: '2025-07', sent: 0, received: 0 });
    for (let i = 0; i < 7; i++) expect(again.record({ sent: 1 })).toBeUndefined();
    expect(again.record({ sent: 1 })).toEqual({ month: '07/2025', used: 8, quota: 10 });
  });

  it('never warns when the quota is 0 (off)', () => {
    const meter = createQuotaMeter({ counts: createMessageCountsRepo(store.db), monthlyQuota: 0, warnPercent: 80, timeZone: 'Asia/Ho_Chi_Minh' });
    for (let i = 0; i < 20; i++) expect(meter.record({ sent: 1 })).toBeUndefined();
    expect(meter.current().sent).toBe(20);
  });
});
