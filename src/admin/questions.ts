/**
 * The questions the bot could not answer outright (`not_found`) or had to ask back about (`clarify`),
 * grouped by their folded text so "Thời tiết?" and "thoi tiet" count as one, with counts, newest first.
 */
import type { ChannelName } from '../config.js';
import type { LoggedQuestion } from '../store/question-log.js';
import { fold } from '../text/normalize.js';

export interface QuestionGroup {
  /** The folded text shared by the group. */
  key: string;
  /** The wording of the most recent time it was asked. */
  text: string;
  count: number;
  notFound: number;
  clarify: number;
  firstAskedAt: Date;
  lastAskedAt: Date;
  intents: string[];
  planIds: string[];
  channels: ChannelName[];
}

export function questionKey(text: string): string {
  return fold(text);
}

/** Groups logged questions (any order); the result is ordered by the latest time asked, newest first. */
export function groupQuestions(questions: readonly LoggedQuestion[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const q of questions) {
    const key = questionKey(q.text) || q.text.trim();
    const at = new Date(q.askedAt);
    let g = groups.get(key);
    if (!g) {
      g = { key, text: q.text, count: 0, notFound: 0, clarify: 0, firstAskedAt: at, lastAskedAt: at, intents: [], planIds: [], channels: [] };
      groups.set(key, g);
    }
    g.count++;
    if (q.status === 'not_found') g.notFound++;
    else g.clarify++;
    if (at >= g.lastAskedAt) {
      g.lastAskedAt = at;
      g.text = q.text;
    }
    if (at < g.firstAskedAt) g.firstAskedAt = at;
    if (!g.intents.includes(q.intent)) g.intents.push(q.intent);
    if (q.planId && !g.planIds.includes(q.planId)) g.planIds.push(q.planId);
    if (!g.channels.includes(q.channel)) g.channels.push(q.channel);
  }
  return [...groups.values()].sort((a, b) => b.lastAskedAt.getTime() - a.lastAskedAt.getTime() || b.count - a.count);
}
