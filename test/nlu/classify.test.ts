import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../src/nlu/intents.js';
import { analyzer } from './helpers.js';

const intentOf = (q: string) => analyzer().analyze(q).intent?.id;

describe('intent classification', () => {
  for (const intent of loadIntents()) {
    it(`classifies every example of "${intent.id}" as ${intent.id}`, () => {
      for (const example of intent.examples) expect(intentOf(example), example).toBe(intent.id);
    });
  }

  it('reads the intent before typo repair, so valid words are never "corrected" away', () => {
    expect(intentOf('han nop bao cao tay ninh')).toBe('deadlines');
    expect(analyzer().analyze('han nop bao cao tay ninh').repaired.slice(0, 2)).toEqual(['han', 'nop']);
  });

  it('falls back to the repaired words when the typed ones carry no intent (Telex)', () => {
    expect(intentOf('tieeu chis thi ddua khanh hoa')).toBe('criteria');
  });

  it('a keyword typed with other diacritics is another word ("đầu tiên" is no "tiền")', () => {
    expect(intentOf('ý đầu tiên của phần yêu cầu là gì')).not.toBe('funding');
    expect(intentOf('tiền thực hiện phong trào lấy ở đâu')).toBe('funding');
  });

  it('a keyword with a small word typed inside it still asks its intent, counted once', () => {
    expect(intentOf('công văn 209 được gửi đến những nơi nào')).toBe('document');
    const exact = analyzer().analyze('công văn 209 gửi những nơi nào').intent!;
    const loose = analyzer().analyze('công văn 209 gửi cho những nơi nào').intent!;
    expect(loose).toMatchObject({ id: 'document', score: exact.score });
  });

  it('a keyword with a body named inside it is the question\'s frame: its words count as the intent\'s, its weight once', () => {
    const a = analyzer().analyze('Khánh Hòa giao Sở Văn hóa, Thể thao và Du lịch làm gì');
    const r = a.ranked.find((x) => x.id === 'responsibilities')!;
    expect(r.phrases).toContain('giao lam gi');
    const plain = analyzer().analyze('Khánh Hòa Sở Văn hóa, Thể thao và Du lịch làm gì').ranked.find((x) => x.id === 'responsibilities')!;
    expect(r.score).toBe(plain.score);
  });

  it('lets a greeting yield to the real question around it', () => {
    expect(intentOf('chào bạn, cho hỏi hạn nộp báo cáo Tây Ninh')).toBe('deadlines');
    expect(intentOf('xin chào, bot trả lời được gì')).toBe('help');
  });

  it('finds no intent in text that is not a question about the plans', () => {
    expect(intentOf('giá vàng hôm nay')).toBeUndefined();
    expect(intentOf("'; DROP TABLE users; --")).toBeUndefined();
  });
});
