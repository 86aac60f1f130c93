/**
 * Scores the answerer on a question file and sorts every answer into one of four outcomes: correct,
 * confidently wrong (status "answer" but not right), asked back (clarify when it should not), not found
 * (when it should have answered). Shared by the benchmark and by `node --import tsx
 * test/answers/evaluate.ts FILE…`, which prints the figures and the failures of those files.
 */
import { pathToFileURL } from 'node:url';
import type { Answerer, AnswerResult } from '../../src/answers/types.js';
import { judge, loadQuestions, type Question } from './question-set.js';

export type Outcome = 'correct' | 'wrong' | 'asked' | 'not_found';

export interface Scored {
  question: Question;
  result: AnswerResult;
  outcome: Outcome;
  problems: string[];
}

export function outcomeOf(ok: boolean, r: AnswerResult): Outcome {
  if (ok) return 'correct';
  if (r.status === 'answer') return 'wrong';
  return r.status === 'clarify' ? 'asked' : 'not_found';
}

export function scoreQuestions(answerer: Answerer, questions: readonly Question[]): Scored[] {
  return questions.map((question) => {
    const result = answerer.answer({ text: question.q, planId: question.planId });
    const v = judge(question, result);
    return { question, result, outcome: outcomeOf(v.ok, result), problems: v.problems };
  });
}

export interface Tally {
  total: number;
  correct: number;
  wrong: number;
  asked: number;
  not_found: number;
}

export function tally(scored: readonly Scored[]): Tally {
  const t: Tally = { total: scored.length, correct: 0, wrong: 0, asked: 0, not_found: 0 };
  for (const s of scored) t[s.outcome]++;
  return t;
}

/** The style figures of a set: mean words, share with 14 words or more, share touching two topics. */
export function styleOf(questions: readonly Question[]): { words: number; long: number; twoTopics: number } {
  const n = questions.length || 1;
  const counts = questions.map((q) => q.q.split(/\s+/).filter(Boolean).length);
  return {
    words: counts.reduce((a, b) => a + b, 0) / n,
    long: counts.filter((c) => c >= 14).length / n,
    twoTopics: questions.filter((q) => q.tags.includes('two-topics')).length / n,
  };
}

async function main(files: string[]): Promise<void> {
  const { createAnswerer } = await import('../../src/answers/answerer.js');
  const { loadKnowledge } = await import('../../src/knowledge/loader.js');
  const answerer = createAnswerer(loadKnowledge());
  for (const file of files) {
    const scored = scoreQuestions(answerer, loadQuestions(file));
    const t = tally(scored);
    const pct = (x: number) => `${x} (${((100 * x) / t.total).toFixed(1)} %)`;
    console.log(`${file}: ${t.total} questions — correct ${pct(t.correct)}, confidently wrong ${pct(t.wrong)}, asked back ${pct(t.asked)}, not found ${pct(t.not_found)}`);
    for (const s of scored.filter((x) => x.outcome !== 'correct')) {
      console.log(`  [${s.outcome}] ${s.question.q}\n      ${s.problems.join('; ')} | intent ${s.result.intent} | ${s.result.sources.map((x) => `${x.plan}#${x.section}`).join(' ')}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
