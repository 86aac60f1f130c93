import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer, type AnswerEngine } from '../../src/answers/answerer.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { judge, loadQuestions, type Question } from './question-set.js';

const questions = loadQuestions();
let answerer: AnswerEngine;

beforeAll(() => {
  answerer = createAnswerer(loadKnowledge());
});

function score(set: Question[]) {
  const failures: string[] = [];
  for (const q of set) {
    const verdict = judge(q, answerer.answer({ text: q.q, planId: q.planId }));
    if (!verdict.ok) failures.push(`${JSON.stringify(q.q)}: ${verdict.problems.join('; ')}`);
  }
  return { correct: set.length - failures.length, total: set.length, failures };
}

describe('question set (test/fixtures/questions.jsonl)', () => {
  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const noDiacritics = questions.filter((q) => q.tags.includes('no-diacritics')).length;
    expect(noDiacritics / questions.length).toBeGreaterThanOrEqual(0.4);
    for (const plan of ['thai-binh', 'thai-binh-cdyt', 'bac-kan-vp', 'cu-chi', 'tay-ninh', 'khanh-hoa']) {
      expect(questions.some((q) => q.plans?.includes(plan)), plan).toBe(true);
    }
    for (const status of ['answer', 'clarify', 'not_found'] as const) {
      expect(questions.some((q) => q.status === status), status).toBe(true);
    }
    for (const tag of ['cross-plan', 'ambiguous', 'out-of-scope', 'typo', 'abbreviation', 'chatty', 'short', 'bad-input']) {
      expect(questions.some((q) => q.tags.includes(tag)), tag).toBe(true);
    }
  });

  for (const set of ['dev', 'heldout'] as const) {
    it(`answers at least 95 % of the ${set} questions correctly`, () => {
      const subset = questions.filter((q) => q.set === set);
      if (subset.length === 0) return;
      const { correct, total, failures } = score(subset);
      if (failures.length) console.log(`${set}: ${correct}/${total}\n${failures.join('\n')}`);
      expect(correct / total).toBeGreaterThanOrEqual(0.95);
    });
  }
});
