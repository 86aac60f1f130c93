/**
 * Checking candidates against the question: the question's profile (its content units and the kind of
 * answer it asks for) and how a candidate's words cover it. Questions written for these tests.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import { AnswerTypes, loadAnswerTypes } from '../../src/answers/answer-types.js';
import { checkCandidate, questionProfile } from '../../src/answers/check.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';

let engine: AnswerEngine;
let types: AnswerTypes;
beforeAll(() => {
  engine = createAnswerer(loadKnowledge());
  types = new AnswerTypes(loadAnswerTypes(), engine.analyzer.expander);
});
const profile = (q: string) => questionProfile(engine.analyzer.analyze(q), engine.corpus, types);
const unitWords = (q: string) => profile(q).units.map((u) => u.words.join(' '));

describe('diacritics as typed are evidence', () => {
  it('a word typed with its diacritics is covered only by that word, not by another of the same letters', () => {
    const p = profile('ấp văn hóa được khen thưởng ra sao');
    const terms = (text: string) => new Set(engine.corpus.terms(text));
    const withAp = 'Khen thưởng khu phố, ấp văn hóa tiêu biểu.';
    const withApDung = 'Khen thưởng áp dụng cho văn hóa tiêu biểu.';
    expect(checkCandidate(p, terms(withAp), new Set(), withAp, types).missing).not.toContain('ap');
    expect(checkCandidate(p, terms(withApDung), new Set(), withApDung, types).missing).toContain('ap');
  });

  it('a question word typed with other diacritics is another word: "văn bản nào" does not ask for a board', () => {
    expect(profile('ban nào lo việc tuyên truyền').expected?.type).toBe('agency');
    expect(profile('văn bản nào lo việc tuyên truyền').expected?.type).toBeUndefined();
    expect(unitWords('văn bản nào lo việc tuyên truyền')).toContain('van ban');
    // A tone no plan writes is a slip, not another word.
    expect(profile('số điên thoại liên hệ').expected?.type).toBe('phone');
  });

  it('typed without diacritics, either word covers it', () => {
    const p = profile('ap van hoa duoc khen thuong ra sao');
    const text = 'Khen thưởng áp dụng cho văn hóa tiêu biểu.';
    expect(checkCandidate(p, new Set(engine.corpus.terms(text)), new Set(), text, types).missing).not.toContain('ap');
  });
});

describe('question profile', () => {
  it('counts a compound the plans write once, and leaves places and polite words out', () => {
    const units = unitWords('cho em hỏi với ạ, kinh phí thực hiện ở Khánh Hòa');
    expect(units).toContain('kinh phi');
    expect(units).not.toContain('kinh');
    expect(units.join(' ')).not.toMatch(/khanh|hoa|\bem\b|hoi/);
  });

  it('pairs syllables by how strongly they go together, not left to right', () => {
    expect(unitWords('thời gian cuối cùng để gửi hồ sơ')).toEqual(expect.arrayContaining(['thoi gian', 'ho so']));
  });

  it('weighs a polite preamble little against the clause that asks', () => {
    const p = profile('bên mình là trường mầm non ở huyện, cho mình hỏi kinh phí lấy từ đâu');
    const weight = (w: string) => p.units.find((u) => u.words.join(' ') === w)?.weight ?? 0;
    expect(weight('kinh phi')).toBeGreaterThan(2 * weight('mam non'));
  });

  it('a clause that only says someone asks ("sếp đang hỏi gấp:") is a preamble, though "hỏi" asks', () => {
    const p = profile('lãnh đạo đang hỏi gấp: kinh phí lấy từ đâu');
    const weight = (w: string) => p.units.find((u) => u.words.join(' ') === w)?.weight ?? 0;
    expect(weight('kinh phi')).toBeGreaterThan(2 * weight('gap'));
  });

  it('weighs little a syllable typed without diacritics that reads as a question word or as another word', () => {
    // "dau": "đâu" (where) or "đầu" (head); "the": "thế" or "thể". Typed with diacritics, they weigh nothing.
    const p = profile('the ke hoach cua tay ninh can cu vao dau');
    const weight = (w: string) => p.units.find((u) => u.words.join(' ') === w)?.weight ?? 0;
    expect(weight('dau')).toBeGreaterThan(0);
    expect(weight('dau')).toBeLessThan(0.5 * engine.corpus.idf('dau'));
    expect(unitWords('thế kế hoạch của Tây Ninh căn cứ vào đâu')).not.toEqual(expect.arrayContaining(['dau']));
  });

  it('leaves out the words that only carry the question ("còn", "để")', () => {
    expect(unitWords('còn đơn vị nào thẩm định hồ sơ để khen thưởng')).toEqual(['tham dinh', 'ho so', 'khen thuong']);
    // Light phrases that overlap ("có mấy", "mấy nhóm") are both light: how many items, not a topic "nhóm".
    expect(unitWords('giải pháp thực hiện có mấy nhóm')).toEqual(['giai phap', 'thuc hien']);
  });

  it('"hội" of "xã hội" is not the polite "hỏi", even typed without diacritics', () => {
    const weighs = (q: string) => profile(q).units.find((u) => u.words.join(' ') === 'long ghep')?.weight ?? 0;
    expect(weighs('lồng ghép danh hiệu về xa hoi hoc tap với phong trào nào')).toBeCloseTo(weighs('lồng ghép danh hiệu với phong trào nào'), 5);
    expect(weighs('cho hỏi lồng ghép danh hiệu với phong trào nào')).toBeGreaterThan(1);
    // Typed without diacritics, "hoi" may be "hội": the question still starts after it.
    expect(weighs('cho hoi long ghep danh hieu voi phong trao nao')).toBeGreaterThan(1);
  });

  it('a compound the plans write is covered in any tone (an OCR slip: "lòng ghép")', () => {
    const p = profile('lồng ghép danh hiệu với phong trào nào');
    const text = 'Thực hiện lòng ghép các danh hiệu thi đua với phong trào văn hóa.';
    expect(checkCandidate(p, new Set(engine.corpus.terms(text)), new Set(), text, types).missing).not.toContain('long ghep');
  });

  it('a long clause about the asker weighs at most half of what is asked', () => {
    const p = profile('ai thẩm định hồ sơ, mình cần ghi vào tờ trình gửi lãnh đạo phòng và các đơn vị trực thuộc huyện');
    const asked = p.units.filter((u) => ['tham dinh', 'ho so'].includes(u.words.join(' '))).reduce((sum, u) => sum + u.weight, 0);
    expect(p.total - asked).toBeLessThanOrEqual(0.5 * asked + 1e-9);
    expect(p.total - asked).toBeGreaterThan(0);
  });

  it('reads the kind of answer from the question words', () => {
    expect(profile('bao giờ thì sơ kết').expected?.type).toBe('date');
    expect(profile('đơn vị nào thẩm định hồ sơ').expected?.type).toBe('agency');
    expect(profile('nộp hồ sơ khen thưởng hạn nào').expected?.type).toBe('date');
    expect(profile('mỗi suất Giấy khen được bao nhiêu tiền').expected).toMatchObject({ type: 'money', strict: true });
    expect(profile('được khen những hình thức nào').expected?.type).toBe('awards');
    expect(profile('kinh phí lấy từ nguồn nào').expected).toBeUndefined();
  });
});

describe('checking a candidate', () => {
  const check = (q: string, text: string) => {
    const p = profile(q);
    return checkCandidate(p, new Set(engine.corpus.terms(text)), new Set(), text, types);
  };

  it('covers a question whose words it holds, and says which it misses', () => {
    expect(check('kinh phí thực hiện phong trào', 'Kinh phí thực hiện Phong trào từ ngân sách').coverage).toBe(1);
    const partial = check('kinh phí thẩm định hồ sơ', 'Kinh phí từ ngân sách nhà nước');
    expect(partial.coverage).toBeLessThan(0.7);
    expect(partial.missing).toContain('tham dinh');
  });

  it('gives two syllables the plans never join little credit when found apart', () => {
    // "học" and "phí" are both the plans' words ("học tập", "kinh phí"), "học phí" never.
    const apart = check('học phí', 'Học tập suốt đời; kinh phí thực hiện').coverage;
    const together = check('học phí', 'Miễn học phí').coverage;
    expect(together).toBe(1);
    expect(apart).toBeLessThan(0.5);
  });

  it('two syllables the plans never join count as two words when one is what the candidate answers by being itself', () => {
    const p = profile('ký năm nào vậy');
    const card = 'Ngày ban hành: ngày 27 tháng 3 năm 2024. Người ký: Nguyễn Văn A.';
    const terms = new Set(engine.corpus.terms(card));
    const plain = checkCandidate(p, terms, new Set(), card, types).coverage;
    const asCard = checkCandidate(p, terms, new Set(['ky']), card, types).coverage;
    expect(asCard).toBeGreaterThan(plain);
    expect(asCard).toBeGreaterThanOrEqual(0.5);
  });

  it('reads a name only where the letters are capitals', () => {
    expect(types.fits('person', 'Người ký: Trần Thị Bích Hằng')).toBe(true);
    expect(types.fits('person', 'Đồng chí Nguyễn Văn A phụ trách')).toBe(true);
    expect(types.fits('person', 'giao phòng giáo dục và đào tạo chủ trì')).toBe(false);
    // Capitals alone are no name: "Giao Phòng Giáo dục" opens an item; a name starts with a family name.
    expect(types.fits('person', 'Giao Phòng Giáo dục và Đào tạo huyện')).toBe(false);
    expect(types.fits('person', 'Đào Văn Truyền')).toBe(true);
  });

  it('checks the shape of the asked kind', () => {
    expect(check('báo cáo khi nào', 'trước ngày 15 tháng 11 hằng năm').type).toBe(1);
    expect(check('báo cáo khi nào', 'gửi về Sở Nội vụ').type).toBe(-1);
    expect(check('thưởng bao nhiêu tiền', 'Bằng khen của Chủ tịch UBND tỉnh').type).toBe(-1);
    expect(check('kinh phí lấy ở đâu', 'ngân sách').type).toBe(0);
  });

  it('reads the shape of a body whose name starts or ends with a letter with diacritics', () => {
    // The data's "\\b" is a boundary of Vietnamese words: "Bộ", "Sở", "Ủy ban", "Hội" are bodies.
    expect(check('tổng kết theo hướng dẫn của ai', 'theo hướng dẫn của Bộ Giáo dục và Đào tạo').type).toBe(1);
    expect(check('ai thẩm định', 'Sở Nội vụ thẩm định').type).toBe(1);
    expect(check('ai chủ trì', 'Hội Khuyến học chủ trì').type).toBe(1);
    expect(check('ai chủ trì', 'bội số chung').type).toBe(-1);
    expect(check('kế hoạch áp dụng cho ai', 'Đối với cá nhân').type).toBe(1);
  });

  it('prefers a text that holds the question in one sentence to one that has its words here and there', () => {
    const sentences = (text: string) => text.split(/(?<=\.)\s+/u).map((t) => ({ text: t, terms: new Set(engine.corpus.terms(t)) }));
    const p = profile('tổng kết theo hướng dẫn của ai');
    const run = (text: string) => checkCandidate(p, new Set(engine.corpus.terms(text)), new Set(), text, types, text, undefined, sentences(text));
    const together = run('Tổng kết vào năm 2030 theo hướng dẫn của Bộ Giáo dục và Đào tạo.');
    const apart = run('Các sở tổng kết phong trào. Sở Nội vụ ban hành hướng dẫn khen thưởng.');
    expect(apart.coverage).toBeGreaterThan(0.8);
    expect(together.focus).toBe(1);
    expect(apart.focus).toBeLessThan(0.8);
  });
});

describe('the answer-types data file', () => {
  it('stops start-up with the file and the field when a shape is not a regular expression', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'types-')), 'answer-types.json');
    writeFileSync(file, JSON.stringify({ lightWords: [], askWords: ['gì'], types: [{ type: 'date', absent: 'ngày', cues: ['khi nào'], shapes: ['(unclosed'] }] }));
    expect(() => loadAnswerTypes(file)).toThrow(/answer-types\.json[\s\S]*shapes/);
  });
});

describe('a named body or award counts as one', () => {
  // The answerer asks its lexicon whether a candidate names the entity; here, its folded words in order,
  // a word or two apart at most (the light "và" of "Thông tin và Truyền thông" is not among them).
  const covers = (q: string, text: string) => {
    const p = profile(q);
    const folded = ` ${engine.corpus.terms(text).join(' ')} `;
    const inOrder = (words: readonly string[]) => new RegExp(` ${words.join('(?: \\S+){0,2} ')} `).test(folded);
    return checkCandidate(p, new Set(engine.corpus.terms(text)), new Set(), text, types, text, (e) => (inOrder(e.words) ? 'as-asked' : 'no')).coverage;
  };

  it('the question names it as one unit, not as its separate words', () => {
    const units = profile('sở thông tin và truyền thông được giao việc gì').units;
    const entity = units.find((u) => u.entity);
    expect(entity?.entity?.kind).toBe('agency');
    expect(units.some((u) => !u.entity && u.words.includes('truyen'))).toBe(false);
  });

  it('a text that writes its words apart covers it far less than one that names it', () => {
    const q = 'sở thông tin và truyền thông được giao việc gì';
    const named = 'Sở Thông tin và Truyền thông chủ trì hướng dẫn các cơ quan báo chí tuyên truyền, được giao việc này.';
    const apart = 'Các cơ quan báo chí đẩy mạnh công tác thông tin, tuyên truyền; sở phối hợp với đài truyền thông, được giao việc này.';
    expect(covers(q, named)).toBeGreaterThan(covers(q, apart) + 0.3);
  });
});

describe('spans of years and contrasts', () => {
  it('takes "2024 - 2030" as one period, weighed but not required', () => {
    const units = profile('giai đoạn 2024 - 2030 khen thưởng thế nào').units;
    const period = units.find((u) => u.entity?.kind === 'period');
    expect(period?.entity).toMatchObject({ key: '2024-2030', required: false });
    expect(units.map((u) => u.words.join(' '))).not.toContain('2024');
  });

  it('leaves out the words after "chứ không phải" to the end of their clause', () => {
    const words = unitWords('hạn nộp là tháng 11 chứ không phải tháng 12, đúng không');
    expect(words).toContain('han');
    expect(words).not.toContain('12');
  });
});

describe('dates the question writes', () => {
  it('reads "ngày 01/12" and "ngày 1 tháng 12" as the same day, and a bare pair of numbers as none', async () => {
    const { datesIn } = await import('../../src/answers/check.js');
    const keys = (q: string) => datesIn(engine.analyzer.analyze(q).repaired).map((d) => d.key);
    expect(keys('báo cáo trước ngày 01/12')).toEqual(['1/12']);
    expect(keys('hạn là ngày 1 tháng 12 phải không')).toEqual(['1/12']);
    expect(keys('mục 1 2 nói gì')).toEqual([]);
  });
});

describe('words that name, not ask', () => {
  it('a document noun before a place ("KH Tây Ninh", "kế hoạch của Củ Chi") is the plan\'s name, not a word to find in it', () => {
    expect(unitWords('KH Tây Ninh tổng kết theo hướng dẫn của ai')).toEqual(['tong ket', 'huong dan']);
    expect(unitWords('kế hoạch của Củ Chi có mấy giai đoạn')).not.toContain('ke hoach');
    // Elsewhere it is what is asked about: "kế hoạch hằng năm" of the units.
    expect(unitWords('đơn vị gửi kế hoạch hằng năm khi nào')).toContain('ke hoach');
  });

  it('a message\'s turn of topic ("chuyển chủ đề:", "bây giờ hỏi sang") weighs nothing', () => {
    expect(unitWords('Chuyển chủ đề: Bắc Kạn có tiêu chí cho cá nhân không')).toEqual(['tieu chi', 'ca nhan']);
    expect(unitWords('bay gio hoi sang tay ninh: kinh phi lay tu dau')).toEqual(['kinh phi']);
  });

  it('"anh" after "phan", typed bare, is the second half of "phản ánh"; after a greeting it is polite', () => {
    expect(unitWords('co vuong mac thi phan anh ve dau')).toContain('phan anh');
    expect(unitWords('chao anh, han bao cao khi nao')).not.toContain('anh');
  });
});
