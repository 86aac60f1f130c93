import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/reports/form-definition.js';
import { carriedAnswers, lastVersionOf, sentByAnotherContact } from '../../src/reports/versions.js';
import type { Report } from '../../src/store/reports.js';

let nextId = 1;
function version(p: { unitKey?: string; year?: number; version: number; contactId: number; answers?: Report['answers'] }): Report {
  return {
    id: nextId++,
    code: `BC-${nextId}`,
    contactId: p.contactId,
    channel: 'telegram',
    userId: String(p.contactId),
    planId: 'cu-chi',
    unitName: p.unitKey ?? 'a',
    unitKey: p.unitKey ?? 'a',
    year: p.year ?? 2025,
    version: p.version,
    answers: p.answers ?? {},
    submittedAt: '2025-11-20T03:00:00.000Z',
  };
}

describe('sentByAnotherContact', () => {
  it('marks a version whose contact differs from the version before of the same unit and year', () => {
    const a1 = version({ version: 1, contactId: 1 });
    const a2 = version({ version: 2, contactId: 2 });
    const a3 = version({ version: 3, contactId: 2 });
    const a4 = version({ version: 4, contactId: 1 });
    const b1 = version({ unitKey: 'b', version: 1, contactId: 2 }); // another unit: its first version is nobody's change
    const a2024 = version({ year: 2024, version: 1, contactId: 3 });
    const marked = sentByAnotherContact([a4, b1, a2, a1, a3, a2024]);
    expect([...marked].sort()).toEqual([a2.id, a4.id].sort());
  });
});

describe('lastVersionOf and carriedAnswers', () => {
  it('gives the last version and the next number; carries the form’s fields except the year', () => {
    const form = loadForm('report');
    const v1 = version({ version: 1, contactId: 1, answers: { year: 2025, activities: 'A', trainees: 12, legacy: 'x' } });
    const v2 = version({ version: 2, contactId: 1, answers: { year: 2025, activities: 'B', trainees: null } });
    const repo = { versionsOf: (planId: string, unitKey: string, year: number) => (planId === 'cu-chi' && unitKey === 'ubnd xa a' && year === 2025 ? [v1, v2] : []) };
    const last = lastVersionOf(repo, { planId: 'cu-chi', unitName: 'UBND xã A' }, 2025);
    expect(last).toEqual({ report: v2, next: 3 });
    expect(lastVersionOf(repo, { planId: 'cu-chi', unitName: 'UBND xã A' }, 2024)).toBeUndefined();
    expect(carriedAnswers(form, v1, new Set(['year']))).toEqual({ activities: 'A', trainees: 12 });
    expect(carriedAnswers(form, v2, new Set(['year']))).toEqual({ activities: 'B', trainees: null });
  });
});
