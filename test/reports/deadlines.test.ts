import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, instantAt, isoDate, parseIsoDate, viDate, wallClock } from '../../src/calendar.js';
import { deadlineKey, nearestDeadline, reportDeadlines, reportDueOccurrence, reportOccurrences } from '../../src/reports/deadlines.js';
import { realKnowledge } from '../dialog/support.js';

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
    // Củ Chi: the units report to the Phòng GD&ĐT by 15/11; its own reports (30/11 yearly, 20/11/2024
    // once) build on theirs and are not the units' deadlines.
    expect(days('cu-chi', 2025)).toEqual(['2025-11-15 V.1']);
    expect(days('cu-chi', 2024)).toEqual(['2024-11-15 V.1']);
    expect(days('thai-binh', 2025)).toEqual(['2025-12-01 VI.5']);
    expect(days('khanh-hoa', 2025)).toEqual(['2025-12-01 VII.9']);
    expect(days('tay-ninh', 2025)).toEqual(['2025-12-10 VII.9']);
    // Tây Ninh's plan runs from 2024: no yearly deadline in 2023.
    expect(days('tay-ninh', 2023)).toEqual([]);
    // Neither names a report deadline by day (Bắc Kạn only "tổng kết vào năm 2030"; the Công văn none).
    expect(days('bac-kan-vp', 2025)).toEqual([]);
    expect(days('thai-binh-cdyt', 2025)).toEqual([]);
  });

  it('keeps the units’ deadline of a chain of reports, not those of the office that compiles them', () => {
    const cuChi = plan('cu-chi');
    const units = reportDeadlines(cuChi);
    expect(units.map((x) => x.quote)).toEqual([expect.stringMatching(/^Trước ngày 15 tháng 11 hàng năm báo cáo .* về Phòng Giáo dục và Đào tạo huyện/)]);
    // The plan does name the others; they are simply not the units' day.
    const all = cuChi.deadlines.filter((x) => x.kind === 'report').map((x) => x.section + ' ' + JSON.stringify(x.when));
    expect(all).toHaveLength(3);
    // A plan with a single report deadline keeps it, whoever sends that report (Thái Bình: the Sở GD&ĐT).
    expect(reportDeadlines(plan('thai-binh')).map((x) => x.section)).toEqual(['VI.5']);
    // A chain that loops back has no first link: every deadline is kept rather than none.
    const loop = {
      ...cuChi,
      deadlines: [
        { ...units[0]!, from: 'A', to: 'B' },
        { ...units[0]!, from: 'B', to: 'A', when: { type: 'yearly' as const, day: 30, month: 11 } },
      ],
    };
    expect(reportDeadlines(loop)).toHaveLength(2);
  });

  it('a fixed-date report deadline falls only in its own year', () => {
    const base = plan('khanh-hoa');
    const once = { ...base, deadlines: [{ ...base.deadlines.find((x) => x.kind === 'report')!, when: { type: 'date' as const, date: '2026-03-31' } }] };
    expect(reportOccurrences(once, 2026).map((o) => `${isoDate(o.date)} ${o.key}`)).toEqual(['2026-03-31 khanh-hoa|VII.9|date-2026-03-31']);
    expect(reportOccurrences(once, 2025)).toEqual([]);
  });

  it('a unit’s report of a year is held to the units’ own deadline, on its last day', () => {
    const due = (id: string, year: number) => {
      const o = reportDueOccurrence(plan(id), year);
      return o && `${isoDate(o.lastDay)} ${o.deadline.section}`;
    };
    // Củ Chi 2024: 14/11 ("trước ngày 15 tháng 11"), not the Phòng GD&ĐT's "trước ngày 20 tháng 11 năm 2024".
    expect(due('cu-chi', 2024)).toBe('2024-11-14 V.1');
    expect(due('thai-binh', 2025)).toBe('2025-11-30 VI.5');
    expect(due('tay-ninh', 2023)).toBeUndefined();
    expect(due('bac-kan-vp', 2025)).toBeUndefined();
  });

  it('gives each deadline a stable key made of plan, section and day', () => {
    const keys = reportOccurrences(plan('cu-chi'), 2024).map((o) => o.key);
    expect(keys).toEqual(['cu-chi|V.1|yearly-11-15']);
    expect(deadlineKey(plan('thai-binh'), plan('thai-binh').deadlines.find((x) => x.kind === 'report')!)).toBe('thai-binh|VI.5|yearly-12-1');
  });

  it('the nearest deadline is the next one not passed, else the last one of the year; days count to its last day', () => {
    const cuChi = plan('cu-chi');
    // "Trước ngày 15 tháng 11": the 14th is the last day.
    expect(nearestDeadline(cuChi, 2025, d('2025-11-10'))).toMatchObject({ daysLeft: 4, occurrence: { date: d('2025-11-15'), lastDay: d('2025-11-14') } });
    expect(nearestDeadline(cuChi, 2025, d('2025-11-14'))).toMatchObject({ daysLeft: 0 });
    // Passed: the admin sees how late the units are, not the compiling office's later day.
    expect(nearestDeadline(cuChi, 2025, d('2025-11-15'))).toMatchObject({ daysLeft: -1, occurrence: { date: d('2025-11-15') } });
    expect(nearestDeadline(cuChi, 2025, d('2025-11-20'))).toMatchObject({ daysLeft: -6, occurrence: { date: d('2025-11-15') } });
    const khanhHoa = plan('khanh-hoa');
    expect(nearestDeadline(khanhHoa, 2025, d('2025-11-20'))).toMatchObject({ daysLeft: 10, occurrence: { date: d('2025-12-01'), lastDay: d('2025-11-30') } });
    // "Trước ngày 01 tháng 12": on 01/12 the deadline has passed, not "today is the last day".
    expect(nearestDeadline(khanhHoa, 2025, d('2025-12-01'))).toMatchObject({ daysLeft: -1 });
    expect(nearestDeadline(khanhHoa, 2025, d('2025-12-05'))).toMatchObject({ daysLeft: -5, occurrence: { date: d('2025-12-01') } });
    // Reports of a future year: counted from today.
    expect(nearestDeadline(khanhHoa, 2026, d('2025-12-05'))).toMatchObject({ daysLeft: 360, occurrence: { date: d('2026-12-01') } });
    expect(nearestDeadline(plan('bac-kan-vp'), 2025, d('2025-12-05'))).toBeUndefined();
  });
});
