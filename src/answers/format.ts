/**
 * How answers look: document names and citations built from the plan's own fields, quotes in the
 * plan's words, and the short normalized deadline line.
 */
import type { DeadlineWhen, Plan } from '../knowledge/schema.js';
import { CLOSING_ID, PREAMBLE_ID } from '../knowledge/sections.js';
import { fold } from '../text/normalize.js';
import { SMALL_ROMAN } from '../text/ordinals.js';
import type { SourceRef } from './types.js';

/** "27/3/2024" from "2024-03-27". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

const KIND_NAMES: Record<Plan['kind'], string> = { 'ke-hoach': 'Kế hoạch', 'cong-van': 'Công văn' };

/** "Kế hoạch số 62/KH-UBND ngày 27/3/2024 của Ủy ban nhân dân tỉnh Thái Bình"; says so when the document has no number or date. */
export function documentName(plan: Plan): string {
  const parts = [KIND_NAMES[plan.kind]];
  if (plan.number) parts.push(`số ${plan.number}`);
  if (plan.date) parts.push(`ngày ${formatDate(plan.date)}`);
  parts.push(`của ${plan.issuer.name}`);
  let name = parts.join(' ');
  if (!plan.number && !plan.date) name += ' (văn bản không ghi số, ngày ban hành)';
  else if (!plan.number) name += ' (văn bản không ghi số)';
  else if (!plan.date) name += ' (văn bản không ghi ngày ban hành)';
  return name;
}

/** How the bot names a plan in lists and choices: "Tây Ninh — Kế hoạch của UBND tỉnh Tây Ninh (giai đoạn 2024–2030)". */
export function planLabel(plan: Plan): string {
  return `${plan.locality.name} — ${plan.shortName}`;
}

/** "Bắc Kạn" → "bk", "Tây Ninh" → "tn": how a place is typed in a hurry. */
export function placeInitials(name: string): string {
  return fold(name)
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0])
    .join('');
}

/** The issuer without its place, in the short forms officials use: "Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn" → "VP UBND tỉnh". */
function issuerShort(plan: Plan): string {
  return plan.issuer.name
    .replace(plan.locality.name, '')
    .replace(/Ủy ban nhân dân|Uỷ ban nhân dân/g, 'UBND')
    .replace(/^Văn phòng /, 'VP ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A plan on a button (at most ~40 characters, the place first, so a phone never cuts the place off):
 * "Thái Bình — Công văn 209/CDYT", "Tây Ninh — Kế hoạch UBND tỉnh".
 */
export function planButtonLabel(plan: Plan): string {
  const what = plan.number ? `${KIND_NAMES[plan.kind]} ${plan.number}` : `${KIND_NAMES[plan.kind]} ${issuerShort(plan)}`;
  const label = `${plan.locality.name} — ${what}`;
  return label.length <= 40 ? label : `${label.slice(0, 39).trimEnd()}…`;
}

/**
 * Who speaks, in a heading: the locality for a plan of a province/district/office ("Tây Ninh"), the
 * issuer for a letter ("Công đoàn ngành Y tế Thái Bình"), so the two Thái Bình documents never blur.
 */
export function placeOf(plan: Plan): string {
  return plan.kind === 'cong-van' ? plan.issuer.name : plan.locality.name;
}

/** A short name for lists: "Củ Chi (Kế hoạch 1792/KH-UBND)", "Thái Bình (Công văn 209/CDYT)", "Tây Ninh (Kế hoạch)". */
export function planShortLabel(plan: Plan): string {
  return `${plan.locality.name} (${KIND_NAMES[plan.kind]}${plan.number ? ` ${plan.number}` : ''})`;
}

/** "Mục III.1.đ", "Mục VII.2, VII.3", "Phần mở đầu". */
export function sectionsLabel(sections: readonly string[]): string {
  const unique = [...new Set(sections)];
  const numbered = unique.filter((s) => s !== PREAMBLE_ID && s !== CLOSING_ID);
  const parts: string[] = [];
  if (numbered.length) parts.push(`Mục ${numbered.join(', ')}`);
  if (unique.includes(PREAMBLE_ID)) parts.push('phần mở đầu');
  if (unique.includes(CLOSING_ID)) parts.push('phần kết thúc');
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The citation line: issuer, number and date when present, and the section(s). */
export function citation(plan: Plan, sections: readonly string[]): string {
  const where = sections.length ? `, ${sectionsLabel(sections)}` : '';
  return `Nguồn: ${documentName(plan)}${where}.`;
}

/** Verbatim lines inside curly quotes; bullets as the document writes them. */
export function quote(lines: readonly string[], bullet = '- '): string {
  if (lines.length === 1) return `“${lines[0]}”`;
  // A lead-in line ("… các nội dung sau:") introduces the bullets rather than being one.
  return `“${lines.map((l, i) => (i === 0 && l.trimEnd().endsWith(':') ? l : `${bullet}${l}`)).join('\n')}”`;
}

export function sourceRefs(plan: Plan, sections: readonly string[]): SourceRef[] {
  return [...new Set(sections)].map((section) => ({ plan: plan.id, section }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The short normalized line after a deadline's quote: "Hạn: trước ngày 01/12 hằng năm",
 * "Thời điểm: quý III năm 2025". "Hạn" only when the text sets a limit ("trước", "chậm nhất").
 */
export function deadlineLine(when: DeadlineWhen, quoteText: string): string {
  const folded = quoteText.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  const before = /truoc ngay/.test(folded);
  const latest = /cham nhat/.test(folded);
  switch (when.type) {
    case 'yearly':
      return before ? `Hạn: trước ngày ${pad(when.day)}/${pad(when.month)} hằng năm.` : `Thời điểm: ngày ${pad(when.day)}/${pad(when.month)} hằng năm.`;
    case 'date': {
      const [y, m, d] = when.date.split('-').map(Number);
      return `${before ? 'Hạn: trước ngày' : 'Thời điểm: ngày'} ${pad(d!)}/${pad(m!)}/${y}.`;
    }
    case 'quarter':
      return `${latest ? 'Hạn: chậm nhất' : 'Thời điểm:'} quý ${SMALL_ROMAN[when.quarter - 1]} năm ${when.year}.`;
    case 'year':
      return `Thời điểm: năm ${when.year}.`;
  }
}

/** Lower-cases the first letter (for a label used mid-sentence: "Đối với cấp xã" → "đối với cấp xã"). */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
