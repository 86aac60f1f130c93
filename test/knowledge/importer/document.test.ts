import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../../src/knowledge/importer/document.js';
import { toLogicalLines } from '../../../src/knowledge/importer/lines.js';

const letter = `

Số: 209/CDYT

Thái Bình, ngày 26 tháng 4 năm 2024

V/v thực hiện phong trào thi đua
“Xây dựng xã hội học tập, đẩy mạnh học tập
suốt đời” giai đoạn 2023-2030

Kính gửi: Các Công đoàn cơ sở trực thuộc

Thực hiện Công văn số 210/LĐLĐ, ngày 24/4/2024 của Liên đoàn Lao động tỉnh Thái Bình, đề nghị như sau:

1. Đẩy mạnh công tác tuyên truyền.

Nhận được công văn này, đề nghị các Công đoàn cơ sở tổ chức triển khai thực hiện./.

Noi nhận:

- TT LĐLĐ tỉnh;
- Lưu: CDYT.

TM. BAN THƯỜNG VỤ
CHỦ TỊCH



Đào Văn Truyền`;

describe('splitDocument', () => {
  it('splits a letter into header, subject, preamble, body, closing and footer', () => {
    const doc = splitDocument(toLogicalLines(letter));
    expect(doc.headerItems).toEqual(['Số: 209/CDYT', 'Thái Bình, ngày 26 tháng 4 năm 2024', 'Kính gửi: Các Công đoàn cơ sở trực thuộc']);
    expect(doc.title).toBe('V/v thực hiện phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” giai đoạn 2023-2030');
    expect(doc.to).toEqual(['Các Công đoàn cơ sở trực thuộc']);
    expect(doc.preamble.map((l) => l.text)).toEqual([
      'Thực hiện Công văn số 210/LĐLĐ, ngày 24/4/2024 của Liên đoàn Lao động tỉnh Thái Bình, đề nghị như sau:',
    ]);
    expect(doc.body.map((l) => l.text)).toEqual(['1. Đẩy mạnh công tác tuyên truyền.']);
    expect(doc.closing.map((l) => l.text)).toEqual(['Nhận được công văn này, đề nghị các Công đoàn cơ sở tổ chức triển khai thực hiện./.']);
    // "Noi nhận" is an OCR slip for "Nơi nhận" and must still open the footer.
    expect(doc.footer).toEqual({
      labels: ['Noi nhận:'],
      recipients: ['TT LĐLĐ tỉnh', 'Lưu: CDYT.'],
      capacity: ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'],
      signerName: 'Đào Văn Truyền',
      other: [],
    });
  });

  it('reads a markdown plan: document type, title, a preamble without blank lines, no footer', () => {
    const text = ' KẾ HOẠCH\nTRIỂN KHAI PHONG TRÀO “THI ĐUA XÂY DỰNG XÃ HỘI HỌC TẬP” TRÊN ĐỊA BÀN TỈNH KHÁNH HÒA\nCăn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích';
    const doc = splitDocument(toLogicalLines(text));
    expect(doc.docType).toBe('KẾ HOẠCH');
    expect(doc.title).toBe('TRIỂN KHAI PHONG TRÀO “THI ĐUA XÂY DỰNG XÃ HỘI HỌC TẬP” TRÊN ĐỊA BÀN TỈNH KHÁNH HÒA');
    expect(doc.preamble).toHaveLength(1);
    expect(doc.body.map((l) => l.text)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích']);
    expect(doc.footer.capacity).toEqual([]);
  });

  it('takes a title that itself starts with "Thực hiện" when it follows the document type', () => {
    const text = '## KẾ HOẠCH\n\n### **Thực hiện Phong trào “Cả nước thi đua” trên địa bàn tỉnh Tây Ninh**\n\nThực hiện Quyết định số 1315/QĐ-TTg, UBND tỉnh ban hành Kế hoạch:\n\n#### **I. MỤC ĐÍCH, YÊU CẦU**';
    const doc = splitDocument(toLogicalLines(text));
    expect(doc.title).toBe('Thực hiện Phong trào “Cả nước thi đua” trên địa bàn tỉnh Tây Ninh');
    expect(doc.preamble.map((l) => l.text)).toEqual(['Thực hiện Quyết định số 1315/QĐ-TTg, UBND tỉnh ban hành Kế hoạch:']);
  });

  it('keeps label lines of the recipients block and a numbered-looking line in a recipient', () => {
    const text = 'I. PHẦN\n1. Việc.\nNơi nhận:\nGửi bản điện tử:\n- Sở Giáo dục và Đào tạo;\n- Lưu: VT, P.GDĐT. 2. HM Luật. 27/\nCHÁNH VĂN PHÒNG\nVũ Đức Chính';
    const doc = splitDocument(toLogicalLines(text));
    expect(doc.footer.labels).toEqual(['Nơi nhận:', 'Gửi bản điện tử:']);
    expect(doc.footer.recipients).toEqual(['Sở Giáo dục và Đào tạo', 'Lưu: VT, P.GDĐT. 2. HM Luật. 27/']);
    expect(doc.footer.signerName).toBe('Vũ Đức Chính');
  });
});
