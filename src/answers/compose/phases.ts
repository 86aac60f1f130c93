/** Giai đoạn và tiến độ: each phase's label and its text, quoted; one phase when the question names it or a year. */
import type { Phase } from '../../knowledge/schema.js';
import { placeOf, quote } from '../format.js';
import { asks, inFilter, type ComposeContext, type PlanAnswer } from './context.js';

function pick(ctx: ComposeContext, phases: Phase[]): Phase[] {
  const numbered = (n: number, roman: string) => asks(ctx, `giai doan ${n}`) || asks(ctx, `giai doan ${roman}`);
  const byNumber = phases.filter((_, i) => numbered(i + 1, ['i', 'ii', 'iii'][i] ?? ''));
  if (byNumber.length) return byNumber;
  const year = ctx.analysis.slots.years.find((y) => y >= 2020 && y <= 2035);
  if (year !== undefined) {
    const byYear = phases.filter((p) => p.from <= year && year <= p.to);
    // "2023-2030" names the whole movement: keep all phases then.
    if (byYear.length && byYear.length < phases.length && ctx.analysis.slots.years.length === 1) return byYear;
  }
  return phases;
}

export function composePhases(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const phases = inFilter(plan.phases, ctx.sectionFilter);
  if (phases.length === 0) return null;
  const picked = pick(ctx, phases);
  const head =
    ctx.mode === 'single'
      ? `Tiến độ thực hiện (${placeOf(plan)}): phong trào từ năm ${plan.period.from} đến năm ${plan.period.to}, ${phases.length} giai đoạn.\n`
      : '';
  return {
    text: head + picked.map((p) => `${p.label}:\n${quote([p.quote])}`).join('\n\n'),
    sections: picked.map((p) => p.section),
  };
}
