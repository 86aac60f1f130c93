import { describe, expect, it } from 'vitest';
import { classifyUpdate, parseUpdateBody } from '../../../src/channels/zalo/inbound.js';
import { zaloTexts } from '../../../src/channels/zalo/texts.js';
import { zaloFixtures } from '../../support/zalo-fake-api.js';

function classify(body: unknown, ...botNames: string[]) {
  const parsed = parseUpdateBody(body);
  if (!parsed.ok) throw new Error(parsed.reason);
  return classifyUpdate(parsed.update, { botNames });
}

describe('Zalo inbound', () => {
  it('turns a text message into an Inbound for the core', () => {
    const update = zaloFixtures.text('hạn báo cáo là khi nào?', { userId: 'u1', messageId: 'm1', date: 1750000000000 });
    const action = classify(update);
    expect(action).toEqual({
      kind: 'text',
      messageId: 'm1',
      chatId: 'u1',
      inbound: {
        channel: 'zalo',
        userId: 'u1',
        chatId: 'u1',
        chatType: 'private',
        text: 'hạn báo cáo là khi nào?',
        updateId: 'm1',
        displayName: 'Nguyễn Văn A',
        receivedAt: new Date(1750000000000),
      },
    });
  });

  it('accepts enveloped and bare bodies alike and rejects arrays', () => {
    const update = zaloFixtures.text('xin chào', { messageId: 'm2' });
    expect(classify(zaloFixtures.enveloped(update))).toMatchObject({ kind: 'text', messageId: 'm2' });
    expect(classify(zaloFixtures.bare(update))).toMatchObject({ kind: 'text', messageId: 'm2' });
    expect(parseUpdateBody(zaloFixtures.array(update))).toEqual({ ok: false, reason: 'array' });
    expect(parseUpdateBody({ ok: true, result: [update] })).toEqual({ ok: false, reason: 'array' });
    expect(parseUpdateBody('hello')).toEqual({ ok: false, reason: 'not_an_update' });
    expect(parseUpdateBody({ foo: 1 })).toEqual({ ok: false, reason: 'not_an_update' });
  });

  it('marks group chats and tolerates a missing display name and numeric ids', () => {
    const action = classify(zaloFixtures.group('@bot tiêu chí gia đình học tập', { displayName: null }));
    expect(action.kind).toBe('text');
    if (action.kind !== 'text') return;
    expect(action.inbound.chatType).toBe('group');
    expect(action.inbound.chatId).toBe('group0f1e2d3c');
    expect(action.inbound.displayName).toBeUndefined();

    const numeric = classify({
      event_name: 'message.text.received',
      message: { message_id: 42, date: '1750000000000', from: { id: 7 }, chat: { id: 7 }, text: 'hi' },
    });
    expect(numeric).toMatchObject({ kind: 'text', messageId: '42', inbound: { userId: '7', receivedAt: new Date(1750000000000) } });
  });

  it('explains images (photo or photo_url), stickers, voice and unsupported content in Vietnamese', () => {
    for (const update of [zaloFixtures.imagePhoto(), zaloFixtures.imagePhotoUrl()]) {
      expect(classify(update)).toMatchObject({ kind: 'explain', text: expect.stringContaining('hình ảnh') });
    }
    expect(classify(zaloFixtures.sticker())).toMatchObject({ kind: 'explain', text: expect.stringContaining('chỉ hiểu tin nhắn chữ') });
    expect(classify(zaloFixtures.voice())).toMatchObject({ kind: 'explain', text: expect.stringContaining('tin nhắn thoại') });
    expect(classify(zaloFixtures.unsupported())).toMatchObject({ kind: 'explain', text: expect.stringContaining('không đọc được') });
  });

  it('ignores unknown events, messages from bots and malformed messages', () => {
    expect(classify(zaloFixtures.unknownEvent())).toEqual({ kind: 'ignore', event: 'message.reaction.received', reason: 'unknown_event' });
    const fromBot = zaloFixtures.text('loop');
    (fromBot.message!.from as { is_bot: boolean }).is_bot = true;
    expect(classify(fromBot)).toMatchObject({ kind: 'ignore', reason: 'from_bot' });
    expect(classify({ event_name: 'message.text.received', message: { text: 'no ids' } })).toMatchObject({ kind: 'ignore', reason: 'bad_message' });
  });

  it('removes the @mention of the bot from a group message, wherever it stands and in any case', () => {
    const text = (t: string) => {
      const action = classify(zaloFixtures.group(t), 'Trợ lý Thi đua');
      return action.kind === 'text' ? action.inbound.text : action;
    };
    expect(text('@Trợ lý Thi đua hạn báo cáo của Củ Chi?')).toBe('hạn báo cáo của Củ Chi?');
    expect(text('@trợ lý thi đua, /baocao')).toBe('/baocao');
    expect(text('Cho hỏi @TRỢ LÝ THI ĐUA: tiêu chí của Tây Ninh?')).toBe('Cho hỏi : tiêu chí của Tây Ninh?');
    // Shown under another name than account_name: a command after the mention still works.
    expect(text('@Trợ lý /dangky')).toBe('/dangky');
    // Another member's name that merely starts like the bot's is left alone; so is a private message.
    expect(text('@Trợ lý Thi đuaXYZ ơi')).toBe('@Trợ lý Thi đuaXYZ ơi');
    const inPrivate = classify(zaloFixtures.text('@Trợ lý Thi đua hạn báo cáo?'), 'Trợ lý Thi đua');
    expect(inPrivate).toMatchObject({ kind: 'text', inbound: { text: '@Trợ lý Thi đua hạn báo cáo?', chatType: 'private' } });
  });

  it('answers a group message that is only the bot’s name with how to ask', () => {
    const action = classify(zaloFixtures.group('@Trợ lý Thi đua '), 'Trợ lý Thi đua');
    expect(action).toMatchObject({ kind: 'explain', chatId: 'group0f1e2d3c', text: expect.stringContaining('ví dụ: @Trợ lý Thi đua hạn báo cáo của Củ Chi?') });
    expect(zaloTexts.emptyMention(undefined)).toContain('hãy nhắn riêng cho bot');
  });

  it('removes a mention of the display name or of the account name, the longer first', () => {
    const text = (t: string) => {
      const action = classify(zaloFixtures.group(t), 'Trợ lý Thi đua XHHT', 'Trợ lý');
      return action.kind === 'text' ? action.inbound.text : action;
    };
    expect(text('@Trợ lý Thi đua XHHT hạn báo cáo?')).toBe('hạn báo cáo?');
    expect(text('@Trợ lý hạn báo cáo?')).toBe('hạn báo cáo?');
    const hint = classify(zaloFixtures.groupMention('Trợ lý Thi đua XHHT', ''), 'Trợ lý Thi đua XHHT', 'bot.thidua');
    expect(hint).toMatchObject({ kind: 'explain', text: expect.stringContaining('ví dụ: @Trợ lý Thi đua XHHT hạn báo cáo') });
  });

  it('takes an empty body (Zalo\'s test call of the webhook, an empty poll) as nothing, not as a bad update', () => {
    expect(parseUpdateBody({})).toEqual({ ok: false, reason: 'empty' });
    expect(parseUpdateBody({ ok: true })).toEqual({ ok: false, reason: 'empty' });
    expect(parseUpdateBody({ hello: 'world' })).toEqual({ ok: false, reason: 'not_an_update' });
  });
});
