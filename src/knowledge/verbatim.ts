/**
 * Checks that a plan is faithful to its source text: every string the plan quotes occurs in the
 * document (nothing paraphrased, nothing invented), and every line of the document is somewhere in
 * the plan (nothing dropped). Both compare after collapsing whitespace and removing markdown markers.
 */
import { stripMarkdown } from './importer/lines.js';
import { parseMarker, stripBullets } from './importer/numbering.js';
import type { Plan } from './schema.js';
import { walkSections } from './sections.js';

/** The comparison form: NFC, no "#" or "*", whitespace runs (line breaks included) as one space. */
export function verbatimKey(text: string): string {
  return text.normalize('NFC').replace(/[#*]/g, '').replace(/\s+/g, ' ').trim();
}

/** The lines of the plan's document (its `source` range), as written. */
export function sourceLines(plan: Pick<Plan, 'source'>, fileText: string): string[] {
  return fileText
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .slice(plan.source.fromLine - 1, plan.source.toLine);
}

/** Fields whose strings are the document's own words. */
const VERBATIM_KEYS = new Set(['quote', 'items', 'standards', 'label', 'heading', 'text']);
/** Verbatim fields known by their full path (elsewhere a `to` is our own wording, e.g. a deadline's). */
const VERBATIM_PATHS = /^(recipients\.(to|labels)|signer\.name)(\[|$)/;

export interface VerbatimString {
  /** Field path, e.g. "criteria[2].items[0]". */
  path: string;
  value: string;
}

/** Every string held in a verbatim field, anywhere in the plan; section texts are split into their lines. */
export function verbatimStrings(plan: Plan): VerbatimString[] {
  const out: VerbatimString[] = [];
  const visit = (value: unknown, path: string, key: string | null): void => {
    if (typeof value === 'string') {
      if (key && (VERBATIM_KEYS.has(key) || VERBATIM_PATHS.test(path)) && value !== '') {
        if (key === 'text') value.split('\n').forEach((line, i) => out.push({ path: `${path}#${i + 1}`, value: line }));
        else out.push({ path, value });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, key));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k, k);
    }
  };
  visit(plan, '', null);
  return out;
}

/** Verbatim strings of the plan that do not occur in its source range. */
export function unfaithfulStrings(plan: Plan, fileText: string): VerbatimString[] {
  const source = verbatimKey(sourceLines(plan, fileText).join('\n'));
  return verbatimStrings(plan).filter((s) => !source.includes(verbatimKey(s.value)));
}

/** The text the plan holds from its document: section tree, title, header and footer fields. */
function coveredCorpus(plan: Plan): string {
  const parts: string[] = [plan.title.quote, ...(plan.header?.items ?? []), ...plan.signer.items];
  if (plan.signer.name) parts.push(plan.signer.name);
  parts.push(...plan.recipients.to, ...plan.recipients.items, ...(plan.recipients.labels ?? []));
  for (const { node } of walkSections(plan.sections)) {
    if (node.heading) parts.push(node.heading);
    if (node.text) parts.push(node.text);
  }
  // A separator no line contains, so a line never matches across two fields.
  return parts.map(verbatimKey).join('\u0000');
}

/** The ways a line may appear in the plan: as written, without its numbering or bullet, without end punctuation. */
function candidates(line: string): string[] {
  const out = new Set<string>([line]);
  const marked = parseMarker(line);
  if (marked && marked.marker.kind !== 'bullet') out.add(marked.rest);
  for (const c of [...out]) out.add(stripBullets(c));
  for (const c of [...out]) out.add(c.replace(/[;,.]+$/, ''));
  return [...out].map((c) => c.trim()).filter(Boolean);
}

export interface UncoveredLine {
  /** 1-based line number in the source file. */
  line: number;
  text: string;
}

/** Non-empty source lines (markdown markers stripped) that are nowhere in the plan. */
export function uncoveredLines(plan: Plan, fileText: string): UncoveredLine[] {
  const corpus = coveredCorpus(plan);
  const has = (s: string) => s === '' || corpus.includes(verbatimKey(s));
  const out: UncoveredLine[] = [];
  sourceLines(plan, fileText).forEach((raw, i) => {
    const line = stripMarkdown(raw);
    if (line === '') return;
    const covered = candidates(line).some((c) => {
      if (has(c)) return true;
      // "Hội Khuyến học tỉnh: Chủ trì …" is stored as heading + text.
      const colon = c.indexOf(':');
      return colon > 0 && has(c.slice(0, colon)) && has(c.slice(colon + 1));
    });
    if (!covered) out.push({ line: plan.source.fromLine + i, text: line });
  });
  return out;
}
