/**
 * The numbered body of a plan → a tree of sections. Ids follow the document's numbering:
 * "III" (part), "III.1" / "II.1.1" (items; "1.1." and "2.1" carry their parent's number), "III.1.d" (points).
 * Bullets ("-", "+") and unnumbered paragraphs stay in the text of the section they follow.
 */
import type { SectionNode } from '../schema.js';
import type { LogicalLine } from './lines.js';
import { parseMarker, type Marker } from './numbering.js';

export interface BuiltNode {
  id: string;
  heading: string | null;
  textLines: string[];
  children: BuiltNode[];
  marker: Marker;
  /** Source lines covered (1-based, inclusive), children included. */
  from: number;
  to: number;
}

/** A heading is a short label; a long line or one ending a sentence is an item with body text. */
const MAX_HEADING = 160;
/** "Hội Khuyến học tỉnh: Chủ trì …" — the label before a colon becomes the heading. */
const MAX_LABEL_BEFORE_COLON = 60;

export function splitHeading(rest: string, kind: Marker['kind']): { heading: string | null; text: string } {
  const trimmed = rest.trim();
  if (kind === 'roman') return { heading: trimmed.replace(/\s*:$/, ''), text: '' };
  if (trimmed.endsWith(':') && trimmed.length <= MAX_HEADING) return { heading: trimmed.slice(0, -1).trim(), text: '' };
  const colon = trimmed.indexOf(': ');
  if (colon > 0 && colon <= MAX_LABEL_BEFORE_COLON && !/[.;]/.test(trimmed.slice(0, colon))) {
    return { heading: trimmed.slice(0, colon).trim(), text: trimmed.slice(colon + 2).trim() };
  }
  const endsSentence = /[.;!?]$/.test(trimmed);
  if (!endsSentence && (trimmed.length <= MAX_HEADING || /^Đối (với|tượng)\b/u.test(trimmed))) {
    return { heading: trimmed, text: '' };
  }
  return { heading: null, text: trimmed };
}

function isRoman(n: BuiltNode): boolean {
  return n.marker.kind === 'roman';
}

/** Builds the tree; lines before the first numbered line are returned as `leading`. */
export function buildSectionTree(lines: readonly LogicalLine[]): { roots: BuiltNode[]; leading: LogicalLine[] } {
  const roots: BuiltNode[] = [];
  const leading: LogicalLine[] = [];
  const used = new Set<string>();
  /** Open nodes, outermost first. */
  let stack: BuiltNode[] = [];

  const uniqueId = (id: string): string => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  };

  for (const line of lines) {
    const marked = parseMarker(line.text);
    if (!marked || marked.marker.kind === 'bullet') {
      const current = stack[stack.length - 1];
      if (current) {
        current.textLines.push(line.text);
        for (const open of stack) open.to = Math.max(open.to, line.to);
      } else leading.push(line);
      continue;
    }
    const { marker, rest } = marked;
    let parent: BuiltNode | undefined;
    let localId: string;
    if (marker.kind === 'roman') {
      stack = [];
      parent = undefined;
      localId = marker.label;
    } else if (marker.kind === 'decimal') {
      // Parent: the open item whose number is this one's prefix ("1" for "1.1"), else the open part.
      const prefix = marker.parts.slice(0, -1).join('.');
      let depth = -1;
      for (let i = stack.length - 1; i >= 0; i--) {
        const s = stack[i]!;
        if (s.marker.kind === 'decimal' && prefix !== '' && s.marker.label === prefix) {
          depth = i;
          break;
        }
      }
      if (depth < 0) depth = stack.findIndex(isRoman);
      stack = depth >= 0 ? stack.slice(0, depth + 1) : [];
      parent = stack[stack.length - 1];
      const roman = stack.find(isRoman);
      localId = roman ? `${roman.id}.${marker.label}` : marker.label;
    } else {
      // Points belong to the innermost numbered item or part.
      while (stack.length > 0 && stack[stack.length - 1]!.marker.kind === 'letter') stack.pop();
      parent = stack[stack.length - 1];
      localId = parent ? `${parent.id}.${marker.label}` : marker.label;
    }
    const { heading, text } = splitHeading(rest, marker.kind);
    const node: BuiltNode = {
      id: uniqueId(localId),
      heading,
      textLines: text ? [text] : [],
      children: [],
      marker,
      from: line.from,
      to: line.to,
    };
    if (parent) parent.children.push(node);
    else roots.push(node);
    for (const open of stack) open.to = Math.max(open.to, line.to);
    stack.push(node);
  }
  return { roots, leading };
}

export function toSectionNode(node: BuiltNode): SectionNode {
  return {
    id: node.id,
    heading: node.heading,
    text: node.textLines.join('\n'),
    children: node.children.map(toSectionNode),
  };
}
