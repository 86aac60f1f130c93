import { describe, expect, it } from 'vitest';
import { findReferences } from '../../../src/knowledge/importer/references.js';

describe('findReferences', () => {
  it('reads type, number, date and issuer as written', () => {
    const refs = findReferences(
      'Thực hiện Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ về việc ban hành Kế hoạch; theo đề nghị của Sở Giáo dục và Đào tạo tại Văn bản số 31/TTr-SGDĐT ngày 26/3/2024, Ủy ban nhân dân tỉnh ban hành',
    );
    expect(refs.map(({ index: _i, ...r }) => r)).toEqual([
      {
        type: 'Quyết định',
        number: '1315/QĐ-TTg',
        date: '2023-11-09',
        issuer: 'Thủ tướng Chính phủ',
        quote: 'Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ',
      },
      {
        type: 'Văn bản',
        number: '31/TTr-SGDĐT',
        date: '2024-03-26',
        issuer: 'Sở Giáo dục và Đào tạo',
        quote: 'Văn bản số 31/TTr-SGDĐT ngày 26/3/2024',
      },
    ]);
  });

  it('handles dates in words, a comma before the date, spaced numbers and nested references', () => {
    const refs = findReferences(
      'Công văn số 210/LĐLĐ, ngày 24/4/2024 của Liên đoàn Lao động tỉnh Thái Bình về tổ chức; Kế hoạch số 4344/KH-UBND ngày 22 tháng 12 năm 2021 của Ủy ban nhân dân Thành phố về thực hiện; theo Quyết định số 1373/QĐ - TTg của Thủ tướng Chính phủ; Thông tri số 13-TT/TU ngày 16/7/2019 của Ban Thường vụ Tỉnh ủy Khánh Hòa về thực hiện Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư.',
    );
    expect(refs.map((r) => [r.type, r.number, r.date, r.issuer])).toEqual([
      ['Công văn', '210/LĐLĐ', '2024-04-24', 'Liên đoàn Lao động tỉnh Thái Bình'],
      ['Kế hoạch', '4344/KH-UBND', '2021-12-22', 'Ủy ban nhân dân Thành phố'],
      ['Quyết định', '1373/QĐ-TTg', null, 'Thủ tướng Chính phủ'],
      ['Thông tri', '13-TT/TU', '2019-07-16', 'Ban Thường vụ Tỉnh ủy Khánh Hòa'],
      ['Kết luận', '49-KL/TW', '2019-05-10', 'Ban Bí thư'],
    ]);
  });
});
