import { describe, expect, it } from 'vitest';
import { stripMarkdown, toLogicalLines } from '../../../src/knowledge/importer/lines.js';

describe('stripMarkdown', () => {
  it('removes heading hashes, emphasis and hard-break spaces', () => {
    expect(stripMarkdown('#### **I. MỤC ĐÍCH, YÊU CẦU**')).toBe('I. MỤC ĐÍCH, YÊU CẦU');
    expect(stripMarkdown('#### *2.4. Đối với hộ gia đình, dòng họ*')).toBe('2.4. Đối với hộ gia đình, dòng họ');
    expect(stripMarkdown('**TM. ỦY BAN NHÂN DÂN  ')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(stripMarkdown('theo hướng dẫn (*có hướng dẫn riêng*).')).toBe('theo hướng dẫn (có hướng dẫn riêng).');
  });
});

describe('toLogicalLines', () => {
  it('joins a sentence a page break cut, and keeps list items apart', () => {
    const text = ['- Thi đua học tập. Việc đánh giá kết', '', 'quả Phong trào thi đua phải gắn với nhiệm vụ.', '- Mục khác;', 'từ năm 2023 đến năm', '', '2030, chia thành 02 giai đoạn:'].join('\n');
    expect(toLogicalLines(text).map((l) => l.text)).toEqual([
      '- Thi đua học tập. Việc đánh giá kết quả Phong trào thi đua phải gắn với nhiệm vụ.',
      '- Mục khác;',
      'từ năm 2023 đến năm 2030, chia thành 02 giai đoạn:',
    ]);
  });

  it('joins a document number cut after its dash', () => {
    const lines = toLogicalLines('Thông tư số 25/2023/TT-\n\nBGDDT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo.');
    expect(lines.map((l) => l.text)).toEqual(['Thông tư số 25/2023/TT- BGDDT ngày 27/12/2023 của Bộ Giáo dục và Đào tạo.']);
    expect(lines[0]).toMatchObject({ from: 1, to: 3 });
  });

  it('does not join a heading to the numbered or capitalised line after it', () => {
    const text = 'I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Phát huy sức mạnh\nCăn cứ kết quả';
    expect(toLogicalLines(text)).toHaveLength(4);
  });

  it('selects one document of a file by line range and records blank lines before', () => {
    const text = 'Một.\n\nHai.\nBa.\n\nBốn.';
    const lines = toLogicalLines(text, 3, 6);
    expect(lines.map((l) => [l.text, l.from, l.blankBefore])).toEqual([
      ['Hai.', 3, true],
      ['Ba.', 4, false],
      ['Bốn.', 6, true],
    ]);
  });
});
