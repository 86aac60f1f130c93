/**
 * Scores whole conversations: each dialog of a file is typed, turn by turn, by a new user of a real core
 * (real answerer, a fresh database), and each turn is judged as a question of the answer sets is, on
 * what the user sees (status, plans cited, facts present, plans offered). A `reply` turn (small talk)
 * must get a short reply that is no answer and is not logged as unanswered. Shared by the benchmark
 * and by `node --import tsx test/dialog/evaluate-dialogs.ts FILE…`, which prints figures and failures.
 */
import { pathToFileURL } from 'node:url';
import type { AnswerResult, Answerer } from '../../src/answers/types.js';
import type { Outbound } from '../../src/dialog/types.js';
import { z } from 'zod';
import { judge, questionSchema, readJsonlChecked, type Question } from '../answers/question-set.js';
import { ChatUser, harness } from './support.js';

export interface DialogTurn {
  q: string;
  status: AnswerResult['status'] | 'reply';
  plans?: string[];
  must?: string[];
  sections?: string[];
  options?: string[];
}

export interface Dialog {
  id: string;
  turns: DialogTurn[];
  tags: string[];
  set?: string;
  batch?: number;
}

export interface ScoredTurn {
  dialog: string;
  turn: DialogTurn;
  ok: boolean;
  problems: string[];
  seen: string;
}

/** Small talk gets one short message (the bound: about 200 characters). */
export const SMALL_TALK_MAX_CHARS = 220;

const dialogSchema = z.object({
  id: z.string(),
  turns: z.array(questionSchema.pick({ q: true, status: true, plans: true, must: true, sections: true, options: true })).min(1),
  tags: z.array(z.string()),
  set: z.string().optional(),
  batch: z.number().int().optional(),
});

export function loadDialogs(file: string): Dialog[] {
  return readJsonlChecked(file, dialogSchema);
}

/** The turn as an answer result, from what the core sent: the first message that answers, all texts joined. */
function asResult(replies: readonly Outbound[]): AnswerResult & { isReply: boolean } {
  const meta = replies.find((r) => r.answer)?.answer;
  const text = replies.map((r) => [r.text, ...(r.choices ?? []).map((c) => c.label)].join('\n')).join('\n\n');
  if (!meta || meta.status === 'reply') return { status: 'not_found', intent: 'reply', text, sources: [], isReply: true };
  return { status: meta.status, intent: meta.intent, text, sources: meta.sources, ...(meta.options ? { options: meta.options } : {}), isReply: false };
}

export function judgeTurn(turn: DialogTurn, replies: readonly Outbound[]): { ok: boolean; problems: string[] } {
  const r = asResult(replies);
  if (turn.status === 'reply') {
    const problems: string[] = [];
    if (!r.isReply) problems.push(`status ${r.status}, expected reply`);
    if (r.text.length > SMALL_TALK_MAX_CHARS) problems.push(`reply of ${r.text.length} characters`);
    return { ok: problems.length === 0, problems };
  }
  if (r.isReply) return { ok: false, problems: ['a reply, expected an answer to the question'] };
  const v = judge({ ...turn, status: turn.status, tags: [], set: 'heldout' } as Question, r);
  return v;
}

export async function scoreDialogs(answerer: Answerer, dialogs: readonly Dialog[]): Promise<ScoredTurn[]> {
  const h = harness({ answerer });
  try {
    const out: ScoredTurn[] = [];
    for (const d of dialogs) {
      const user = new ChatUser(h, `dialog-${d.id}`);
      for (const turn of d.turns) {
        const replies = await user.say(turn.q);
        const v = judgeTurn(turn, replies);
        out.push({ dialog: d.id, turn, ...v, seen: replies.map((r) => r.text).join('\n\n') });
      }
    }
    return out;
  } finally {
    h.cleanup();
  }
}

export function dialogFigures(scored: readonly ScoredTurn[]): { turns: number; turnsRight: number; dialogs: number; dialogsRight: number; followUps: number; followUpsRight: number } {
  const byDialog = new Map<string, ScoredTurn[]>();
  for (const s of scored) byDialog.set(s.dialog, [...(byDialog.get(s.dialog) ?? []), s]);
  const followUps = [...byDialog.values()].flatMap((ts) => ts.slice(1));
  return {
    turns: scored.length,
    turnsRight: scored.filter((s) => s.ok).length,
    dialogs: byDialog.size,
    dialogsRight: [...byDialog.values()].filter((ts) => ts.every((t) => t.ok)).length,
    followUps: followUps.length,
    followUpsRight: followUps.filter((s) => s.ok).length,
  };
}

async function main(files: string[]): Promise<void> {
  const { createAnswerer } = await import('../../src/answers/answerer.js');
  const { realKnowledge } = await import('./support.js');
  const answerer = createAnswerer(realKnowledge());
  for (const file of files) {
    const scored = await scoreDialogs(answerer, loadDialogs(file));
    const f = dialogFigures(scored);
    const pct = (x: number, n: number) => `${x}/${n} (${((100 * x) / (n || 1)).toFixed(1)} %)`;
    console.log(`${file}: turns right ${pct(f.turnsRight, f.turns)}, follow-ups right ${pct(f.followUpsRight, f.followUps)}, dialogs fully right ${pct(f.dialogsRight, f.dialogs)}`);
    for (const s of scored.filter((x) => !x.ok)) {
      console.log(`  [${s.dialog}] ${s.turn.q}\n      ${s.problems.join('; ')}\n      saw: ${s.seen.slice(0, 160).replace(/\n/g, ' ⏎ ')}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
