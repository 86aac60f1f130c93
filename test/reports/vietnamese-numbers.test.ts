import { describe, expect, it } from 'vitest';
import { readCount, type CountProblem } from '../../src/reports/vietnamese-numbers.js';

/** Before: "12 nghìn" was stored as 12 and "1 triệu" as 1 (the digits before the unit). */
describe('counts as Vietnamese write them', () => {
  it.each([
    // digits, as before
    ['12', 12],
    ['0', 0],
    ['12 người', 12],
    ['12 nguoi', 12],
    ['120 lượt cán bộ', 120],
    ['1.200', 1200],
    ['1,200 lượt', 1200],
    ['1 200', 1200],
    ['12 000 000', 12_000_000],
    ['1 200 người', 1200],
    ['1.200.000', 1_200_000],
    ['１２', 12],
    ['khoảng 12', 12],
    ['có 3 gia đình', 3],
    ['tổng số 45', 45],
    ['tổng số: 45', 45],
    [' 7 ', 7],
    ['không', 0],
    ['không có', 0],
    ['chưa có', 0],
    ['ko', 0],
  ])('"%s" → %d, as typed', (text, value) => {
    expect(readCount(text)).toEqual({ ok: true, value, spelled: false });
  });

  it.each([
    ['12 nghìn', 12_000],
    ['12 ngàn', 12_000],
    ['12 nghin', 12_000],
    ['12 Nghìn người', 12_000],
    ['12nghìn', 12_000],
    ['1,2 nghìn', 1200],
    ['1.2 nghìn', 1200],
    ['1,25 nghìn', 1250],
    ['1 triệu', 1_000_000],
    ['1 trieu luot', 1_000_000],
    ['2,5 triệu', 2_500_000],
    ['2tr', 2_000_000],
    ['2,5tr lượt', 2_500_000],
    ['1 triệu 200 nghìn', 1_200_000],
    ['2 nghìn 500', 2500],
    ['2 triệu rưỡi', 2_500_000],
    ['3 trăm', 300],
    ['3 trăm nghìn', 300_000],
    ['5 chục người', 50],
    ['1k', 1000],
    ['1K', 1000],
    ['1 k', 1000],
    ['1,5k', 1500],
    ['hai vạn', 20_000],
    ['hai van', 20_000],
    ['hai vạn năm nghìn', 25_000],
    ['năm chục', 50],
    ['nam chuc', 50],
    ['gần 2 triệu lượt', 2_000_000],
    ['mười hai', 12],
    ['mười', 10],
    ['mười lăm người', 15],
    ['hai mươi', 20],
    ['hai mươi lăm', 25],
    ['ba mươi tư', 34],
    ['hai mươi mốt', 21],
    ['hai muoi mot', 21],
    ['một trăm', 100],
    ['một trăm linh năm', 105],
    ['mot tram linh nam', 105],
    ['hai trăm lẻ ba', 203],
    ['một trăm hai mươi', 120],
    ['ba nghìn', 3000],
    ['hai nghìn không trăm hai mươi lăm', 2025],
    ['hai nghìn năm trăm', 2500],
    ['tám', 8],
    ['tám người', 8],
    ['muoi hai', 12],
    ['mười hai nghìn', 12_000],
  ])('"%s" → %d, said back', (text, value) => {
    expect(readCount(text)).toEqual({ ok: true, value, spelled: true });
  });

  it.each([
    ['khoảng 300 người', 300],
    ['hơn 50', 50],
    ['trên 1.000 lượt', 1000],
    ['tầm 40', 40],
    ['tam 40', 40],
    ['xấp xỉ 70', 70],
    ['ước tính 90 người', 90],
    ['~300', 300],
    ['12 người, sau đó thêm nữa', 12],
    ['12 người trong năm nay', 12],
    ['12 người vẫn đang học', 12],
    ['12 constructor', 12],
  ])('approximate or with more words: "%s" → %d (the number stated)', (text, value) => {
    expect(readCount(text)).toMatchObject({ ok: true, value });
  });

  it.each<[string, CountProblem]>([
    ['12 hoặc 13', 'several'],
    ['12 hoac 13', 'several'],
    ['10-15', 'several'],
    ['10 - 15', 'several'],
    ['10–15 người', 'several'],
    ['từ 10 đến 15', 'several'],
    ['12/13', 'several'],
    ['12 13', 'several'],
    ['1  200', 'several'],
    ['12 hoặc mười ba', 'several'],
    ['12 hoac muoi ba', 'several'],
    ['năm mươi 5', 'several'],
    ['12 người, trong đó 5 nữ', 'several'],
    ['1,5 người', 'fraction'],
    ['1.5', 'fraction'],
    ['12,5', 'fraction'],
    ['0,500', 'fraction'],
    ['1 rưỡi', 'fraction'],
    ['1,2345 nghìn', 'fraction'],
    ['-3', 'negative'],
    ['−3', 'negative'],
    ['- 3 người', 'negative'],
    ['âm 3', 'negative'],
    ['2 nghìn 5', 'unclear'],
    ['1 triệu 2', 'unclear'],
    ['hai nghìn năm', 'unclear'],
    ['1.2.3', 'unclear'],
    ['nghìn triệu', 'unclear'],
    ['', 'none'],
    ['abc', 'none'],
    ['nhiều lắm', 'none'],
    ['không biết', 'none'],
    ['chưa thống kê', 'none'],
    ['vài chục', 'none'],
    ['xã 12', 'none'],
    ['k', 'none'],
    ['constructor', 'none'],
  ])('"%s" is asked back: %s', (text, problem) => {
    expect(readCount(text)).toEqual({ ok: false, problem });
  });

  it('refuses malformed number words', () => {
    for (const t of ['hai ba', 'mười mười', 'linh năm']) expect(readCount(t).ok).toBe(false);
  });
});
