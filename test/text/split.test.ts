import { describe, expect, it } from 'vitest';
import { TELEGRAM_TEXT_LIMIT } from '../../src/channels/telegram/render.js';
import { ZALO_TEXT_LIMIT } from '../../src/channels/zalo/render.js';
import { splitText } from '../../src/text/split.js';

const line = (n: number, ch = 'a') => ch.repeat(n);
const numberedLine = (n: number, width: number) => `Dòng ${String(n).padStart(3, '0')}: ${'x'.repeat(width - 10)}`;

describe("splitText at Telegram's limit", () => {
  it('keeps a message of 4096 characters whole', () => {
    const text = line(4096);
    expect(splitText(text, TELEGRAM_TEXT_LIMIT)).toEqual([text]);
  });

  it('splits a 4097-character answer into two messages at a line boundary', () => {
    const first = `${line(2000, 'x')}\n${line(2000, 'y')}`; // 4001 characters
    const text = `${first}\n${line(95, 'z')}`; // 4097 characters
    expect(text.length).toBe(4097);
    const parts = splitText(text, TELEGRAM_TEXT_LIMIT);
    expect(parts).toEqual([first, line(95, 'z')]);
  });

  it('never produces a part over the limit and loses no line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: ${'Học tập suốt đời '.repeat(i % 7)}`);
    const parts = splitText(lines.join('\n'), TELEGRAM_TEXT_LIMIT);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.join('\n').split('\n').map((l) => l.trimEnd())).toEqual(lines.map((l) => l.trimEnd()));
  });

  it('splits a single very long line between words', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `từ${i}`);
    const parts = splitText(words.join(' '), 1000);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1000);
    expect(parts.join(' ').split(' ')).toEqual(words);
  });

  it('cuts a word longer than the limit without breaking a surrogate pair', () => {
    const text = '😀'.repeat(30); // 60 UTF-16 units
    const parts = splitText(text, 7);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(7);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(parts.join('')).toBe(text);
  });
});

describe("splitText at Zalo's limit", () => {
  it('keeps a short text whole', () => {
    expect(splitText('Xin chào!\nBạn cần gì?', ZALO_TEXT_LIMIT)).toEqual(['Xin chào!\nBạn cần gì?']);
  });

  it('splits a 2,001-character text into two messages at a line boundary, losing nothing', () => {
    const lines = Array.from({ length: 20 }, (_, i) => numberedLine(i, 99)); // 20 × 99 + 19 newlines = 1999
    const text = `${lines.join('\n')}\nab`; // 2001 + … characters
    expect(text.length).toBeGreaterThanOrEqual(2001);
    const parts = splitText(text, ZALO_TEXT_LIMIT);
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(parts.join('\n')).toBe(text);
    // Every line arrives whole.
    for (const l of [...lines, 'ab']) expect(parts.some((p) => p.split('\n').includes(l))).toBe(true);
  });

  it('splits a very long line at spaces, then hard when there is no space', () => {
    const words = Array.from({ length: 800 }, () => 'học tập').join(' ');
    const parts = splitText(words, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.startsWith('tập') || p.startsWith('học')).toBe(true);
    }
    expect(parts.join(' ')).toBe(words);
    const solid = 'a'.repeat(1200);
    expect(splitText(solid, 500).map((p) => p.length)).toEqual([500, 500, 200]);
  });

  it('never cuts an emoji (surrogate pair) in two', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(5)}`;
    const parts = splitText(text, 10);
    expect(parts.join('')).toBe(text);
    expect(parts[0]).toBe('a'.repeat(9));
  });
});
