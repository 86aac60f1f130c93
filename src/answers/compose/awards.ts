/**
 * Hình thức khen thưởng (annual; sơ kết / tổng kết) and tiêu chuẩn khen thưởng, quoted. When the question
 * names an award ("Bằng khen của Thủ tướng"), says whether this plan has it.
 */
import type { Award } from '../../knowledge/schema.js';
import { placeOf, quote } from '../format.js';
import { inFilter, type ComposeContext, type PlanAnswer } from './context.js';

/** The award names go on the first line when together they are at most this long. */
const KEY_LINE_CHARS = 220;

/** Award names that only say the kind of award ("bằng khen", "giấy khen"), not whose. */
export const GENERIC_AWARDS = new Set(['bang-khen', 'giay-khen']);

/**
 * The award kinds a question asks about: named ("sơ kết", "hằng năm"), or read from a year by this plan's
 * own phases ("khen thưởng năm 2025" is the sơ kết where phase 1 ends in 2025, "năm 2030" the tổng kết
 * where the plan ends then): a plan fact, so it comes from the plan, not from the glossary.
 */
function askedKinds(ctx: ComposeContext): string[] {
  const kinds: string[] = [...ctx.analysis.slots.awardKinds];
  if (kinds.length) return kinds;
  const { phases, period } = ctx.plan;
  for (const year of ctx.analysis.slots.years) {
    if (year === period.to) kinds.push('tong-ket');
    else if (phases.slice(0, -1).some((p) => p.to === year)) kinds.push('so-ket');
  }
  return kinds;
}

/** The award entries the question is about: by kind (hằng năm / sơ kết / tổng kết), else all. */
function pickByKind(ctx: ComposeContext, awards: Award[]): Award[] {
  const kinds = askedKinds(ctx);
  if (kinds.length === 0) return awards;
  const wanted = awards.filter((a) => (a.kind === 'hang-nam' ? kinds.includes('hang-nam') : kinds.includes('so-ket') || kinds.includes('tong-ket')));
  return wanted.length ? wanted : awards;
}

/**
 * An award as the document writes it in full: a standard that opens with the award's name ("Bằng khen
 * của Thủ tướng Chính phủ: Thực hiện theo Hướng dẫn số 216/HD-BNV…") is that award's own line, so it is
 * quoted instead of the bare name (the note is what an official acts on).
 */
function fullLine(ctx: Pick<ComposeContext, 'lexicon'>, a: Award, item: string): string {
  const name = ctx.lexicon.folded(item);
  return a.standards.find((s) => ctx.lexicon.folded(s).startsWith(`${name} `)) ?? item;
}

function renderForms(ctx: ComposeContext, a: Award): string {
  const items = a.items.map((item) => fullLine(ctx, a, item));
  const body = items.length ? quote(items, '+ ') : a.standards.length ? quote(a.standards) : '';
  return body ? `${a.label}:\n${body}` : a.label;
}

/** The question also asks for the award forms in general: "còn hình thức nào", "những hình thức khen thưởng gì". */
function asksOtherForms(ctx: ComposeContext): boolean {
  return /\bhinh thuc (?:khen thuong )?(?:nao|gi|khac)\b/u.test(ctx.analysis.repaired.join(' '));
}

export function composeAwards(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const all = inFilter(plan.awards, ctx.sectionFilter);
  if (all.length === 0) return null;
  // A specific award named: the generic "bằng khen"/"giấy khen" only matter when nothing more precise is named.
  const named = ctx.analysis.slots.awards;
  const precise = named.filter((k) => !GENERIC_AWARDS.has(k));
  // A generic one asked apart from the precise ("giấy khen của chủ tịch huyện không, bằng khen của ai")
  // is asked too; within its name ("Bằng khen của Thủ tướng") it is not.
  const spans = ctx.analysis.slots.spans.filter((sp) => sp.kind === 'award');
  const preciseSpans = spans.filter((sp) => sp.key !== undefined && !GENERIC_AWARDS.has(sp.key));
  const apart = spans.filter((sp) => sp.key !== undefined && GENERIC_AWARDS.has(sp.key) && !preciseSpans.some((p) => p.start < sp.end && sp.start < p.end)).map((sp) => sp.key!);
  // Only a generic one beside "gồm hình thức nào" ("…, giấy khen do ai cấp"): the forms in general, which list it.
  const awardKeys = precise.length ? [...new Set([...precise, ...apart])] : asksOtherForms(ctx) ? [] : named;
  if (awardKeys.length) {
    const having = all.filter((a) => a.items.some((item) => awardKeys.some((k) => ctx.lexicon.awardMatches(k, item))));
    // Named as the plan has them: "Có … Bằng khen của Thủ tướng" only where it lists that one, not
    // because it lists some other bằng khen asked beside it.
    const held = awardKeys.filter((k) => having.some((a) => a.items.some((item) => ctx.lexicon.awardMatches(k, item))));
    const lacking = precise.filter((k) => !held.includes(k));
    if (having.length && lacking.length === 0) {
      const names = held.map((k) => ctx.lexicon.awardName(k)).join(', ');
      const lines = having.map((a) => {
        const items = a.items.filter((item) => awardKeys.some((k) => ctx.lexicon.awardMatches(k, item))).map((item) => fullLine(ctx, a, item));
        return `${a.label}:\n${quote(items, '+ ')}`;
      });
      // "Có." answers a yes/no question about a precise award; a generic "bằng khen gì" gets a plain heading.
      const lead = ctx.mode === 'cross' ? '' : precise.length ? `Có. ${placeOf(plan)} có ${names} trong hình thức khen thưởng:\n` : `${names} (${placeOf(plan)}):\n`;
      // "… có Bằng khen Thủ tướng không, còn hình thức nào nữa": the other forms of the same round too.
      const others = ctx.mode === 'single' && precise.length && asksOtherForms(ctx) ? pickByKind(ctx, all).filter((a) => a.items.length) : [];
      const rest = others.length ? `\n\nCác hình thức khen thưởng kế hoạch nêu:\n${others.map((a) => renderForms(ctx, a)).join('\n')}` : '';
      return { text: `${lead}${lines.join('\n')}${rest}`, sections: [...new Set([...having, ...others].map((a) => a.section))] };
    }
    if (ctx.mode === 'cross') return null;
    const forms = all.filter((a) => a.items.length);
    const rest = forms.length ? `\nCác hình thức khen thưởng kế hoạch nêu:\n${forms.map((a) => renderForms(ctx, a)).join('\n')}` : '';
    const names = (lacking.length ? lacking : awardKeys).map((k) => ctx.lexicon.awardName(k)).join(', ');
    return {
      text: `Kế hoạch của ${placeOf(plan)} không nêu ${names}.${rest}`,
      sections: (forms.length ? forms : all).map((a) => a.section),
      absent: true,
    };
  }
  const picked = pickByKind(ctx, all);
  // The award names first, on one line, when they are short enough to read at a glance.
  const names = [...new Set(picked.flatMap((a) => a.items))];
  const glance = names.length && names.join('; ').length <= KEY_LINE_CHARS ? ` ${names.join('; ')}.` : '';
  const head = ctx.mode === 'single' ? `Hình thức khen thưởng (${placeOf(plan)}):${glance}\n` : glance ? `${glance.trim()}\n` : '';
  return { text: head + picked.map((a) => renderForms(ctx, a)).join('\n\n'), sections: picked.map((a) => a.section) };
}

export function composeAwardStandards(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const picked = pickByKind(ctx, inFilter(plan.awards, ctx.sectionFilter)).filter((a) => a.standards.length);
  if (picked.length === 0) return null;
  const head = ctx.mode === 'single' ? `Tiêu chuẩn, căn cứ khen thưởng (${placeOf(plan)}):\n` : '';
  return {
    text: head + picked.map((a) => `${a.label}:\n${quote(a.standards)}`).join('\n\n'),
    sections: picked.map((a) => a.section),
  };
}
