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

  quotaWarning: (used: number, quota: number, month: string) =>
    [
      `⚠️ Cảnh báo hạn mức Zalo: bot đã dùng ${fmt(used)}/${fmt(quota)} tin nhắn của tháng ${month} ` +
        `(${fmt(Math.floor((used / quota) * 100))}%, tính cả tin gửi và tin nhận).`,
      'Khi hết hạn mức, Zalo có thể ngừng chuyển tin đến hết tháng: người dùng sẽ không nhận được trả lời.',
      'Việc nên làm: nâng gói Zalo Bot, hoặc hướng dẫn đầu mối các đơn vị dùng bot trên Telegram.',
    ].join('\n'),
};
