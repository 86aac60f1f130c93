import { describe, expect, it } from 'vitest';
import { ConversationReader, loadConversationData } from '../../src/nlu/conversation.js';
import { loadGlossary } from '../../src/nlu/glossary.js';
import { analyzer, sourceWords } from './helpers.js';

const glossary = loadGlossary();
const planWords = sourceWords();
const reader = new ConversationReader(loadConversationData(), analyzer().expander, glossary.questionWords, (w) => planWords.has(w));
const talk = (text: string) => reader.smallTalk(analyzer().analyze(text).tokens);
const PLAN_NUMBERS = new Set(['62', '209', '1792']);
const follow = (prev: string, cur: string) => reader.followUp(analyzer().analyze(cur), analyzer().analyze(prev), (n) => PLAN_NUMBERS.has(n));

describe('small talk', () => {
  it('reads greetings, thanks, acknowledgements, "alo", "who are you" and goodbyes, typed any way', () => {
    expect(talk('Chào bạn!')).toBe('greeting');
    expect(talk('xin chao bot a')).toBe('greeting');
    expect(talk('cam on ban nhieu nhe')).toBe('thanks');
    expect(talk('Cảm ơn ạ')).toBe('thanks');
    expect(talk('ok')).toBe('ack');
    expect(talk('vâng')).toBe('ack');
    expect(talk('alo')).toBe('presence');
    expect(talk('bot ơi có ai không')).toBe('presence');
    expect(talk('bạn là ai vậy')).toBe('identity');
    expect(talk('tạm biệt nhé')).toBe('bye');
  });

  it('one slip in a filler word keeps it small talk; a word of the plans does not', () => {
    expect(talk('cam on ban nhiu')).toBe('thanks');
    expect(talk('chào bot nhé nhe')).toBe('greeting');
    expect(talk('cảm ơn, kinh phí')).toBeUndefined();
    expect(talk('ok xyz')).toBeUndefined(); // two words: too little said to tell a slip from a question
  });

  it('a bare number with nothing to pick is stray, not a question', () => {
    expect(talk('2')).toBe('stray');
    expect(talk('12')).toBe('stray');
  });

  it('never swallows a question that comes with the greeting', () => {
    expect(talk('chào bạn, hạn báo cáo của Tây Ninh là khi nào')).toBeUndefined();
    expect(talk('cảm ơn, còn kinh phí thì sao')).toBeUndefined();
    expect(talk('ok vậy tiêu chí cấp xã')).toBeUndefined();
    expect(talk('2025')).toBeUndefined(); // a year may be a follow-up ("2025" after a question on the sơ kết)
    expect(talk('năm 2025')).toBeUndefined();
  });
});

describe('follow-ups', () => {
  it('a place alone (with lean words) keeps the topic and changes the plan', () => {
    const f = follow('hạn nộp báo cáo ở Củ Chi là ngày nào', 'thế còn Khánh Hòa thì sao?');
    expect(f.kind).toBe('topic');
    if (f.kind !== 'topic') return;
    expect(f.text).toContain('hạn nộp báo cáo');
    expect(f.text).toContain('khánh hòa');
    expect(f.text).not.toContain('củ chi');
  });

  it('a plan number alone is a plan too ("KH 1792"), a cited document is not', () => {
    expect(follow('ai ký kế hoạch của Tây Ninh', 'KH 1792').kind).toBe('topic');
  });

  it('a target group, a phase or a year replaces the one of the previous question', () => {
    const group = follow('tiêu chí thi đua cấp xã của Tây Ninh', 'còn cấp huyện?');
    expect(group.kind === 'topic' && group.text).toMatch(/tiêu chí thi đua .*cấp huyện/);
    expect(group.kind === 'topic' && group.text).not.toMatch(/cấp xã/);
    const phase = follow('Thái Bình sơ kết vào năm nào', 'vậy tổng kết thì sao');
    expect(phase.kind === 'topic' && phase.text).toMatch(/tổng kết/);
    expect(phase.kind === 'topic' && phase.text).not.toMatch(/sơ kết/);
  });

  it('an ordinal asks into the previous answer; it does not stay for the next one', () => {
    const first = follow('giải pháp thực hiện của Bắc Kạn', 'ý thứ 3');
    expect(first.kind === 'topic' && first.text).toMatch(/giải pháp thực hiện .*thứ 3/);
    // With "là gì" it asks what the item says: the previous answer, at that item.
    expect(follow('giải pháp thực hiện của Bắc Kạn', 'ý cuối là gì').kind).toBe('detail');
    const next = follow('giải pháp thực hiện của Bắc Kạn ý thứ 3', 'còn Tây Ninh');
    expect(next.kind === 'topic' && next.text).not.toMatch(/thứ 3/);
  });

  it('"nói rõ hơn" and the like ask for the previous answer in full', () => {
    expect(follow('ai chủ trì ở Củ Chi', 'nói rõ hơn được không').kind).toBe('detail');
    expect(follow('ai chủ trì ở Củ Chi', 'trích nguyên văn giúp em').kind).toBe('detail');
  });

  it('words of its own make a new topic; it takes the previous plan only when it names none', () => {
    const own = follow('hạn nộp báo cáo ở Củ Chi', 'thế còn kinh phí thì sao');
    expect(own).toEqual({ kind: 'plan', text: 'kinh phí' });
    expect(follow('hạn nộp báo cáo ở Củ Chi', 'kinh phí của Tây Ninh lấy từ đâu').kind).toBe('new');
    expect(follow('hạn nộp báo cáo ở Củ Chi', 'tỉnh nào có Bằng khen của Thủ tướng').kind).toBe('new');
  });
});
