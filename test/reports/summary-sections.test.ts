import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/reports/form-definition.js';
import { loadSummarySections, parseSummarySections, SummarySectionsError } from '../../src/reports/summary-sections.js';

const form = loadForm('report');

describe('which report answers the báo cáo tổng hợp quotes where (data/summary-report.json)', () => {
  it('maps the form’s text fields to sections I–IV', () => {
    const s = loadSummarySections(form);
    expect(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.map((f) => f.id)]))).toEqual({
      results: ['activities'],
      models: ['models'],
      difficulties: ['difficulties'],
      proposals: ['proposals'],
    });
  });

  it('refuses an id that is not a text field of the form, naming the section and the choices', () => {
    const bad = (sections: object) => () => parseSummarySections({ sections }, form, 'x.json');
    expect(bad({ models: ['mohinh'] })).toThrow(SummarySectionsError);
    expect(bad({ models: ['mohinh'] })).toThrow('x.json: sections.models: “mohinh” is not a text field of the report form (activities, models, difficulties, proposals)');
    expect(bad({ results: ['trainees'] })).toThrow('sections.results: “trainees”');
    expect(bad({ others: ['models'] })).toThrow(SummarySectionsError);
  });
});
