import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, isoDate, parseIsoDate, viDate, wallClock } from '../../src/calendar.js';
import { deadlineKey, nearestDeadline, reportOccurrences } from '../../src/admin/deadlines.js';
import { realKnowledge } from './support.js';

const plan = (id: string) => realKnowledge().plan(id)!;
const d = (iso: string) => parseIsoDate(iso)!;

describe('calendar', () => {
  it('reads dates and hours in Việt Nam whatever the instant', () => {
    expect(wallClock(new Date('2025-11-30T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toMatchObject({ year: 2025, month: 12, day: 1, hour: 0, minute: 30 });
    expect(instantAt(d('2025-12-01'), 8, 'Asia/Ho_Chi_Minh').toISOString()).toBe('2025-12-01T01:00:00.000Z');
    expect(isoDate(addDays(d('2024-02-27'), 3))).toBe('2024-03-01');
    expect(daysBetween(d('2025-11-24'), d('2025-12-01'))).toBe(7);
    expect(viDate(d('2025-03-05'))).toBe('05/03/2025');
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('24/11/2025')).toBeUndefined();
  });
});

describe('report deadlines of the plans', () => {
  it('turns yearly and fixed-date report deadlines into days, within the plan period', () => {
    const days = (id: string, year: number) => reportOccurrences(plan(id), year).map((o) => `${isoDate(o.date)} ${o.deadline.section}`);
    expect(days('cu-chi', 2025)).toEqual(['2025-11-15 V.1', '2025-11-30 V.1']);
    expect(days('cu-chi', 2024)).toEqual(['2024-11-15 V.1', '2024-11-20 VII.2', '2024-11-30 V.1']);
    expect(days('thai-binh', 2025)).toEqual(['2025-12-01 VI.5']);
    expect(days('khanh-hoa', 2025)).toEqual(['2025-12-01 VII.9']);
    expect(days('tay-ninh', 2025)).toEqual(['2025-12-10 VII.9']);
    // Tây Ninh's plan runs from 2024: no yearly deadline in 2023.
    expect(days('tay-ninh', 2023)).toEqual([]);
    // Neither names a report deadline by day (Bắc Kạn only "tổng kết vào năm 2030"; the Công văn none).
    expect(days('bac-kan-vp', 2025)).toEqual([]);
    expect(days('thai-binh-cdyt', 2025)).toEqual([]);
  });

  it('gives each deadline a stable key made of plan, section and day', () => {
    const keys = reportOccurrences(plan('cu-chi'), 2024).map((o) => o.key);
    expect(keys).toEqual(['cu-chi|V.1|yearly-11-15', 'cu-chi|VII.2|date-2024-11-20', 'cu-chi|V.1|yearly-11-30']);
    expect(deadlineKey(plan('thai-binh'), plan('thai-binh').deadlines.find((x) => x.kind === 'report')!)).toBe('thai-binh|VI.5|yearly-12-1');
  });

  it('the nearest deadline is the next one not passed, else the last one of the year', () => {
    const cuChi = plan('cu-chi');
    expect(nearestDeadline(cuChi, 2025, d('2025-11-10'))).toMatchObject({ daysLeft: 5, occurrence: { date: d('2025-11-15') } });
    expect(nearestDeadline(cuChi, 2025, d('2025-11-15'))).toMatchObject({ daysLeft: 0 });
    expect(nearestDeadline(cuChi, 2025, d('2025-11-20'))).toMatchObject({ daysLeft: 10, occurrence: { date: d('2025-11-30') } });
    expect(nearestDeadline(cuChi, 2025, d('2025-12-05'))).toMatchObject({ daysLeft: -5, occurrence: { date: d('2025-11-30') } });
    expect(nearestDeadline(plan('bac-kan-vp'), 2025, d('2025-12-05'))).toBeUndefined();
  });
});
