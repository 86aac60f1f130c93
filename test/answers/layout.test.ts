/** Answers sized for a phone: when a long answer becomes an overview, and what the overview shows. */
import { describe, expect, it } from 'vitest';
import { MESSAGE_CHARS, overviewOf } from '../../src/answers/layout.js';

const quote = (n: number, what: string) => `“${what} ${'nội dung kế hoạch '.repeat(n)}.”`;
const CITE = 'Nguồn: Kế hoạch số 1/KH-UBND của UBND tỉnh Mẫu, Mục III.1, III.2, III.3.';

describe('overview of a long answer', () => {
  it('leaves an answer that fits one message as it is', () => {
    expect(overviewOf(`Tiêu chí (Mẫu):\n${quote(5, 'Một')}\n${CITE}`)).toBeUndefined();
  });

  it('leaves two parts whole while they fit two screens', () => {
    const text = `Mục đích, yêu cầu (Mẫu):\nMục đích:\n${quote(40, 'A')}\n\nYêu cầu:\n${quote(30, 'B')}\n${CITE}`;
    expect(text.length).toBeGreaterThan(MESSAGE_CHARS);
    expect(overviewOf(text)).toBeUndefined();
  });

  it('one plan: its key line, the first part in full, one line for each other part, the citation', () => {
    const text = [
      'Hạn và mốc thời gian (Mẫu): trước ngày 01/12 hằng năm; trước ngày 15/11 hằng năm; năm 2030.',
      '',
      `Báo cáo năm (gửi UBND tỉnh) — trước ngày 01/12 hằng năm:\n“Báo cáo về UBND tỉnh trước ngày 01 tháng 12 hàng năm ${'để tổng hợp '.repeat(20)}.”`,
      '',
      `Báo cáo của đơn vị — trước ngày 15/11 hằng năm:\n“${'Các đơn vị tổng hợp kết quả '.repeat(8)} trước ngày 15 tháng 11 hàng năm.”`,
      '',
      `Tổng kết — năm 2030:\n${quote(20, 'Tổng kết vào năm 2030')}`,
      CITE,
    ].join('\n');
    const o = overviewOf(text)!;
    expect(o.text.length).toBeLessThanOrEqual(MESSAGE_CHARS);
    const lines = o.text.split('\n');
    expect(lines[0]).toBe('Hạn và mốc thời gian (Mẫu): trước ngày 01/12 hằng năm; trước ngày 15/11 hằng năm; năm 2030.');
    expect(o.text).toContain('“Báo cáo về UBND tỉnh trước ngày 01 tháng 12 hàng năm');
    expect(o.text).toContain('Còn 2 phần nữa — chọn để xem nguyên văn:');
    // The other parts show their date in the plan's own words.
    expect(o.text).toMatch(/• Báo cáo của đơn vị — trước ngày 15\/11 hằng năm: “….*trước ngày 15 tháng 11 hàng năm…”/);
    expect(lines.at(-1)).toBe(CITE);
    expect(o.parts.map((p) => p.label)).toEqual(['Xem: Báo cáo năm (gửi UBND tỉnh)…', 'Xem: Báo cáo của đơn vị — trước ngày…', 'Xem: Tổng kết — năm 2030']);
    for (const p of o.parts) {
      expect(p.label.length).toBeLessThanOrEqual(40);
      expect(p.text.startsWith(lines[0]!)).toBe(true);
      expect(p.text.endsWith(CITE)).toBe(true);
    }
    expect(o.parts[2]!.text).toContain('Tổng kết vào năm 2030');
  });

  it('across plans: no plan first; one line per plan with its key fact, and each plan a part', () => {
    const block = (place: string, date: string) =>
      `■ ${place} — Kế hoạch của UBND tỉnh ${place}\nHạn: trước ngày ${date} hằng năm.\n\nBáo cáo năm:\n“${'Các sở, ngành báo cáo '.repeat(16)}trước ngày ${date.replace('/', ' tháng ')} hàng năm.”\nNguồn: Kế hoạch của UBND tỉnh ${place}, Mục VII.9.`;
    const text = `Hạn và mốc thời gian theo từng kế hoạch (3 kế hoạch):\n\n${block('Một', '01/12')}\n\n${block('Hai', '10/12')}\n\n${block('Ba', '15/11')}\nKhông nêu trong: Bốn (Kế hoạch).`;
    expect(text.length).toBeGreaterThan(1500);
    const o = overviewOf(text)!;
    expect(o.text.length).toBeLessThanOrEqual(MESSAGE_CHARS);
    expect(o.text).toContain('3 phần — chọn một phần để xem nguyên văn:');
    expect(o.text).toContain('• Một: Hạn: trước ngày 01/12 hằng năm.');
    expect(o.text).toContain('• Hai: Hạn: trước ngày 10/12 hằng năm.');
    expect(o.text.split('\n').at(-1)).toBe('Không nêu trong: Bốn (Kế hoạch).');
    expect(o.parts.map((p) => p.label)).toEqual(['Xem: Một', 'Xem: Hai', 'Xem: Ba']);
    expect(o.parts[1]!.text).toContain('Nguồn: Kế hoạch của UBND tỉnh Hai, Mục VII.9.');
    expect(o.parts[1]!.text).not.toContain('tỉnh Một');
  });

  it('across plans, a block headed by a body keeps the body in its line; a passage\'s trail of headings does not', () => {
    const block = (place: string, body: string) =>
      `■ ${place} — Kế hoạch của UBND tỉnh ${place}\n${body} (${place}):\n“${'Chỉ đạo các cơ quan báo chí tuyên truyền '.repeat(40)}.”\nNguồn: Kế hoạch của UBND tỉnh ${place}, Mục VII.5.`;
    const o = overviewOf(`Trách nhiệm của các cơ quan theo từng kế hoạch (2 kế hoạch):\n\n${block('Một', 'Đề nghị Ban Tuyên giáo Tỉnh ủy')}\n\n${block('Hai', 'Sở Thông tin và Truyền thông')}`)!;
    expect(o.text).toContain('• Một — Đề nghị Ban Tuyên giáo Tỉnh ủy: “');
    expect(o.text).toContain('• Hai — Sở Thông tin và Truyền thông: “');
    expect(o.parts.map((p) => p.label)).toEqual(['Xem: Một', 'Xem: Hai']);
    const trail = (place: string) => `■ ${place} — Kế hoạch\n${place} — I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu:\n“${'Lồng ghép các danh hiệu thi đua '.repeat(50)}.”\nNguồn: Kế hoạch ${place}, Mục I.2.`;
    const t = overviewOf(`2 trong 3 văn bản có nội dung này: Một; Hai.\n\n${trail('Một')}\n\n${trail('Hai')}`)!;
    expect(t.text).toContain('• Một: ');
    expect(t.text).not.toContain('• Một — Một');
  });

  it('with a focus, a part is shown by the words of its quote that the question asks about', () => {
    const block = (place: string, tail: string) =>
      `■ ${place} — Kế hoạch\nNội dung (${place}):\n“${'Đẩy mạnh tuyên truyền về học tập suốt đời. '.repeat(20)}${tail}”\nNguồn: ${place}, Mục II.`;
    const text = `2 trong 3 kế hoạch có nội dung này:\n\n${block('Một', 'Hỗ trợ người dân tộc thiểu số đi học.')}\n\n${block('Hai', 'Hỗ trợ người học dân tộc thiểu số.')}`;
    const o = overviewOf(text, (s) => (s.includes('dân tộc thiểu số') ? 5 : 0))!;
    expect(o.text).toContain('• Một — Nội dung: “…Hỗ trợ người dân tộc thiểu số đi học…”');
  });

  it('a part shown by the words around its date never cuts the date in two', () => {
    const block = (place: string, when: string) =>
      `■ ${place} — Kế hoạch\nTiến độ (${place}):\n“${'Đẩy mạnh tuyên truyền về học tập suốt đời. '.repeat(20)}Tiến hành sơ kết, đánh giá, rút kinh nghiệm ở cấp sở, ban, ngành, địa phương vào quý III năm 2025 và Ủy ban nhân dân tỉnh sơ kết vào ${when}.”\nNguồn: ${place}, Mục V.1.`;
    const text = `2 trong 3 kế hoạch có nội dung này:\n\n${block('Một', 'quý IV năm 2025')}\n\n${block('Hai', 'Quý 4 năm 2025')}`;
    const o = overviewOf(text, (s) => (s.match(/sơ kết|quý/giu) ?? []).length)!;
    expect(o.text).toContain('quý IV năm 2025…”');
    expect(o.text).toContain('Quý 4 năm 2025…”');
  });

  it('a window on the words asked grows to finish the phrase the question names, and marks a cut at its start', () => {
    const filler = 'Đẩy mạnh tuyên truyền về học tập suốt đời trên địa bàn tỉnh. '.repeat(8);
    const sentence = 'Các cơ quan, đơn vị tăng cường phối hợp tuyên truyền, lồng ghép các danh hiệu thi đua về xây dựng xã hội học tập với Phong trào thi đua Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư.';
    const block = (place: string) => `■ ${place} — Kế hoạch
Yêu cầu (${place}):
“${filler}${sentence}”
Nguồn: ${place}, Mục I.2.`;
    const text = `2 trong 3 kế hoạch có nội dung này:

${block('Một')}

${block('Hai')}`;
    const asked = ['lồng ghép', 'danh hiệu', 'Toàn dân', 'đoàn kết', 'đời sống', 'văn hóa'];
    const o = overviewOf(text, (x) => asked.filter((w) => x.includes(w)).length)!;
    expect(o.text).toContain('Toàn dân đoàn kết xây dựng đời sống văn hóa');
    expect(o.text).toMatch(/• Một — Yêu cầu: “…/u);
  });

  it('a key line that is not what was asked gives its room to the quoted words that are', () => {
    const quoteText = `${'Các cơ quan, đơn vị xét khen thưởng cho các tập thể, cá nhân tiêu biểu. '.repeat(3)}Khen thưởng được trao vào dịp tổ chức Tuần lễ hưởng ứng học tập suốt đời diễn ra vào tháng 10 hàng năm.`;
    const block = (place: string) => `■ ${place} — Kế hoạch
Hình thức khen thưởng (${place}): ${'Bằng khen của Ủy ban nhân dân tỉnh; '.repeat(3)}Giấy khen.
Khen thưởng hàng năm:
“${quoteText}”
Nguồn: ${place}, Mục III.2.`;
    const text = `3 trong 3 kế hoạch có nội dung này:

${block('Một')}

${block('Hai')}

${block('Ba')}`;
    const o = overviewOf(text, (x) => (x.match(/Tuần lễ|suốt đời|tháng 10/gu) ?? []).length)!;
    expect(o.text).toContain('• Một: “…');
    expect(o.text).toContain('Tuần lễ hưởng ứng học tập suốt đời');
    expect(o.text).not.toContain('• Một: Bằng khen');
  });

  it('a part that opens with its quote is shown by the sentence the question asks about too', () => {
    const filler = 'Đẩy mạnh tuyên truyền về học tập suốt đời trên địa bàn. '.repeat(14);
    const text = `Ủy ban nhân dân các huyện (Mẫu):\n“${filler}Tổ chức Lễ phát động Phong trào ở cấp huyện, cấp xã.”\n\n“${filler}Báo cáo kết quả trước ngày 10 tháng 12 hàng năm.”\nNguồn: Mẫu, Mục VII.8, VII.9.`;
    const o = overviewOf(text, (x) => (x.includes('Lễ phát động') ? 5 : 0))!;
    expect(o.text).toContain('Lễ phát động Phong trào ở cấp huyện, cấp xã');
  });

  it('a long list is one line per item, each by its opening words unless a rare word asked is further in', () => {
    const item = (open: string, rest: string) => `- ${open} ${'trong thực hiện phong trào thi đua của cơ quan, đơn vị '.repeat(4)}${rest}.`;
    const items = [item('Tăng cường lãnh đạo', 'ứng dụng công nghệ thông tin'), item('Đổi mới tuyên truyền', 'đoàn viên'), item('Rà soát văn bản', 'người học')];
    const text = `Giải pháp thực hiện (Một):\n“${items.join('\n')}”\nNguồn: Một, Mục IV.`.repeat(1);
    const long = text.replace('“', `“${'- Bổ sung nguồn lực thực hiện phong trào thi đua. '.repeat(30)}\n`);
    // Everyday words of the question ("thực hiện") weigh little: the items read by their opening words.
    const common = overviewOf(long, (s) => (s.includes('thực hiện') ? 1 : 0))!;
    expect(common.text).toContain('• Tăng cường lãnh đạo');
    expect(common.text).toContain('• Rà soát văn bản');
    // A rare word asked ("công nghệ thông tin") is worth showing the words around it.
    const rare = overviewOf(long, (s) => (s.includes('công nghệ thông tin') ? 5 : 0))!;
    expect(rare.text).toMatch(/• …[^\n]*công nghệ thông tin/u);
  });
});
