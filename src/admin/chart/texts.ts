/** What the /thongke chart says (Vietnamese, full diacritics). */
export const chartTexts = {
  title: (year: number) => `Tiến độ báo cáo năm ${year}`,
  /** `at` as the text figures write it: "10:00 ngày 20/11/2025". */
  asOf: (at: string) => `Số liệu lúc ${at}`,
  onTime: 'Đã báo cáo đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa báo cáo',
  /** At the end of a plan's bar. */
  units: (n: number) => (n === 0 ? 'chưa có đơn vị' : `${n} đơn vị`),
  /** The second line of a plan that is no longer in data/plans. */
  unknownPlan: 'không còn trong dữ liệu',
  /** Under the photo on Telegram. */
  caption: (year: number) => `Biểu đồ tiến độ báo cáo năm ${year}. Số liệu chi tiết ở tin tiếp theo.`,
  filename: (year: number) => `tien-do-bao-cao-${year}.png`,
};
