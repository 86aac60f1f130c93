/**
 * Dated obligations of a plan: every deadline phrase in a section's text becomes a deadline with the
 * sentence it stands in (`quote`), a kind (report / plan / review / other) read from the words just
 * before the phrase, and — where the text says so — who sends it and to whom.
 */
import { fold } from '../../text/normalize.js';
import type { PlanInput, SectionNode } from '../schema.js';
import { walkSections } from '../sections.js';
import { findDeadlinePhrases } from './dates.js';
import { agencyIn, agencyOf } from './agencies.js';
import { stripBullets } from './numbering.js';

type DeadlineInput = PlanInput['deadlines'][number];
type Kind = DeadlineInput['kind'];

/** Splits text into sentences: at line breaks, and after ".", "!" or "?" followed by a capital letter. */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .map((line) => stripBullets(line.trim()))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[\p{Lu}“"])/u))
    .map((s) => s.trim())
    .filter(Boolean);
}

const KIND_WORDS: Array<[Kind, RegExp]> = [
  ['review', /\b(so ket|tong ket)\b/g],
  ['report', /\bbao cao\b/g],
  ['plan', /\bxay dung ke hoach\b/g],
];

/** The kind named closest before the phrase; the whole sentence decides when the clause names none. */
function kindOf(clause: string, sentence: string): Kind {
  for (const text of [clause, sentence]) {
    const folded = fold(text);
    let best: { kind: Kind; at: number } | null = null;
    for (const [kind, re] of KIND_WORDS) {
      for (const m of folded.matchAll(re)) if (!best || m.index >= best.at) best = { kind, at: m.index };
    }
    if (best) return best.kind;
  }
  return 'other';
}

const WHAT: Record<Kind, string> = {
  report: 'Báo cáo kết quả thực hiện Phong trào thi đua',
  plan: 'Xây dựng kế hoạch thực hiện Phong trào thi đua',
  review: 'Sơ kết, tổng kết Phong trào thi đua',
  other: 'Thực hiện nhiệm vụ theo kế hoạch',
};

function whatOf(kind: Kind, clause: string): string {
  if (kind === 'review') {
    const f = fold(clause);
    const so = f.lastIndexOf('so ket');
    const tong = f.lastIndexOf('tong ket');
    return tong > so ? 'Tổng kết Phong trào thi đua' : 'Sơ kết Phong trào thi đua';
  }
  return WHAT[kind];
}

const RECIPIENT_END = String.raw`(?=\s+(?:để|trước|theo|thông qua|qua|hàng năm|hằng năm)(?=\s|$)|[,;.(]|$)`;
/** "… báo cáo … về Sở Giáo dục và Đào tạo …" */
const REPORT_TO = new RegExp(String.raw`báo cáo.*?\s(?:gửi về|về|cho|trình)\s+(\p{Lu}[^,;.(]*?)${RECIPIENT_END}`, 'u');
/** "… báo cáo Ủy ban nhân dân tỉnh …" (the addressee right after the verb) */
const REPORT_DIRECT = new RegExp(
  String.raw`báo cáo\s+((?:Ủy ban|UBND|Sở|Bộ|Phòng|Ban|Hội đồng|Chủ tịch|Thường trực)(?=\s)[^,;.(]*?)${RECIPIENT_END}`,
  'u',
);

/** To whom a report goes; the earliest the sentence names. */
function recipientOf(sentence: string): string | null {
  const found = [REPORT_TO.exec(sentence), REPORT_DIRECT.exec(sentence)].filter((m): m is RegExpExecArray => m !== null);
  found.sort((a, b) => a.index - b.index);
  return found[0] ? found[0][1]!.trim() : null;
}

/** Deadlines found in every section text; `agencyOfSection` names the agency a "Tổ chức thực hiện" item is for. */
export function extractDeadlines(
  sections: readonly SectionNode[],
  agencyOfSection: (id: string) => string | null = () => null,
): DeadlineInput[] {
  const out: DeadlineInput[] = [];
  for (const { node } of walkSections(sections)) {
    let previousSubject: string | null = null;
    for (const sentence of sentences(node.text)) {
      // "Trước ngày 15 tháng 11 hàng năm báo cáo …" leaves out its subject: the previous sentence's.
      const subject: string | null = agencyIn(sentence) ?? (/^(Trước|Chậm nhất|Hạn chót)\s/u.test(sentence) ? previousSubject : null);
      previousSubject = subject;
      const phrases = findDeadlinePhrases(sentence);
      let clauseStart = 0;
      for (const p of phrases) {
        const before = sentence.slice(0, p.index);
        const semi = before.lastIndexOf(';');
        const start = Math.max(clauseStart, semi + 1);
        const clause = sentence.slice(start, p.index + p.phrase.length);
        clauseStart = p.index + p.phrase.length;
        const kind = kindOf(clause, sentence);
        // "… vào quý III năm 2025 và Ủy ban nhân dân tỉnh sơ kết vào quý IV năm 2025": a later clause may name its own agency.
        const clauseAgency = start > 0 ? agencyOf(clause.replace(/^[\s,;]*(và|còn)?\s*/u, '')) : null;
        out.push({
          kind,
          what: whatOf(kind, clause),
          from: clauseAgency ?? agencyOfSection(node.id) ?? subject,
          to: kind === 'report' ? recipientOf(sentence) : null,
          when: p.when,
          section: node.id,
          quote: sentence,
        });
      }
    }
  }
  return out;
}
