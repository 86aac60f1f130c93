/**
 * CLI: `ask [--json] [--plan ID] "<question>"` and `ask --batch FILE`. One answer per question, exactly as
 * a user would see it; `--json` prints one object per question:
 * {"status","intent","answer","sources":[{"plan","section"}],"why"} (`why`: the candidates and their scores). No database needed. Only answers go to
 * stdout (logs and errors go to stderr), so the output can be piped.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { loadKnowledge } from '../knowledge/loader.js';
import { createAnswerer } from './answerer.js';
import type { AnswerResult } from './types.js';

interface AskOptions {
  json?: boolean;
  batch?: string;
  plan?: string;
}

/**
 * The JSON shape of the CLI contract (DESIGN.md). `answer` is the text exactly as the console shows it,
 * so a clarification carries its numbered choices (its text says "chọn một kế hoạch dưới đây").
 */
export function toJson(r: AnswerResult): string {
  return JSON.stringify({ status: r.status, intent: r.intent, answer: toText(r), sources: r.sources, ...(r.why ? { why: r.why } : {}) });
}

/** Plain text: the answer, then the choices of a clarification as a numbered list. */
export function toText(r: AnswerResult): string {
  if (!r.options?.length) return r.text;
  return `${r.text}\n${r.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`;
}

/** Lines of a batch file; a final newline does not make an extra (empty) question. */
export function batchQuestions(content: string): string[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function registerAskCommands(program: Command): void {
  program
    .command('ask')
    .description('Trả lời một câu hỏi về các kế hoạch (không cần cơ sở dữ liệu)')
    .argument('[question...]', 'câu hỏi')
    .option('--json', 'in một đối tượng JSON {"status","intent","answer","sources"} cho mỗi câu hỏi')
    .option('--batch <file>', 'đọc mỗi dòng của tệp là một câu hỏi, trả lời theo đúng thứ tự')
    .option('--plan <id>', 'kế hoạch của người hỏi, dùng khi câu hỏi không nêu địa phương')
    .action((words: string[], opts: AskOptions) => {
      const config = loadConfig();
      const knowledge = loadKnowledge();
      if (opts.plan && !knowledge.plan(opts.plan)) {
        throw new Error(`Unknown plan "${opts.plan}". Known: ${knowledge.plans.map((p) => p.id).join(', ')}`);
      }
      const answerer = createAnswerer(knowledge, { maxInputChars: config.maxInputChars });
      const questions = opts.batch ? batchQuestions(readFileSync(opts.batch, 'utf8')) : [words.join(' ')];
      const outputs = questions.map((q) => answerer.answer({ text: q, planId: opts.plan }));
      if (opts.json) process.stdout.write(outputs.map((r) => `${toJson(r)}\n`).join(''));
      else process.stdout.write(`${outputs.map(toText).join('\n\n')}\n`);
    });
}
