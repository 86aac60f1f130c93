/**
 * The queries behind the admin page's tables: the report table (statuses by the same late rule as
 * /thongke and the exports, paging that shows every unit exactly once, folded search, sorting), the
 * overview's figures, one report's versions, and the URL filters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lateMarks } from '../../src/reports/late-marks.js';
import { reportingStats } from '../../src/admin/stats.js';
import { localDate } from '../../src/calendar.js';
import { loadForm } from '../../src/reports/form-definition.js';
import { createMissingUnits } from '../../src/web/missing-units.js';
import { createOverview } from '../../src/web/overview.js';
import { pageQuery } from '../../src/web/query.js';
import { createReportTable, type ReportTableQuery } from '../../src/web/report-table.js';
import { createReportVersions } from '../../src/web/report-versions.js';
import { addContact, realKnowledge, submitReport, tempStore, type TempStore } from '../admin/support.js';
import { NOW, seed } from './support.js';

const TZ = 'Asia/Ho_Chi_Minh';
let t: TempStore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const query = (q: Partial<ReportTableQuery> = {}): ReportTableQuery => ({ year: 2025, sort: 'unit', descending: false, page: 1, pageSize: 50, ...q });

describe('the report table', () => {
  it('marks late exactly as the late rule does, to the second at the end of the last day in Việt Nam', () => {
    t = tempStore();
    // Củ Chi: last day 14/11/2025. 16:59:59Z is 23:59:59 on 14/11 in Việt Nam; 17:00:00Z is already 15/11.
    const inTime = addContact(t.store, { planId: 'cu-chi', unitName: 'Xã Tân Thạnh Đông' });
    submitReport(t.store, inTime, 2025, {}, new Date('2025-11-14T16:59:59.999Z'));
    const late = addContact(t.store, { planId: 'cu-chi', unitName: 'Xã Tân Thạnh Tây' });
    submitReport(t.store, late, 2025, {}, new Date('2025-11-14T17:00:00.000Z'));
    // A correction after the deadline does not make a report that came in time late.
    submitReport(t.store, inTime, 2025, {}, new Date('2025-11-19T02:00:00Z'));
    // Bắc Kạn names no deadline: nothing to be late for.
    const noDeadline = addContact(t.store, { planId: 'bac-kan-vp', unitName: 'Sở Tư pháp' });
    submitReport(t.store, noDeadline, 2025, {}, new Date('2025-12-31T02:00:00Z'));

    const table = createReportTable(t.store.db, realKnowledge(), TZ);
    const rows = table.page(query()).rows;
    const status = (unit: string) => rows.find((r) => r.unitName === unit)?.status;
    expect(status('Xã Tân Thạnh Đông')).toBe('ontime');
    expect(status('Xã Tân Thạnh Tây')).toBe('late');
    expect(status('Sở Tư pháp')).toBe('ontime');

    const marks = lateMarks(realKnowledge(), t.store.reports.listAll({ year: 2025 }), TZ);
    for (const r of t.store.reports.listLatest({ year: 2025 })) {
      expect(status(r.unitName)).toBe(marks.of(r)?.late ? 'late' : 'ontime');
    }
  });

  it('pages through every unit exactly once, whatever the sort', () => {
    t = tempStore();
    for (let i = 0; i < 37; i++) {
      const c = addContact(t.store, { planId: i % 2 ? 'cu-chi' : 'thai-binh', unitName: `Xã số ${String(i).padStart(2, '0')}` });
      if (i % 3 !== 0) submitReport(t.store, c, 2025, {}, new Date(Date.UTC(2025, 10, 1 + (i % 20), 3)));
      if (i % 5 === 0 && i % 3 !== 0) submitReport(t.store, c, 2025, {}, new Date(Date.UTC(2025, 10, 25, 3)));
    }
    const table = createReportTable(t.store.db, realKnowledge(), TZ);
    for (const sort of ['unit', 'plan', 'submitted', 'status', 'versions', 'code'] as const) {
      for (const descending of [false, true]) {
        const seen: string[] = [];
        let page = 1;
        let pages = 1;
        do {
          const result = table.page(query({ sort, descending, page, pageSize: 10 }));
          expect(result.total).toBe(37);
          expect(result.rows.length).toBeLessThanOrEqual(10);
          pages = result.pages;
          seen.push(...result.rows.map((r) => r.unitName));
          page++;
        } while (page <= pages);
        expect(pages).toBe(4);
        expect(new Set(seen).size).toBe(37);
        expect(seen).toHaveLength(37);
      }
    }
    const missing = table.page(query({ status: 'missing' }));
    expect(missing.total).toBe(13);
    expect(missing.rows.every((r) => r.code === null && r.versions === 0)).toBe(true);
  });

  it('searches unit names in any spelling and report codes, and takes % and _ literally', () => {
    t = tempStore();
    seed(t.store);
    const table = createReportTable(t.store.db, realKnowledge(), TZ);
    expect(table.page(query({ search: 'phu hoa' })).rows.map((r) => r.unitName)).toEqual(['UBND xã Phú Hòa Đông']);
    expect(table.page(query({ search: 'PHÚ HÒA' })).rows.map((r) => r.unitName)).toEqual(['UBND xã Phú Hòa Đông']);
    const code = t.store.reports.listLatest({ year: 2025 }).find((r) => r.unitName === 'UBND xã Phú Hòa Đông')!.code;
    expect(table.page(query({ search: code.toLowerCase() })).rows.map((r) => r.unitName)).toEqual(['UBND xã Phú Hòa Đông']);
    expect(table.page(query({ search: '%' })).total).toBe(0);
    expect(table.page(query({ search: '_' })).total).toBe(0);
  });

  it('sorts by time with the missing units last, either way', () => {
    t = tempStore();
    seed(t.store);
    const table = createReportTable(t.store.db, realKnowledge(), TZ);
    for (const descending of [false, true]) {
      const rows = table.page(query({ sort: 'submitted', descending })).rows;
      const times = rows.filter((r) => r.submittedAt).map((r) => r.submittedAt!);
      expect(times).toEqual([...times].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b))));
      expect(rows.slice(-3).every((r) => r.status === 'missing')).toBe(true);
    }
  });

  it('filters by plan and year', () => {
    t = tempStore();
    seed(t.store);
    const table = createReportTable(t.store.db, realKnowledge(), TZ);
    expect(table.page(query({ planId: 'cu-chi' })).rows.map((r) => [r.unitName, r.status])).toEqual([
      ['UBND xã An Nhơn Tây', 'ontime'],
      ['UBND xã Phú Hòa Đông', 'late'],
      ['UBND xã Trung Lập', 'missing'],
    ]);
    // 2024: nobody reported, every registered unit is missing.
    expect(table.page(query({ year: 2024 })).rows.every((r) => r.status === 'missing')).toBe(true);
  });
});

describe('the overview', () => {
  it('has the figures of /thongke per plan, and bar shares that add up', () => {
    t = tempStore();
    seed(t.store);
    const knowledge = realKnowledge();
    // A unit that reported, then its contact registered it under another plan: counted where it reported.
    const moved = addContact(t.store, { planId: 'khanh-hoa', unitName: 'Xã Cam Hải Đông' });
    submitReport(t.store, moved, 2025, {}, new Date('2025-11-12T03:30:00Z'));
    t.store.contacts.upsert({ ...moved, planId: 'tay-ninh', at: new Date('2025-11-13T03:30:00Z') });
    // A plan no longer in data/plans, still named by a contact.
    addContact(t.store, { planId: 'ke-hoach-cu', unitName: 'Xã Cũ' });
    const data = createOverview(t.store.db, knowledge, TZ)({ year: 2025, now: NOW });
    const stats = reportingStats({ store: t.store, knowledge }, { year: 2025, today: localDate(NOW, TZ), timeZone: TZ });
    expect(data.plans.map((p) => [p.planId, p.registered, p.reported, p.late, p.missing])).toEqual(
      stats.map((s) => [s.planId, s.units.length, s.reported.length + s.reportedWithoutContact, s.late, s.missing.length]),
    );
    expect(data.totals).toEqual({ registered: 8, reported: 4, late: 1, missing: 5 });
    expect(data.plans.at(-1)!.planName).toContain('ke-hoach-cu');
    const cuChi = data.plans.find((p) => p.planId === 'cu-chi')!;
    expect(cuChi.shares).toEqual({ onTime: 33, late: 33, missing: 33 });
    expect(cuChi.deadline).toBe('hạn trước ngày 15/11/2025 (hạn cuối 14/11/2025), đã quá hạn 6 ngày');
    for (const p of data.plans) expect(p.shares.onTime + p.shares.late + p.shares.missing).toBeLessThanOrEqual(101);
  });
});

describe('the missing units', () => {
  it('are the units and contacts of /chuanop, per plan', () => {
    t = tempStore();
    seed(t.store);
    const knowledge = realKnowledge();
    const ours = createMissingUnits(t.store.db, knowledge)({ year: 2025 });
    const stats = reportingStats({ store: t.store, knowledge }, { year: 2025, today: localDate(NOW, TZ), timeZone: TZ }).filter((s) => s.missing.length > 0);
    const shape = (list: { planId: string; missing: { unitName: string; contacts: { fullName: string }[] }[] }[]) =>
      list.map((s) => [s.planId, s.missing.map((u) => [u.unitName, u.contacts.map((c) => c.fullName).sort()])]);
    expect(shape(ours)).toEqual(shape(stats));
    expect(shape(createMissingUnits(t.store.db, knowledge)({ year: 2025, planId: 'cu-chi' }))).toEqual([['cu-chi', [['UBND xã Trung Lập', ['Lê Thị Cúc']]]]]);
  });
});

describe('one report', () => {
  it('shows every version, newest first, with the answers in form order and skipped ones marked', () => {
    t = tempStore();
    seed(t.store);
    const versionsOf = createReportVersions(t.store.db);
    const form = loadForm('report');
    const oldest = t.store.reports.listAll({ year: 2025, planId: 'cu-chi' }).find((r) => r.unitName === 'UBND xã An Nhơn Tây' && r.version === 1)!;
    const shown = versionsOf({ store: t.store, knowledge: realKnowledge(), form, timeZone: TZ }, oldest.code)!;
    expect(shown.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(shown.lateness).toEqual({ late: false, days: 0 });
    const activities = form.fields.find((f) => f.id === 'activities')!.label;
    expect(shown.versions[0]!.answers.find((a) => a.label === activities)?.value).toBe('Tổ chức 4 hội nghị phát động (sửa)');
    expect(shown.versions[0]!.answers.map((a) => a.label).slice(0, form.fields.length)).toEqual(form.fields.map((f) => f.label));
    expect(shown.versions[0]!.answers.find((a) => a.label === form.fields.find((f) => f.id === 'proposals')!.label)?.value).toBeUndefined();
    expect(shown.versions[0]!.sender).toEqual({ fullName: 'Nguyễn Thị Lan', role: 'Phó Chủ tịch', phone: '0912 345 678' });
    expect(versionsOf({ store: t.store, knowledge: realKnowledge(), form, timeZone: TZ }, 'BC-ZZZZZZ')).toBeUndefined();
  });
});

describe('the filters in the URL', () => {
  const ctx = { knowledge: realKnowledge(), currentYear: 2025, form: loadForm('report') };
  it('reads the Vietnamese words and falls back on anything it does not know', () => {
    expect(pageQuery({ nam: '2024', 'ke-hoach': 'cu-chi', 'trang-thai': 'muon', tim: ' an nhơn ', 'sap-xep': 'thoi-gian', chieu: 'giam', trang: '3' }, ctx)).toMatchObject({
      year: 2024,
      planId: 'cu-chi',
      status: 'late',
      search: 'an nhơn',
      sort: 'submitted',
      descending: true,
      page: 3,
    });
    const fallback = pageQuery({ nam: '1999', 'ke-hoach': 'khong-co', 'trang-thai': 'x', 'sap-xep': 'DROP TABLE', trang: '-1', tim: ['a', 'b'] }, ctx);
    expect(fallback).toMatchObject({ year: 2025, sort: 'unit', descending: false, page: 1 });
    expect(fallback.planId).toBeUndefined();
    expect(fallback.status).toBeUndefined();
  });
});
