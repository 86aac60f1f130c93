import { describe, expect, it } from 'vitest';
import { targetGroupKey } from '../../../src/knowledge/importer/target-groups.js';

describe('targetGroupKey', () => {
  it.each([
    ['Đối với cấp tỉnh', 'cap-tinh'],
    ['Đối với cấp huyện', 'cap-huyen'],
    ['Đối với cấp xã', 'cap-xa'],
    ['Đối với Ủy ban nhân dân các xã, thị trấn', 'cap-xa'],
    ['Đối với sở, ban, ngành, cơ quan cấp tỉnh', 'so-ban-nganh'],
    ['Đối với các sở, ban, ngành, cơ quan thuộc tỉnh', 'so-ban-nganh'],
    ['Đối với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội', 'mttq-doan-the'],
    ['Đối với các phòng, ban, ngành', 'phong-ban-nganh'],
    ['Đối với các phòng, đơn vị, trực thuộc', 'phong-don-vi'],
    ['Đối với Cộng đồng học tập khu phố, ấp; đơn vị học tập cấp xã, thị trấn', 'cong-dong-don-vi'],
    ['Đối với hộ gia đình, dòng họ', 'ho-gia-dinh'],
    ['Đối với các doanh nghiệp (tập đoàn kinh tế, tổng công ty nhà nước hoặc doanh nghiệp, hợp tác xã)', 'doanh-nghiep'],
    ['Đối với cá nhân', 'ca-nhan'],
    ['Đối tượng khác', 'doi-tuong-khac'],
    ['DOI VOI CAP XA', 'cap-xa'],
  ])('%s → %s', (label, key) => {
    expect(targetGroupKey(label)).toBe(key);
  });

  it('returns null for a group no rule knows', () => {
    expect(targetGroupKey('Đối với lực lượng vũ trang')).toBeNull();
  });
});
