import { describe, expect, it } from 'vitest';
import { splitText, TELEGRAM_TEXT_LIMIT } from '../../../src/channels/telegram/split.js';

const line = (n: number, ch = 'a') => ch.repeat(n);

describe('splitText', () => {
  it('keeps a message of 4096 characters whole', () => {
    const text = line(4096);
    expect(splitText(text)).toEqual([text]);
  });

  it('splits a 4097-character answer into two messages at a line boundary', () => {
    const first = `${line(2000, 'x')}\n${line(2000, 'y')}`; // 4001 characters
    const text = `${first}\n${line(95, 'z')}`; // 4097 characters
    expect(text.length).toBe(4097);
    const parts = splitText(text);
    expect(parts).toEqual([first, line(95, 'z')]);
  });

  it('never produces a part over the limit and loses no line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: ${'Học tập suốt đời '.repeat(i % 7)}`);
    const parts = splitText(lines.join('\n'));
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
