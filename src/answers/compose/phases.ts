/** Giai đoạn và tiến độ: each phase's label and its text, quoted; one phase when the question names it, its year, or its sơ kết / tổng kết. */
import type { Phase } from '../../knowledge/schema.js';
import { sectionTrail } from '../../knowledge/sections.js';
import { placeOf, quote } from '../format.js';
import { asks, inFilter, type ComposeContext, type PlanAnswer } from './context.js';

function pick(ctx: ComposeContext, phases: Phase[]): Phase[] {
  const numbered = (n: number, roman: string) => asks(ctx, `giai doan ${n}`) || asks(ctx, `giai doan ${roman}`);
  const byNumber = phases.filter((_, i) => numbered(i + 1, ['i', 'ii', 'iii'][i] ?? ''));
  if (byNumber.length) return byNumber;
  // "sơ kết" or "tổng kết" alone: the phase whose text holds it (the sơ kết ends phase 1, the tổng kết phase 2).
  const kinds = ctx.analysis.slots.awardKinds.filter((k) => k === 'so-ket' || k === 'tong-ket');
  if (kinds.length === 1) {
    const words = kinds[0] === 'so-ket' ? 'so ket' : 'tong ket';
    const holding = phases.filter((p) => ` ${ctx.lexicon.folded(p.quote)} `.includes(` ${words} `));
    // A later phase may name the sơ kết it builds on ("trên cơ sở sơ kết…"): the sơ kết is the first that
    // holds it, the tổng kết the last.
    const one = kinds[0] === 'so-ket' ? holding[0] : holding.at(-1);
    if (one && phases.length > 1) return [one];
  }
  const year = ctx.analysis.slots.years.find((y) => y >= 2020 && y <= 2035);
  if (year !== undefined) {
    const byYear = phases.filter((p) => p.from <= year && year <= p.to);
    // "2023-2030" names the whole movement: keep all phases then.
    if (byYear.length && byYear.length < phases.length && ctx.analysis.slots.years.length === 1) return byYear;
  }
  return phases;
}

/**
 * The overview line: the plan's own sentence above the phases when it has one ("Phong trào thi đua được
 * triển khai thực hiện từ năm 2023 đến năm 2030, chia thành 02 giai đoạn:"), else the span of the phases
 * themselves. Never the period of the title: Bắc Kạn's title says 2024–2030 while its phases start in 2023.
 */
function overview(ctx: ComposeContext, phases: readonly Phase[]): { text: string; section?: string } {
  const trail = sectionTrail(ctx.plan.sections, phases[0]!.section);
  const parent = trail.length >= 2 ? trail[trail.length - 2]! : undefined;
  if (parent?.text.trim()) return { text: quote([parent.text.trim()]), section: parent.id };
  const from = Math.min(...phases.map((p) => p.from));
  const to = Math.max(...phases.map((p) => p.to));
  return { text: `phong trào từ năm ${from} đến năm ${to}, ${phases.length} giai đoạn.` };
}

export function composePhases(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const phases = inFilter(plan.phases, ctx.sectionFilter);
  if (phases.length === 0) return null;
  const picked = pick(ctx, phases);
  const over = ctx.mode === 'single' ? overview(ctx, phases) : undefined;
  const head = over ? `Tiến độ thực hiện (${placeOf(plan)}): ${over.text}\n` : '';
  return {
    text: head + picked.map((p) => `${p.label}:\n${quote([p.quote])}`).join('\n\n'),
    sections: [...(over?.section ? [over.section] : []), ...picked.map((p) => p.section)],
  };
}
