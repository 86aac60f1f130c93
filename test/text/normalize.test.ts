import { describe, expect, it } from 'vitest';
import { bigrams, cleanInput, fold, hasWordCharacters, syllables } from '../../src/text/normalize.js';

describe('fold', () => {
  it('removes diacritics and maps đ to d', () => {
    expect(fold('Tiêu chí thi đua cấp xã ở Khánh Hòa')).toBe('tieu chi thi dua cap xa o khanh hoa');
    expect(fold('ĐẨY MẠNH')).toBe('day manh');
  });

  it('treats NFD input, old and new tone placement the same', () => {
    const nfd = 'Khánh Hòa'.normalize('NFD');
    expect(fold(nfd)).toBe(fold('Khánh Hòa'));
    expect(fold('Khánh Hoà')).toBe(fold('Khánh Hòa'));
    expect(fold('Uỷ ban')).toBe(fold('Ủy ban'));
  });

  it('splits abbreviations joined by & and punctuation into syllables', () => {
    expect(fold('Sở GD&ĐT')).toBe('so gd dt');
    expect(syllables('KH 62/KH-UBND')).toEqual(['kh', '62', 'kh', 'ubnd']);
  });
});

describe('bigrams', () => {
  it('keeps thi đua and thị xã apart', () => {
    expect(bigrams(syllables('thi đua'))).toEqual(['thi_dua']);
    expect(bigrams(syllables('thị xã'))).toEqual(['thi_xa']);
  });
});

describe('cleanInput', () => {
  it('drops control characters and collapses spaces but keeps line breaks', () => {
    expect(cleanInput('a\u0000b  \t c\r\nd\u200b', 100)).toEqual({ text: 'ab c\nd', truncated: false });
  });

  it('cuts over-long input at the limit without splitting an emoji', () => {
    const out = cleanInput('😀'.repeat(10), 3);
    expect(out).toEqual({ text: '😀😀😀', truncated: true });
  });
});

describe('hasWordCharacters', () => {
  it('rejects emoji-only and punctuation-only text', () => {
    expect(hasWordCharacters('😀🎉 !!!')).toBe(false);
    expect(hasWordCharacters('hạn?')).toBe(true);
  });
});
