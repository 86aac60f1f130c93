import { describe, expect, it } from 'vitest';
import { matchChoice } from '../../src/dialog/choices.js';
import { planOptions } from '../../src/dialog/plan-options.js';
import { realKnowledge } from './support.js';

const summary = [
  { id: 'form:ok', label: 'Xác nhận' },
  { id: 'form:edit', label: 'Sửa' },
  { id: 'form:cancel', label: 'Hủy' },
];

describe('matchChoice', () => {
  it('takes the id (button), the number, or the label typed with or without diacritics', () => {
    expect(matchChoice({ action: 'form:edit' }, summary)).toEqual({ kind: 'match', choice: summary[1] });
    expect(matchChoice({ text: 'form:cancel' }, summary)).toEqual({ kind: 'match', choice: summary[2] });
    expect(matchChoice({ text: '1' }, summary)).toEqual({ kind: 'match', choice: summary[0] });
    expect(matchChoice({ text: '3.' }, summary)).toEqual({ kind: 'match', choice: summary[2] });
    expect(matchChoice({ text: 'số 2' }, summary)).toEqual({ kind: 'match', choice: summary[1] });
    expect(matchChoice({ text: 'xac nhan' }, summary)).toEqual({ kind: 'match', choice: summary[0] });
    expect(matchChoice({ text: 'XÁC NHẬN' }, summary)).toEqual({ kind: 'match', choice: summary[0] });
    expect(matchChoice({ text: 'huỷ' }, summary)).toEqual({ kind: 'match', choice: summary[2] });
  });

  it('takes the number said as people say it: "cái thứ 2", "phương án thứ hai ạ", "chọn 3 nhé"', () => {
    expect(matchChoice({ text: 'cái thứ 2' }, summary)).toEqual({ kind: 'match', choice: summary[1] });
    expect(matchChoice({ text: 'cai thu 2' }, summary)).toEqual({ kind: 'match', choice: summary[1] });
    expect(matchChoice({ text: 'phương án thứ hai ạ' }, summary)).toEqual({ kind: 'match', choice: summary[1] });
    expect(matchChoice({ text: 'thứ ba' }, summary)).toEqual({ kind: 'match', choice: summary[2] });
    expect(matchChoice({ text: 'chọn 3 nhé' }, summary)).toEqual({ kind: 'match', choice: summary[2] });
    // A number word alone is no number: "hai" may be part of an answer.
    expect(matchChoice({ text: 'hai' }, summary, { whole: true }).kind).toBe('none');
  });

  it('refuses unknown ids, numbers out of range and unrelated text', () => {
    expect(matchChoice({ action: 'nope' }, summary).kind).toBe('none');
    expect(matchChoice({ text: '4' }, summary).kind).toBe('none');
    expect(matchChoice({ text: 'chào bạn' }, summary).kind).toBe('none');
    expect(matchChoice({ text: '1' }, summary, { numbers: false }).kind).toBe('none');
  });

  it('a negative answer never picks a positive choice ("không đồng ý" is not "đồng ý", "đừng" is not "đúng")', () => {
    const withAliases = [
      { id: 'form:ok', label: 'Gửi', aliases: ['dong y', 'dung', 'ok'] },
      { id: 'form:edit', label: 'Sửa' },
      { id: 'form:cancel', label: 'Hủy', aliases: ['khong gui'] },
    ];
    expect(matchChoice({ text: 'đồng ý' }, withAliases)).toEqual({ kind: 'match', choice: withAliases[0] });
    expect(matchChoice({ text: 'đúng' }, withAliases)).toEqual({ kind: 'match', choice: withAliases[0] });
    expect(matchChoice({ text: 'không đồng ý' }, withAliases).kind).toBe('none');
    expect(matchChoice({ text: 'khong ok' }, withAliases).kind).toBe('none');
    expect(matchChoice({ text: 'đừng' }, withAliases).kind).toBe('none');
    expect(matchChoice({ text: 'thôi không gửi nữa' }, withAliases)).toEqual({ kind: 'match', choice: withAliases[2] });
    // Without diacritics "dung" is "đúng" or "đừng": it picks by an exact name, never inside a longer answer.
    expect(matchChoice({ text: 'dung' }, withAliases)).toEqual({ kind: 'match', choice: withAliases[0] });
    expect(matchChoice({ text: 'dung gui' }, withAliases).kind).toBe('none');
    expect(matchChoice({ text: 'dung huy' }, withAliases).kind).toBe('none');
    expect(matchChoice({ text: 'đúng, gửi đi' }, withAliases)).toEqual({ kind: 'match', choice: withAliases[0] });
    const plans = planOptions(realKnowledge());
    expect(matchChoice({ text: 'không phải Củ Chi' }, plans).kind).toBe('none');
  });

  it('finds a plan by locality, number or issuer; says when a name fits several', () => {
    const plans = planOptions(realKnowledge());
    const pick = (text: string) => {
      const m = matchChoice({ text }, plans);
      return m.kind === 'match' ? m.choice.value : m.kind === 'ambiguous' ? m.candidates.map((c) => c.value) : undefined;
    };
    expect(pick('Củ Chi')).toBe('cu-chi');
    expect(pick('cu chi')).toBe('cu-chi');
    expect(pick('khanh hoa')).toBe('khanh-hoa');
    expect(pick('Khánh Hoà')).toBe('khanh-hoa');
    expect(pick('bac kan')).toBe('bac-kan-vp');
    expect(pick('KH 62')).toBe('thai-binh');
    expect(pick('62')).toBe('thai-binh');
    expect(pick('209/CDYT')).toBe('thai-binh-cdyt');
    expect(pick('công đoàn ngành y tế')).toBe('thai-binh-cdyt');
    expect(pick('huyện Củ Chi, TP.HCM')).toBe('cu-chi');
    expect(pick('Thái Bình')).toEqual(['thai-binh-cdyt', 'thai-binh']);
    expect(pick('Hà Nội')).toBeUndefined();
  });
});
