import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/reports/form-definition.js';
import { countFields, countValue, totalsByPlan } from '../../src/reports/totals.js';
import type { Report } from '../../src/store/reports.js';

const form = loadForm('report');

function report(planId: string, unitKey: string, answers: Report['answers']): Report {
  return { id: 1, code: 'BC-X', contactId: 1, channel: 'telegram', userId: '1', planId, unitName: unitKey, unitKey, year: 2025, version: 1, answers, submittedAt: '2025-11-10T00:00:00Z' };
}

describe('totals of the count fields', () => {
  it('the count fields are the form’s integer fields, in form order', () => {
    expect(countFields(form).map((f) => f.id)).toEqual(['trainees', 'learningFamilies', 'learningClans', 'learningCitizens', 'learningUnits', 'learningCommunities']);
  });

  it('reads numbers and digits stored as text; a skipped or non-numeric answer is no figure, never 0', () => {
    expect([12, '7', ' 40 ', null, undefined, 'mười', '1,5', Number.NaN].map(countValue)).toEqual([12, 7, 40, null, null, null, null, null]);
  });

  it('sums per plan; a skipped field is not counted as answered', () => {
    const plans = totalsByPlan(
      [
        report('cu-chi', 'a', { trainees: 1_000_000, learningFamilies: 3 }),
        report('cu-chi', 'b', { trainees: 250, learningFamilies: null }),
        report('khanh-hoa', 'c', { trainees: '12' }),
      ],
      form,
    );
    expect(plans.map((p) => p.planId)).toEqual(['cu-chi', 'khanh-hoa']);
    expect(plans[0]!.totals.trainees).toEqual({ sum: 1_000_250, answered: 2 });
    expect(plans[0]!.totals.learningFamilies).toEqual({ sum: 3, answered: 1 });
    expect(plans[0]!.totals.learningClans).toEqual({ sum: 0, answered: 0 });
    expect(plans[1]!.totals.trainees).toEqual({ sum: 12, answered: 1 });
    expect(plans[0]!.units.map((u) => u.counts.learningFamilies)).toEqual([3, null]);
  });
});
