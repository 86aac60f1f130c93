/**
 * The question set (test/fixtures/questions.jsonl) and how an answer is judged against it: expected
 * status, the plans (and sections) cited in `sources`, facts the visible answer must (or must not)
 * contain after folding both sides, and the plans a clarification must offer. Shared by the test and
 * the benchmark.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AnswerResult } from '../../src/answers/types.js';
import { fold } from '../../src/text/normalize.js';

export const QUESTIONS_FILE = fileURLToPath(new URL('../fixtures/questions.jsonl', import.meta.url));

export interface Question {
  q: string;
  status: AnswerResult['status'];
  /** The asker's registered plan, when the question relies on it. */
  planId?: string;
  /** Exactly the plans cited in `sources` (answers only). */
  plans?: string[];
  /** Sections that must be among `sources` (or a subsection of each). */
  sections?: string[];
  /** Facts the answer text must contain (compared folded). */
  must?: string[];
  /** Text the answer must not contain (compared folded). */
  not?: string[];
  /** Facts of a long answer that one of its parts must hold when it is sent as an overview (else the answer). */
  inParts?: string[];
  /** Plans a clarification must offer. */
  options?: string[];
  tags: string[];
  /** "dev": written while building; "heldout": written by someone who had not read the code, run once before it shaped anything. */
  set: 'dev' | 'heldout';
  /** Held-out questions come in batches, each written after the fixes prompted by the one before. */
  batch?: number;
}

/** One JSON object per non-empty line; a line that does not parse names the file and the line. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

const strings = z.array(z.string().min(1));
/** A question line as written by hand or by a helper: a malformed field ("sections": "V.1") fails the load, never the score. */
export const questionSchema = z.object({
  q: z.string(),
  status: z.enum(['answer', 'clarify', 'not_found', 'reply']),
  planId: z.string().optional(),
  plans: strings.optional(),
  sections: strings.optional(),
  must: strings.optional(),
  not: strings.optional(),
  inParts: strings.optional(),
  options: strings.optional(),
  tags: strings,
  set: z.enum(['dev', 'heldout']),
  batch: z.number().int().optional(),
});

/** The lines of a JSONL file, each checked against the schema; a bad line names the file, the line and the field. */
export function readJsonlChecked<T>(file: string, schema: z.ZodType<T>): T[] {
  return readJsonl<unknown>(file).map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

export function loadQuestions(file = QUESTIONS_FILE): Question[] {
  return readJsonlChecked(file, questionSchema) as Question[];
}

export interface Verdict {
  ok: boolean;
  problems: string[];
}

export function judge(q: Question, r: AnswerResult): Verdict {
  const problems: string[] = [];
  if (r.status !== q.status) problems.push(`status ${r.status}, expected ${q.status}`);
  const cited = [...new Set(r.sources.map((s) => s.plan))].sort();
  if (q.plans && q.status === 'answer') {
    const want = [...q.plans].sort();
    if (cited.join(',') !== want.join(',')) problems.push(`plans [${cited.join(', ')}], expected [${want.join(', ')}]`);
  }
  // A cited subsection of the expected section counts: "III.2.b" answers a question about "III.2".
  for (const s of q.sections ?? []) {
    if (!r.sources.some((src) => src.section === s || src.section.startsWith(`${s}.`))) problems.push(`section ${s} not cited`);
  }
  const text = ` ${fold(r.text)} `;
  for (const m of q.must ?? []) if (!text.includes(` ${fold(m)} `)) problems.push(`missing "${m}"`);
  for (const m of q.not ?? []) if (text.includes(` ${fold(m)} `)) problems.push(`should not contain "${m}"`);
  // Sent whole (no overview), the answer itself must hold them.
  const parts = r.parts?.length ? r.parts.map((p) => ` ${fold(p.text)} `) : [text];
  for (const m of q.inParts ?? []) if (!parts.some((p) => p.includes(` ${fold(m)} `))) problems.push(`no part holds "${m}"`);
  if (q.options) {
    const offered = new Set((r.options ?? []).map((o) => o.planId));
    for (const p of q.options) if (!offered.has(p)) problems.push(`option ${p} not offered`);
  }
  return { ok: problems.length === 0, problems };
}
