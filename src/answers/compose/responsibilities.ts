/**
 * Trách nhiệm: who does what. The agency the question names, with its duties; otherwise the duty that
 * best matches the question's words ("ai thẩm định hồ sơ khen thưởng") and the agency it belongs to.
 */
import type { Responsibility } from '../../knowledge/schema.js';
import { findSection } from '../../knowledge/sections.js';
import { placeOf, quote } from '../format.js';
import { END_PARTICLES } from '../../nlu/slots.js';
import { inFilter, type ComposeContext, type PlanAnswer } from './context.js';

interface Scored {
  r: Responsibility;
  items: { text: string; score: number }[];
  best: number;
}

function render(ctx: ComposeContext, r: Responsibility, items: readonly string[]): string {
  return `${asHeaded(ctx, r)} (${placeOf(ctx.plan)}):\n${quote(items)}`;
}

/**
 * The body as its section heads it, when the heading says more than its name: "Đề nghị Ban Tuyên giáo
 * Tỉnh ủy" is asked of a body the plan cannot assign, "Giao Phòng Giáo dục và Đào tạo huyện" assigns.
 */
function asHeaded(ctx: ComposeContext, r: Responsibility): string {
  const heading = findSection(ctx.plan.sections, r.section)?.heading?.trim();
  return heading && heading !== r.agency && heading.endsWith(r.agency) ? heading : r.agency;
}

/** Words right before a body that make it a partner of the task ("phối hợp với Sở GD&ĐT"), not the one doing it. */
const PARTNER_BEFORE = new Set(['voi', 'cung']);

/**
 * The bodies the question asks the tasks of: those it names, but a partner ("Ban Thi đua - Khen thưởng
 * … phối hợp với Sở GD&ĐT làm gì": the Ban's tasks, which name the partner) or who asks when another is named.
 */
function subjects(ctx: ComposeContext): string[] {
  const { slots, repaired } = ctx.analysis;
  // Who asks ("em ở phòng GD&ĐT …") is not whose tasks are asked when the question names another body.
  const named = slots.spans.filter((sp) => sp.kind === 'agency' && sp.key !== undefined);
  const asked = named.filter((sp) => !ctx.askers.includes(sp.key!));
  // (Nor when the question names a level or group instead: "giao UBND cấp huyện chú trọng việc gì".)
  if (asked.length === 0 && named.length > 0 && slots.targets.length > 0) return [];
  const spans = asked.length ? asked : named;
  if (spans.length < named.length) return [...new Set(spans.map((sp) => sp.key!))];
  const partner = (sp: (typeof spans)[number]) => PARTNER_BEFORE.has(repaired[sp.start - 1] ?? '');
  const doing = spans.filter((sp) => !partner(sp)).map((sp) => sp.key!);
  // (Asked whether it works with the partner, "có phối hợp với Sở GD&ĐT … không", the partner's own tasks may say so.)
  const whether = repaired.includes('co') && repaired.filter((t) => !END_PARTICLES.has(t)).at(-1) === 'khong';
  return doing.length && doing.length < spans.length && !whether ? [...new Set(doing)] : slots.agencies;
}

export function composeResponsibilities(ctx: ComposeContext): PlanAnswer | null {
  const all = inFilter(ctx.plan.responsibilities, ctx.sectionFilter);
  if (all.length === 0) return null;
  const agencies = subjects(ctx);
  const naming = agencies.length ? all.filter((r) => agencies.some((a) => ctx.lexicon.agencyMatches(a, r.agency))) : [];
  // A section of the body's own comes before one it shares with others, listed after them ("Ủy ban
  // MTTQ tỉnh, các tổ chức …, UBND các huyện"): its tasks are the body's, the shared ones everyone's.
  const own = naming.filter((r) => agencies.some((a) => ctx.lexicon.agencyMatches(a, r.agency.split(/[,;]/u)[0]!)));
  const named = own.length ? own : naming;

  const terms = ctx.analysis.terms.filter((t) => !ctx.asking.has(t));
  const scored: Scored[] = (named.length ? named : all).map((r) => {
    // All the question's words: "thẩm định", "chủ trì" say which duty is meant (not "cơ quan nào":
    // it would pick "Các cơ quan, đơn vị" for being named so).
    const items = r.items.map((text) => ({ text, score: ctx.corpus.overlap(`${r.agency}\n${text}`, terms) }));
    return { r, items, best: Math.max(0, ...items.map((i) => i.score)) };
  });

  if (named.length) {
    // The agency is named: all its duties, one block per agency (a letter may list them in several sections).
    const byAgency = new Map<string, { r: Responsibility; items: string[] }>();
    for (const { r } of scored) {
      const entry = byAgency.get(r.agency);
      if (entry) entry.items.push(...r.items);
      else byAgency.set(r.agency, { r, items: [...r.items] });
    }
    const blocks = [...byAgency.values()].map(({ r, items }) => render(ctx, r, items));
    return { text: blocks.join('\n\n'), sections: scored.map((s) => s.r.section) };
  }
  scored.sort((a, b) => b.best - a.best);
  const top = scored[0]!;
  if (top.best <= 0) {
    if (ctx.mode === 'cross') return null;
    const list = all.map((r) => `- ${r.agency} (Mục ${r.section})`).join('\n');
    return { text: `Tổ chức thực hiện (${placeOf(ctx.plan)}): kế hoạch giao nhiệm vụ cho:\n${list}`, sections: all.map((r) => r.section) };
  }
  // The best duty, plus the agency's other duties that match nearly as well.
  const chosen = top.items.filter((i) => i.score >= 0.6 * top.best).map((i) => i.text);
  const blocks = [render(ctx, top.r, chosen)];
  const sections = [top.r.section];
  // A second agency whose duty matches as well (e.g. two bodies share the job).
  const runner = scored[1];
  if (runner && runner.best >= 0.9 * top.best && runner.r.agency !== top.r.agency) {
    blocks.push(render(ctx, runner.r, runner.items.filter((i) => i.score >= 0.6 * runner.best).map((i) => i.text)));
    sections.push(runner.r.section);
  }
  return { text: blocks.join('\n\n'), sections };
}
