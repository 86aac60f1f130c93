/**
 * Plan text → a `PlanInput` draft. The importer fills what the text says and reports, as warnings, what a
 * reviewer must check; it never invents a number or a date the document leaves blank.
 */
import { basename } from 'node:path';
import type { PlanInput, SectionNode } from '../schema.js';
import { CLOSING_ID, PREAMBLE_ID, walkSections } from '../sections.js';
import { extractDeadlines } from './deadlines.js';
import { splitDocument, type DocumentParts } from './document.js';
import {
  extractAudience,
  extractAwards,
  extractContents,
  extractCriteria,
  extractFunding,
  extractGoals,
  extractPhases,
  extractPurposes,
  extractResponsibilities,
  extractSolutions,
  nodeItems,
} from './facets.js';
import { toLogicalLines } from './lines.js';
import { guessMeta, shortNameOf, slug } from './metadata.js';
import { findReferences } from './references.js';
import { buildSectionTree, toSectionNode } from './section-tree.js';

export interface ImportOptions {
  /** Name recorded in `source.file` (the file name under data/sources/). */
  fileName: string;
  fromLine?: number;
  toLine?: number;
  id?: string;
}

export interface ImportResult {
  plan: PlanInput;
  /** What a reviewer should check or fill in by hand. */
  warnings: string[];
}

/** Preamble, numbered body and closing as one tree; the preamble and closing get word ids. */
function assembleSections(doc: DocumentParts): SectionNode[] {
  const { roots, leading } = buildSectionTree(doc.body);
  const sections: SectionNode[] = [];
  const preamble = [...doc.preamble, ...leading].map((l) => l.text);
  if (preamble.length) sections.push({ id: PREAMBLE_ID, heading: null, text: preamble.join('\n'), children: [] });
  sections.push(...roots.map(toSectionNode));
  if (doc.closing.length) sections.push({ id: CLOSING_ID, heading: null, text: doc.closing.map((l) => l.text).join('\n'), children: [] });
  return sections;
}

/** Documents cited: those of the preamble are the legal basis; the others are cited in the body. */
function citedDocuments(sections: readonly SectionNode[]): Pick<PlanInput, 'basis' | 'references'> {
  const basis: PlanInput['basis'] = [];
  const references: NonNullable<PlanInput['references']> = [];
  for (const { node } of walkSections(sections)) {
    for (const ref of findReferences(node.text)) {
      const entry = { type: ref.type, number: ref.number, date: ref.date, issuer: ref.issuer, quote: ref.quote };
      if (node.id === PREAMBLE_ID) {
        if (!basis.some((b) => b.number === ref.number)) basis.push(entry);
      } else if (!references.some((r) => r.number === ref.number && r.section === node.id)) {
        references.push({ ...entry, section: node.id });
      }
    }
  }
  return { basis, references };
}

/**
 * A letter has no "Nội dung" or "Tổ chức thực hiện" part: its numbered points are both what it asks for
 * and the addressees' duties (the closing request too).
 */
function letterAsks(sections: readonly SectionNode[], addressee: string): Pick<PlanInput, 'responsibilities' | 'contents'> {
  const responsibilities: PlanInput['responsibilities'] = [];
  const contents: PlanInput['contents'] = [];
  for (const node of sections) {
    const items = nodeItems(node);
    if (node.id === PREAMBLE_ID || items.length === 0) continue;
    responsibilities.push({ agency: addressee, section: node.id, items });
    if (node.id !== CLOSING_ID) contents.push({ section: node.id, items });
  }
  return { responsibilities, contents };
}

/** Section id → the agency responsible for it, for every section under a responsibility. */
function agencyIndex(sections: readonly SectionNode[], responsibilities: PlanInput['responsibilities']): Map<string, string> {
  const index = new Map<string, string>();
  const byId = new Map([...walkSections(sections)].map((w) => [w.node.id, w.node]));
  for (const r of responsibilities) {
    const node = byId.get(r.section);
    if (node) for (const w of walkSections([node])) index.set(w.node.id, r.agency);
  }
  return index;
}

export function importPlan(text: string, opts: ImportOptions): ImportResult {
  const warnings: string[] = [];
  const lines = toLogicalLines(text, opts.fromLine, opts.toLine);
  const doc = splitDocument(lines);
  const sections = assembleSections(doc);
  if (sections.length === 0) throw new Error('the text has no sections: nothing to import');

  const { basis, references } = citedDocuments(sections);
  const allText = [...walkSections(sections)].map((w) => w.node.text).join('\n');
  const meta = guessMeta(doc, allText, basis.map((b) => b.issuer ?? ''), warnings);
  if (!doc.title) warnings.push('title: not found; fill in');
  for (const line of doc.footer.other) warnings.push(`footer: unrecognised line "${line}"`);

  const log = { warnings };
  const letter = meta.kind === 'cong-van' && doc.to.length > 0 ? letterAsks(sections, doc.to[0]!) : null;
  const responsibilities = [...extractResponsibilities(sections, log), ...(letter?.responsibilities ?? [])];
  const contents = [...extractContents(sections), ...(letter?.contents ?? [])];
  const agencies = agencyIndex(sections, responsibilities);

  const plan: PlanInput = {
    id: opts.id ?? slug(meta.locality.name),
    source: {
      file: basename(opts.fileName),
      fromLine: lines[0]?.from ?? opts.fromLine ?? 1,
      toLine: lines[lines.length - 1]?.to ?? opts.toLine ?? 1,
    },
    kind: meta.kind,
    shortName: shortNameOf(meta),
    title: { quote: doc.title ?? 'CHƯA RÕ' },
    issuer: meta.issuer,
    number: meta.number,
    date: meta.date,
    locality: meta.locality,
    period: meta.period,
    basis,
    signer: { name: doc.footer.signerName, items: doc.footer.capacity },
    recipients: { to: doc.to, items: doc.footer.recipients, labels: doc.footer.labels },
    header: { place: meta.place, items: doc.headerItems },
    sections,
    criteria: extractCriteria(sections, log),
    awards: extractAwards(sections),
    deadlines: extractDeadlines(sections, (id) => agencies.get(id) ?? null),
    phases: extractPhases(sections),
    responsibilities,
    funding: extractFunding(sections),
    contents,
    purposes: extractPurposes(sections),
    audience: extractAudience(sections),
    goals: extractGoals(sections),
    solutions: extractSolutions(sections),
    references,
  };
  return { plan, warnings };
}
