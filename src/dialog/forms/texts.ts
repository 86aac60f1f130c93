/** What the form engine says, apart from the per-field texts in intents/*.json. */

import { formatNumber } from '../../text/numbers.js';

export { formatNumber };

export const formTexts = {
  progress: (index: number, total: number) => `(Câu ${index}/${total})`,
  defaultHint: (value: string, clearable: boolean) =>
    clearable ? `Gõ “.” để giữ: ${value}, hoặc gõ “xóa” để bỏ trống.` : `Gõ “.” để giữ: ${value}.`,
  currentValueHint: (value: string, clearable: boolean) =>
    clearable ? `Hiện tại: ${value}. Gõ “.” để giữ nguyên, hoặc gõ “xóa” để bỏ trống.` : `Hiện tại: ${value}. Gõ “.” để giữ nguyên.`,
  /** One offer, for a name or unit name typed without any diacritics; "." keeps it as typed. */
  diacriticsOffer: (label: string, value: string) =>
    `Bạn đã gõ “${value}”, chưa có dấu tiếng Việt. Mục “${label}” được ghi vào các báo cáo và danh sách gửi cấp trên, nên nếu được, xin bạn gõ lại có dấu. Nếu muốn giữ nguyên như đã gõ, hãy gõ “.” hoặc “giữ”.`,
  optionalHint: 'Gõ “bỏ qua” nếu không có.',
  maxLengthHint: (max: number) => `Tối đa ${formatNumber(max)} ký tự.`,
  tooLong: (length: number, max: number) =>
    `Nội dung dài ${formatNumber(length)} ký tự, vượt quá giới hạn ${formatNumber(max)} ký tự của mục này. Vui lòng rút gọn rồi gửi lại (không có gì được lưu).`,
  tooShort: (min: number) => `Câu trả lời quá ngắn (cần ít nhất ${formatNumber(min)} ký tự).`,
  onePhoneOnly: 'Vui lòng chỉ gõ một số điện thoại, ví dụ: 0912 345 678.',
  /** A count written with words or units, said back as stored: "Đã ghi: 12.000 lượt." */
  understood: (value: string, unit: string | undefined) => (unit ? `Đã ghi: ${value} ${unit}.` : `Đã ghi: ${value}.`),
  /** Why a count was not taken; the field's own message (what to type, an example) follows. */
  countUnsure: {
    several:
      'Câu trả lời có hơn một số (như “12 hoặc 13”, “10-15”) nên chưa rõ cần ghi số nào. Nếu chưa có số chính xác, hãy gõ một số gần đúng nhất.',
    fraction: 'Số bạn gõ có phần lẻ (như “1,5”), mà mục này chỉ ghi số nguyên.',
    negative: 'Số lượng không thể là số âm.',
    unclear: 'Chưa rõ số bạn gõ là bao nhiêu (ví dụ “2 nghìn 5” có thể là 2.005 hoặc 2.500). Hãy gõ đủ các chữ số, như 2.500.',
  },
  outOfRange: (min: number, max: number) => `Giá trị phải nằm trong khoảng từ ${formatNumber(min)} đến ${formatNumber(max)}.`,
  requiredNoSkip: 'Mục này bắt buộc, không thể bỏ qua.',
  ambiguous: (names: string[]) =>
    `Có ${names.length} mục khớp với câu trả lời: ${names.map((n) => `“${n}”`).join(', ')}. Vui lòng gõ số thứ tự của mục bạn chọn.`,
  staleButton: 'Nút này không dùng được ở bước hiện tại.',
  strikesOptional: 'Bạn đã trả lời chưa đúng 3 lần liên tiếp. Gõ “bỏ qua” để bỏ qua mục này, hoặc /huy để hủy.',
  strikesRequired: 'Bạn đã trả lời chưa đúng 3 lần liên tiếp. Mục này bắt buộc: hãy trả lời theo hướng dẫn trên, hoặc gõ /huy để hủy.',
  skipped: '(bỏ qua)',
  summaryFooter: (confirm: string, edit: string, cancel: string) =>
    `Chọn “${confirm}” nếu thông tin đã đúng, “${edit}” để sửa một mục, hoặc “${cancel}”.`,
  summaryPick: (confirm: string, edit: string, cancel: string) =>
    `Vui lòng chọn 1 (${confirm}), 2 (${edit}) hoặc 3 (${cancel}). Để sửa ngay một mục, gõ “${edit}” kèm số thứ tự của mục, ví dụ: “${edit} 2”.`,
  editMenu: 'Bạn muốn sửa mục nào? Gõ số thứ tự hoặc tên mục.',
  editMenuPick: (fields: number) =>
    `Không tìm thấy mục này. Vui lòng gõ số thứ tự của mục cần sửa (từ 1 đến ${fields}), hoặc ${fields + 1} để quay lại tóm tắt.`,
  editBack: 'Quay lại tóm tắt',
  editing: (index: number, label: string) => `Sửa mục ${index}: ${label}.`,
};
