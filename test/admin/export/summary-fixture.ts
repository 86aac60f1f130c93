/**
 * A fixed data set for the summary files (XLSX "Tổng hợp", DOCX báo cáo tổng hợp) and their rendering:
 * two plans of 2025, units that reported in time, late (Củ Chi's last day is 14/11: "trước ngày 15
 * tháng 11"; Khánh Hòa's 30/11: "trước ngày 01 tháng 12"), corrected (two versions), not at all (one
 * with two contacts), with skipped counts, big counts, line breaks and quotes in their text, and a
 * report of another year that must not count.
 */
import type { Store } from '../../../src/store/db.js';
import type { ReportAnswers } from '../../../src/store/reports.js';
import { addContact, submitReport } from '../support.js';

export const SUMMARY_YEAR = 2025;
/** 10:00 on 05/12/2025 in Việt Nam. */
export const SUMMARY_NOW = new Date('2025-12-05T03:00:00Z');
export const CU_CHI_UNITS = 30;

const COMMUNES = ['An Nhơn Tây', 'An Phú', 'Bình Mỹ', 'Hòa Phú', 'Nhuận Đức', 'Phạm Văn Cội', 'Phú Hòa Đông', 'Phú Mỹ Hưng', 'Phước Hiệp', 'Phước Thạnh'];

export function cuChiUnitName(i: number): string {
  const kind = i < 10 ? 'UBND xã' : i < 20 ? 'Trường Tiểu học' : 'Trường THCS';
  return `${kind} ${COMMUNES[i % 10]}`;
}

function answers(i: number): ReportAnswers {
  return {
    activities: `Tổ chức ${i + 1} hội nghị phát động;\n${i * 3} buổi tuyên truyền trên loa truyền thanh`,
    trainees: 1000 + i * 137,
    learningFamilies: i % 4 === 0 ? null : 20 + i,
    learningClans: i % 3,
    learningCitizens: 40 * (i + 1),
    learningUnits: i % 2,
    learningCommunities: i === 0 ? 1_250_000 : 1,
    models: i % 5 === 0 ? `Mô hình “Tủ sách cộng đồng” số ${i}, có "ngoặc kép", dấu phẩy` : null,
    difficulties: i % 7 === 0 ? `- Kinh phí còn hạn chế\n- Thiếu cán bộ chuyên trách (đơn vị ${i})` : null,
    proposals: i % 9 === 0 ? `Đề nghị tặng Giấy khen cho 2 tập thể, 1 cá nhân (đơn vị ${i})` : null,
  };
}

/** Seeds the data set; returns the names of the units that should appear as late and as missing. */
export function seedSummary(store: Store): { late: string[]; missing: string[] } {
  const late: string[] = [];
  const missing: string[] = [];
  for (let i = 0; i < CU_CHI_UNITS; i++) {
    const unitName = cuChiUnitName(i);
    const contact = addContact(store, { planId: 'cu-chi', unitName, fullName: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`, role: 'Chuyên viên', phone: `+8491234${String(5600 + i)}` });
    if (i >= 26) {
      missing.push(unitName);
      if (i === 27) addContact(store, { planId: 'cu-chi', unitName, fullName: 'Trần Thị Hai', role: 'Hiệu trưởng', channel: 'zalo', userId: 'z-hai' });
      continue;
    }
    // 12/11 in time; units 24 and 25 on 17/11 (three days late).
    const at = i >= 24 ? new Date('2025-11-17T02:00:00Z') : new Date('2025-11-12T02:00:00Z');
    if (i >= 24) late.push(unitName);
    submitReport(store, contact, SUMMARY_YEAR, answers(i), at);
    // Unit 3 corrects its figures later: the latest version counts, the first arrival decides lateness.
    if (i === 3) submitReport(store, contact, SUMMARY_YEAR, { ...answers(i), trainees: 5000 }, new Date('2025-11-20T02:00:00Z'));
    // A report of the year before never counts in 2025.
    if (i === 1) submitReport(store, contact, SUMMARY_YEAR - 1, { ...answers(i), trainees: 999_999 }, new Date('2024-11-10T02:00:00Z'));
  }
  const kh = ['UBND phường Lộc Thọ', 'UBND phường Vĩnh Hải', 'UBND xã Vĩnh Lương', 'Trường THPT Lý Tự Trọng', 'Trung tâm Học tập cộng đồng xã Phước Đồng'];
  kh.forEach((unitName, i) => {
    const contact = addContact(store, { planId: 'khanh-hoa', unitName, fullName: `Phạm Minh ${i}`, role: null, phone: null });
    if (i >= 3) {
      missing.push(unitName);
      return;
    }
    const at = i === 2 ? new Date('2025-12-01T01:00:00Z') : new Date('2025-11-25T01:00:00Z');
    if (i === 2) late.push(unitName);
    submitReport(store, contact, SUMMARY_YEAR, answers(100 + i), at);
  });
  return { late, missing };
}
