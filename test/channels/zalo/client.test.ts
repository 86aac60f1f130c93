import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient, type ZaloClient } from '../../../src/channels/zalo/client.js';
import { ZaloApiError } from '../../../src/channels/zalo/errors.js';
import { startFakeZaloApi, type FakeZaloApi } from '../../support/zalo-fake-api.js';

let fake: FakeZaloApi;
let client: ZaloClient;

beforeEach(async () => {
  fake = await startFakeZaloApi();
  client = createZaloClient({ token: fake.token, apiRoot: fake.apiRoot });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

async function failure(p: Promise<unknown>): Promise<ZaloApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ZaloApiError);
    return err as ZaloApiError;
  }
  throw new Error('expected a failure');
}

describe('Zalo client', () => {
  it('calls methods and validates the results', async () => {
    const me = await client.getMe();
    expect(me.account_name).toBe('bot.thidua.test');
    fake.allowChat('c1');
    const sent = await client.sendMessage('c1', 'Xin chào');
    expect(typeof sent.message_id).toBe('string');
    expect(fake.sent).toMatchObject([{ chatId: 'c1', text: 'Xin chào', messageId: sent.message_id }]);
    await client.sendChatAction('c1', 'typing');
    expect(fake.chatActions).toEqual([{ chatId: 'c1', action: 'typing' }]);
  });

  it('reports an idle poll as a 408 error and an injected update as its raw object', async () => {
    const idle = await failure(client.getUpdates(1));
    expect(idle.isIdlePoll).toBe(true);
    fake.inject({ event_name: 'message.text.received', message: { text: 'hi' } });
    expect(await client.getUpdates(1)).toEqual({ event_name: 'message.text.received', message: { text: 'hi' } });
  });

  it('classifies 401, 429 and 5xx, and never puts the token in an error message', async () => {
    const bad = createZaloClient({ token: '123:wrong-token-value', apiRoot: fake.apiRoot });
    const unauthorized = await failure(bad.getMe());
    await bad.close();
    expect(unauthorized.isUnauthorized).toBe(true);
    expect(unauthorized.message).toBe('Zalo getMe failed: error 401 (Unauthorized)');
    expect(unauthorized.message).not.toContain('wrong-token-value');

    fake.failNext('sendMessage', 429, { description: `quota for bot${fake.token}` });
    const limited = await failure(client.sendMessage('c1', 'x'));
    expect(limited.isRetryable).toBe(true);
    expect(limited.message).not.toContain(fake.token);
    expect(limited.message).toContain('[secret]');

    fake.failNext('getMe', 502);
    const upstream = await failure(client.getMe());
    expect(upstream).toMatchObject({ kind: 'api', errorCode: 502, method: 'getMe' });
    expect(upstream.isRetryable).toBe(true);
  });

  it('rejects what the platform rejects: texts over 2000 characters, non-https webhooks, short secrets', async () => {
    fake.allowChat('c1');
    const tooLong = await failure(client.sendMessage('c1', 'a'.repeat(2001)));
    expect(tooLong).toMatchObject({ errorCode: 400, method: 'sendMessage' });
    expect((await failure(client.setWebhook('http://bot.example.vn/hook', 'long-enough-secret'))).errorCode).toBe(400);
    expect((await failure(client.setWebhook('https://bot.example.vn/hook', 'short'))).errorCode).toBe(400);
    const info = await client.setWebhook('https://bot.example.vn/hook', 'long-enough-secret');
    expect(info.url).toBe('https://bot.example.vn/hook');
    expect((await client.getWebhookInfo()).url).toBe('https://bot.example.vn/hook');
    expect((await client.deleteWebhook()).url).toBe('');
  });

  it('reports a network failure by method and code, without the URL', async () => {
    const root = fake.apiRoot;
    await fake.close();
    const err = await failure(client.getMe());
    expect(err.kind).toBe('network');
    expect(err.isRetryable).toBe(true);
    expect(err.message).not.toContain(root);
    expect(err.message).not.toContain(fake.token);
  });

  it('reads the real API: HTTP 408 idle polls, empty {ok:true} polls, gateway pages, 403 "Internal server error"', async () => {
    const idle = await failure(client.getUpdates(0.05));
    expect(idle).toMatchObject({ kind: 'api', errorCode: 408, isIdlePoll: true });

    const emptyFake = await startFakeZaloApi({ idlePoll: 'ok-empty' });
    const emptyClient = createZaloClient({ token: emptyFake.token, apiRoot: emptyFake.apiRoot });
    expect(await emptyClient.getUpdates(1)).toBeUndefined();
    await emptyClient.close();
    await emptyFake.close();

    fake.failNext('getMe', 502, { html: true });
    const gateway = await failure(client.getMe());
    expect(gateway).toMatchObject({ kind: 'invalid_response', errorCode: 502, message: 'Zalo getMe failed: invalid_response (HTTP 502, not JSON)' });
    expect(gateway.isRetryable).toBe(true);

    fake.failNext('sendMessage', 403, { description: 'Internal server error' });
    expect((await failure(client.sendMessage('c1', 'x'))).isRetryable).toBe(true);
    // A 403 about the chat (the user never wrote to the bot) is final.
    expect((await failure(client.sendMessage('c1', 'x'))).isRetryable).toBe(false);
    // A bad request stays final, HTML or not.
    fake.failNext('getMe', 400, { html: true });
    expect((await failure(client.getMe())).isRetryable).toBe(false);
  });

  it('says "no webhook" for 400/404 on a bot that never had one, and returns setWebhook\'s verification', async () => {
    const info = await failure(client.getWebhookInfo());
    expect(info).toMatchObject({ errorCode: 404, meansNoWebhook: true });
    const del = await failure(client.deleteWebhook());
    expect(del).toMatchObject({ errorCode: 400, meansNoWebhook: true });
    const set = await client.setWebhook('https://bot.example.vn/hook', 'long-enough-secret');
    // No local target to call: the fake (offline) reports the URL unreachable, as Zalo would.
    expect(set.verification).toMatchObject({ ok: false, outcome: 'unreachable', hint: expect.stringContaining('reachable') });
  });
});
