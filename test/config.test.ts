import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.databasePath).toBe('var/thidua.sqlite');
    expect(c.adminIds).toEqual([]);
    expect(c.maxInputChars).toBe(2000);
  });

  it('reads ADMIN_IDS separated by commas', () => {
    expect(loadConfig({ ADMIN_IDS: 'telegram:123, zalo:abc' }).adminIds).toEqual([
      { channel: 'telegram', userId: '123' },
      { channel: 'zalo', userId: 'abc' },
    ]);
  });

  it('refuses ADMIN_IDS that would name nobody, in Vietnamese, naming the variable', () => {
    const msg = configError({ ADMIN_IDS: 'telegram:999;zalo:abc' });
    expect(msg).toMatch(/^Biến môi trường không hợp lệ:\n- ADMIN_IDS: /);
    expect(msg).toContain('dấu phẩy');
    expect(configError({ ADMIN_IDS: 'tg:999' })).toContain('không đúng dạng <kênh>:<mã người dùng>');
  });

  it('says in Vietnamese what is wrong with other variables', () => {
    const msg = configError({ ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo', PORT: 'tám' });
    expect(msg).toContain('- ZALO_WEBHOOK_SECRET: bắt buộc (8–256 ký tự) khi đặt ZALO_WEBHOOK_URL');
    expect(msg).toContain('- PORT: cần một số nguyên không âm');
    // zod's own messages (here: too short) come in Vietnamese too.
    const short = configError({ ZALO_WEBHOOK_SECRET: 'abc' });
    expect(short).toMatch(/- ZALO_WEBHOOK_SECRET: .*8/);
    expect(short).not.toMatch(/Too small|expected/i);
  });
});
