/** Characters no platform accepts, typed by a user, are never echoed back nor stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, REGISTRATION, seen, type Harness } from './support.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

describe('input with lone surrogates and noncharacters', () => {
  it('is not echoed back in an answer, and a form answer is stored clean', async () => {
    const lan = new ChatUser(h, '100');
    const r = seen(await lan.say('xin chào \ud83d bạn\uffff'));
    expect(r).toBe('Không tìm thấy trong các kế hoạch: xin chào bạn');
    expect(LONE_SURROGATE.test(r)).toBe(false);

    const summary = seen(await lan.sayAll(['/dangky', REGISTRATION[0]!, 'UBND xã\udc00 An Nhơn Tây\uffff', ...REGISTRATION.slice(2)]));
    expect(summary).toContain('UBND xã An Nhơn Tây');
    expect(LONE_SURROGATE.test(summary) || summary.includes('\uffff')).toBe(false);
    await lan.say('1');
    expect(h.store.contacts.get('telegram', '100')?.unitName).toBe('UBND xã An Nhơn Tây');
  });
});
