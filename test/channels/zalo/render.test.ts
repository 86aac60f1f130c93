import { describe, expect, it } from 'vitest';
import { renderAll, renderOutbound } from '../../../src/channels/zalo/render.js';
import { createDownloadLinks } from '../../../src/server/downloads.js';

describe('renderOutbound', () => {
  it('renders choices as a numbered list with a line saying how to answer', () => {
    const [text] = renderOutbound({
      text: 'Đơn vị của bạn thuộc kế hoạch nào?',
      choices: [
        { id: 'p1', label: 'Thái Bình' },
        { id: 'p2', label: 'Củ Chi' },
        { id: 'p3', label: 'Khánh Hòa' },
      ],
    });
    expect(text).toBe(
      'Đơn vị của bạn thuộc kế hoạch nào?\n\n1. Thái Bình\n2. Củ Chi\n3. Khánh Hòa\n\nTrả lời 1, 2 hoặc 3 (hoặc gõ đúng tên lựa chọn) để chọn.',
    );
  });

  it('turns a document into a single-use download link with its caption', () => {
    const downloads = createDownloadLinks({ publicBaseUrl: 'https://bot.example.vn/', ttlMinutes: 30 });
    const texts = renderOutbound(
      {
        text: 'Đã xuất dữ liệu.',
        document: { filename: 'bao-cao-2025.xlsx', mimeType: 'application/octet-stream', content: Buffer.alloc(2048), caption: '12 báo cáo, năm 2025' },
      },
      { downloads },
    );
    const all = texts.join('\n');
    expect(all).toContain('Đã xuất dữ liệu.');
    expect(all).toContain('12 báo cáo, năm 2025');
    expect(all).toMatch(/Tải tệp bao-cao-2025\.xlsx \(2 KB\) tại:\nhttps:\/\/bot\.example\.vn\/downloads\/[A-Za-z0-9_-]{43}\n/);
    expect(all).toContain('chỉ dùng được một lần và hết hạn sau 30 phút');
    expect(downloads.size()).toBe(1);
  });

  it('says plainly how to get the export when no link can be made', () => {
    const all = renderOutbound({
      text: 'Đã xuất dữ liệu.',
      document: { filename: 'bao-cao.csv', mimeType: 'text/csv', content: Buffer.from('a,b') },
    }).join('\n');
    expect(all).toContain('không tạo được liên kết tải');
    expect(all).toContain('npm run -s cli -- export --format xlsx --out baocao.xlsx');
  });

  it('keeps every message within 2000 characters', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Mục ${i}: ${'nội dung '.repeat(6)}`).join('\n');
    const texts = renderAll([{ text: long }, { text: 'Tiếp theo?', choices: [{ id: 'a', label: 'Có' }] }]);
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
    expect(texts.at(-1)).toBe('Tiếp theo?\n\n1. Có\n\nTrả lời 1 (hoặc gõ đúng tên lựa chọn) để chọn.');
  });
});
