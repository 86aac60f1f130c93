/**
 * Căn cứ: the documents a plan is issued under (its preamble) and, when the question names a document
 * number ("Thông tư 25", "QĐ 1373"), where and how the plan cites that document.
 */
import type { BasisRef, Reference } from '../../knowledge/schema.js';
import { PREAMBLE_ID, findSection, walkSections } from '../../knowledge/sections.js';
import { placeOf, quote } from '../format.js';
import type { ComposeContext, PlanAnswer } from './context.js';

/** "25/2023/TT-BGDDT" → "25", "13-TT/TU" → "13". */
export function leadingNumber(docNumber: string): string | undefined {
  const m = /^(\d+)/.exec(docNumber.trim());
  return m ? String(Number(m[1])) : undefined;
}

/** The sentence of a section that holds the citation (so the user sees what the plan says about it). */
function citingSentence(text: string, ref: Pick<Reference, 'number' | 'quote'>): string | undefined {
  const num = leadingNumber(ref.number);
  const sentences = text.split(/(?<=[.;])\s+|\n+/);
  return sentences.find((s) => s.includes(ref.quote)) ?? sentences.find((s) => num !== undefined && new RegExp(`\\b${num}\\b`).test(s));
}

/** The clause of a text that holds a quote, from the last ";" (or sentence start) before it to the first "," after it. */
function clauseAround(text: string, quoted: string): string | undefined {
  const at = text.indexOf(quoted);
  if (at < 0) return undefined;
  const start = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('.', at)) + 1;
  const comma = text.indexOf(',', at + quoted.length);
  const end = comma < 0 ? at + quoted.length : comma;
  const clause = text.slice(start, end).trim();
  return clause.length > quoted.length && clause.length <= quoted.length + CLAUSE_EXTRA_CHARS ? clause : undefined;
}

/** How much a clause may add to the quote it holds before it is too long to stand for it. */
const CLAUSE_EXTRA_CHARS = 80;

/** A document number as plans write it: "1041/QĐ-UBND", "49-KL/TW", "210/LĐLĐ". */
export const CITED_NUMBER = /(?<![\d/])(\d{1,5})(?=\s?[/-]\s?[A-ZĐ])/gu;

/**
 * The sentences of the plan that cite a document by number, verbatim, by section: for documents the
 * importer did not list as references ("Quyết định số 1041/QĐ-UBND ngày 05/5/2022 … về …").
 */
function citingSentences(ctx: ComposeContext, numbers: readonly string[]): PlanAnswer | null {
  const lines: string[] = [];
  const sections: string[] = [];
  for (const { node } of walkSections(ctx.plan.sections)) {
    const hits = node.text.split(/(?<=[.;])\s+|\n+/).filter((s) => [...s.matchAll(CITED_NUMBER)].some((m) => numbers.includes(String(Number(m[1])))));
    if (!hits.length) continue;
    lines.push(`${placeOf(ctx.plan)}, ${node.id === PREAMBLE_ID ? 'phần mở đầu' : `Mục ${node.id}`}:\n${quote(hits.map((h) => h.trim()))}`);
    sections.push(node.id);
  }
  return lines.length ? { text: lines.join('\n\n'), sections } : null;
}

export function composeBasis(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const numbers = ctx.analysis.slots.docrefs.map((r) => r.number).filter((n) => n !== leadingNumber(plan.number ?? ''));
  if (numbers.length) {
    const basis = plan.basis.filter((b) => numbers.includes(leadingNumber(b.number) ?? ''));
    const refs = (plan.references ?? []).filter((r) => numbers.includes(leadingNumber(r.number) ?? ''));
    if (!basis.length && !refs.length) return citingSentences(ctx, numbers);
    const lines: string[] = [];
    const sections: string[] = [];
    if (basis.length) {
      // The preamble's clause that cites it says who asked for what: "theo đề nghị của Sở Giáo dục và
      // Đào tạo tại Văn bản số 31/TTr-SGDĐT ngày 26/3/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch…".
      const preamble = findSection(plan.sections, PREAMBLE_ID)?.text ?? '';
      lines.push(`${placeOf(plan)}: văn bản được ban hành căn cứ/thực hiện:\n${quote(basis.map((b) => (citingSentence(preamble, b) ?? b.quote).trim()))}`);
      sections.push(PREAMBLE_ID);
    }
    const seen = new Set<string>();
    for (const r of refs) {
      if (seen.has(r.section)) continue;
      seen.add(r.section);
      const text = findSection(plan.sections, r.section)?.text ?? '';
      const sentence = citingSentence(text, r) ?? r.quote;
      lines.push(`${placeOf(plan)}, Mục ${r.section}:\n${quote([sentence.trim()])}`);
      sections.push(r.section);
    }
    return { text: lines.join('\n\n'), sections };
  }
  if (plan.basis.length === 0) return null;
  // A document listed without its issuer is shown in the preamble's words that say whose it is:
  // "theo đề nghị của Sở Giáo dục và Đào tạo tại Văn bản số 31/TTr-SGDĐT ngày 26/3/2024".
  const preamble = findSection(plan.sections, PREAMBLE_ID)?.text ?? '';
  const describe = (b: BasisRef) => (/\bcủa\b/u.test(b.quote) ? b.quote : (clauseAround(preamble, b.quote) ?? b.quote));
  const text = [`Căn cứ ban hành (${placeOf(plan)}):\n${quote(plan.basis.map(describe))}`];
  const sections = [PREAMBLE_ID];
  const refs = plan.references ?? [];
  if (ctx.mode === 'single' && refs.length) {
    const unique = [...new Map(refs.map((r) => [r.number, r])).values()];
    text.push(`Văn bản khác được dẫn trong kế hoạch:\n${unique.map((r) => `- ${r.quote} (Mục ${r.section})`).join('\n')}`);
    sections.push(...unique.map((r) => r.section));
  }
  return { text: text.join('\n\n'), sections };
}
