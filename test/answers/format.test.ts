import { describe, expect, it } from 'vitest';
import { deadlineLine, formatDate, quote, sectionsLabel } from '../../src/answers/format.js';

describe('answer formatting', () => {
  it('dates as Vietnamese officials write them', () => {
    expect(formatDate('2024-03-27')).toBe('27/3/2024');
  });

  it('the normalized deadline line follows the wording of the quote', () => {
    expect(deadlineLine({ type: 'yearly', day: 1, month: 12 }, 'trước ngày 01 tháng 12 hàng năm')).toBe('Hạn: trước ngày 01/12 hằng năm.');
    expect(deadlineLine({ type: 'date', date: '2024-11-20' }, 'trước ngày 20 tháng 11 năm 2024')).toBe('Hạn: trước ngày 20/11/2024.');
    expect(deadlineLine({ type: 'quarter', quarter: 3, year: 2025 }, 'chậm nhất vào Quý 3 năm 2025')).toBe('Hạn: chậm nhất quý III năm 2025.');
    expect(deadlineLine({ type: 'quarter', quarter: 4, year: 2025 }, 'sơ kết vào quý IV năm 2025')).toBe('Thời điểm: quý IV năm 2025.');
    expect(deadlineLine({ type: 'year', year: 2030 }, 'tổng kết vào năm 2030')).toBe('Thời điểm: năm 2030.');
  });

  it('quotes keep the plan\'s words and make a lead-in line a heading, not a bullet', () => {
    expect(quote(['Một câu.'])).toBe('“Một câu.”');
    expect(quote(['các nội dung sau:', 'A;', 'B.'])).toBe('“các nội dung sau:\n- A;\n- B.”');
    expect(quote(['Bằng khen', 'Giấy khen'], '+ ')).toBe('“+ Bằng khen\n+ Giấy khen”');
  });

  it('section labels', () => {
    expect(sectionsLabel(['III.1.đ'])).toBe('Mục III.1.đ');
    expect(sectionsLabel(['VII.2', 'VII.3', 'VII.2'])).toBe('Mục VII.2, VII.3');
    expect(sectionsLabel(['mo-dau'])).toBe('Phần mở đầu');
  });
});
