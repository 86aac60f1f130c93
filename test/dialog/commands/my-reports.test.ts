/**
 * /cuatoi <mã> and "xem báo cáo <mã>": a report's content for the one who sent it and for admins; the
 * same refusal for everyone else whether the code exists or not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, REGISTRATION, REPORT, seen, type Harness } from '../support.js';

let h: Harness;
let lan: ChatUser;
let code: string;
beforeEach(async () => {
  // Củ Chi's units report before 15/11 (last day 14/11): sent on 20/11 is 6 days late.
  h = harness({ env: { ADMIN_IDS: 'telegram:900' } });
  lan = new ChatUser(h, '100');
  await lan.sayAll(['/dangky', ...REGISTRATION, '1']);
  code = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(seen(await lan.sayAll(['/baocao', ...REPORT, 'Gửi'])))![1]!;
});
afterEach(() => h.cleanup());

const content = () =>
  [
    `📄 Báo cáo ${code} — năm 2025, lần gửi thứ 1`,
    'Đơn vị: UBND xã An Nhơn Tây',
    'Kế hoạch: Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi',
    'Thời gian gửi: 10:00 ngày 20/11/2025 (giờ Việt Nam)',
    '⏰ Nộp muộn 6 ngày so với hạn báo cáo.',
  ];
const answers = [
  '1. Hoạt động tuyên truyền, phát động đã thực hiện: Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền',
  '2. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 120',
  '3. Số “Gia đình học tập” được công nhận trong năm: 12',
  '4. Số “Dòng họ học tập” được công nhận trong năm: (để trống)',
  '5. Số “Công dân học tập” được công nhận trong năm: 12',
  '6. Số “Đơn vị học tập” được công nhận trong năm: (để trống)',
  '7. Số “Cộng đồng học tập” được công nhận trong năm: 2',
  '8. Mô hình hay, sáng kiến: Mô hình “Gia đình học tập 4.0”',
  '9. Khó khăn, vướng mắc: (để trống)',
  '10. Đề xuất, kiến nghị (kể cả đề nghị khen thưởng): Đề nghị tặng Giấy khen cho 2 tập thể',
];

describe('/cuatoi <mã>', () => {
  it('shows its owner every field with its label, the version, the time and the late mark', async () => {
    expect(seen(await lan.say(`/cuatoi ${code}`))).toBe([...content(), '', ...answers].join('\n'));
  });

  it('takes "xem báo cáo <mã>" in any case, with or without diacritics, dash or space', async () => {
    const body = code.slice(3);
    const expected = [...content(), '', ...answers].join('\n');
    for (const typed of [`xem báo cáo ${code}`, `Xem bao cao ${code.toLowerCase()}`, `XEM BÁO CÁO bc${body.toLowerCase()}`, `xem báo cáo BC ${body}`, `xem lại báo cáo mã ${code}.`, `Xem báo cáo: ${code}`]) {
      expect(seen(await lan.say(typed)), typed).toBe(expected);
    }
    expect(seen(await lan.say(`/cuatoi ${code.toLowerCase().replace('-', '')}`))).toBe(expected);
    expect(seen(await lan.say(`/cuatoi ${body}`))).toBe(expected);
    // Without its "BC", six letters are no code: "xem báo cáo năm nay" is a question.
    expect(seen(await lan.say('xem báo cáo năm nay'))).not.toContain('BC-NAMNAY');
  });

  it('in the middle of a form, shows the report and asks the pending field again', async () => {
    await lan.say('/baocao');
    const r = seen(await lan.say(`xem báo cáo ${code}`));
    expect(r).toContain(`📄 Báo cáo ${code}`);
    expect(r).toContain('(Câu 1/11) Năm báo cáo là năm nào?');
  });

  it('refuses anyone else with the same words whether the code exists or not', async () => {
    const other = new ChatUser(h, '555');
    const refusal = (c: string) =>
      `Không có báo cáo mã ${c} trong số báo cáo bạn được xem. Nội dung một báo cáo chỉ người đã gửi và quản trị viên xem được. Gõ /cuatoi để xem danh sách báo cáo bạn đã gửi.`;
    expect(seen(await other.say(`/cuatoi ${code}`))).toBe(refusal(code));
    expect(seen(await other.say(`xem báo cáo ${code}`))).toBe(refusal(code));
    // A code that exists nowhere: the same reply, so trying codes tells nothing.
    const unknown = code === 'BC-222222' ? 'BC-333333' : 'BC-222222';
    expect(seen(await other.say(`/cuatoi ${unknown}`))).toBe(refusal(unknown));
    expect(seen(await lan.say(`/cuatoi ${unknown}`))).toBe(refusal(unknown));
    // Not a code at all.
    expect(seen(await other.say('/cuatoi 2025'))).toContain('“2025” không phải mã báo cáo. Mã báo cáo có dạng BC- và 6 ký tự');
  });

  it('shows admins any report, with who sent it', async () => {
    const admin = new ChatUser(h, '900');
    const r = seen(await admin.say(`/cuatoi ${code}`));
    expect(r).toBe([...content(), 'Người gửi: Nguyễn Thị Lan (telegram:100)', '', ...answers].join('\n'));
  });

  it('marks a report sent in time as such', async () => {
    const h2 = harness({ start: new Date('2025-11-10T03:00:00Z') });
    try {
      const hoa = new ChatUser(h2, '300');
      await hoa.sayAll(['/dangky', ...REGISTRATION, '1']);
      const c = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(seen(await hoa.sayAll(['/baocao', ...REPORT, 'Gửi'])))![1]!;
      const r = seen(await hoa.say(`/cuatoi ${c}`));
      expect(r).toContain('Thời gian gửi: 10:00 ngày 10/11/2025 (giờ Việt Nam)\nNộp đúng hạn.');
    } finally {
      h2.cleanup();
    }
  });

  it('/cuatoi without a code lists the reports, and says how to open one', async () => {
    const r = seen(await lan.say('/cuatoi'));
    expect(r).toContain(`1. Mã ${code} — năm 2025, lần gửi 1 — 10:00 ngày 20/11/2025 — UBND xã An Nhơn Tây`);
    expect(r).toContain('Gõ /cuatoi kèm mã để xem nội dung một báo cáo');
  });
});
