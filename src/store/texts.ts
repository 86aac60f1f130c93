/**
 * What the store says when the database fails (Vietnamese, full diacritics), in one place so the wording
 * is reviewed together. Operator messages (start-up, CLI) say what happened, which file and what to do;
 * user messages (chat) say what still works and what to send again. SQLite's own English never appears
 * here: it goes to the log only.
 */
import type { StoreFaultKind } from './faults.js';

const retry = 'rồi chạy lại bot (hoặc lệnh vừa dùng).';

export const faultTexts = {
  operator: {
    full: (path: string, dir: string) =>
      `Không ghi được cơ sở dữ liệu ${path}: ổ đĩa chứa thư mục ${dir} đã đầy. ` +
      `Hãy giải phóng dung lượng trên ổ này (xóa tệp không cần, chuyển bản sao lưu cũ đi nơi khác) hoặc đặt DATABASE_PATH sang một ổ còn trống (chép cả tệp cơ sở dữ liệu sang đó), ${retry}`,
    readonly: (path: string, dir: string) =>
      `Không ghi được cơ sở dữ liệu ${path}: tệp hoặc thư mục ${dir} chỉ cho phép đọc (không có quyền ghi, hoặc ổ đĩa được gắn ở chế độ chỉ đọc). ` +
      `Hãy cấp quyền ghi trên tệp này, các tệp -wal/-shm bên cạnh và thư mục ${dir} cho tài khoản chạy bot (ví dụ chown/chmod), hoặc gắn lại ổ đĩa cho phép ghi, ${retry}`,
    'missing-dir': (path: string, dir: string) =>
      `Không tạo được thư mục ${dir} để chứa cơ sở dữ liệu ${path} (đường dẫn sai, một phần của đường dẫn là tệp, hoặc không có quyền tạo). ` +
      `Hãy tạo thư mục này và cấp quyền ghi cho tài khoản chạy bot, hoặc đặt DATABASE_PATH sang một đường dẫn khác, ${retry}`,
    corrupt: (path: string) =>
      `Tệp cơ sở dữ liệu ${path} bị hỏng hoặc không phải tệp SQLite của bot; bot không chạy trên tệp hỏng để không làm mất thêm dữ liệu. ` +
      `Hãy dừng bot, đổi tên tệp hỏng (giữ lại để kiểm tra) cùng các tệp -wal/-shm bên cạnh, rồi chép bản sao lưu gần nhất vào đúng đường dẫn ${path} (hoặc đặt DATABASE_PATH sang tệp khác), ${retry} ` +
      'Kiểm tra lại bằng lệnh "npm run -s cli -- db status".',
    io: (path: string, dir: string) =>
      `Lỗi đọc/ghi ổ đĩa khi dùng cơ sở dữ liệu ${path}. ` +
      `Hãy kiểm tra ổ đĩa chứa ${dir} (còn gắn không, còn kết nối nếu là ổ mạng, có báo lỗi phần cứng không), ${retry} ` +
      'Nếu lỗi lặp lại, chép tệp sang ổ khác, đặt DATABASE_PATH tới bản chép và kiểm tra bằng lệnh "npm run -s cli -- db status".',
  } satisfies Record<StoreFaultKind, (path: string, dir: string) => string>,

  user: {
    /** A write fault (disk full, read-only, I/O): questions are still answered, nothing of a form is stored. */
    notStored:
      '⚠️ Hệ thống tạm thời không lưu được dữ liệu nên tin nhắn này chưa được ghi nhận. ' +
      'Đăng ký hoặc báo cáo của bạn CHƯA được lưu và chưa có mã báo cáo: vui lòng gửi lại sau ít phút. ' +
      'Trong lúc này, bạn vẫn có thể hỏi về các kế hoạch thi đua.',
    corrupt:
      '⚠️ Cơ sở dữ liệu của trợ lý đang gặp sự cố nên tin nhắn của bạn chưa được ghi nhận. Vui lòng thử lại sau và báo cho quản trị viên nếu lỗi còn lặp lại.',
  },

  status: {
    integrityOk: 'Kiểm tra toàn vẹn (quick_check): tốt.',
    integrityFailed: (problems: number) =>
      `⚠️ Kiểm tra toàn vẹn (quick_check): tệp bị hỏng (${problems} lỗi). Đừng tiếp tục chạy bot trên tệp này.`,
  },
};
