/**
 * A question with no recognised intent but words the plans contain: quote the best-matching passage
 * of the plan (BM25), with its heading trail, so the user still gets the plan's own words.
 */
import { breadcrumb } from '../../knowledge/sections.js';
import type { Passage } from '../corpus.js';
import { placeOf, quote } from '../format.js';
import type { ComposeContext, PlanAnswer } from './context.js';

const MAX_QUOTE_CHARS = 1200;

/** Cuts long text at a sentence end before the limit, marking the cut. */
export function clip(text: string, max = MAX_QUOTE_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '), cut.lastIndexOf('\n'));
  return `${(end > max / 2 ? cut.slice(0, end + 1) : cut).trimEnd()} […]`;
}

/** A passage reads the same whatever the question: its text is made once (the trail walks the plan's sections). */
const rendered = new WeakMap<Passage, string>();

export function renderPassage(ctx: ComposeContext, p: Passage): PlanAnswer {
  let text = rendered.get(p);
  if (text === undefined) {
    text = `${placeOf(ctx.plan)} — ${breadcrumb(ctx.plan.sections, p.sectionId)}:\n${quote([clip(p.node.text)])}`;
    rendered.set(p, text);
  }
  return { text, sections: [p.sectionId] };
}
