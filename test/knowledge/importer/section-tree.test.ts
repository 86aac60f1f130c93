import { describe, expect, it } from 'vitest';
import { toLogicalLines } from '../../../src/knowledge/importer/lines.js';
import { buildSectionTree, splitHeading, toSectionNode } from '../../../src/knowledge/importer/section-tree.js';
import type { SectionNode } from '../../../src/knowledge/schema.js';

function tree(text: string): SectionNode[] {
  return buildSectionTree(toLogicalLines(text)).roots.map(toSectionNode);
}

/** "id | heading | text" per node, depth-first, for compact assertions. */
function outline(nodes: SectionNode[]): string[] {
  return nodes.flatMap((n) => [`${n.id} | ${n.heading ?? ''} | ${n.text}`, ...outline(n.children)]);
}

describe('buildSectionTree', () => {
  it('nests parts, items, sub-items and points; ids follow the numbering', () => {
    const text = [
      'III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG',
      '1. Tiêu chí thi đua',
      '1.1. Đối với các phòng, ban, ngành',
      '- Quan tâm đầu tư kinh phí.',
      '+ chi tiết thêm;',
      '1.2. Đối với cá nhân',
      '- Có nhiều đóng góp.',
      '2. Hình thức và tiêu chuẩn khen thưởng',
      '2.1 Khen thưởng hàng năm',
      'Căn cứ kết quả thực hiện Phong trào thi đua.',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Tiêu chí thi đua',
      'a) Đối với cấp tỉnh',
      '- Xây dựng chính sách.',
      'đ) Đối với cấp xã',
      '- Được công nhận “Cộng đồng học tập” cấp xã.',
    ].join('\n');
    expect(outline(tree(text))).toEqual([
      'III | TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG | ',
      'III.1 | Tiêu chí thi đua | ',
      'III.1.1 | Đối với các phòng, ban, ngành | - Quan tâm đầu tư kinh phí.\n+ chi tiết thêm;',
      'III.1.2 | Đối với cá nhân | - Có nhiều đóng góp.',
      'III.2 | Hình thức và tiêu chuẩn khen thưởng | ',
      'III.2.1 | Khen thưởng hàng năm | Căn cứ kết quả thực hiện Phong trào thi đua.',
      'IV | TỔ CHỨC THỰC HIỆN | ',
      'IV.1 | Tiêu chí thi đua | ',
      'IV.1.a | Đối với cấp tỉnh | - Xây dựng chính sách.',
      'IV.1.đ | Đối với cấp xã | - Được công nhận “Cộng đồng học tập” cấp xã.',
    ]);
  });

  it('reads markdown headings by their numbering, whatever their level', () => {
    const text = [
      '#### **I. MỤC ĐÍCH, YÊU CẦU**',
      '##### **1. Mục đích**',
      '- Phát huy sức mạnh.',
      '## **II. NỘI DUNG PHONG TRÀO THI ĐUA**',
      '### **1. Mục tiêu thi đua**',
      '## **2. Tiêu chí thi đua**',
      '#### *2.4. Đối với hộ gia đình, dòng họ*',
      '- Đạt danh hiệu “Gia đình học tập”.',
    ].join('\n');
    expect(outline(tree(text))).toEqual([
      'I | MỤC ĐÍCH, YÊU CẦU | ',
      'I.1 | Mục đích | - Phát huy sức mạnh.',
      'II | NỘI DUNG PHONG TRÀO THI ĐUA | ',
      'II.1 | Mục tiêu thi đua | ',
      'II.2 | Tiêu chí thi đua | ',
      'II.2.4 | Đối với hộ gia đình, dòng họ | - Đạt danh hiệu “Gia đình học tập”.',
    ]);
  });

  it('numbers items without parts (a letter) and keeps unnumbered text before them apart', () => {
    const { roots, leading } = buildSectionTree(toLogicalLines('Thực hiện Công văn số 210.\n1. Đẩy mạnh tuyên truyền.\n2. Làm tốt công tác tham mưu.'));
    expect(leading.map((l) => l.text)).toEqual(['Thực hiện Công văn số 210.']);
    expect(roots.map((r) => [r.id, r.heading, r.textLines])).toEqual([
      ['1', null, ['Đẩy mạnh tuyên truyền.']],
      ['2', null, ['Làm tốt công tác tham mưu.']],
    ]);
  });

  it('gives a repeated number a distinct id rather than losing the section', () => {
    const ids = outline(tree('I. MỘT\n1. Mục đích\n1. Mục đích lặp')).map((l) => l.split(' | ')[0]);
    expect(ids).toEqual(['I', 'I.1', 'I.1-2']);
  });
});

describe('splitHeading', () => {
  it('separates a label from its body at a colon', () => {
    expect(splitHeading('Hội Khuyến học tỉnh: Chủ trì tổ chức triển khai thi đua.', 'decimal')).toEqual({
      heading: 'Hội Khuyến học tỉnh',
      text: 'Chủ trì tổ chức triển khai thi đua.',
    });
    expect(splitHeading('Giai đoạn 1 (từ 2023 - 2025): Các phòng, đơn vị tổ chức triển khai.', 'decimal').heading).toBe(
      'Giai đoạn 1 (từ 2023 - 2025)',
    );
  });

  it('treats a short line as a heading and a sentence as body', () => {
    expect(splitHeading('Sở Giáo dục và Đào tạo:', 'decimal')).toEqual({ heading: 'Sở Giáo dục và Đào tạo', text: '' });
    expect(splitHeading('Tuyên truyền, phổ biến, nâng cao nhận thức.', 'decimal')).toEqual({
      heading: null,
      text: 'Tuyên truyền, phổ biến, nâng cao nhận thức.',
    });
    const long = `Đối với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội, tổ chức xã hội nghề nghiệp và tổ chức xã hội trên địa bàn tỉnh${' và các đơn vị'.repeat(3)}`;
    expect(splitHeading(long, 'letter').heading).toBe(long);
  });
});
