/** Tiêu chí thi đua: the group the user names (cấp xã, doanh nghiệp…), quoted; otherwise the groups there are. */
import type { Criterion } from '../../knowledge/schema.js';
import { sectionNumber } from '../../knowledge/sections.js';
import { notStated } from '../messages.js';
import { lowerFirst, placeOf, quote } from '../format.js';
import { inFilter, type ComposeContext, type PlanAnswer } from './context.js';

/** A group under its label with the plan's own number for it ("c) Đối với các sở, ban, ngành …"): where the plan has it. */
export function renderGroup(c: Criterion, locality: string): string {
  const number = sectionNumber(c.section);
  return `Tiêu chí thi đua — ${number ? `${number} ` : ''}${c.label} (${locality}):\n${quote(c.items)}`;
}

/** The groups of the target groups the question names: by key first, by the label's own words when no key fits ("cơ quan cấp tỉnh" for cấp tỉnh). */
export function groupsForTargets(ctx: ComposeContext, groups: readonly Criterion[]): Criterion[] {
  const targets = ctx.analysis.slots.targets;
  if (targets.length === 0) return [];
  const byKey = groups.filter((g) => targets.includes(g.key));
  return byKey.length ? byKey : groups.filter((g) => targets.some((t) => ctx.lexicon.targetLabelMatches(t, g.label)));
}

/** Which groups the question means: by target group; else by topic words when one group clearly fits. */
function pickGroups(ctx: ComposeContext, groups: Criterion[]): Criterion[] {
  if (ctx.analysis.slots.targets.length) return groupsForTargets(ctx, groups);
  const scored = groups
    .map((g) => ({ g, score: ctx.corpus.overlap(`${g.label}\n${g.items.join('\n')}`, ctx.topic) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= 4 && best.score >= 1.5 * (second?.score ?? 0)) return [best.g];
  return [];
}

export function composeCriteria(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const groups = inFilter(plan.criteria, ctx.sectionFilter);
  if (groups.length === 0) return null;
  // Two groups or fewer are quoted whole; more are listed unless the question points at some.
  const picked = groups.length <= 2 && !ctx.analysis.slots.targets.length ? groups : pickGroups(ctx, groups);
  if (picked.length) {
    return { text: picked.map((g) => renderGroup(g, placeOf(plan))).join('\n\n'), sections: picked.map((g) => g.section) };
  }
  const list = groups.map((g) => `- ${g.label} (Mục ${g.section})`).join('\n');
  const asked = ctx.analysis.slots.targets.map((t) => ctx.lexicon.targetName(t));
  if (ctx.mode === 'cross' && asked.length) return null;
  const intro = asked.length
    ? `${notStated(`Kế hoạch của ${placeOf(plan)}`, `tiêu chí riêng cho ${asked.join(', ')}`)} Các nhóm có tiêu chí thi đua:`
    : `${placeOf(plan)}: kế hoạch đặt tiêu chí thi đua cho ${groups.length} nhóm:`;
  // The shortest label makes the clearest example ("tiêu chí cấp xã Khánh Hòa").
  const shortest = [...groups].sort((a, b) => a.label.length - b.label.length)[0]!;
  const example = `\nHỏi tiếp một nhóm, ví dụ: “tiêu chí ${lowerFirst(shortest.label.replace(/^Đối với\s+(các\s+)?/i, ''))} ${placeOf(plan)}”.`;
  return { text: `${intro}\n${list}${ctx.mode === 'single' ? example : ''}`, sections: groups.map((g) => g.section), ...(asked.length ? { absent: true as const } : {}) };
}
