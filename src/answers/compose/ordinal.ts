/**
 * "Ý thứ hai", "giải pháp thứ 5", "tiêu chí đầu tiên": one item of the list an answer quotes. The list
 * is the cited section's subsections when it has them, else the lines of its text (a lead-in line that
 * ends with ":" introduces the items and is not one).
 */
import { breadcrumb, findSection, sectionNumber } from '../../knowledge/sections.js';
import type { Plan, SectionNode } from '../../knowledge/schema.js';
import { placeOf, quote } from '../format.js';
import type { PlanAnswer } from './context.js';

const ORDINAL_NAMES = ['', 'thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'thứ tám', 'thứ chín', 'thứ mười'];

const ordinalName = (n: number) => ORDINAL_NAMES[n] ?? `thứ ${n}`;

/** A section's words: its text, or, for a heading over subsections only, theirs, each under its number. */
function ownText(node: SectionNode): string {
  return node.text.trim() || node.children.map((c) => `${sectionNumber(c.id)} ${c.heading ?? ''} ${c.text}`.trim()).join('\n');
}

/** The n-th item (1-based; -1 the last) of what the answer cites, or null when it has no such item. */
export function pickOrdinal(plan: Plan, answer: PlanAnswer, n: number): PlanAnswer | null {
  const ids = [...new Set(answer.sections)].filter(Boolean);
  // Several sections cited (the composer listed the items itself): the n-th of them.
  const nodes = ids.map((id) => findSection(plan.sections, id)).filter((x) => x !== undefined);
  const at = <T>(xs: readonly T[]) => (n === -1 ? xs[xs.length - 1] : xs[n - 1]);
  const place = placeOf(plan);
  const label = n === -1 ? 'cuối cùng' : ordinalName(n);
  if (nodes.length === 1 && nodes[0]!.children.length) {
    const child = at(nodes[0]!.children);
    if (!child) return null;
    return { text: `${place} — ${breadcrumb(plan.sections, child.id)} (ý ${label} của mục ${nodes[0]!.id}):\n${quote([ownText(child)])}`, sections: [child.id] };
  }
  if (nodes.length > 1) {
    const node = at(nodes);
    if (!node) return null;
    return { text: `${place} — ${breadcrumb(plan.sections, node.id)} (ý ${label}):\n${quote([ownText(node)])}`, sections: [node.id] };
  }
  const node = nodes[0];
  if (!node) return null;
  const lines = node.text.split('\n').map((l) => l.trim()).filter(Boolean);
  const items = lines[0]?.endsWith(':') && lines.length > 1 ? lines.slice(1) : lines;
  const item = items.length > 1 ? at(items) : undefined;
  if (!item) return null;
  return { text: `${place} — ${breadcrumb(plan.sections, node.id)} (ý ${label}):\n${quote([item.replace(/^[-+•]\s*/, '')])}`, sections: [node.id] };
}
