import { describe, expect, it } from 'vitest';
import { splitText, ZALO_TEXT_LIMIT } from '../../../src/channels/zalo/split.js';

const line = (n: number, width: number) => `Dòng ${String(n).padStart(3, '0')}: ${'x'.repeat(width - 10)}`;

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('Xin chào!\nBạn cần gì?')).toEqual(['Xin chào!\nBạn cần gì?']);
  });

  it('splits a 2,001-character text into two messages at a line boundary, losing nothing', () => {
    const lines = Array.from({ length: 20 }, (_, i) => line(i, 99)); // 20 × 99 + 19 newlines = 1999
    const text = `${lines.join('\n')}\nab`; // 2001 + … characters
    expect(text.length).toBeGreaterThanOrEqual(2001);
    const parts = splitText(text);
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
