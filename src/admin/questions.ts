/**
 * The questions the bot could not answer outright (`not_found`) or had to ask back about (`clarify`),
 * grouped by their folded text so "Thời tiết?" and "thoi tiet" count as one, with counts, the most
 * asked first: that is the list of what the plans leave unanswered, in order of need.
 */
import type { ChannelName } from '../config.js';
import { loadIntents } from '../nlu/intents.js';
import type { LoggedQuestion } from '../store/question-log.js';
import { fold, foldDiacritics } from '../text/normalize.js';
import { exportTexts } from './texts.js';

export interface QuestionGroup {
  /** The folded text shared by the group. */
  key: string;
  /** The wording shown for the group (see `representative`). */
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

/**
 * The wording an admin reads best among those of a group: with diacritics over without, not in capitals
 * over shouting, then the most frequent, then the most recent.
 */
function representative(wordings: Map<string, { count: number; last: number }>): string {
  const rank = (text: string) => {
    const w = wordings.get(text)!;
    const letters = text.replace(/[^\p{L}]/gu, '');
    return [text.toLowerCase() !== foldDiacritics(text) ? 1 : 0, letters !== letters.toUpperCase() || letters === '' ? 1 : 0, w.count, w.last];
  };
  return [...wordings.keys()].reduce((best, text) => {
    const a = rank(text);
    const b = rank(best);
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && a[i]! > b[i]! ? text : best;
  });
}

/** Groups logged questions (any order); the result has the most asked first, then the most recently asked. */
export function groupQuestions(questions: readonly LoggedQuestion[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  const wordings = new Map<string, Map<string, { count: number; last: number }>>();
  for (const q of questions) {
    const key = questionKey(q.text) || q.text.trim();
    const at = new Date(q.askedAt);
    let g = groups.get(key);
    if (!g) {
      g = { key, text: q.text, count: 0, notFound: 0, clarify: 0, firstAskedAt: at, lastAskedAt: at, intents: [], planIds: [], channels: [] };
      groups.set(key, g);
      wordings.set(key, new Map());
    }
    g.count++;
    if (q.status === 'not_found') g.notFound++;
    else g.clarify++;
    if (at >= g.lastAskedAt) g.lastAskedAt = at;
    if (at < g.firstAskedAt) g.firstAskedAt = at;
    if (!g.intents.includes(q.intent)) g.intents.push(q.intent);
    if (q.planId && !g.planIds.includes(q.planId)) g.planIds.push(q.planId);
    if (!g.channels.includes(q.channel)) g.channels.push(q.channel);
    const wording = q.text.trim().replace(/\s+/g, ' ');
    const w = wordings.get(key)!.get(wording) ?? { count: 0, last: 0 };
    wordings.get(key)!.set(wording, { count: w.count + 1, last: Math.max(w.last, at.getTime()) });
  }
  for (const g of groups.values()) g.text = representative(wordings.get(g.key)!);
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime());
}

let intentTitles: Map<string, string> | undefined;

/** The Vietnamese title of an intent id ("deadlines" → "Hạn báo cáo và các mốc thời gian"), from intents/. */
export function intentTitle(id: string): string {
  intentTitles ??= new Map(loadIntents().map((i) => [i.id, i.title]));
  return intentTitles.get(id) ?? (id === 'unknown' ? exportTexts.questions.unknownIntent : id);
}
