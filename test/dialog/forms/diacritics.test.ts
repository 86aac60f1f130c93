import { describe, expect, it } from 'vitest';
import { lacksDiacritics, markedSyllables } from '../../../src/dialog/forms/diacritics.js';

describe('lacksDiacritics', () => {
  it('finds names and unit names typed without any diacritics', () => {
    for (const t of ['nguyen thi lan', 'Nguyen Thi Lan', 'UBND xa An Nhon', 'Truong THCS Le Loi', 'tran van binh', 'ubnd xa an nhon tay', 'So Y te tinh Thai Binh']) {
      expect(lacksDiacritics(t), t).toBe(true);
    }
  });

  it('leaves alone a text with any mark, one word, and words that carry no mark anyway', () => {
    for (const t of ['Nguyễn Thi Lan', 'UBND xã An Nhon', 'Lan', 'nguyen', 'Lan Anh', 'An Thanh', 'Trung Anh', 'Minh Chi', 'UBND', 'THCS 12', 'Đinh Lan', 'Green School']) {
      expect(lacksDiacritics(t), t).toBe(false);
    }
  });

  it('reads its syllables from data/marked-syllables.json, none of which is commonly written unmarked', () => {
    const list = markedSyllables();
    expect(list.has('nguyen')).toBe(true);
    expect(list.has('xa')).toBe(true);
    for (const plain of ['lan', 'an', 'anh', 'minh', 'thanh', 'hoa', 'mai', 'nam', 'chi', 'ninh', 'trung', 'thu', 'hai']) expect(list.has(plain), plain).toBe(false);
  });
});
