/**
 * One plan document → its parts: header (Số, place and date, document type, Kính gửi), title (or "V/v"
 * subject), preamble (the "Thực hiện …"/"Căn cứ …" paragraphs), the numbered body, the closing
 * paragraph ("Trên đây là …"), and the footer (Nơi nhận, signature).
 */
import { fold } from '../../text/normalize.js';
import type { LogicalLine } from './lines.js';
import { parseMarker, stripBullets } from './numbering.js';

export interface DocumentParts {
  /** Header lines as written, title excluded. */
  headerItems: string[];
  numberLine: string | null;
  dateLine: string | null;
  /** The issuing body's line of the header, when the text has it ("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"). */
  issuerLine: string | null;
  /** "KẾ HOẠCH", "CÔNG VĂN" … when the document names its type on a line of its own. */
  docType: string | null;
  /** The title or "V/v" subject, its lines joined by a space. */
  title: string | null;
  /** "Kính gửi" addressees. */
  to: string[];
  preamble: LogicalLine[];
  body: LogicalLine[];
  closing: LogicalLine[];
  footer: Footer;
}

export interface Footer {
  /** "Nơi nhận:", "Gửi bản điện tử:" */
  labels: string[];
  recipients: string[];
  /** Capacity lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  capacity: string[];
  signerName: string | null;
  /** Lines of the footer that fit none of the above (reported as warnings). */
  other: string[];
}

const DOC_TYPES = new Set(['ke hoach', 'cong van', 'huong dan', 'thong bao', 'quyet dinh', 'chi thi', 'bao cao', 'to trinh']);
const NUMBER_LINE = /^Số\s*:/u;
/** "Thái Bình, ngày 27 tháng 3 năm 2024", "Bắc Kạn, ngày tháng năm 2024" */
const PLACE_DATE = /^[\p{L} .]{2,40},\s*ngày\b/u;
const SUBJECT = /^V\/v\b/iu;
const TO = /^Kính gửi\s*:?\s*/u;
/** A preamble paragraph opens with one of these. */
const PREAMBLE_OPENERS = /^(Thực hiện|Căn cứ|Để|Theo|Nhằm|Triển khai|Trên cơ sở)(?=\s|$)/u;
/** The closing paragraph after the last numbered section. */
const CLOSING_OPENERS = /^(Trên đây là|Với nội dung trên|Nhận được công văn này|Trong quá trình (tổ chức )?(thực hiện|triển khai), nếu)/u;
/** Signature capacity lines that may come without a "Nơi nhận" block. */
/** "Độc lập - Tự do - Hạnh phúc" under the national name. */
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;
/** The issuing body as printed at the top left: "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH". */
const ISSUER_LINE = /^(ỦY BAN NHÂN DÂN|UBND|VĂN PHÒNG|CÔNG ĐOÀN|LIÊN ĐOÀN|SỞ|BAN|HỘI)\s/u;
const SIGNATURE_START = /^(TM|KT|TL|TUQ|Q)\.\s*\p{Lu}/u;

function isUpperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

function isStructural(text: string): boolean {
  const marked = parseMarker(text);
  return marked !== null && marked.marker.kind !== 'bullet';
}

export function splitDocument(lines: readonly LogicalLine[]): DocumentParts {
  const parts: DocumentParts = {
    headerItems: [],
    numberLine: null,
    dateLine: null,
    issuerLine: null,
    docType: null,
    title: null,
    to: [],
    preamble: [],
    body: [],
    closing: [],
    footer: { labels: [], recipients: [], capacity: [], signerName: null, other: [] },
  };
  let i = 0;
  const titleLines: string[] = [];

  /** Takes the title's lines: the first always, then more until an empty line, a preamble or a numbered line. */
  const takeTitle = (first: boolean): void => {
    while (i < lines.length) {
      const line = lines[i]!;
      const isFirst = first && titleLines.length === 0;
      if (!isFirst && (line.blankBefore || PREAMBLE_OPENERS.test(line.text) || isStructural(line.text))) return;
      if (!isFirst && (NUMBER_LINE.test(line.text) || PLACE_DATE.test(line.text) || TO.test(line.text))) return;
      titleLines.push(line.text);
      i++;
    }
  };

  // Header.
  while (i < lines.length) {
    const text = lines[i]!.text;
    if (NUMBER_LINE.test(text)) {
      parts.numberLine = text;
      parts.headerItems.push(text);
      i++;
    } else if (PLACE_DATE.test(text)) {
      parts.dateLine = text;
      parts.headerItems.push(text);
      i++;
    } else if (TO.test(text)) {
      parts.headerItems.push(text);
      const rest = text.replace(TO, '').trim();
      if (rest) parts.to.push(...rest.split(/\s*;\s*/).map((s) => stripBullets(s).replace(/[;.]$/, '').trim()).filter(Boolean));
      i++;
    } else if (SUBJECT.test(text) && titleLines.length === 0) {
      takeTitle(true);
    } else if (DOC_TYPES.has(fold(text)) && titleLines.length === 0) {
      parts.docType = text;
      parts.headerItems.push(text);
      i++;
      takeTitle(true);
    } else if (titleLines.length === 0 && !PREAMBLE_OPENERS.test(text) && !isStructural(text) && (isUpperCase(text) || MOTTO.test(text))) {
      // Issuing body, national name and motto.
      if (!parts.issuerLine && ISSUER_LINE.test(text)) parts.issuerLine = text;
      parts.headerItems.push(text);
      i++;
    } else break;
  }
  parts.title = titleLines.length ? titleLines.join(' ') : null;

  // Preamble: up to the first numbered line.
  while (i < lines.length && !isStructural(lines[i]!.text)) parts.preamble.push(lines[i++]!);

  // Body, closing and footer.
  let zone: 'body' | 'closing' | 'footer' = 'body';
  const footerLines: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const folded = fold(line.text);
    if (zone !== 'footer' && (folded.startsWith('noi nhan') || SIGNATURE_START.test(line.text))) zone = 'footer';
    else if (zone === 'body' && !parseMarker(line.text) && CLOSING_OPENERS.test(line.text)) zone = 'closing';
    if (zone === 'body') parts.body.push(line);
    else if (zone === 'closing') parts.closing.push(line);
    else footerLines.push(line.text);
  }
  parts.footer = parseFooter(footerLines);
  return parts;
}

/** Nơi nhận list (bullets), its label lines, capacity lines (upper case), and the signer's name (the last line). */
export function parseFooter(lines: readonly string[]): Footer {
  const footer: Footer = { labels: [], recipients: [], capacity: [], signerName: null, other: [] };
  for (const text of lines) {
    const marked = parseMarker(text);
    if (fold(text).startsWith('noi nhan') || (text.endsWith(':') && footer.capacity.length === 0 && !marked)) {
      footer.labels.push(text);
    } else if (marked?.marker.kind === 'bullet' && footer.capacity.length === 0) {
      const item = stripBullets(text).replace(/[;,]$/, '').trim();
      if (item) footer.recipients.push(item);
    } else if (isUpperCase(text)) {
      footer.capacity.push(text);
    } else if (footer.capacity.length > 0 && footer.signerName === null && /^[\p{L} .]+$/u.test(text)) {
      footer.signerName = text;
    } else {
      footer.other.push(text);
    }
  }
  return footer;
}
