import { describe, expect, it } from 'vitest';
import { COMPOSERS } from '../../src/answers/compose/index.js';
import { Corpus } from '../../src/answers/corpus.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { AbbreviationExpander } from '../../src/nlu/expand.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import { loadIntents } from '../../src/nlu/intents.js';

const corpus = new Corpus(loadKnowledge(), new AbbreviationExpander(loadGlossary().abbreviations));

describe('search corpus', () => {
  it('indexes folded, expanded words and word pairs that never span punctuation', () => {
    const terms = corpus.terms('Thư viện, Bảo tàng của UBND tỉnh');
    expect(terms).toEqual(expect.arrayContaining(['thu_vien', 'bao_tang', 'uy', 'ubnd', 'nhan_dan']));
    expect(terms).not.toContain('vien_bao');
  });

  it('filters by plan and by a document number, and finds the locality through the breadcrumb', () => {
    const hits = corpus.search(['so', 'tai', 'chinh', 'tai_chinh', 'tay', 'ninh', 'tay_ninh'], { limit: 1 });
    expect(hits[0]?.passage.id).toBe('tay-ninh#VII.4');
    const cited = corpus.search(['bo', 'tieu', 'chi', 'tieu_chi'], { number: '1373' }).map((h) => h.passage.planId);
    expect(new Set(cited)).toEqual(new Set(['thai-binh', 'cu-chi', 'khanh-hoa']));
    expect(corpus.search(['kinh', 'phi'], { plans: ['cu-chi'] }).every((h) => h.passage.planId === 'cu-chi')).toBe(true);
  });

  it('asked the same words of one plan after another, ranks each plan\'s passages as one search of all would', () => {
    const terms = ['tuan', 'le', 'tuan_le', 'hoc', 'tap', 'suot', 'doi'];
    const all = corpus.search(terms).filter((h) => h.passage.planId === 'tay-ninh').slice(0, 3);
    const first = corpus.search(terms, { plans: ['tay-ninh'], limit: 3 });
    expect(first.map((h) => h.passage.id)).toEqual(all.map((h) => h.passage.id));
    expect(corpus.search(terms, { plans: ['tay-ninh'], limit: 3 })).toEqual(first);
    expect(corpus.search(terms, { plans: ['cu-chi'], limit: 3 }).every((h) => h.passage.planId === 'cu-chi')).toBe(true);
  });

  it('every question intent except help has a composer', () => {
    for (const intent of loadIntents()) if (intent.id !== 'help') expect(COMPOSERS[intent.id], intent.id).toBeTypeOf('function');
  });
});
