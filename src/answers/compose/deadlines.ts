/**
 * Hạn và mốc thời gian: the dates first, on one line ("Hạn và mốc thời gian (Tây Ninh): trước ngày 01/12
 * hằng năm."), then each deadline's sentence quoted under what it is and its date. Which deadlines: the kind the question asks for (báo cáo / kế hoạch / sơ kết / tổng
 * kết), else the reports. When the plan sets no date, say so and quote what it does say.
 */
import type { Deadline } from '../../knowledge/schema.js';
import { findSection, sectionNumber } from '../../knowledge/sections.js';
import { deadlineLine, placeOf, quote } from '../format.js';
import { notStated } from '../messages.js';
import { asks, inFilter, type ComposeContext, type PlanAnswer } from './context.js';

type Want = 'report' | 'plan' | 'so-ket' | 'tong-ket' | 'any';

function wanted(ctx: ComposeContext): Want {
  if (asks(ctx, 'so ket')) return 'so-ket';
  if (asks(ctx, 'tong ket')) return 'tong-ket';
  if (asks(ctx, 'bao cao')) return 'report';
  if (asks(ctx, 'ke hoach') && !asks(ctx, 'ke hoach nay') && (asks(ctx, 'xay dung') || asks(ctx, 'gui') || asks(ctx, 'nop') || asks(ctx, 'lap'))) return 'plan';
  return 'any';
}

function matches(ctx: ComposeContext, d: Deadline, want: Want): boolean {
  const what = ctx.lexicon.folded(d.what);
  switch (want) {
    case 'report':
      return d.kind === 'report';
    case 'plan':
      return d.kind === 'plan';
    case 'so-ket':
      return d.kind === 'review' && what.includes('so ket');
    case 'tong-ket':
      return d.kind === 'review' && what.includes('tong ket');
    case 'any':
      return true;
  }
}

function inYear(d: Deadline, year: number): boolean {
  const w = d.when;
  if (w.type === 'yearly') return true;
  if (w.type === 'date') return w.date.startsWith(String(year));
  return w.year === year;
}

/** The sentence of a passage that best matches the question (for plans that name no date). */
function bestSentence(ctx: ComposeContext, text: string, about?: RegExp): { sentence: string; score: number } | undefined {
  const sentences = text.split(/(?<=[.;:])\s+|\n+/).filter((s) => s.trim().length > 0 && (!about || about.test(s)));
  let best: { sentence: string; score: number } | undefined;
  for (const s of sentences) {
    const score = ctx.corpus.overlap(s, ctx.analysis.terms);
    if (!best || score > best.score) best = { sentence: s.trim(), score };
  }
  return best;
}

/** A sentence about reporting, as the plans write it. */
const REPORTING = /báo cáo/iu;

/**
 * A question about a dated event that is not one of the plan's deadlines ("Tuần lễ hưởng ứng học tập
 * suốt đời vào tháng mấy"): the sentence of the plan that matches the question's topic much better
 * than any deadline does.
 */
function topicSentence(ctx: ComposeContext, deadlines: readonly Deadline[]): PlanAnswer | null {
  if (ctx.topic.length === 0) return null;
  // The passage ranking weighs headings; a heading full of common words ("Cộng đồng học tập… đơn vị
  // học tập") can outrank the passage holding the rare words asked about ("Tuần lễ"). So the best
  // sentence of the first few passages wins, by the rarity of the words it shares with the question.
  const topicCtx = { ...ctx, analysis: { ...ctx.analysis, terms: ctx.topic } };
  let found: { sentence: string; section: string; score: number } | undefined;
  for (const hit of ctx.corpus.search(ctx.topic, { plans: [ctx.plan.id], limit: TOPIC_PASSAGES })) {
    const best = bestSentence(topicCtx, hit.passage.node.text);
    if (best && (!found || best.score > found.score)) found = { ...best, section: hit.passage.sectionId };
  }
  if (!found) return null;
  const best = Math.max(0, ...deadlines.map((d) => ctx.corpus.overlap(d.quote, ctx.topic)));
  if (found.score < TOPIC_MIN_SCORE || found.score < TOPIC_MARGIN * best) return null;
  const head = ctx.mode === 'single' ? `${placeOf(ctx.plan)}:\n` : '';
  return { text: `${head}${quote([found.sentence])}`, sections: [found.section] };
}

/** How well a deadline matches the question's topic; its recipient counts twice (see below). */
function topicScore(ctx: ComposeContext, d: Deadline): number {
  return ctx.corpus.overlap(`${d.what}\n${d.to ?? ''}\n${d.quote}`, ctx.topic) + ctx.corpus.overlap(d.to ?? '', ctx.topic);
}

/** A deadline that is not a report and that the question's words point at far better than at any report. */
function namedMilestone(ctx: ComposeContext, list: readonly Deadline[]): Deadline | undefined {
  if (ctx.topic.length === 0) return undefined;
  const scored = list.map((d) => ({ d, score: topicScore(ctx, d) }));
  const bestReport = Math.max(0, ...scored.filter((x) => x.d.kind === 'report').map((x) => x.score));
  const best = scored.filter((x) => x.d.kind !== 'report').sort((a, b) => b.score - a.score)[0];
  return best && best.score >= TOPIC_MIN_SCORE && best.score >= TOPIC_MARGIN * bestReport ? best.d : undefined;
}

/** "Hạn: trước ngày 30/11 hằng năm." → "trước ngày 30/11 hằng năm"; "Thời điểm: năm 2030." → "năm 2030". */
function factOf(line: string): string {
  return line.replace(/^(Hạn|Thời điểm):\s*/, '').replace(/\.$/, '');
}

/** Words that ask where a report goes rather than when. */
const WHERE = ['ve dau', 'o dau', 'gui cho', 'gui ve', 'noi nao', 'co quan nao', 'don vi nao', 'cho ai', 've ai'];

/** Passages whose best sentence is weighed against the deadlines. */
const TOPIC_PASSAGES = 5;
/** A topic sentence replaces the deadlines only when it matches this well… */
const TOPIC_MIN_SCORE = 8;
/** …and this much better than the best deadline. */
const TOPIC_MARGIN = 1.5;

/**
 * The heading of the deadline's section when it names the body that does it and the quote does not
 * ("2. Giao Phòng Giáo dục và Đào tạo huyện" over "Chủ trì … tham mưu thành lập Ban chỉ đạo …").
 */
function bodyOf(ctx: ComposeContext, d: Deadline): string | undefined {
  const node = findSection(ctx.plan.sections, d.section);
  const heading = node?.heading?.replace(/:$/u, '').trim();
  if (!heading || !ctx.lexicon.namesAnyAgency(heading) || ctx.lexicon.folded(d.quote).includes(ctx.lexicon.folded(heading))) return undefined;
  const number = sectionNumber(node!.id);
  return number ? `${number} ${heading}` : heading;
}

export function composeDeadlines(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const want = wanted(ctx);
  if (want === 'any') {
    const byTopic = topicSentence(ctx, plan.deadlines);
    if (byTopic) return byTopic;
  }
  let list = inFilter(plan.deadlines, ctx.sectionFilter).filter((d) => matches(ctx, d, want));
  if (want === 'any') {
    // "Khi nào" alone means the reports; unless the question names another milestone outright
    // ("Ban chỉ đạo cấp huyện thành lập khi nào" → quý 1 năm 2024).
    const reports = list.filter((d) => d.kind === 'report');
    const named = namedMilestone(ctx, list);
    if (named) list = [named];
    else if (reports.length) list = reports;
  }
  const year = ctx.analysis.slots.years[0];
  if (year !== undefined && list.some((d) => inYear(d, year))) list = list.filter((d) => inYear(d, year));

  if (list.length === 0) {
    // No dated report: quote what the plan says about reporting. Asked where the report goes, that
    // quote is the answer, across plans too; asked when, across plans the plan has none.
    const asksWhere = WHERE.some((p) => asks(ctx, p));
    if (want !== 'report' || (ctx.mode === 'cross' && !asksWhere)) return null;
    // The sentence quoted speaks of reporting, whatever else the question's words find ("cụ thể").
    let found: { sentence: string; score: number; section: string } | undefined;
    for (const h of ctx.corpus.search(['bao', 'cao', 'bao_cao', ...ctx.topic], { plans: [plan.id], limit: 5 })) {
      const b = bestSentence(ctx, h.passage.node.text, REPORTING);
      if (b && (!found || b.score > found.score)) found = { ...b, section: h.passage.sectionId };
    }
    if (!found) return null;
    return {
      text: `${notStated(`Kế hoạch của ${placeOf(plan)}`, 'ngày cụ thể cho việc báo cáo')} Văn bản viết:\n${quote([found.sentence])}`,
      sections: [found.section],
      // Asked when: the plan is silent on it. Asked where or to whom: the quote is the answer.
      ...(asksWhere ? {} : { absent: true as const }),
    };
  }

  // The deadline the question's own words point at comes first ("báo cáo UBND huyện" → 30/11). The
  // recipient counts twice: "báo cáo về phòng GD" names where the report goes, while the 30/11 sentence
  // merely mentions that office among others.
  if (ctx.topic.length) {
    const score = new Map(list.map((d) => [d, topicScore(ctx, d)]));
    list = [...list].sort((a, b) => score.get(b)! - score.get(a)!);
  }
  // Who asks ("bên em là UBND xã") is first told their own deadline: the one their body sends, else one
  // every unit sends ("Các cơ quan, đơn vị, địa phương…"), before another body's.
  if (ctx.askers.length) {
    const own = (d: Deadline) => (d.from && ctx.askers.some((k) => ctx.lexicon.agencyMatches(k, d.from!)) ? 2 : d.from?.startsWith('Các ') ? 1 : 0);
    list = [...list].sort((a, b) => own(b) - own(a));
  }
  // One sentence can hold two dates (sơ kết quý III and quý IV): quote it once, with both lines.
  const groups = new Map<string, { d: Deadline; lines: string[] }>();
  for (const d of list) {
    const line = deadlineLine(d.when, d.quote);
    const group = groups.get(d.quote);
    if (!group) groups.set(d.quote, { d, lines: [line] });
    else if (!group.lines.includes(line)) group.lines.push(line);
  }
  // The dates first, on one line (what a phone shows before the quotes); each quote then under its own.
  const facts = [...new Set([...groups.values()].flatMap((g) => g.lines.map(factOf)))];
  const key = ctx.mode === 'single' ? `Hạn và mốc thời gian (${placeOf(plan)}): ${facts.join('; ')}.` : `Hạn: ${facts.join('; ')}.`;
  const blocks = [...groups.values()].map(({ d, lines }) => {
    const body = bodyOf(ctx, d);
    return `${d.what}${d.to ? ` (gửi ${d.to})` : ''} — ${lines.map(factOf).join('; ')}${body ? ` — thuộc mục “${body}”` : ''}:\n${quote([d.quote])}`;
  });
  return { text: `${key}\n\n${blocks.join('\n\n')}`, sections: list.map((d) => d.section) };
}
