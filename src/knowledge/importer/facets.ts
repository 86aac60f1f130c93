/**
 * The answerable facets of a plan, read off its section tree by the headings the plans use:
 * criteria ("Đối với …" under "Tiêu chí thi đua"), awards ("Khen thưởng hằng năm", "… sơ kết … tổng kết"),
 * phases ("Giai đoạn …"), responsibilities (items of "Tổ chức thực hiện"), funding ("Kinh phí"),
 * contents ("Nội dung"), purposes ("Mục đích", "Yêu cầu"), goals ("Mục tiêu"), audience ("Đối tượng"),
 * solutions ("Giải pháp"). Every `items` string is a line of the document (bullet removed).
 */
import { fold } from '../../text/normalize.js';
import type { ItemsBlock, PlanInput, SectionNode } from '../schema.js';
import { walkSections } from '../sections.js';
import { parseYearSpan } from './dates.js';
import { AGENCY_START, agencyOf, cleanAgency } from './agencies.js';
import { stripBullets } from './numbering.js';
import { targetGroupKey } from './target-groups.js';

type Criterion = PlanInput['criteria'][number];
type AwardInput = PlanInput['awards'][number];
type PhaseInput = PlanInput['phases'][number];
type ResponsibilityInput = PlanInput['responsibilities'][number];

/** The node's own text, one item per line, bullets removed. */
export function nodeItems(node: SectionNode): string[] {
  return node.text
    .split('\n')
    .map((l) => stripBullets(l.trim()).trim())
    .filter((l) => l !== '');
}

function headingHas(node: SectionNode, words: string): boolean {
  return node.heading !== null && ` ${fold(node.heading)} `.includes(` ${words} `);
}

/** The node's items, then the headings and items of every descendant. */
function subtreeItems(node: SectionNode): string[] {
  const out: string[] = [];
  for (const { node: n } of walkSections([node])) {
    if (n.heading && n !== node) out.push(n.heading);
    out.push(...nodeItems(n));
  }
  return out;
}

/**
 * One block per section that carries text; sections whose children are all unheaded items
 * ("1. Tuyên truyền …", "a) Phát huy …") are cited as one block.
 */
export function blocksOf(root: SectionNode): ItemsBlock[] {
  const out: ItemsBlock[] = [];
  const visit = (node: SectionNode): void => {
    const own = nodeItems(node);
    if (node.children.length > 0 && node.children.every((c) => c.heading === null)) {
      const items = [...own, ...node.children.flatMap(subtreeItems)];
      if (items.length) out.push({ section: node.id, items });
      return;
    }
    if (own.length) out.push({ section: node.id, items: own });
    node.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Blocks of every top-level section whose heading has one of the folded phrases. */
function topLevelBlocks(sections: readonly SectionNode[], phrases: string[]): ItemsBlock[] {
  return sections.filter((s) => phrases.some((p) => headingHas(s, p))).flatMap(blocksOf);
}

export function extractPurposes(sections: readonly SectionNode[]): ItemsBlock[] {
  return topLevelBlocks(sections, ['muc dich', 'yeu cau']);
}

export function extractContents(sections: readonly SectionNode[]): ItemsBlock[] {
  return topLevelBlocks(sections, ['noi dung']);
}

export function extractSolutions(sections: readonly SectionNode[]): ItemsBlock[] {
  return topLevelBlocks(sections, ['giai phap']);
}

export function extractFunding(sections: readonly SectionNode[]): ItemsBlock[] {
  const out: ItemsBlock[] = [];
  for (const { node, ancestors } of walkSections(sections)) {
    if (headingHas(node, 'kinh phi') && !ancestors.some((a) => headingHas(a, 'kinh phi'))) out.push(...blocksOf(node));
  }
  return out;
}

export function extractGoals(sections: readonly SectionNode[]): ItemsBlock[] {
  const out: ItemsBlock[] = [];
  for (const { node } of walkSections(sections)) {
    // "MỤC TIÊU, TIÊU CHÍ THI ĐUA …" is a part holding goals and criteria; its "Mục tiêu thi đua" item holds the goals.
    if (headingHas(node, 'muc tieu') && !headingHas(node, 'tieu chi')) out.push(...blocksOf(node));
  }
  return out;
}

/** "Đối tượng thi đua": an unheaded item directly under a part whose heading names the participants. */
export function extractAudience(sections: readonly SectionNode[]): ItemsBlock[] {
  const out: ItemsBlock[] = [];
  for (const { node, ancestors } of walkSections(sections)) {
    const parent = ancestors[ancestors.length - 1];
    if (node.heading === null && parent && headingHas(parent, 'doi tuong') && nodeItems(node).length) {
      out.push({ section: node.id, items: nodeItems(node) });
    } else if (node.heading !== null && /^doi tuong thi dua\b/.test(fold(node.heading))) {
      out.push(...blocksOf(node));
    }
  }
  return out;
}

export interface FacetWarnings {
  warnings: string[];
}

export function extractCriteria(sections: readonly SectionNode[], log: FacetWarnings): Criterion[] {
  const out: Criterion[] = [];
  for (const { node, ancestors } of walkSections(sections)) {
    if (!node.heading || !/^Đối (với|tượng)\b/u.test(node.heading)) continue;
    if (!ancestors.some((a) => headingHas(a, 'tieu chi'))) continue;
    const items = nodeItems(node);
    if (items.length === 0) {
      log.warnings.push(`criteria: ${node.id} "${node.heading}" has no text`);
      continue;
    }
    let key: string | null = targetGroupKey(node.heading);
    if (!key) {
      key = fold(node.heading).replace(/^doi voi (cac )?/, '').split(' ').slice(0, 4).join('-');
      log.warnings.push(`criteria: ${node.id} "${node.heading}" matched no target-group rule; key "${key}" needs review`);
    }
    out.push({ key, label: node.heading, section: node.id, items });
  }
  return out;
}

const AWARD_FORM = /^(Bằng khen|Giấy khen|Cờ thi đua|Huân chương|Huy chương|Danh hiệu|Kỷ niệm chương|Giấy chứng nhận|Chiến sĩ thi đua)/u;

export function extractAwards(sections: readonly SectionNode[]): AwardInput[] {
  const out: AwardInput[] = [];
  for (const { node, ancestors } of walkSections(sections)) {
    if (!node.heading || !headingHas(node, 'khen thuong')) continue;
    if (!ancestors.some((a) => headingHas(a, 'khen thuong'))) continue;
    const folded = fold(node.heading);
    const kind = /\b(so ket|tong ket)\b/.test(folded) ? 'so-ket-tong-ket' : /\bhang nam\b/.test(folded) ? 'hang-nam' : null;
    if (!kind) continue;
    const periods: NonNullable<AwardInput['periods']> = [];
    for (const m of folded.matchAll(/(so ket|tong ket)\D*?(\d{4}) (\d{4})/g)) {
      periods.push({ kind: m[1] === 'so ket' ? 'so-ket' : 'tong-ket', from: Number(m[2]), to: Number(m[3]) });
    }
    const items: string[] = [];
    const standards: string[] = [];
    for (const line of subtreeItems(node)) {
      const f = fold(line);
      if (/^hinh thuc khen thuong\b/.test(f) && line.replace(/^[^:]*:?/, '').trim() === '') continue;
      if (/^tieu chuan khen thuong\b/.test(f)) {
        const rest = line.replace(/^[^:]*:\s*/, '').trim();
        if (rest) standards.push(rest);
        continue;
      }
      if (AWARD_FORM.test(line)) {
        const colon = line.indexOf(':');
        items.push((colon > 0 ? line.slice(0, colon) : line).replace(/[;.,]\s*$/, '').trim());
        if (colon > 0) standards.push(line.replace(/[;]\s*$/, '').trim());
        continue;
      }
      standards.push(line);
    }
    out.push({ kind, label: node.heading, section: node.id, periods, items, standards });
  }
  return out;
}

export function extractPhases(sections: readonly SectionNode[]): PhaseInput[] {
  const out: PhaseInput[] = [];
  for (const { node } of walkSections(sections)) {
    if (!node.heading || !/^Giai đoạn\b/u.test(node.heading)) continue;
    const span = parseYearSpan(node.heading);
    if (!span) continue;
    const quote = nodeItems(node).join(' ') || node.heading;
    out.push({ label: node.heading, from: span.from, to: span.to, section: node.id, quote });
  }
  return out;
}

export function extractResponsibilities(sections: readonly SectionNode[], log: FacetWarnings): ResponsibilityInput[] {
  const out: ResponsibilityInput[] = [];
  for (const part of sections) {
    if (!headingHas(part, 'to chuc thuc hien')) continue;
    for (const child of part.children) {
      const items = child.children.length ? subtreeItems(child) : nodeItems(child);
      if (items.length === 0) continue;
      const fromHeading = child.heading ? cleanAgency(child.heading) : null;
      const agency = fromHeading && AGENCY_START.test(fromHeading) ? fromHeading : (agencyOf(items[0]!) ?? fromHeading);
      if (!agency) {
        log.warnings.push(`responsibilities: ${child.id} names no agency; review`);
        continue;
      }
      out.push({ agency, section: child.id, items });
    }
  }
  return out;
}
