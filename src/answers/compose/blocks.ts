/**
 * Intents answered by quoting whole blocks of a plan: funding, contents, purposes and goals, solutions,
 * who the plan applies to.
 */
import type { ItemsBlock } from '../../knowledge/schema.js';
import { findSection, sectionNumber } from '../../knowledge/sections.js';
import { placeOf, quote } from '../format.js';
import { notStated } from '../messages.js';
import { asks, inFilter, type ComposeContext, type PlanAnswer } from './context.js';
import { groupsForTargets, renderGroup } from './criteria.js';

function renderBlocks(ctx: ComposeContext, title: string, blocks: readonly ItemsBlock[]): PlanAnswer | null {
  const kept = inFilter(blocks, ctx.sectionFilter);
  if (kept.length === 0) return null;
  const body = kept
    .map((b) => {
      const heading = findSection(ctx.plan.sections, b.section)?.heading;
      // Several blocks: each under its heading, or its number when it has none ("1.", "2." of a letter).
      const label = kept.length > 1 ? (heading ? `${heading}:\n` : `${sectionNumber(b.section)} `) : '';
      return `${label}${quote(b.items)}`;
    })
    .join('\n\n');
  return { text: `${title} (${placeOf(ctx.plan)}):\n${body}`, sections: kept.map((b) => b.section) };
}

export function composeFunding(ctx: ComposeContext): PlanAnswer | null {
  const funding = renderBlocks(ctx, 'Kinh phí thực hiện', ctx.plan.funding);
  // The agency that arranges the money (Sở Tài chính, Phòng Tài chính – Kế hoạch) adds the "who".
  const finance = ctx.plan.responsibilities.filter(
    (r) => ctx.lexicon.agencyMatches('tai-chinh', r.agency) || r.items.some((i) => ctx.lexicon.folded(i).includes('bo tri kinh phi')),
  );
  if (!funding && finance.length === 0) return null;
  const parts = funding ? [funding.text] : [`Kinh phí thực hiện (${placeOf(ctx.plan)}):`];
  const sections = funding ? [...funding.sections] : [];
  for (const r of finance) {
    const items = r.items.filter((i) => ctx.lexicon.folded(i).includes('kinh phi'));
    if (!items.length) continue;
    parts.push(`${r.agency}:\n${quote(items)}`);
    sections.push(r.section);
  }
  return { text: parts.join('\n\n'), sections };
}

export function composeContents(ctx: ComposeContext): PlanAnswer | null {
  return renderBlocks(ctx, 'Nội dung phong trào thi đua', ctx.plan.contents);
}

export function composeSolutions(ctx: ComposeContext): PlanAnswer | null {
  return renderBlocks(ctx, 'Giải pháp thực hiện', ctx.plan.solutions ?? []);
}

/** Mục đích / yêu cầu / mục tiêu: the part the question names, else purposes and requirements. */
export function composePurposes(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const headingOf = (b: ItemsBlock) => ctx.lexicon.folded(findSection(plan.sections, b.section)?.heading ?? '');
  const goals = plan.goals ?? [];
  if (asks(ctx, 'muc tieu') && goals.length) return renderBlocks(ctx, 'Mục tiêu thi đua', goals);
  const wantsPurpose = asks(ctx, 'muc dich');
  const wantsRequirement = asks(ctx, 'yeu cau');
  let blocks = plan.purposes;
  if (wantsPurpose !== wantsRequirement) {
    const only = plan.purposes.filter((b) => headingOf(b).includes(wantsPurpose ? 'muc dich' : 'yeu cau'));
    if (only.length) blocks = only;
  }
  const title = wantsRequirement && !wantsPurpose ? 'Yêu cầu' : wantsPurpose && !wantsRequirement ? 'Mục đích' : 'Mục đích, yêu cầu';
  const answer = renderBlocks(ctx, title, blocks) ?? (goals.length ? renderBlocks(ctx, 'Mục tiêu thi đua', goals) : null);
  // "Mục tiêu" asked of a plan that has none: say so before quoting its purposes instead.
  if (answer && asks(ctx, 'muc tieu') && !goals.length && ctx.mode === 'single') {
    return { ...answer, text: `${notStated(`Kế hoạch của ${placeOf(plan)}`, 'mục tiêu thi đua riêng')}\n${answer.text}`, absent: true };
  }
  return answer;
}

/**
 * Who takes part: the plan's "đối tượng" section, else the groups its criteria are set for. A group the
 * question names ("người Việt Nam định cư ở nước ngoài có thuộc đối tượng…") is answered with that
 * group's own words, which say whether and how it takes part.
 */
export function composeAudience(ctx: ComposeContext): PlanAnswer | null {
  const audience = renderBlocks(ctx, 'Đối tượng thi đua', ctx.plan.audience ?? []);
  const named = groupsForTargets(ctx, ctx.plan.criteria);
  if (named.length) {
    const blocks = named.map((g) => renderGroup(g, placeOf(ctx.plan)));
    return {
      text: [...(audience ? [audience.text] : []), ...blocks].join('\n\n'),
      sections: [...(audience?.sections ?? []), ...named.map((g) => g.section)],
    };
  }
  if (audience) return audience;
  const groups = ctx.plan.criteria;
  if (groups.length) {
    return {
      text: `Đối tượng thi đua (${placeOf(ctx.plan)}): kế hoạch đặt tiêu chí thi đua cho các nhóm:\n${groups.map((g) => `- ${g.label}`).join('\n')}`,
      sections: groups.map((g) => g.section),
    };
  }
  if (ctx.plan.recipients.to.length) {
    return {
      text: `Văn bản gửi (${placeOf(ctx.plan)}):\n${quote(ctx.plan.recipients.to)}`,
      sections: [],
    };
  }
  return null;
}
