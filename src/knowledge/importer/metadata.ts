/**
 * What a plan says about itself: kind, number, date, issuer, locality, period and the short name used
 * in citations. Read from the header, the footer and "trên địa bàn …" phrases; what is guessed is
 * reported as a warning for the reviewer.
 */
import { fold } from '../../text/normalize.js';
import type { PlanInput } from '../schema.js';
import { parseVietnameseDate, parseYearSpan } from './dates.js';
import type { DocumentParts } from './document.js';
import { normalizeNumber } from './references.js';

function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => (w ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

/** "trên địa bàn tỉnh Tây Ninh", "TRÊN ĐỊA BÀN TỈNH KHÁNH HÒA", "trên địa bàn huyện Củ Chi". */
function localities(text: string): Array<{ level: 'tinh' | 'huyen' | 'thanh-pho'; name: string }> {
  const out: Array<{ level: 'tinh' | 'huyen' | 'thanh-pho'; name: string }> = [];
  for (const m of text.matchAll(/(?:trên địa bàn|TRÊN ĐỊA BÀN) +([Tt]ỉnh|[Hh]uyện|[Tt]hành phố|TỈNH|HUYỆN|THÀNH PHỐ) +(\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*)/gu)) {
    const level = fold(m[1]!) === 'tinh' ? 'tinh' : fold(m[1]!) === 'huyen' ? 'huyen' : 'thanh-pho';
    const name = titleCase(m[2]!);
    if (!out.some((o) => o.level === level && o.name === name)) out.push({ level, name });
  }
  return out;
}

/** "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" → "Ủy ban nhân dân tỉnh Ninh Bình": place names after their unit keep capitals. */
export function sentenceCaseName(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi');
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  const m = /^(.*?\b(?:tỉnh|huyện|quận|thị xã|thành phố))\s+(.+)$/u.exec(lower);
  if (!m) return cap(lower);
  return `${cap(m[1]!)} ${m[2]!.split(' ').map(cap).join(' ')}`;
}

/** Centrally-run cities keep "Thành phố" in their name ("Thành phố Hồ Chí Minh"); provinces are named bare ("Thái Bình"). */
function provinceDisplay(p: { level: string; name: string }): string {
  return p.level === 'thanh-pho' ? `Thành phố ${p.name}` : p.name;
}

function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

export function slug(text: string): string {
  return fold(text).replace(/\s+/g, '-');
}

export interface Meta {
  kind: PlanInput['kind'];
  number: string | null;
  date: string | null;
  place: string | null;
  issuer: PlanInput['issuer'];
  locality: PlanInput['locality'];
  period: PlanInput['period'];
}

export function guessMeta(doc: DocumentParts, allText: string, basisIssuers: string[], warnings: string[]): Meta {
  const kind: PlanInput['kind'] = doc.docType && fold(doc.docType) === 'ke hoach' ? 'ke-hoach' : doc.title?.startsWith('V/v') ? 'cong-van' : 'ke-hoach';
  const writtenNumber = doc.numberLine?.replace(/^Số\s*:\s*/u, '').trim() ?? '';
  const number = /^\d/.test(writtenNumber) ? normalizeNumber(writtenNumber) : null;
  if (!number) warnings.push(doc.numberLine ? `number: "${doc.numberLine}" leaves the number blank → null` : 'number: the document has no "Số:" line → null');
  const date = doc.dateLine ? parseVietnameseDate(doc.dateLine) : null;
  if (!date) warnings.push(doc.dateLine ? `date: "${doc.dateLine}" has no full date → null` : 'date: the document has no date line → null');
  const place = doc.dateLine ? doc.dateLine.split(',')[0]!.trim() : null;

  const places = localities(`${doc.title ?? ''}\n${allText}`);
  const district = places.find((p) => p.level === 'huyen');
  const province = places.find((p) => p.level !== 'huyen');
  const capacity = doc.footer.capacity.join(' ');
  const suffix = number?.split('/').slice(1).join('/') ?? '';
  let level: PlanInput['issuer']['level'];
  let name: string;
  let parent: string | null = null;
  const provinceName = province?.name ?? place ?? 'CHƯA RÕ';
  // A union signs "TM. BAN THƯỜNG VỤ" and numbers its letters "…/CĐ…" ("209/CDYT").
  if (/BAN THƯỜNG VỤ/u.test(capacity) || /^(CĐ|CD)/u.test(suffix)) {
    level = 'union';
    const m = /(Công đoàn ngành [\p{L} ]+?)(?=\s+đề nghị|\s+tỉnh|,|$)/mu.exec(allText);
    name = `${m ? m[1] : 'Công đoàn'} ${provinceName}`;
    parent = basisIssuers.find((i) => /Liên đoàn Lao động/u.test(i)) ?? null;
  } else if (/VĂN PHÒNG/u.test(capacity) || /-VP$/.test(suffix) || /\/KH-VP/.test(writtenNumber)) {
    level = 'office';
    name = `Văn phòng Ủy ban nhân dân tỉnh ${provinceName}`;
    parent = `Ủy ban nhân dân tỉnh ${provinceName}`;
  } else if (district) {
    level = 'district';
    name = `Ủy ban nhân dân huyện ${district.name}`;
    if (province) parent = `Ủy ban nhân dân ${province.level === 'thanh-pho' ? provinceDisplay(province) : `tỉnh ${province.name}`}`;
  } else {
    level = 'province';
    name = `Ủy ban nhân dân tỉnh ${provinceName}`;
  }
  if (doc.issuerLine) {
    // The header names the issuer; it beats a guess from the text.
    name = sentenceCaseName(doc.issuerLine);
    if (/^Văn phòng/u.test(name)) level = 'office';
    else if (/^(Công đoàn|Liên đoàn)/u.test(name)) level = 'union';
    else if (/\s(huyện|quận|thị xã)\s/u.test(name)) level = 'district';
  }
  warnings.push(`issuer: guessed "${name}" (${level}); review`);
  const locality: PlanInput['locality'] = district
    ? { name: district.name, province: province ? provinceDisplay(province) : 'CHƯA RÕ', district: district.name }
    : { name: provinceName, province: provinceName, district: null };
  if (locality.province === 'CHƯA RÕ') warnings.push('locality.province: not found in the text; fill in');

  const span = parseYearSpan(doc.title ?? '') ?? parseYearSpan(/giai đoạn\s+\d{4}\s*-\s*\d{4}/u.exec(allText)?.[0] ?? '');
  if (!span) warnings.push('period: no "giai đoạn YYYY-YYYY" found; fill in');
  return { kind, number, date, place, issuer: { name, level, parent }, locality, period: span ?? { from: 2023, to: 2030 } };
}

export function shortNameOf(meta: Meta): string {
  // Citations use the common abbreviation: "UBND tỉnh Thái Bình", "Văn phòng UBND tỉnh Bắc Kạn".
  const issuer = meta.issuer.name.replace(/Ủy ban nhân dân/u, 'UBND');
  const type = meta.kind === 'cong-van' ? 'Công văn' : 'Kế hoạch';
  if (meta.number && meta.date) return `${type} số ${meta.number} ngày ${displayDate(meta.date)} của ${issuer}`;
  if (meta.number) return `${type} số ${meta.number} của ${issuer}`;
  return `${type} của ${issuer} (giai đoạn ${meta.period.from}–${meta.period.to})`;
}
