/**
 * What the Telegram channel itself says (everything else comes from the core). Vietnamese, with full
 * diacritics, and always saying what to do next.
 */
export const telegramTexts = {
  /** A photo, sticker, voice note, file… in a private chat. */
  nonText:
    'Tôi chỉ đọc được tin nhắn chữ, chưa xem được ảnh, nhãn dán, tin nhắn thoại hay tệp đính kèm.\n' +
    'Bạn hãy gõ câu hỏi bằng chữ (có dấu hoặc không dấu đều được), ví dụ: “Hạn báo cáo của Củ Chi?”, ' +
    'hoặc gõ /trogiup để xem các lệnh.',
  /** The user sent more than the flood limit allows. */
  tooFast:
    'Bạn đang gửi tin nhắn hơi nhanh nên tôi tạm chưa xử lý các tin vừa gửi. ' +
    'Vui lòng chờ vài giây rồi gửi lại từng tin một.',
  /** The same, as the short notice of a pressed button (at most 200 characters). */
  tooFastButton: 'Bạn bấm hơi nhanh. Vui lòng chờ vài giây rồi bấm lại.',
  /** Someone in a group wrote only the bot's name. */
  emptyMention: (username: string) =>
    `Bạn hãy gõ câu hỏi ngay sau tên của tôi, ví dụ: @${username} hạn báo cáo của Củ Chi? ` +
    'Để đăng ký hoặc gửi báo cáo, hãy nhắn riêng cho tôi.',
  /** A file was too big for Telegram or could not be sent. */
  documentFailed: 'Không gửi được tệp qua Telegram. Vui lòng thử lại sau ít phút hoặc báo cho quản trị viên.',
} as const;
