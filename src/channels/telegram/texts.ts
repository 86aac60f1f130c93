/**
 * What the Telegram channel itself says (everything else comes from the core). Vietnamese, with full
 * diacritics, and always saying what to do next.
 */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export const telegramTexts = {
  /** A photo, sticker, voice note, file… in a private chat. */
  nonText:
    'Tôi chỉ đọc được tin nhắn chữ, chưa xem được ảnh, nhãn dán, tin nhắn thoại hay tệp đính kèm.\n' +
    'Bạn hãy gõ câu hỏi bằng chữ (có dấu hoặc không dấu đều được), ví dụ: “Hạn báo cáo của Củ Chi?”, ' +
    'hoặc gõ /trogiup để xem các lệnh.',
  /**
   * One refused message of a user over the flood limit (each refused message gets its own notice, so
   * the user knows which ones to send again). `said`: the message as typed; undefined for a button.
   */
  tooFast: (said?: string) => {
    const what = said === undefined ? 'Lần bấm nút vừa rồi' : said.trim() ? `Tin “${clip(said.trim(), 40)}”` : 'Tin vừa rồi';
    return `${what} chưa được xử lý vì bạn gửi hơi nhanh. Vui lòng chờ vài giây rồi gửi lại từng tin một.`;
  },
  /** Someone in a group wrote only the bot's name. */
  emptyMention: (username: string) =>
    `Bạn hãy gõ câu hỏi ngay sau tên của tôi, ví dụ: @${username} hạn báo cáo của Củ Chi? ` +
    'Để đăng ký hoặc gửi báo cáo, hãy nhắn riêng cho tôi.',
  /** A file was too big for Telegram or could not be sent. */
  documentFailed: 'Không gửi được tệp qua Telegram. Vui lòng thử lại sau ít phút hoặc báo cho quản trị viên.',
} as const;
