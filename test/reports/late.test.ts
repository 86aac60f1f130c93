import { describe, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '../../src/calendar.js';
import { lastDay, lateness } from '../../src/reports/late.js';
import { realKnowledge } from '../admin/support.js';

const TZ = 'Asia/Ho_Chi_Minh';
const d = (iso: string) => parseIsoDate(iso)!;
const last = (text: Parameters<typeof lastDay>[0], year = 2025) => {
  const day = lastDay(text, year);
  return day && isoDate(day);
};

describe('lastDay: a deadline read as written', () => {
  it('"trước ngày D" ends the day before D; "chậm nhất ngày D" ends on D', () => {
    expect(last('trước ngày 01/12')).toBe('2025-11-30');
    expect(last('Trước ngày 01 tháng 12 hàng năm')).toBe('2025-11-30');
    expect(last('chậm nhất ngày 15/11')).toBe('2025-11-15');
    expect(last('Chậm nhất ngày 15 tháng 11 năm 2024')).toBe('2024-11-15');
    // Before the first day of a year: the last day of the year before.
    expect(last('trước ngày 01/01', 2026)).toBe('2025-12-31');
    expect(last('trước ngày 01/03', 2024)).toBe('2024-02-29');
  });

  it('a month or a quarter ends with its last day; "trước" a period ends before it starts', () => {
    expect(last('trong tháng 11')).toBe('2025-11-30');
    expect(last('trong tháng 2', 2024)).toBe('2024-02-29');
    expect(last('quý IV')).toBe('2025-12-31');
    expect(last('chậm nhất vào Quý 3 năm 2025', 2030)).toBe('2025-09-30');
    expect(last('trước quý IV')).toBe('2025-09-30');
    expect(last('tổng kết vào năm 2030')).toBe('2030-12-31');
  });

  it('text without a period gives no day; a span of years is not read as a date', () => {
    expect(lastDay('hằng năm', 2025)).toBeUndefined();
    expect(lastDay('giai đoạn 2023-2030', 2025)).toBeUndefined();
    expect(lastDay('1.234 lượt người', 2025)).toBeUndefined();
  });

  it('the plans’ report deadlines: the day from the data, the bound from the quote', () => {
    const plan = (id: string) => realKnowledge().plan(id)!;
    const reportDeadline = (id: string, section: string) => plan(id).deadlines.find((x) => x.kind === 'report' && x.section === section)!;
    // "Trước ngày 01 tháng 12 hàng năm" (Khánh Hòa), "… trước ngày 01/12." (Thái Bình).
    expect(last(reportDeadline('khanh-hoa', 'VII.9'))).toBe('2025-11-30');
    expect(last(reportDeadline('thai-binh', 'VI.5'))).toBe('2025-11-30');
    expect(last(reportDeadline('cu-chi', 'V.1'))).toBe('2025-11-14');
    expect(last(reportDeadline('tay-ninh', 'VII.9'))).toBe('2025-12-09');
    // Once, in 2024: "trước ngày 20 tháng 11 năm 2024".
    expect(last(reportDeadline('cu-chi', 'VII.2'), 2024)).toBe('2024-11-19');
    // A quote that names the day without "trước" allows the day itself.
    expect(last({ when: { type: 'yearly', day: 15, month: 11 }, quote: 'Chậm nhất ngày 15 tháng 11 hằng năm gửi báo cáo.' })).toBe('2025-11-15');
    // The quote names two days: the bound is the one of the day in the data.
    const two = 'Các đơn vị báo cáo chậm nhất ngày 10/11; Phòng tổng hợp báo cáo trước ngày 30/11.';
    expect(last({ when: { type: 'yearly', day: 10, month: 11 }, quote: two })).toBe('2025-11-10');
    expect(last({ when: { type: 'yearly', day: 30, month: 11 }, quote: two })).toBe('2025-11-29');
  });
});

describe('lateness: calendar days in Việt Nam after the last day', () => {
  const lastDayNov30 = d('2025-11-30');

  it('on the last day, up to 23:59 in Việt Nam, is on time', () => {
    expect(lateness(new Date('2025-11-30T16:59:00Z'), lastDayNov30, TZ)).toEqual({ late: false, days: 0 });
    expect(lateness('2025-11-01T03:00:00.000Z', lastDayNov30, TZ)).toEqual({ late: false, days: 0 });
  });

  it('after midnight in Việt Nam it is late, though it is still the 30th in UTC', () => {
    expect(lateness(new Date('2025-11-30T17:01:00Z'), lastDayNov30, TZ)).toEqual({ late: true, days: 1 });
    expect(lateness(new Date('2025-12-03T10:00:00Z'), lastDayNov30, TZ)).toEqual({ late: true, days: 3 });
  });

  it('the rule applied to "trước ngày 01/12": a report sent on 01/12 is one day late', () => {
    const day = lastDay('trước ngày 01/12', 2025)!;
    expect(lateness(new Date('2025-12-01T02:00:00Z'), day, TZ)).toEqual({ late: true, days: 1 });
  });
});
