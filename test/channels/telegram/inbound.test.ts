import type { Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { classifyUpdate } from '../../../src/channels/telegram/inbound.js';

const me = { id: 666, is_bot: true, first_name: 'Trợ lý', username: 'thidua_bot' } as UserFromGetMe;
const lan = { id: 42, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn' };
const privateChat = { id: 42, type: 'private' as const, first_name: 'Lan' };
const group = { id: -100123, type: 'supergroup' as const, title: 'Tổ công tác' };

function message(text: string | undefined, extra: Record<string, unknown> = {}, chat: object = privateChat): Update {
  return { update_id: 7, message: { message_id: 1, date: 0, chat, from: lan, ...(text !== undefined ? { text } : {}), ...extra } } as unknown as Update;
}

describe('classifyUpdate: private chats', () => {
  it('hands a text to the core with the ids as strings and the update id for dedup', () => {
    expect(classifyUpdate(message('han bao cao cu chi?'), me)).toEqual({
      kind: 'core',
      inbound: { channel: 'telegram', userId: '42', chatId: '42', chatType: 'private', text: 'han bao cao cu chi?', displayName: 'Lan Nguyễn', updateId: '7' },
    });
  });

  it('hands a pressed button to the core as an action', () => {
    const update = { update_id: 9, callback_query: { id: 'cq1', from: lan, chat_instance: 'x', data: 'form:ok', message: { message_id: 3, date: 0, chat: privateChat } } } as unknown as Update;
    expect(classifyUpdate(update, me)).toEqual({
      kind: 'core',
      callbackQueryId: 'cq1',
      inbound: { channel: 'telegram', userId: '42', chatId: '42', chatType: 'private', action: 'form:ok', displayName: 'Lan Nguyễn', updateId: '9' },
    });
  });

  it.each(['sticker', 'photo', 'voice', 'document'])('answers a %s with the explanation of what the bot reads', (kind) => {
    expect(classifyUpdate(message(undefined, { [kind]: {} }), me)).toEqual({ kind: 'non-text', chatId: '42', userId: '42' });
  });

  it('ignores service messages and channel posts', () => {
    expect(classifyUpdate(message(undefined, { new_chat_members: [lan] }, group), me).kind).toBe('ignore');
    expect(classifyUpdate({ update_id: 1, channel_post: { message_id: 1, date: 0, chat: { id: -5, type: 'channel', title: 'k' }, text: 'x' } } as unknown as Update, me).kind).toBe('ignore');
  });
});

describe('classifyUpdate: groups', () => {
  it('ignores a message that neither mentions the bot nor replies to it', () => {
    expect(classifyUpdate(message('hôm nay họp lúc mấy giờ?', {}, group), me)).toEqual({ kind: 'ignore', reason: 'group message not for the bot' });
  });

  it('handles a mention, removes it and marks the chat as a group', () => {
    const text = '@thidua_bot, hạn báo cáo của Củ Chi?';
    const event = classifyUpdate(message(text, { entities: [{ type: 'mention', offset: 0, length: 11 }] }, group), me);
    expect(event).toMatchObject({ kind: 'core', inbound: { chatId: '-100123', chatType: 'group', text: 'hạn báo cáo của Củ Chi?' } });
  });

  it('handles a mention in the middle of the text', () => {
    const text = 'Cho hỏi @ThiDua_Bot hạn nộp?';
    const event = classifyUpdate(message(text, { entities: [{ type: 'mention', offset: 8, length: 11 }] }, group), me);
    expect(event).toMatchObject({ kind: 'core', inbound: { text: 'Cho hỏi hạn nộp?' } });
  });

  it('does not take a mention of another account for its own', () => {
    const text = '@other_bot hạn nộp?';
    expect(classifyUpdate(message(text, { entities: [{ type: 'mention', offset: 0, length: 10 }] }, group), me).kind).toBe('ignore');
  });

  it('handles a reply to one of its messages as it is', () => {
    const event = classifyUpdate(message('còn Khánh Hòa thì sao?', { reply_to_message: { message_id: 2, date: 0, chat: group, from: me } }, group), me);
    expect(event).toMatchObject({ kind: 'core', inbound: { text: 'còn Khánh Hòa thì sao?', chatType: 'group' } });
  });

  it('asks for a question when the message is only the mention', () => {
    expect(classifyUpdate(message('@thidua_bot', { entities: [{ type: 'mention', offset: 0, length: 11 }] }, group), me)).toEqual({
      kind: 'empty-mention',
      chatId: '-100123',
      userId: '42',
    });
  });

  it('handles commands without a bot name or with its name, not commands for another bot', () => {
    const cmd = (text: string) => message(text, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }, group);
    expect(classifyUpdate(cmd('/baocao'), me)).toMatchObject({ kind: 'core', inbound: { text: '/baocao', chatType: 'group' } });
    expect(classifyUpdate(cmd('/hoi@thidua_bot hạn nộp?'), me)).toMatchObject({ kind: 'core', inbound: { text: '/hoi@thidua_bot hạn nộp?' } });
    expect(classifyUpdate(cmd('/hoi@other_bot hạn nộp?'), me).kind).toBe('ignore');
  });

  it('explains non-text only when it is addressed to the bot', () => {
    expect(classifyUpdate(message(undefined, { sticker: {} }, group), me).kind).toBe('ignore');
    expect(classifyUpdate(message(undefined, { sticker: {}, reply_to_message: { message_id: 2, date: 0, chat: group, from: me } }, group), me).kind).toBe('non-text');
  });
});
