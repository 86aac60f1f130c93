/**
 * What the admin page and /quantri say (Vietnamese, full diacritics). The page layout and its fixed
 * headings live in the templates (views/*.eta); the words chosen by code (statuses, refusals, results
 * of an action, the chat reply) are here, reviewed together.
 */
import type { ReportStatus } from './report-table.js';

export const webTexts = {
  // /quantri in the chat
  commandDescription: 'Quản trị: mở trang quản trị trên web (liên kết riêng, dùng một lần)',
  commandLink: (url: string, minutes: number, until: string) =>
    [
      '🔐 Liên kết vào trang quản trị của bạn:',
      url,
      '',
      `Liên kết dùng được một lần, trong ${minutes} phút (đến ${until}). Không chuyển liên kết này cho người khác: ai mở được là vào được trang với quyền của bạn.`,
    ].join('\n'),
  commandNoUrl:
    'Trang quản trị chưa bật: máy chủ bot chưa có địa chỉ công khai (PUBLIC_BASE_URL). Người quản trị máy chủ cần đặt biến này (ví dụ https://bot.example.vn) rồi khởi động lại bot.',

  // Sign-in
  signInTitle: 'Vào trang quản trị',
  signInBody: 'Bấm nút dưới đây để vào trang quản trị. Liên kết chỉ dùng được một lần.',
  signInButton: 'Vào trang quản trị',
  refusedTitle: 'Không vào được trang quản trị',
  refused: {
    used: 'Liên kết này đã được dùng. Mỗi liên kết chỉ dùng được một lần.',
    expired: 'Liên kết này đã hết hạn.',
    unknown: 'Liên kết không đúng.',
    notAdmin: 'Tài khoản nhận liên kết này không còn là quản trị viên.',
    noSession: 'Phiên làm việc đã hết hạn hoặc không hợp lệ.',
    csrf: 'Yêu cầu không hợp lệ (thiếu mã xác nhận của trang). Hãy tải lại trang rồi thử lại.',
    origin: 'Yêu cầu không đến từ trang quản trị.',
    tooMany: 'Có quá nhiều lần thử. Hãy đợi một phút rồi thử lại.',
    notFound: 'Không có trang này.',
  },
  refusedHint: 'Gõ /quantri trong cuộc trò chuyện riêng với bot để nhận liên kết mới.',
  errorTitle: 'Lỗi',
  error: 'Trang quản trị gặp lỗi. Hãy thử lại sau ít phút.',
  signedOutTitle: 'Đã thoát',
  signedOut: 'Bạn đã thoát khỏi trang quản trị.',

  status: { ontime: 'Đúng hạn', late: 'Nộp muộn', missing: 'Chưa báo cáo' } satisfies Record<ReportStatus, string>,
  lateDays: (days: number) => `muộn ${days} ngày`,
  skipped: '(bỏ qua)',

  // The reminder button
  remindersQueued: (r: { queued: number; already: number; noChannel: number }) =>
    [
      r.queued > 0 ? `Đã xếp ${r.queued} lời nhắc vào hàng gửi; bot gửi lần lượt theo nhịp của từng kênh.` : 'Không có lời nhắc mới nào để gửi.',
      r.already > 0 ? `${r.already} đầu mối đã được nhắc cho hạn này (không nhắc lại).` : '',
      r.noChannel > 0 ? `${r.noChannel} đầu mối dùng kênh hiện không chạy nên chưa nhắc được.` : '',
    ]
      .filter(Boolean)
      .join(' '),
};
