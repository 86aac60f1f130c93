import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUserLimitWatch, ZALO_FREE_PLAN_USER_LIMIT } from '../../../src/channels/zalo/user-limit.js';
import { loadConfig } from '../../../src/config.js';
import { openStore, type Store } from '../../../src/store/db.js';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const at = new Date('2025-06-01T00:00:00Z');
function addUsers(channel: 'zalo' | 'telegram', from: number, to: number) {
  for (let i = from; i < to; i++) store.users.touch({ channel, userId: `${channel}${i}`, privateChatId: `${channel}${i}`, at });
}

describe('Zalo user limit', () => {
  it('defaults to the free plan’s 50 users (ZALO_USER_LIMIT)', () => {
    expect(loadConfig({}).zalo.userLimit).toBe(ZALO_FREE_PLAN_USER_LIMIT);
    expect(ZALO_FREE_PLAN_USER_LIMIT).toBe(50);
    expect(loadConfig({ ZALO_USER_LIMIT: '200' }).zalo.userLimit).toBe(200);
  });

  it('counts distinct Zalo users only, tells once at 80 % (40 of 50) and once at 100 %', () => {
    const watch = createUserLimitWatch({ db: store.db, limit: 50 });
    addUsers('zalo', 0, 39);
    addUsers('telegram', 0, 20);
    expect(watch.users()).toBe(39);
    expect(watch.check(at)).toBeUndefined();
    addUsers('zalo', 39, 40);
    expect(watch.check(at)).toEqual({ users: 40, limit: 50, percent: 80, full: false });
    expect(watch.check(at)).toBeUndefined();
    addUsers('zalo', 40, 49);
    expect(watch.check(at)).toBeUndefined();
    addUsers('zalo', 49, 50);
    expect(watch.check(at)).toEqual({ users: 50, limit: 50, percent: 100, full: true });
    addUsers('zalo', 50, 55);
    expect(watch.check(at)).toBeUndefined();
  });

  it('remembers what it told across watches (a restart), tells only "full" when both were passed at once, starts afresh for a new limit', () => {
    addUsers('zalo', 0, 52);
    expect(createUserLimitWatch({ db: store.db, limit: 50 }).check(at)).toMatchObject({ percent: 100, full: true });
    expect(createUserLimitWatch({ db: store.db, limit: 50 }).check(at)).toBeUndefined();
    // A paid plan with 60 users: 52 ≥ 48 (80 %).
    expect(createUserLimitWatch({ db: store.db, limit: 60 }).check(at)).toMatchObject({ percent: 80, limit: 60 });
  });

  it('is off with a limit of 0', () => {
    addUsers('zalo', 0, 100);
    expect(createUserLimitWatch({ db: store.db, limit: 0 }).check(at)).toBeUndefined();
  });
});
