/**
 * What the dialog says (Vietnamese, full diacritics), in one place so wording is reviewed together.
 * Field prompts and validation messages of the forms live in intents/*.json instead.
 */
import type { Plan } from '../knowledge/schema.js';
import { formatNumber } from '../text/numbers.js';
import type { DraftDescription } from './session.js';

const draftLabel = (d: DraftDescription) =>
  d.flow === 'report' ? `Bản nháp báo cáo${d.unitName ? ` của đơn vị “${d.unitName}”` : ''}` : 'Bản đăng ký đầu mối đang làm dở';
const draftUnsent = (d: DraftDescription) => (d.flow === 'report' ? 'báo cáo chưa được gửi' : 'thông tin đăng ký chưa được lưu');
const draftCommand = (d: DraftDescription) => (d.flow === 'report' ? '/baocao' : '/dangky');

export const texts = {
  start: (name: string | undefined, plans: readonly Pick<Plan, 'shortName'>[], examples: readonly string[]) =>
    [
      `Xin chào${name ? ` ${name}` : ''}! Tôi là trợ lý tự động (chatbot) của Phong trào thi đua “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” giai đoạn 2023–2030.`,
      'Tôi là chương trình máy tính, không phải cán bộ trực: câu trả lời được trích nguyên văn từ các kế hoạch, văn bản và ghi rõ nguồn.',
      '',
      'Tôi có thể:',
      '• Trả lời câu hỏi về tiêu chí thi đua, hình thức khen thưởng, thời hạn báo cáo, các giai đoạn, trách nhiệm, kinh phí… theo các văn bản:',
      ...plans.map((p) => `   – ${p.shortName}`),
      '• Giúp đầu mối của đơn vị đăng ký (/dangky) và gửi báo cáo năm (/baocao), xem lại báo cáo đã gửi (/cuatoi).',
      '',
      'Ví dụ câu hỏi (gõ thẳng câu hỏi, có dấu hoặc không dấu đều được):',
      ...examples.map((q) => `• ${q}`),
      '',
      'Gõ /trogiup để xem tất cả các lệnh.',
    ].join('\n'),
  exampleQuestions: [
    'Tiêu chí thi đua đối với cấp xã của Thái Bình là gì?',
    'Hạn gửi báo cáo kết quả thực hiện phong trào của Củ Chi?',
    'Khánh Hòa có những hình thức khen thưởng nào?',
  ],
  helpTitle: 'Các lệnh của trợ lý:',
  helpFooter: 'Ngoài các lệnh, bạn có thể gõ thẳng câu hỏi về các kế hoạch thi đua.',
  askUsage: 'Hãy gõ câu hỏi sau lệnh /hoi, ví dụ: /hoi Hạn gửi báo cáo của Củ Chi là khi nào?',
  unknownCommand: (name: string) => `Không có lệnh “/${name}”. Gõ /trogiup để xem các lệnh.`,
  adminOnly:
    'Lệnh này chỉ dành cho quản trị viên. Để được cấp quyền, gõ /toi để xem mã kênh:mã của bạn, rồi nhờ người vận hành bot thêm mã đó vào ADMIN_IDS.',
  whoami: (id: string, isAdmin: boolean) =>
    [
      `Mã của bạn: ${id}`,
      isAdmin
        ? 'Bạn đang có quyền quản trị viên.'
        : `Để được quyền quản trị viên, gửi mã này cho người vận hành bot để thêm vào ADMIN_IDS (ví dụ ADMIN_IDS=${id}; nhiều mã cách nhau bằng dấu phẩy; có hiệu lực khi khởi động lại bot) hoặc chạy lệnh "admin add ${id}" (có hiệu lực ngay).`,
    ].join('\n'),
  privateOnly:
    'Việc đăng ký, gửi và xem báo cáo chỉ thực hiện trong tin nhắn riêng để bảo vệ thông tin của đơn vị. Vui lòng nhắn riêng cho tôi để tiếp tục.',
  tooLong: (length: number, max: number) =>
    `Tin nhắn dài ${formatNumber(length)} ký tự, vượt quá giới hạn ${formatNumber(max)} ký tự. Vui lòng rút gọn rồi gửi lại.`,
  noWords:
    'Tôi chỉ đọc được tin nhắn bằng chữ. Hãy gõ câu hỏi, ví dụ: “Tiêu chí thi đua cấp xã của Thái Bình là gì?”, hoặc gõ /trogiup để xem các lệnh.',
  staleButton: 'Lựa chọn này đã hết hiệu lực. Gõ /trogiup để xem các lệnh.',
  internalError: 'Xin lỗi, đã có lỗi khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.',
  stateLost: 'Xin lỗi, không đọc được việc bạn đang làm dở nên đã phải xóa. Vui lòng bắt đầu lại (/dangky hoặc /baocao).',

  flowName: { registration: 'bản đăng ký', report: 'bản nháp báo cáo' } as Record<'registration' | 'report', string>,
  /** When the next message meets a draft idle longer than DRAFT_TTL_DAYS: what expired and that nothing was sent. */
  draftExpired: (d: DraftDescription, days: number) =>
    `⏰ ${draftLabel(d)} của bạn đã hết hạn vì không có trả lời trong hơn ${days} ngày nên đã bị xóa; ${draftUnsent(d)}. Gõ ${draftCommand(d)} để bắt đầu lại.`,
  /** Sent (by the reminder scheduler) about a day before the draft expires; `at` is "10:00 ngày 27/11/2025". */
  draftExpiring: (d: DraftDescription, at: string) =>
    `⏰ ${draftLabel(d)} của bạn sẽ hết hạn vào ${at} (giờ Việt Nam) nếu không được điền tiếp; khi đó các câu trả lời đã điền sẽ bị xóa và ${draftUnsent(d)}. Gõ ${draftCommand(d)} để xem lại câu hỏi đang dở và điền tiếp.`,

  /** Without `planName` when the report follows at once (its header names the plan). */
  registrationSaved: (unitName: string, planName?: string) =>
    `✅ Đã lưu đăng ký đầu mối của đơn vị “${unitName}”.${planName ? `\nKế hoạch: ${planName}.` : ''}`,
  registrationNext: 'Gõ /baocao để gửi báo cáo năm của đơn vị.',
  registrationThenReport: 'Trước khi gửi báo cáo, vui lòng đăng ký đầu mối của đơn vị (chỉ làm một lần).',
  reportFor: (unitName: string, planName: string) =>
    `Đơn vị: ${unitName}\nKế hoạch: ${planName}\n(Nếu thông tin đơn vị đã thay đổi, gõ /huy rồi /dangky để cập nhật.)`,
  reportSaved: (p: { year: number; unitName: string; code: string; time: string; version: number }) =>
    [
      `✅ Đã nhận báo cáo năm ${p.year} của đơn vị “${p.unitName}”.`,
      `Mã báo cáo: ${p.code}`,
      `Thời gian: ${p.time} (giờ Việt Nam)`,
      ...(p.version > 1 ? [`Đây là lần gửi thứ ${p.version} cho năm ${p.year}; các lần gửi trước vẫn được lưu.`] : []),
      'Gõ /cuatoi để xem các báo cáo đã gửi.',
    ].join('\n'),
  /** At the start of a resubmission, once the year is known. */
  alreadySent: (p: { year: number; code: string; time: string; next: number }) =>
    [
      `ℹ️ Đơn vị đã gửi báo cáo năm ${p.year} (mã ${p.code}, lúc ${p.time}, giờ Việt Nam). Lần này sẽ là lần gửi thứ ${p.next}; các lần gửi trước vẫn được lưu.`,
      'Mỗi mục dưới đây hiện nội dung đã gửi lần trước: gõ “.” để giữ nguyên, hoặc gõ nội dung mới để thay.',
    ].join('\n'),
  /** The year changed in "Sửa" to a year the unit already sent: the answers stay as they are. */
  alreadySentEditing: (p: { year: number; code: string; time: string; next: number }) =>
    `ℹ️ Đơn vị đã gửi báo cáo năm ${p.year} (mã ${p.code}, lúc ${p.time}, giờ Việt Nam). Nếu gửi, đây sẽ là lần gửi thứ ${p.next} cho năm ${p.year}; các lần gửi trước vẫn được lưu.`,
  planUnavailable:
    'Kế hoạch của đơn vị bạn đã đăng ký không còn trong danh sách. Vui lòng đăng ký lại bằng lệnh /dangky trước khi báo cáo.',

  alreadyInFlow: (what: string) => `Bạn đang làm dở ${what}. Tiếp tục với câu hỏi dưới đây (hoặc gõ /huy để hủy):`,
  registrationThenReportQueued: 'Bạn đang đăng ký đầu mối; sau khi đăng ký xong, tôi sẽ chuyển sang báo cáo. Tiếp tục:',
  finishReportFirst: 'Bạn đang điền báo cáo. Để đăng ký lại, gõ /huy để hủy bản nháp trước, hoặc tiếp tục:',

  cancelConfirm: (what: string) => `Bạn có chắc muốn hủy ${what} đang làm? Các câu trả lời chưa gửi sẽ bị xóa.`,
  cancelYes: 'Có, hủy',
  cancelNo: 'Không, tiếp tục',
  cancelled: (what: string) => `Đã hủy ${what}. Gõ /baocao hoặc /dangky khi bạn muốn làm lại.`,
  continuing: 'Tiếp tục:',
  nothingToCancel: 'Hiện không có việc gì đang làm dở để hủy. Gõ /trogiup để xem các lệnh.',
  contextCleared: 'Đã bỏ ngữ cảnh các câu hỏi trước. Câu hỏi tiếp theo sẽ được hiểu độc lập.',

  questionReminder: (flow: 'registration' | 'report', answered: number, total: number, stage: 'fields' | 'summary' | 'editing') => {
    if (stage === 'summary') return `📋 Bạn đang ở bước xác nhận ${flow === 'report' ? 'báo cáo' : 'đăng ký'}. Tiếp tục (hoặc gõ /huy để hủy):`;
    if (stage === 'editing') {
      const what = flow === 'report' ? 'báo cáo trước khi gửi' : 'thông tin đăng ký trước khi xác nhận';
      return `📋 Bạn đang sửa ${what}. Tiếp tục (hoặc gõ /huy để hủy):`;
    }
    const doing = flow === 'report' ? 'điền báo cáo' : 'đăng ký đầu mối';
    return `📋 Bạn đang ${doing}: đã trả lời ${answered}/${total} mục. Tiếp tục với câu hỏi dưới đây (hoặc gõ /huy để hủy):`;
  },

  /** To a contact who registers a unit that others already report for (their names are not shown: personal data). */
  unitHasOtherContacts: (unitName: string, others: number) =>
    `ℹ️ Đơn vị “${unitName}” đã có ${others === 1 ? 'một' : formatNumber(others)} đầu mối khác đăng ký báo cáo. Báo cáo của đơn vị là chung: lần gửi sau, của bất kỳ đầu mối nào, sẽ là bản mới nhất của đơn vị. Quản trị viên đã được báo; nếu bạn đăng ký nhầm đơn vị, gõ /dangky để sửa.`,
  /** To a unit's existing contact when someone else registers for the same unit. */
  unitContactAdded: (unitName: string, planName: string) =>
    [
      `ℹ️ Một người khác vừa đăng ký làm đầu mối báo cáo cho đơn vị “${unitName}” (${planName}).`,
      'Từ nay báo cáo người đó gửi cũng là báo cáo của đơn vị, và lần gửi sau cùng, của bất kỳ ai, là bản mới nhất. Nếu việc này không đúng, xin báo cho quản trị viên.',
    ].join('\n'),
  /** To the admins: who the unit's contacts are now. */
  duplicateContactAdmin: (p: {
    unitName: string;
    planName: string;
    added: { name: string; id: string; phone?: string };
    others: { name: string; id: string; phone?: string; since: string }[];
  }) =>
    [
      `⚠️ Đơn vị “${p.unitName}” (${p.planName}) nay có ${formatNumber(p.others.length + 1)} đầu mối báo cáo:`,
      `• Mới đăng ký: ${p.added.name} (${p.added.id}${p.added.phone ? `, ${p.added.phone}` : ''})`,
      ...p.others.map((o) => `• Đã có từ ${o.since}: ${o.name} (${o.id}${o.phone ? `, ${o.phone}` : ''})`),
      'Lần gửi sau cùng, của bất kỳ ai trong số này, là bản mới nhất của đơn vị; tệp xuất đánh dấu lần gửi của một đầu mối khác với lần trước (cột “Người gửi khác lần trước”).',
    ].join('\n'),

  myReportsNone: 'Bạn chưa gửi báo cáo nào. Gõ /baocao để gửi báo cáo năm của đơn vị.',
  myReportsTitle: (n: number) => `Các báo cáo bạn đã gửi (${n}):`,
  myReportsViewHint: 'Gõ /cuatoi kèm mã để xem nội dung một báo cáo, ví dụ: /cuatoi BC-7K3M9Q.',
  myReportsLine: (i: number, r: { code: string; year: number; version: number; time: string; unitName: string }) =>
    `${i}. Mã ${r.code} — năm ${r.year}, lần gửi ${r.version} — ${r.time} — ${r.unitName}`,

  /** A report's content, for its sender and the admins. */
  reportView: (p: {
    code: string;
    year: number;
    version: number;
    unitName: string;
    planName: string;
    time: string;
    late?: { late: boolean; days: number };
    sender?: string;
    answers: { label: string; value: string }[];
  }) =>
    [
      `📄 Báo cáo ${p.code} — năm ${p.year}, lần gửi thứ ${p.version}`,
      `Đơn vị: ${p.unitName}`,
      `Kế hoạch: ${p.planName}`,
      `Thời gian gửi: ${p.time} (giờ Việt Nam)`,
      ...(p.late ? [p.late.late ? `⏰ Nộp muộn ${p.late.days} ngày so với hạn báo cáo.` : 'Nộp đúng hạn.'] : []),
      ...(p.sender ? [`Người gửi: ${p.sender}`] : []),
      '',
      ...p.answers.map((a, i) => `${i + 1}. ${a.label}: ${a.value}`),
    ].join('\n'),
  reportViewEmpty: '(để trống)',
  /** The same words whether the code exists or not: nobody learns from it which codes are in use. */
  reportViewRefused: (code: string) =>
    `Không có báo cáo mã ${code} trong số báo cáo bạn được xem. Nội dung một báo cáo chỉ người đã gửi và quản trị viên xem được. Gõ /cuatoi để xem danh sách báo cáo bạn đã gửi.`,
  reportCodeInvalid: (typed: string) =>
    `“${typed}” không phải mã báo cáo. Mã báo cáo có dạng BC- và 6 ký tự, ví dụ: BC-7K3M9Q (có trong tin nhắn xác nhận khi gửi). Gõ /cuatoi để xem danh sách báo cáo bạn đã gửi.`,
};
