import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import {
  breadcrumb,
  findSection,
  sectionFullText,
  sectionIds,
  sectionLabel,
  sectionNumber,
  sectionTrail,
  walkSections,
} from '../../src/knowledge/sections.js';

const knowledge = loadKnowledge();
const khanhHoa = knowledge.plan('khanh-hoa')!;
const cuChi = knowledge.plan('cu-chi')!;

describe('section helpers', () => {
  it('finds a section by id, including a point written with đ', () => {
    expect(findSection(khanhHoa.sections, 'III.1.đ')?.heading).toBe('Đối với cấp xã');
    expect(findSection(khanhHoa.sections, 'III.1.z')).toBeUndefined();
  });

  it('gives the trail of headings and a breadcrumb as the document numbers them', () => {
    expect(sectionTrail(khanhHoa.sections, 'III.1.đ').map((n) => n.id)).toEqual(['III', 'III.1', 'III.1.đ']);
    expect(breadcrumb(khanhHoa.sections, 'III.1.đ')).toBe('III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG › 1. Tiêu chí thi đua › đ) Đối với cấp xã');
    expect(breadcrumb(cuChi.sections, 'III.1.3')).toBe('III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG › 1. Tiêu chí thi đua › 1.3. Đối với Ủy ban nhân dân các xã, thị trấn');
    expect(sectionTrail(khanhHoa.sections, 'nope')).toEqual([]);
  });

  it('walks every node in document order with its depth', () => {
    const walked = [...walkSections(cuChi.sections)];
    expect(walked.slice(0, 4).map((w) => [w.node.id, w.depth])).toEqual([
      ['mo-dau', 0],
      ['I', 0],
      ['I.1', 1],
      ['I.2', 1],
    ]);
    expect(walked.map((w) => w.node.id)).toEqual(sectionIds(cuChi.sections));
    expect(walked.at(-1)?.node.id).toBe('ket-thuc');
  });

  it('returns a section with all its children as text', () => {
    const text = sectionFullText(findSection(khanhHoa.sections, 'III.2')!);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '2. Hình thức và tiêu chuẩn khen thưởng',
      'a) Khen thưởng hàng năm',
      expect.stringMatching(/^Căn cứ kết quả thực hiện Phong trào thi đua/),
    ]);
    expect(text).toContain('+ Bằng khen của Thủ tướng Chính phủ;');
    expect(sectionFullText(findSection(khanhHoa.sections, 'VII.4')!)).toMatch(/^4\. Sở Tài chính bố trí kinh phí/);
  });

  it('names sections for citations', () => {
    expect(sectionLabel('III.1.d')).toBe('Mục III.1.d');
    expect(sectionLabel('mo-dau')).toBe('Phần mở đầu');
    expect(sectionLabel('ket-thuc')).toBe('Phần kết thúc');
    expect(sectionNumber('II.1.1')).toBe('1.1.');
    expect(sectionNumber('VII')).toBe('VII.');
    expect(sectionNumber('3')).toBe('3.');
  });
});
