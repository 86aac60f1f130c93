/**
 * Who a duty is for: the agency a "Tổ chức thực hiện" item or a deadline sentence names first
 * ("Sở Tài chính bố trí kinh phí …" → "Sở Tài chính").
 */

/** Words that end the agency at the start of a duty ("Sở Tài chính bố trí kinh phí …"). */
const DUTY_VERBS =
  /\s(căn cứ|chủ trì|bố trí|phối hợp|vận động|xây dựng|có trách nhiệm|triển khai|thực hiện|tham mưu|báo cáo|hướng dẫn|tổ chức triển khai|trên cơ sở|sơ kết|tổng kết|tiến hành)(?=[\s,]|$)/u;
/** An agency is named by its kind of body first ("Sở …", "Các phòng, ban …", "Ủy ban nhân dân …"). */
export const AGENCY_START =
  /^(các |mọi )?(sở|ban|phòng|hội|ủy ban|ubnd|trung tâm|văn phòng|công đoàn|liên đoàn|đoàn|hội đồng|đài|cơ quan|đơn vị|tổ chức|bộ|thường trực)(?=[\s,]|$)/iu;
const LEADING_DEADLINE = /^Trước ngày [^,]+,\s*/u;

/** The agency named at the start of a duty sentence; null when it cannot be told. */
export function agencyOf(sentence: string): string | null {
  const s = sentence.replace(LEADING_DEADLINE, '').replace(/^(Đề nghị|Giao)\s+/u, '');
  const m = DUTY_VERBS.exec(s);
  if (!m || m.index === 0) return null;
  const agency = s.slice(0, m.index).replace(/[,:;]\s*$/, '').trim();
  if (!AGENCY_START.test(agency)) return null;
  return agency.charAt(0).toLocaleUpperCase('vi') + agency.slice(1);
}

/** The first agency that opens a clause ("Trên cơ sở …, Sở Giáo dục và Đào tạo chủ trì …" → "Sở Giáo dục và Đào tạo"). */
export function agencyIn(sentence: string): string | null {
  const direct = agencyOf(sentence);
  if (direct) return direct;
  for (const m of sentence.matchAll(/[,;]\s+/g)) {
    const found = agencyOf(sentence.slice(m.index + m[0].length));
    if (found) return found;
  }
  return null;
}

/** A heading naming an agency, without "Đề nghị"/"Giao" and its colon. */
export function cleanAgency(heading: string): string {
  return heading
    .replace(/^(Đề nghị|Giao)\s+/u, '')
    .replace(/\s*:$/, '')
    .trim();
}
