import { describe, expect, it } from 'vitest';
import { AdminIdError, formatAdminId, parseAdminId, parseAdminIdList } from '../../src/admin/admin-ids.js';

describe('admin ids', () => {
  it('reads <kênh>:<mã> as people type it', () => {
    expect(parseAdminId(' Telegram : 123456789 ')).toEqual({ channel: 'telegram', userId: '123456789' });
    expect(parseAdminId('zalo:5d1a9c0e8b7f')).toEqual({ channel: 'zalo', userId: '5d1a9c0e8b7f' });
    expect(formatAdminId(parseAdminId('console:thu-nghiem'))).toBe('console:thu-nghiem');
  });

  it('refuses, in Vietnamese, ids that would name nobody', () => {
    const message = (raw: string) => {
      try {
        parseAdminId(raw);
      } catch (err) {
        expect(err).toBeInstanceOf(AdminIdError);
        return (err as Error).message;
      }
      throw new Error(`accepted: ${raw}`);
    };
    expect(message('facebook:1')).toBe('"facebook:1" không đúng dạng <kênh>:<mã người dùng>, với kênh là telegram, zalo, console; ví dụ: telegram:123456789 hoặc zalo:abc123');
    expect(message('123456789')).toContain('không đúng dạng <kênh>:<mã người dùng>');
    expect(message('telegram:')).toContain('không đúng dạng');
    expect(message('telegram:@nguyenvana')).toBe('"telegram:@nguyenvana": mã người dùng Telegram là một dãy số (không phải tên @...), ví dụ: telegram:123456789');
    expect(message('telegram:123;zalo:abc')).toContain('không được chứa dấu cách, dấu phẩy, chấm phẩy hay dấu hai chấm');
    expect(message('zalo:abc def')).toContain('không được chứa dấu cách');
  });

  it('ADMIN_IDS: a comma-separated list; every bad part named at once', () => {
    expect(parseAdminIdList('telegram:123, zalo:abc,,telegram:123 ')).toEqual([
      { channel: 'telegram', userId: '123' },
      { channel: 'zalo', userId: 'abc' },
    ]);
    expect(parseAdminIdList(undefined)).toEqual([]);
    expect(parseAdminIdList('  ')).toEqual([]);
    expect(() => parseAdminIdList('telegram:123,tg:456,telegram:@abc')).toThrow(
      /^"tg:456" không đúng dạng .*; "telegram:@abc": mã người dùng Telegram là một dãy số .*\. Các quản trị viên cách nhau bằng dấu phẩy\.$/,
    );
  });
});
