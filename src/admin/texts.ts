/**
 * What the admin features say and write (Vietnamese, full diacritics), in one place so the wording is
 * reviewed together. Column headers of form answers come from intents/, not from here.
 */
import type { ChannelName } from '../config.js';
import { viDate, type CalendarDate } from '../calendar.js';

const zoneLabel = (timeZone: string) => (timeZone === 'Asia/Ho_Chi_Minh' ? 'giờ Việt Nam' : `giờ ${timeZone}`);

export const exportTexts = {
  filePrefix: 'bao-cao-thi-dua',
  sheets: { latest: 'Báo cáo mới nhất', versions: 'Tất cả các lần gửi', contacts: 'Đầu mối', questions: 'Câu hỏi chưa trả lời' },
  code: 'Mã báo cáo',
  year: 'Năm báo cáo',
  plan: 'Kế hoạch',
  planId: 'Mã kế hoạch',
  unit: 'Tên đơn vị',
  version: 'Lần gửi',
  isLatest: 'Bản mới nhất',
  yes: 'Có',
  no: 'Không',
  submittedAt: (tz: string) => `Thời gian gửi (${zoneLabel(tz)})`,
  late: 'Nộp muộn',
  lateDays: (days: number) => `Muộn ${days} ngày`,
  /** "Có" on a version sent by another contact than the unit's version before (a unit with two contacts). */
  otherSender: 'Người gửi khác lần trước',
  registeredAt: (tz: string) => `Đăng ký lúc (${zoneLabel(tz)})`,
  updatedAt: (tz: string) => `Cập nhật lúc (${zoneLabel(tz)})`,
  fullName: 'Họ và tên',
  role: 'Chức vụ',
  phone: 'Số điện thoại',
  channel: 'Kênh',
  channelUserId: 'Mã người dùng trên kênh',
  reportsSent: 'Số lần gửi báo cáo',
  channels: { telegram: 'Telegram', zalo: 'Zalo', console: 'Dòng lệnh' } as Record<ChannelName, string>,
  questions: {
    text: 'Câu hỏi',
    count: 'Số lần hỏi',
    notFound: 'Không tìm thấy trong văn bản',
    clarify: 'Phải hỏi lại',
    lastAskedAt: (tz: string) => `Lần hỏi gần nhất (${zoneLabel(tz)})`,
    firstAskedAt: (tz: string) => `Lần hỏi đầu tiên (${zoneLabel(tz)})`,
    intents: 'Chủ đề nhận diện',
    unknownIntent: 'Chưa nhận ra chủ đề',
    plans: 'Kế hoạch liên quan',
    channels: 'Kênh',
  },
};

const daysText = (days: number) => (days === 0 ? 'hôm nay là hạn cuối' : days > 0 ? `còn ${days} ngày` : `đã quá hạn ${-days} ngày`);

/** A deadline day as the plan words it, with its last day when "trước ngày D" ends the day before D. */
export interface DeadlineDay {
  /** The day the plan names. */
  date: CalendarDate;
  /** The last day a report is on time. */
  lastDay: CalendarDate;
  /** The plan writes "trước ngày D": the last day is the day before. */
  before: boolean;
}
const deadlineDayText = (d: DeadlineDay, lastDayWord: string) =>
  d.before ? `trước ngày ${viDate(d.date)} (${lastDayWord} ${viDate(d.lastDay)})` : viDate(d.lastDay);

export const adminTexts = {
  // /xuat
  exportUsage:
    'Cách dùng: /xuat [xlsx|csv|tonghop] [năm], ví dụ: /xuat (tệp Excel, mọi năm), /xuat csv 2025, /xuat tonghop 2025 (dự thảo báo cáo tổng hợp, tệp Word). Tệp Excel có 5 trang: tổng hợp năm (in khổ A4 ngang), báo cáo mới nhất của mỗi đơn vị, tất cả các lần gửi, danh sách đầu mối, đơn vị chưa báo cáo.',
  exportDone: (p: { format: 'xlsx' | 'csv'; year?: number; summaryYear?: number; versions: number; latest: number; contacts: number }) =>
    [
      `📎 Dữ liệu báo cáo${p.year === undefined ? ' (mọi năm)' : ` năm ${p.year}`}: ${p.latest} báo cáo của các đơn vị (bản mới nhất), ${p.versions} lần gửi, ${p.contacts} đầu mối đã đăng ký.`,
      p.format === 'xlsx'
        ? `Tệp Excel gồm 5 trang: “Tổng hợp” năm ${p.summaryYear ?? p.year} (in khổ A4 ngang), “Báo cáo mới nhất”, “Tất cả các lần gửi”, “Đầu mối”, “Chưa báo cáo” năm ${p.summaryYear ?? p.year}.`
        : 'Tệp CSV (UTF-8) gồm tất cả các lần gửi; cột “Bản mới nhất” cho biết bản nào là bản mới nhất. Gõ /xuat xlsx để lấy tệp Excel đầy đủ hơn.',
      'Tệp có thông tin cá nhân của đầu mối: chỉ dùng cho công tác tổng hợp, không chia sẻ ra ngoài.',
    ].join('\n'),

  // /thongke
  statsUsage: 'Cách dùng: /thongke [năm], ví dụ: /thongke hoặc /thongke 2025.',
  statsTitle: (year: number, at: string) => `📊 Tình hình báo cáo năm ${year} (lúc ${at}):`,
  statsTotal: (registered: number, reported: number, missing: number) =>
    `Tổng cộng: ${registered} đơn vị đã đăng ký, ${reported} đã báo cáo, ${missing} chưa báo cáo.`,
  statsPlan: (i: number, name: string) => `${i}. ${name}`,
  statsCounts: (registered: number, reported: number, missing: number) =>
    `   Đơn vị đăng ký: ${registered} · Đã báo cáo: ${reported} · Chưa báo cáo: ${missing}`,
  statsReportedWithoutContact: (n: number) => `   (Thêm ${n} đơn vị đã báo cáo nhưng đầu mối nay đăng ký theo kế hoạch khác.)`,
  statsDeadline: (day: DeadlineDay, days: number, section: string) =>
    `   Hạn báo cáo gần nhất: ${deadlineDayText(day, 'hạn cuối là ngày')}, ${daysText(days)} — Mục ${section}`,
  statsLate: (late: number, lastDay: CalendarDate) => `   Nộp muộn (sau ngày ${viDate(lastDay)}): ${late} báo cáo`,
  statsNoDeadline: '   Văn bản không nêu hạn báo cáo cụ thể theo ngày.',
  statsNoDeadlineInYear: (year: number, period: { from: number; to: number }) =>
    `   Năm ${year} không có hạn báo cáo theo kế hoạch này (kế hoạch thực hiện ${period.from}–${period.to}).`,
  statsUnknownPlan: (id: string) => `Kế hoạch “${id}” (không còn trong dữ liệu)`,
  statsFooter: (year: number) => `Gõ /chuanop ${year} để xem đơn vị chưa báo cáo và đầu mối; /xuat để tải toàn bộ báo cáo.`,

  // /chuanop
  missingUsage: 'Cách dùng: /chuanop [năm], ví dụ: /chuanop hoặc /chuanop 2025.',
  missingTitle: (year: number, n: number) => `📋 Đơn vị chưa báo cáo năm ${year}: ${n}`,
  missingNone: (year: number) => `✅ Tất cả đơn vị đã đăng ký đều đã gửi báo cáo năm ${year}.`,
  missingNoUnits: 'Chưa có đơn vị nào đăng ký đầu mối. Đầu mối đăng ký bằng lệnh /dangky.',
  missingPlan: (name: string, count: number, deadline?: string) => `\n${name}: ${count} đơn vị${deadline ? ` — ${deadline}` : ''}`,
  missingDeadline: (day: DeadlineDay, days: number) => `hạn ${deadlineDayText(day, 'hạn cuối')}, ${daysText(days)}`,
  missingLate: (received: number, late: number) => `Đã nhận báo cáo của ${received} đơn vị, trong đó ${late} nộp muộn.`,
  missingUnit: (unitName: string) => `• ${unitName}`,
  missingContact: (p: { fullName: string; role: string | null; phone: string | null; channel: string }) =>
    `   – ${p.fullName}${p.role ? ` (${p.role})` : ''}${p.phone ? `, ĐT ${p.phone}` : ''}, qua ${p.channel}`,
  missingFooter: 'Trợ lý tự động nhắc các đầu mối này trước mỗi hạn báo cáo. Thông tin cá nhân chỉ dùng cho công tác đôn đốc.',

  // /cauhoi
  questionsUsage: 'Cách dùng: /cauhoi (danh sách) hoặc /cauhoi xlsx | /cauhoi csv (tải tệp đầy đủ).',
  questionsNone: 'Chưa có câu hỏi nào mà trợ lý không trả lời được.',
  questionsTitle: (total: number, groups: number) =>
    `❓ Câu hỏi trợ lý chưa trả lời được: ${total} lượt hỏi, ${groups} câu khác nhau (hỏi nhiều nhất trước; cùng câu gõ khác nhau được gộp lại).`,
  questionsLine: (i: number, p: { text: string; count: number; notFound: number; clarify: number; last: string }) => {
    const kinds = [p.notFound ? `${p.notFound} không tìm thấy` : '', p.clarify ? `${p.clarify} phải hỏi lại` : ''].filter(Boolean).join(', ');
    return `${i}. “${p.text}” — ${p.count} lần (${kinds}); gần nhất ${p.last}`;
  },
  questionsMore: (shown: number, groups: number) => `… và ${groups - shown} câu khác. Gõ /cauhoi xlsx để tải danh sách đầy đủ.`,
  questionsFooter: 'Các câu này giúp bổ sung nội dung: câu “không tìm thấy” là điều văn bản chưa nêu, câu “phải hỏi lại” là câu hỏi chưa rõ địa phương hoặc nội dung.',
  questionsFile: (groups: number, total: number) => `📎 Danh sách ${groups} câu hỏi chưa trả lời được (${total} lượt hỏi).`,

  // Arguments (chat and command line)
  unknownArg: (word: string) => `Không hiểu “${word}”.`,
  badYear: (typed: string, from: number, to: number) =>
    `Năm “${typed}” không dùng được: năm báo cáo phải từ ${from} đến ${to}, gõ đủ 4 chữ số, ví dụ: ${Math.min(Math.max(2025, from), to)}.`,
  badFormat: (typed: string, formats: readonly string[]) => `Định dạng “${typed}” không có; chọn một trong: ${formats.join(', ')}.`,
  badPlan: (typed: string, plans: readonly { id: string; name: string }[]) =>
    [`Không có kế hoạch “${typed}”. Gõ mã hoặc tên của một trong các kế hoạch:`, ...plans.map((p) => `  ${p.id} — ${p.name}`)].join('\n'),

  // Reminders
  /** Days count to the last day; a plan's "trước ngày D" is quoted as written, with its last day D-1. */
  reminder: (p: { unitName: string; year: number; day: DeadlineDay; offsetDays: number; quote: string; source: string; section: string }) =>
    [
      `⏰ Nhắc hạn báo cáo: ${
        p.offsetDays <= 1
          ? `${p.offsetDays === 0 ? 'hôm nay' : 'ngày mai'} (${viDate(p.day.lastDay)}) là hạn cuối nộp báo cáo${p.day.before ? ` (văn bản ghi: trước ngày ${viDate(p.day.date)})` : ''}.`
          : `còn ${p.offsetDays} ngày nữa là đến hạn báo cáo: ${p.day.before ? deadlineDayText(p.day, 'hạn cuối là ngày') : `ngày ${viDate(p.day.lastDay)}`}.`
      }`,
      `Trợ lý chưa nhận được báo cáo năm ${p.year} của đơn vị “${p.unitName}”.`,
      '',
      `Văn bản quy định: “${p.quote}”`,
      `(Nguồn: ${p.source}, Mục ${p.section})`,
      '',
      `Gõ /baocao để gửi báo cáo năm ${p.year} ngay tại đây.`,
    ].join('\n'),
};

/** What the admin commands of the command line print when something is wrong. */
export const cliTexts = {
  outMissing: 'Thiếu --out: cần tên tệp hoặc thư mục để ghi, ví dụ: --out bao-cao.xlsx',
  outUnknownExtension: (out: string) =>
    `Không rõ định dạng của “${out}”: đặt đuôi tệp .xlsx, .csv hoặc .docx (ví dụ: bao-cao.xlsx), hoặc thêm --format xlsx|csv|docx và bỏ đuôi tệp.`,
  outFormatMismatch: (out: string, format: string) =>
    `--format ${format} nhưng tệp “${out}” có đuôi khác; hãy đặt tên tệp có đuôi .${format}, hoặc bỏ --format.`,
  writeFailed: (path: string, code: string | undefined) =>
    `Không ghi được tệp “${path}”${
      code === 'EACCES' || code === 'EPERM'
        ? ': không có quyền ghi vào thư mục này'
        : code === 'EISDIR'
          ? ': đó là một thư mục'
          : code === 'ENOENT'
            ? ': đường dẫn không tồn tại'
            : code === 'ENOTDIR'
            ? ': một phần của đường dẫn là tệp, không phải thư mục'
            : code === 'ENOSPC'
              ? ': ổ đĩa đã đầy'
              : code
                ? ` (${code})`
                : ''
    }.`,
  badDate: (typed: string) => `Ngày “${typed}” không đúng: cần một ngày có thật, dạng YYYY-MM-DD, ví dụ: 2025-11-24.`,
  adminIdMissing: 'Thiếu mã quản trị viên, dạng <kênh>:<mã người dùng>, ví dụ: telegram:123456789',
  remindNeedsDryRun:
    'Lời nhắc được bot gửi tự động mỗi ngày (npm start) lúc REMINDER_HOUR giờ. Dùng "remind --dry-run [--date YYYY-MM-DD]" để xem trước ai sẽ được nhắc.',
};

/** The summary of a year: the XLSX sheets "Tổng hợp" and "Chưa báo cáo", and the báo cáo tổng hợp (DOCX). */
export const summaryTexts = {
  sheets: { summary: 'Tổng hợp', missing: 'Chưa báo cáo' },
  filePrefix: 'bao-cao-tong-hop',
  asOf: (at: string) => `Số liệu tính đến ${at}`,
  // XLSX "Tổng hợp"
  sheetTitle: (year: number) => `TỔNG HỢP KẾT QUẢ BÁO CÁO NĂM ${year}`,
  sheetPlans: (names: readonly string[]) => (names.length === 1 ? `Kế hoạch: ${names[0]}` : `Kế hoạch: ${names.join('; ')}`),
  noPlans: (year: number) => `Chưa có đơn vị nào đăng ký đầu mối hoặc gửi báo cáo năm ${year}.`,
  no: 'STT',
  unit: 'Tên đơn vị',
  status: 'Tình trạng',
  onTime: 'Đúng hạn',
  reportedNoDeadline: 'Đã báo cáo',
  notReported: 'Chưa báo cáo',
  planTotal: (name: string) => `Tổng cộng — ${name}`,
  allTotal: 'Tổng cộng tất cả kế hoạch',
  planCounts: (p: { units: number; reported: number; late: number; missing: number }) =>
    `Đơn vị: ${p.units} · Đã báo cáo: ${p.reported} (nộp muộn: ${p.late}) · Chưa báo cáo: ${p.missing}`,
  // XLSX "Chưa báo cáo"
  missingTitle: (year: number) => `ĐƠN VỊ CHƯA BÁO CÁO NĂM ${year}`,
  missingNone: (year: number) => `Tất cả đơn vị đã đăng ký đều đã gửi báo cáo năm ${year}.`,
  noContact: '(chưa có đầu mối)',

  // DOCX: the báo cáo tổng hợp, laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I)
  blank: '……………',
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số:      /BC-……',
  placeDate: '……, ngày     tháng     năm ……',
  docTitle: 'BÁO CÁO',
  docSubject: (year: number) => `Kết quả thực hiện Phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” năm ${year}`,
  intro: (at: string) => `Số liệu tổng hợp từ báo cáo của các đơn vị gửi qua trợ lý tự động, tính đến ${at}; trích dẫn giữ nguyên lời văn của đơn vị.`,
  sections: {
    results: 'I. KẾT QUẢ THỰC HIỆN',
    models: 'II. MÔ HÌNH, CÁCH LÀM HAY',
    difficulties: 'III. KHÓ KHĂN, VƯỚNG MẮC',
    proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  },
  reporting: (p: { units: number; reported: number; late: number; lastDay?: string; missing: number }) =>
    `Tình hình báo cáo: ${p.units} đơn vị; ${p.reported} đơn vị đã gửi báo cáo${
      p.reported > 0 && p.lastDay ? ` (${p.late === 0 ? 'không có đơn vị nào nộp muộn' : `${p.late} đơn vị nộp muộn`} so với hạn cuối ngày ${p.lastDay})` : ''
    }; ${p.missing} đơn vị chưa báo cáo${p.missing > 0 ? ':' : '.'}`,
  missingList: (names: readonly string[]) => `${names.join('; ')}.`,
  figures: 'Số liệu tổng hợp:',
  figuresHeader: { no: 'STT', item: 'Nội dung', unit: 'Đơn vị tính', sum: 'Số lượng', answered: 'Số đơn vị có số liệu' },
  noFigures: 'Chưa có đơn vị nào gửi báo cáo, nên chưa có số liệu tổng hợp.',
  quotedFrom: (field: string) => `${field}:`,
  /** Said in a section when no unit wrote anything for it. */
  noneWritten: {
    results: 'Chưa có đơn vị nào nêu nội dung này trong báo cáo.',
    models: 'Chưa có đơn vị nào nêu mô hình, cách làm hay trong báo cáo.',
    difficulties: 'Chưa có đơn vị nào nêu khó khăn, vướng mắc trong báo cáo.',
    proposals: 'Chưa có đơn vị nào nêu đề xuất, kiến nghị trong báo cáo.',
  },
  recipients: 'Nơi nhận:',
  recipientLines: ['- ……………;', '- Lưu: VT, …….'],
  signerTitle: 'QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ',
  signerNote: '(Chữ ký, dấu)',
  signerName: 'Họ và tên',
  // Chat and CLI
  done: (year: number, p: { plans: number; units: number; reported: number; late: number; missing: number }) =>
    [
      `📎 Dự thảo báo cáo tổng hợp năm ${year} (Word): ${p.reported}/${p.units} đơn vị đã báo cáo (${p.late} nộp muộn), ${p.missing} chưa báo cáo${p.plans > 1 ? `, ${p.plans} kế hoạch` : ''}.`,
      'Số liệu lấy từ cơ sở dữ liệu; mục II–IV trích nguyên văn báo cáo của đơn vị. Điền số, ngày, nơi nhận và ký trước khi gửi.',
    ].join('\n'),
};
