/**
 * Reading a plan's section tree: find a section, its trail of headings, every node in document order,
 * a section's whole text, and how a section is named to users ("Mục III.1.d", "Phần mở đầu").
 */
import type { SectionNode } from './schema.js';

/** Ids of the parts outside the numbered body. */
export const PREAMBLE_ID = 'mo-dau';
export const CLOSING_ID = 'ket-thuc';

export interface WalkedSection {
  node: SectionNode;
  /** 0 for top-level sections. */
  depth: number;
  /** The ancestors, outermost first (not including `node`). */
  ancestors: SectionNode[];
}

/** Every node in document order (a node before its children). */
export function* walkSections(sections: readonly SectionNode[]): Generator<WalkedSection> {
  function* go(nodes: readonly SectionNode[], ancestors: SectionNode[]): Generator<WalkedSection> {
    for (const node of nodes) {
      yield { node, depth: ancestors.length, ancestors };
      yield* go(node.children, [...ancestors, node]);
    }
  }
  yield* go(sections, []);
}

export function findSection(sections: readonly SectionNode[], id: string): SectionNode | undefined {
  for (const { node } of walkSections(sections)) if (node.id === id) return node;
  return undefined;
}

/** The section and its ancestors, outermost first; empty when the id is unknown. */
export function sectionTrail(sections: readonly SectionNode[], id: string): SectionNode[] {
  for (const { node, ancestors } of walkSections(sections)) if (node.id === id) return [...ancestors, node];
  return [];
}

/**
 * The numbering of a section as the document writes it: "III." for "III", "1.1." for "II.1.1",
 * "đ)" for "IV.2.đ"; "" for the preamble and the closing.
 */
export function sectionNumber(id: string): string {
  if (id === PREAMBLE_ID || id === CLOSING_ID) return '';
  const parts = id.replace(/-\d+$/, '').split('.');
  const last = parts[parts.length - 1] ?? '';
  if (/^\p{Ll}$/u.test(last)) return `${last})`;
  if (parts.length === 1) return `${last}.`;
  const roman = /^[IVX]+$/.test(parts[0] ?? '');
  const numeric = roman ? parts.slice(1) : parts;
  return `${numeric.join('.')}.`;
}

/** "Mục III.1.d", "Phần mở đầu", "Phần kết thúc": how an answer cites a section. */
export function sectionLabel(id: string): string {
  if (id === PREAMBLE_ID) return 'Phần mở đầu';
  if (id === CLOSING_ID) return 'Phần kết thúc';
  return `Mục ${id}`;
}

/** A node's heading with its number, e.g. "đ) Đối với cấp xã"; the label when it has no heading. */
export function sectionTitle(node: SectionNode): string {
  const number = sectionNumber(node.id);
  if (node.heading) return number ? `${number} ${node.heading}` : node.heading;
  return sectionLabel(node.id);
}

/** "III. TIÊU CHÍ … › 1. Tiêu chí thi đua › đ) Đối với cấp xã" */
export function breadcrumb(sections: readonly SectionNode[], id: string, separator = ' › '): string {
  return sectionTrail(sections, id)
    .map(sectionTitle)
    .join(separator);
}

/** The section's heading, text and all its descendants' headings and texts, in document order, one per line. */
export function sectionFullText(node: SectionNode): string {
  const lines: string[] = [];
  for (const { node: n } of walkSections([node])) {
    const number = sectionNumber(n.id);
    if (n.heading) lines.push(number ? `${number} ${n.heading}` : n.heading);
    if (n.text) lines.push(n.heading || !number ? n.text : `${number} ${n.text}`);
  }
  return lines.join('\n');
}

/** Every section id of a tree, in document order. */
export function sectionIds(sections: readonly SectionNode[]): string[] {
  return [...walkSections(sections)].map((w) => w.node.id);
}
