import { describe, expect, it } from 'vitest';
import { extractDeadlines, sentences } from '../../../src/knowledge/importer/deadlines.js';
import type { SectionNode } from '../../../src/knowledge/schema.js';

const node = (id: string, text: string): SectionNode => ({ id, heading: null, text, children: [] });

describe('extractDeadlines', () => {
  it('tells reports, plans, reviews and other tasks apart, and keeps the whole sentence as the quote', () => {
    const sections = [
      node('1', 'Các cơ quan, đơn vị xây dựng kế hoạch trước ngày 01 tháng 3 hàng năm gửi về Phòng Giáo dục và Đào tạo huyện.'),
      node('2', 'Phòng Giáo dục và Đào tạo huyện tham mưu thành lập Ban chỉ đạo, kiểm tra, giám sát kế hoạch tổ chức thực hiện trong Quý 1 năm 2024.'),
      node('3', 'Trước ngày 01 tháng 12 hàng năm, các sở, ban, ngành báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Sở Giáo dục và Đào tạo để tổng hợp.'),
      node('4', 'Các sở, ban, ngành tiến hành sơ kết ở cấp sở vào quý III năm 2025 và Ủy ban nhân dân tỉnh sơ kết vào quý IV năm 2025.'),
    ];
    const found = extractDeadlines(sections).map((d) => ({ kind: d.kind, when: d.when, from: d.from, to: d.to, section: d.section }));
    expect(found).toEqual([
      { kind: 'plan', when: { type: 'yearly', day: 1, month: 3 }, from: 'Các cơ quan, đơn vị', to: null, section: '1' },
      { kind: 'other', when: { type: 'quarter', quarter: 1, year: 2024 }, from: 'Phòng Giáo dục và Đào tạo huyện', to: null, section: '2' },
      { kind: 'report', when: { type: 'yearly', day: 1, month: 12 }, from: 'Các sở, ban, ngành', to: 'Sở Giáo dục và Đào tạo', section: '3' },
      { kind: 'review', when: { type: 'quarter', quarter: 3, year: 2025 }, from: 'Các sở, ban, ngành', to: null, section: '4' },
      { kind: 'review', when: { type: 'quarter', quarter: 4, year: 2025 }, from: 'Ủy ban nhân dân tỉnh', to: null, section: '4' },
    ]);
    expect(extractDeadlines(sections)[0]!.quote).toBe(sections[0]!.text);
  });

  it('takes the subject of the previous sentence when a sentence opens with its deadline', () => {
    const [d] = extractDeadlines([
      node('V.1', 'Các cơ quan, đơn vị tổ chức triển khai thực hiện. Trước ngày 15 tháng 11 hàng năm báo cáo về Phòng Giáo dục và Đào tạo huyện để tổng hợp.'),
    ]);
    expect(d).toMatchObject({ kind: 'report', from: 'Các cơ quan, đơn vị', to: 'Phòng Giáo dục và Đào tạo huyện' });
    expect(d!.quote).toBe('Trước ngày 15 tháng 11 hàng năm báo cáo về Phòng Giáo dục và Đào tạo huyện để tổng hợp.');
  });
});

describe('sentences', () => {
  it('splits at sentence ends and line breaks, and drops bullets', () => {
    expect(sentences('- Một việc. Hai việc.\n+ Ba việc;')).toEqual(['Một việc.', 'Hai việc.', 'Ba việc;']);
  });
});
