import { describe, expect, it } from 'vitest';
import { cleanInput } from '../../src/text/normalize.js';
import { sanitizeText } from '../../src/text/sanitize.js';

describe('sanitizeText', () => {
  it('drops what XML and the platforms refuse, keeps tab, LF, emoji and Vietnamese', () => {
    expect(sanitizeText('a\uffffb\ufffec')).toBe('abc');
    expect(sanitizeText('x\ud800y\udc00z')).toBe('xyz');
    expect(sanitizeText('\u0000\u0001\u0008\u000b\u000c\u000e\u001fok')).toBe('ok');
    expect(sanitizeText('cột 1\tcột 2\nđồng ý 🙂')).toBe('cột 1\tcột 2\nđồng ý 🙂');
  });

  it('normalises CR LF and a lone CR to LF', () => {
    expect(sanitizeText('một\r\nhai\rba')).toBe('một\nhai\nba');
  });
});

describe('cleanInput', () => {
  it('applies sanitizeText first: a lone CR still breaks the line, a lone surrogate is gone', () => {
    expect(cleanInput('dòng 1\rdòng 2', 100).text).toBe('dòng 1\ndòng 2');
    expect(cleanInput('hạn\ud83d nộp\uffff?', 100).text).toBe('hạn nộp?');
  });
});
