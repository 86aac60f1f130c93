/**
 * Documents cited in a plan: "Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ",
 * "Công văn số 210/LĐLĐ, ngày 24/4/2024 của Liên đoàn Lao động tỉnh Thái Bình",
 * "Thông tư 24/TT-BGDĐT ngày 11 tháng 12 năm 2023 của Bộ Giáo dục và Đào tạo", "Kết luận số 49-KL/TW …".
 * Number, date and issuer are kept as written.
 */
import { parseVietnameseDate } from './dates.js';

export interface FoundReference {
  type: string;
  /** As written, spaces around "/" and "-" removed: "1315/QĐ-TTg", "25/2023/TT-BGDDT". */
  number: string;
  date: string | null;
  issuer: string | null;
  /** The reference as written, from its type to the end of its issuer. */
  quote: string;
  index: number;
}

const TYPES = [
  'Quyết định',
  'Kế hoạch',
  'Công văn',
  'Văn bản',
  'Hướng dẫn',
  'Thông tư',
  'Thông tri',
  'Kết luận',
  'Chỉ thị',
  'Nghị quyết',
  'Nghị định',
  'Tờ trình',
  'Thông báo',
  'Luật',
];

/** "1315/QĐ-TTg", "25/2023/TT- BGDDT", "1373/QĐ - TTg", "49-KL/TW", "13-TT/TU", "210/LĐLĐ" */
const NUMBER = String.raw`\d+(?:\s?[\/-]\s?[\p{L}\d]+)+`;
const DATE = String.raw`(?:,\s*)?ngày\s+(?:\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`;
/** The issuer runs from "của" to the first words that say what the document is about. */
const ISSUER_STOP = String.raw`\s(?:về|ban hành|quy định|tại|theo|đối với|trên địa bàn|khen thưởng|hướng dẫn)(?=\s|$)`;
const ISSUER = String.raw`\s+của\s+((?:(?!${ISSUER_STOP})[^,;:()“”"])+?)(?=${ISSUER_STOP}|[,;:()“”"]|\.(?:\s|$)|$)`;

const REFERENCE = new RegExp(
  String.raw`(${TYPES.join('|')})\s+(?:số\s+)?(${NUMBER})(\s*${DATE})?(?:${ISSUER})?`,
  'gu',
);

export function normalizeNumber(written: string): string {
  return written.replace(/\s*([\/-])\s*/g, '$1');
}

export function findReferences(text: string): FoundReference[] {
  const out: FoundReference[] = [];
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const [quote, type, number, date, issuer] = m;
    out.push({
      type: type!,
      number: normalizeNumber(number!),
      date: date ? parseVietnameseDate(date) : null,
      issuer: issuer ? issuer.trim() : issuerBefore(text.slice(0, m.index)),
      quote: quote.trim(),
      index: m.index,
    });
  }
  return out;
}

/** "theo đề nghị của Sở Giáo dục và Đào tạo tại Văn bản số 31/…": the issuer written before the reference. */
function issuerBefore(preceding: string): string | null {
  const m = /của\s+([^,;:()“”"]+?)\s+tại\s*$/u.exec(preceding);
  return m ? m[1]!.trim() : null;
}
