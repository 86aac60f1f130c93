import { describe, expect, it } from 'vitest';
import { loadForm, type FieldDefinition } from '../../src/reports/form-definition.js';
import { isSkipWord } from '../../src/dialog/forms/engine.js';
import { formatPhone, parseInteger, parsePhone, parseText, parseYear } from '../../src/reports/field-values.js';

const report = loadForm('report');
const field = (id: string): FieldDefinition => report.fields.find((f) => f.id === id)!;

describe('counts (the readings are in vietnamese-numbers.test.ts)', () => {
  it('applies the field bounds', () => {
    expect(parseInteger('12', field('trainees'))).toEqual({ ok: true, value: 12 });
    expect(parseInteger('20000000', field('trainees'))).toEqual({ ok: false, problem: { kind: 'out-of-range', min: 0, max: 10_000_000 } });
    expect(parseInteger('mười', field('trainees'))).toEqual({ ok: true, value: 10, restate: true });
    expect(parseInteger('20 triệu', field('trainees'))).toEqual({ ok: false, problem: { kind: 'out-of-range', min: 0, max: 10_000_000 } });
  });

  it('marks counts written with words or units, to be repeated to the user', () => {
    expect(parseInteger('12 nghìn', field('trainees'))).toEqual({ ok: true, value: 12_000, restate: true });
    expect(parseInteger('12.000', field('trainees'))).toEqual({ ok: true, value: 12_000 });
    expect(parseInteger('khoảng 300 người', field('trainees'))).toEqual({ ok: true, value: 300 });
  });

  it('says why a count is refused, except when there is no number at all', () => {
    const problem = (t: string) => {
      const r = parseInteger(t, field('trainees'));
      return r.ok ? r : r.problem;
    };
    expect(problem('12 hoặc 13')).toEqual({ kind: 'count-unsure', reason: 'several' });
    expect(problem('1,5 người')).toEqual({ kind: 'count-unsure', reason: 'fraction' });
    expect(problem('-3')).toEqual({ kind: 'count-unsure', reason: 'negative' });
    expect(problem('2 nghìn 5')).toEqual({ kind: 'count-unsure', reason: 'unclear' });
    expect(problem('nhiều lắm')).toEqual({ kind: 'invalid' });
  });
});

describe('years', () => {
  it('reads "2025", "năm 2025", "Năm 2024."', () => {
    expect(parseYear('2025', field('year'))).toEqual({ ok: true, value: 2025 });
    expect(parseYear('năm 2025', field('year'))).toEqual({ ok: true, value: 2025 });
    expect(parseYear('Năm 2024.', field('year'))).toEqual({ ok: true, value: 2024 });
  });
  it('refuses other text and years outside the movement', () => {
    expect(parseYear('25', field('year')).ok).toBe(false);
    expect(parseYear('năm nay', field('year')).ok).toBe(false);
    expect(parseYear('2022', field('year'))).toEqual({ ok: false, problem: { kind: 'out-of-range', min: 2023, max: 2030 } });
    expect(parseYear('2031', field('year')).ok).toBe(false);
  });
});

describe('text', () => {
  it('keeps the text and counts characters, not bytes', () => {
    expect(parseText('  Hội nghị phát động  ', field('activities'))).toEqual({ ok: true, value: 'Hội nghị phát động' });
    const exactly = 'ệ'.repeat(1500);
    expect(parseText(exactly, field('activities'))).toEqual({ ok: true, value: exactly });
  });
  it('says how long the text is and what the limit is', () => {
    expect(parseText('ệ'.repeat(1501), field('activities'))).toEqual({ ok: false, problem: { kind: 'too-long', length: 1501, max: 1500 } });
  });
  it('refuses emoji-only and too-short answers', () => {
    expect(parseText('👍👍', field('activities'))).toEqual({ ok: false, problem: { kind: 'invalid' } });
    expect(parseText('ab', field('activities'))).toEqual({ ok: false, problem: { kind: 'too-short', min: 3 } });
  });
  it('needs a letter: a bare count or punctuation is not a description or a name', () => {
    for (const t of ['123', '0', '1.000', '?!', '...', '"  "']) expect(parseText(t, field('activities'))).toEqual({ ok: false, problem: { kind: 'invalid' } });
    expect(parseText('3 hội nghị', field('activities'))).toEqual({ ok: true, value: '3 hội nghị' });
  });
});

describe('phones', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(0227) 383 1234', '+842273831234'],
    ['+84912345678', '+84912345678'],
    ['84-912-345-678', '+84912345678'],
    ['0084 912 345 678', '+84912345678'],
    ['(+84) 912 345 678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['０９１２３４５６７８', '+84912345678'],
    ['ĐT: 0912 345 678 (cơ quan)', '+84912345678'],
    ['0283 8123 456', '+842838123456'],
  ])('"%s" → %s', (text, e164) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: e164 });
  });
  it.each(['0123', '091234567', '09123456789', '0112345678', '1900 1234', '+1 202 555 0100', 'abc'])('"%s" is not a Vietnamese phone', (text) => {
    expect(parsePhone(text).ok).toBe(false);
  });
  it('refuses two numbers instead of keeping the first one silently', () => {
    for (const t of ['0912 345 678 hoặc 0987 654 321', '0912345678;0987654321', '0912 345 678, 0227 3831 234']) {
      expect(parsePhone(t)).toEqual({ ok: false, problem: { kind: 'several' } });
    }
  });
  it('shows a stored phone in the national format', () => {
    expect(formatPhone('+84912345678')).toBe('0912 345 678');
  });
});

describe('skip words', () => {
  it.each(['bỏ qua', 'bo qua', 'Bỏ qua', '-', '.', '...', '…', '–', '—', 'N/A'])('"%s" skips', (t) => expect(isSkipWord(t)).toBe(true));
  it.each(['0', 'không', 'bỏ', 'qua', '-3', '.5', 'xóa'])('"%s" does not skip', (t) => expect(isSkipWord(t)).toBe(false));
});
