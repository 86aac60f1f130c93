import { describe, expect, it } from 'vitest';
import { findDeadlinePhrases, parseVietnameseDate, parseYearSpan } from '../../../src/knowledge/importer/dates.js';

describe('parseVietnameseDate', () => {
  it('reads dates written in words and with slashes', () => {
    expect(parseVietnameseDate('Thái Bình, ngày 27 tháng 3 năm 2024')).toBe('2024-03-27');
    expect(parseVietnameseDate('ngày 09/11/2023')).toBe('2023-11-09');
  });

  it('returns null for a date the document leaves blank, or one that does not exist', () => {
    expect(parseVietnameseDate('Bắc Kạn, ngày tháng năm 2024')).toBeNull();
    expect(parseVietnameseDate('ngày 31 tháng 2 năm 2024')).toBeNull();
  });
});

describe('findDeadlinePhrases', () => {
  const when = (s: string) => findDeadlinePhrases(s).map((p) => p.when);

  it.each([
    ['báo cáo trước ngày 01 tháng 12 hàng năm.', { type: 'yearly', day: 1, month: 12 }],
    ['Trước ngày 15 tháng 11 hằng năm báo cáo tình hình.', { type: 'yearly', day: 15, month: 11 }],
    ['báo cáo Bộ Nội vụ trước ngày 01/12.', { type: 'yearly', day: 1, month: 12 }],
    ['báo cáo kết quả trước ngày 20 tháng 11 năm 2024.', { type: 'date', date: '2024-11-20' }],
    ['gửi trước ngày 20/11/2024.', { type: 'date', date: '2024-11-20' }],
    ['sơ kết ở cấp sở, ban, ngành vào quý III năm 2025.', { type: 'quarter', quarter: 3, year: 2025 }],
    ['chậm nhất vào Quý 3 năm 2025.', { type: 'quarter', quarter: 3, year: 2025 }],
    ['thành lập Ban chỉ đạo trong Quý 1 năm 2024.', { type: 'quarter', quarter: 1, year: 2024 }],
    ['và tổng kết vào năm 2030.', { type: 'year', year: 2030 }],
  ])('"%s"', (sentence, expected) => {
    expect(when(sentence)).toEqual([expected]);
  });

  it('finds two deadlines in one sentence, in order', () => {
    expect(when('sơ kết vào quý III năm 2025 và Ủy ban nhân dân tỉnh sơ kết vào quý IV năm 2025.')).toEqual([
      { type: 'quarter', quarter: 3, year: 2025 },
      { type: 'quarter', quarter: 4, year: 2025 },
    ]);
  });

  it('ignores spans and dates of cited documents', () => {
    expect(when('triển khai thực hiện từ năm 2023 đến năm 2030.')).toEqual([]);
    expect(when('Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ.')).toEqual([]);
    expect(when('trước ngày 32 tháng 13 hàng năm')).toEqual([]);
  });
});

describe('parseYearSpan', () => {
  it.each([
    ['Giai đoạn 1 (từ 2023-2025)', { from: 2023, to: 2025 }],
    ['Giai đoạn 1 (năm 2023 - năm 2025)', { from: 2023, to: 2025 }],
    ['Giai đoạn II (từ năm 2026 đến năm 2030)', { from: 2026, to: 2030 }],
  ])('%s', (text, span) => {
    expect(parseYearSpan(text)).toEqual(span);
  });
});
