import { describe, expect, it } from 'vitest';
import { parseMarker, stripBullets } from '../../../src/knowledge/importer/numbering.js';

describe('parseMarker', () => {
  it('reads each numbering style the plans use', () => {
    expect(parseMarker('III. GIẢI PHÁP THỰC HIỆN')).toEqual({ marker: { kind: 'roman', label: 'III' }, rest: 'GIẢI PHÁP THỰC HIỆN' });
    expect(parseMarker('1. Mục đích')).toEqual({ marker: { kind: 'decimal', parts: [1], label: '1' }, rest: 'Mục đích' });
    expect(parseMarker('1.1. Đối với cá nhân')?.marker).toEqual({ kind: 'decimal', parts: [1, 1], label: '1.1' });
    expect(parseMarker('2.1 Khen thưởng hàng năm')?.marker).toEqual({ kind: 'decimal', parts: [2, 1], label: '2.1' });
    expect(parseMarker('a) Đối với cấp tỉnh')?.marker).toEqual({ kind: 'letter', label: 'a' });
    expect(parseMarker('đ) Đối với cấp xã')?.marker).toEqual({ kind: 'letter', label: 'đ' });
    expect(parseMarker('- Giấy khen.')).toEqual({ marker: { kind: 'bullet', symbol: '-' }, rest: 'Giấy khen.' });
    expect(parseMarker('+ Bằng khen của Chủ tịch UBND tỉnh;')?.marker).toEqual({ kind: 'bullet', symbol: '+' });
  });

  it('does not take ordinary sentences or years for numbering', () => {
    expect(parseMarker('2030, chia thành 02 giai đoạn:')).toBeNull();
    expect(parseMarker('Việc đánh giá kết quả')).toBeNull();
    expect(parseMarker('5 người tham gia')).toBeNull();
    expect(parseMarker('V/v thực hiện phong trào thi đua')).toBeNull();
    expect(parseMarker('-5 điểm')).toBeNull();
  });
});

describe('stripBullets', () => {
  it('removes every leading bullet, including the doubled "- +" of a converted list', () => {
    expect(stripBullets('- + Giấy khen của các sở, ngành và đoàn thể tỉnh.')).toBe('Giấy khen của các sở, ngành và đoàn thể tỉnh.');
    expect(stripBullets('Không có gạch đầu dòng')).toBe('Không có gạch đầu dòng');
  });
});
