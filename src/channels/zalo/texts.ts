/** What the Zalo channel itself says (everything else comes from the core). */

import { formatNumber as fmt } from '../../text/numbers.js';

/** "1, 2 hoặc 3" */
function numberList(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} hoặc ${numbers.at(-1)}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${fmt(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${fmt(Math.ceil(bytes / 1024))} KB`;
  return `${fmt(bytes / (1024 * 1024), { decimals: 1 })} MB`;
}

export const zaloTexts = {
  /** The line under a numbered list of choices. */
  howToChoose: (count: number) =>
    count === 1
      ? 'Trả lời 1 (hoặc gõ đúng tên lựa chọn) để chọn.'
      : `Trả lời ${numberList(count)} (hoặc gõ đúng tên lựa chọn) để chọn.`,

  image: 'Bot chưa đọc được hình ảnh. Bạn vui lòng gõ câu hỏi hoặc câu trả lời bằng chữ. Gõ /trogiup để xem bot làm được gì.',
  sticker: 'Cảm ơn bạn! Bot chỉ hiểu tin nhắn chữ: hãy gõ câu hỏi về phong trào thi đua, hoặc /trogiup để xem hướng dẫn.',
  voice: 'Bot chưa nghe được tin nhắn thoại. Bạn vui lòng gõ nội dung bằng chữ (có dấu hoặc không dấu đều được).',
  unsupported:
    'Bot không đọc được nội dung tin nhắn này. Bạn vui lòng gửi lại bằng chữ. Gõ /trogiup để xem bot làm được gì.',
  /** Someone in a group wrote only the bot's name. */
  emptyMention: (botName: string | undefined) =>
    `Bạn hãy gõ câu hỏi ngay sau tên của bot, ví dụ: ${botName ? `@${botName} ` : ''}hạn báo cáo của Củ Chi? ` +
    'Để đăng ký hoặc gửi báo cáo, hãy nhắn riêng cho bot.',
  internalError: 'Xin lỗi, bot gặp lỗi khi xử lý tin nhắn của bạn. Bạn vui lòng gửi lại sau ít phút.',

  /** An export turned into a download link. */
  downloadLink: (filename: string, bytes: number, url: string, ttlMinutes: number, expiresAt: string) =>
    [
      `Tải tệp ${filename} (${formatSize(bytes)}) tại:`,
      url,
      `Liên kết chỉ dùng được một lần và hết hạn sau ${fmt(ttlMinutes)} phút (lúc ${expiresAt}). ` +
        'Không chuyển liên kết này cho người khác.',
    ].join('\n'),

  /** No PUBLIC_BASE_URL: say plainly why there is no file and how to get it. */
  noDownloadLink: (filename: string) =>
    [
      `Zalo không gửi được tệp (${filename}), và máy chủ bot chưa có địa chỉ công khai (PUBLIC_BASE_URL) nên không tạo được liên kết tải.`,
      'Cách lấy tệp: trên máy chủ bot, chạy lệnh',
      'npm run -s cli -- export --format xlsx --out baocao.xlsx',
      '(hoặc --format csv), hoặc dùng lệnh xuất dữ liệu trên Telegram. ' +
        'Muốn nhận liên kết qua Zalo, người quản trị máy chủ cần đặt biến PUBLIC_BASE_URL.',
    ].join('\n'),

  /**
   * The free plan's limit of users per bot [U: 50 on the free plan]: told to admins once when 80 % and
   * once when 100 % of the limit have written to the bot.
   */
  userLimitNotice: (users: number, limit: number, full: boolean) =>
    [
      full
        ? `⛔ Bot Zalo đã có ${fmt(users)} người dùng, chạm giới hạn ${fmt(limit)} người dùng của gói Zalo Bot đang dùng.`
        : `⚠️ Bot Zalo đã có ${fmt(users)}/${fmt(limit)} người dùng (${fmt(Math.floor((users / limit) * 100))}% giới hạn của gói Zalo Bot đang dùng).`,
      'Gói miễn phí của Zalo Bot chỉ cho mỗi bot tối đa 50 người dùng. ' +
        (full
          ? 'Từ nay người mới nhắn tin có thể không được bot trả lời; những người đã dùng bot vẫn dùng được.'
          : 'Khi đủ giới hạn, người mới nhắn tin có thể không được bot trả lời.'),
      'Việc nên làm: nâng lên gói Zalo Bot trả phí, hoặc tạo thêm một bot Zalo thứ hai cho các đơn vị còn lại ' +
        '(hoặc hướng dẫn họ dùng bot trên Telegram). Sau khi nâng gói, đặt ZALO_USER_LIMIT theo giới hạn mới.',
    ].join('\n'),

  quotaWarning: (used: number, quota: number, month: string) =>
    [
      `⚠️ Cảnh báo hạn mức Zalo: bot đã dùng ${fmt(used)}/${fmt(quota)} tin nhắn của tháng ${month} ` +
        `(${fmt(Math.floor((used / quota) * 100))}%, tính cả tin gửi và tin nhận).`,
      'Khi hết hạn mức, Zalo có thể ngừng chuyển tin đến hết tháng: người dùng sẽ không nhận được trả lời.',
      'Việc nên làm: nâng gói Zalo Bot, hoặc hướng dẫn đầu mối các đơn vị dùng bot trên Telegram.',
    ].join('\n'),
};

/** What the Zalo channel tells the server's operator in its log (Vietnamese: the operator reads it). */
export const zaloOperatorTexts = {
  webhookVerified: 'Zalo đã gọi thử địa chỉ webhook và nhận được trả lời: webhook hoạt động.',
  webhookVerificationFailed: (outcome: string | undefined, hint: string | undefined) =>
    `Zalo đã lưu webhook nhưng gọi thử địa chỉ không thành công${outcome ? ` (${outcome})` : ''}` +
    `${hint ? `; Zalo gợi ý: ${hint}` : ''}. Tin nhắn sẽ không đến được bot cho tới khi sửa xong: hãy kiểm tra ` +
    'ZALO_WEBHOOK_URL là địa chỉ HTTPS công khai trỏ đúng tới máy chủ này (cổng PORT, proxy, chứng chỉ), rồi khởi động lại bot.',
  noWebhookToDelete: 'Bot Zalo chưa từng đặt webhook (Zalo trả lời 400/404): chạy long polling như bình thường.',
  webhookCheckFailed:
    'Không kiểm tra hoặc xóa được webhook cũ của bot Zalo; vẫn chạy long polling. ' +
    'Nếu bot không nhận được tin nhắn, hãy xóa webhook trong trang quản lý Zalo Bot hoặc đặt ZALO_WEBHOOK_URL.',
  deletedOldWebhook: 'Đã xóa webhook cũ của bot Zalo để chạy long polling (getUpdates không chạy khi còn webhook).',
};
