import { describe, expect, it } from 'vitest';
import { TypoRepairer, untelex, unvni } from '../../src/nlu/repair.js';
import { isVietnameseSyllable } from '../../src/nlu/syllable.js';
import { analyzer } from './helpers.js';
import { createAnalyzer } from '../../src/nlu/analyze.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import { loadIntents } from '../../src/nlu/intents.js';

describe('Vietnamese syllable check', () => {
  it('accepts well-formed syllables, folded', () => {
    for (const s of ['han', 'nop', 'khong', 'nghieng', 'truong', 'quyet', 'khuya', 'chuyen', 'tuan', 'thi', 'xa', '2030']) {
      expect(isVietnameseSyllable(s), s).toBe(true);
    }
  });

  it('rejects typos, Telex and VNI leftovers', () => {
    for (const s of ['binhh', 'khog', 'chis', 'ddua', 'tieeu', 'xax', 'huye6n5', 'ubnd']) {
      expect(isVietnameseSyllable(s), s).toBe(false);
    }
  });
});

describe('Telex and VNI', () => {
  it('undoes Telex typed with the IME off', () => {
    expect(['tieeu', 'chis', 'ddua', 'caaps', 'xax', 'truwowngf'].map(untelex)).toEqual(['tieu', 'chi', 'dua', 'cap', 'xa', 'truong']);
  });

  it('drops VNI digits', () => {
    expect(['tie6u', 'chi1', 'ca6p1', 'huye6n5'].map(unvni)).toEqual(['tieu', 'chi', 'cap', 'huyen']);
  });
});

describe('gated repair', () => {
  const repairer = analyzer().repairer;

  it('never touches a valid syllable, even one the plans do not contain', () => {
    expect(repairer.repair(['han', 'nop', 'bao', 'cao']).tokens).toEqual(['han', 'nop', 'bao', 'cao']);
    expect(repairer.repairToken('nop')).toBeUndefined();
  });

  it('repairs dropped and doubled letters to known words', () => {
    expect(repairer.repairToken('binhh')?.to).toBe('binh');
    expect(repairer.repairToken('khog')?.to).toBe('khong');
    expect(repairer.repairToken('ninhh')?.to).toBe('ninh');
  });

  it('accepts a rule-based repair only when it lands on a known word', () => {
    const small = new TypoRepairer(['tieu', 'chi']);
    expect(small.repairToken('tieeu')).toEqual({ from: 'tieeu', to: 'tieu', how: 'telex' });
    expect(small.repairToken('qwrtz')).toBeUndefined();
  });
});

describe('repair by neighbours', () => {
  it('among near-equal candidates, takes the one the plans write beside the same neighbour', () => {
    const vocabulary = ['thi', 'dua', 'dau', 'tieu', 'chi', 'hoc', 'hop', 'cuoc'];
    const plain = new TypoRepairer(vocabulary);
    const fitted = new TypoRepairer(vocabulary, (pair) => (pair === 'cuoc_hop' ? 5 : 0));
    expect(plain.repairToken('hocp', 'cuoc')?.to).toBe('hoc');
    expect(fitted.repairToken('hocp', 'cuoc')?.to).toBe('hop');
    expect(fitted.repair(['cuoc', 'hocp']).tokens).toEqual(['cuoc', 'hop']);
  });
});

describe('a slip that is a syllable itself', () => {
  it('is repaired into a pair the plans write with the word before it, and only then', () => {
    const vocabulary = ['bang', 'giay', 'khen', 'kem', 'can', 'cu', 'chi'];
    const pairs: Record<string, number> = { bang_khen: 20, giay_khen: 12, can_cu: 30 };
    const r = new TypoRepairer(vocabulary, (pair) => pairs[pair] ?? 0);
    expect(r.repair(['bang', 'khem']).tokens).toEqual(['bang', 'khen']);
    // Nothing before it to pair with: "con Củ Chi" is not "căn cứ".
    expect(r.repair(['con', 'cu', 'chi']).tokens).toEqual(['con', 'cu', 'chi']);
    // Seldom after the word before it, but written with the words on both sides: "Ban Tuyêm giáo".
    const rare = new TypoRepairer(['ban', 'tuyen', 'giao', 'tuyet'], (pair) => (pair === 'ban_tuyen' || pair === 'tuyen_giao' ? 1 : 0));
    expect(rare.repair(['ban', 'tuyem', 'giao']).tokens).toEqual(['ban', 'tuyen', 'giao']);
    expect(rare.repair(['ban', 'tuyem']).tokens).toEqual(['ban', 'tuyem']);
    // A letter left out is a letter away too: "doanh ngiệp".
    const dropped = new TypoRepairer(['doanh', 'nghiep', 'ngoai'], (pair) => (pair === 'doanh_nghiep' ? 9 : 0));
    expect(dropped.repair(['doanh', 'ngiep']).tokens).toEqual(['doanh', 'nghiep']);
  });
});

describe('a known syllable typed in a form the plans never write', () => {
  it('is a slip when a letter away stands the word its neighbour nearly always opens ("thi đau" → "thi đua"), never when it is a question word', () => {
    const vocabulary = ['thi', 'dua', 'dau', 'ke', 'hoach', 'nao', 'dao', 'chi'];
    const pairs: Record<string, number> = { thi_dua: 40, hoach_dao: 3, chi_dao: 30 };
    const df: Record<string, number> = { thi: 42, hoach: 200, chi: 60 };
    const r = new TypoRepairer(vocabulary, (pair) => pairs[pair] ?? 0, [], (w) => df[w] ?? 0);
    const unwritten = (i: number) => i === 1;
    expect(r.repair(['thi', 'dau'], new Set(), unwritten).tokens).toEqual(['thi', 'dua']);
    // "kế hoạch đào tạo" is written, but "hoạch" opens many other pairs: "kế hoạch nào" stays.
    expect(r.repair(['hoach', 'nao'], new Set(), unwritten).tokens).toEqual(['hoach', 'nao']);
    // Typed as the plans write it: left alone.
    expect(r.repair(['thi', 'dau']).tokens).toEqual(['thi', 'dau']);
    // Through the analyzer, a question word as typed is no slip ("đồng chí nào" is not "chỉ đạo").
    const a = createAnalyzer({ glossary: loadGlossary(), intents: loadIntents(), corpusWords: new Set(vocabulary), pairFrequency: (p) => pairs[p] ?? 0, wordFrequency: (w) => df[w] ?? 0, isWrittenForm: (f) => ['thi', 'đua', 'chỉ', 'đạo'].includes(f) });
    expect(a.analyze('thi đau').repaired).toEqual(['thi', 'dua']);
    expect(a.analyze('chí nào').repaired).toEqual(['chi', 'nao']);
  });
});

describe('transposed letters', () => {
  it('swaps two neighbouring letters back when that makes a known syllable', () => {
    const r = new TypoRepairer(['ngay', 'nao', 'thong', 'tin']);
    expect(r.repairToken('ngya')).toEqual({ from: 'ngya', to: 'ngay', how: 'transposition' });
    expect(r.repair(['thogn', 'tin']).tokens).toEqual(['thong', 'tin']);
  });
});

describe('two-letter slips', () => {
  it('a question word struck one key off is repaired ("gj" → "gì"); an abbreviation of two letters is not', () => {
    const r = new TypoRepairer(['gi', 'co', 'ai'], () => 0, ['gi', 'co', 'ai', 'la']);
    expect(r.repairToken('gj')).toEqual({ from: 'gj', to: 'gi', how: 'question-word' });
    expect(r.repairToken('cd')).toBeUndefined(); // "d" is far from "o": CĐ, not "có"
    expect(analyzer().analyze('tiêu chí cấp xã là gj').repaired.at(-1)).toBe('gi');
  });
});
