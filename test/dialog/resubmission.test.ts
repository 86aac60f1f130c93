/**
 * A unit that sends its report again for a year it already sent: told so once the year is known (code,
 * time in Việt Nam, the version this will be), then every field starts from the last version.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, REGISTRATION, REPORT, seen, type Harness } from './support.js';

let h: Harness;
let lan: ChatUser;
beforeEach(() => {
  h = harness(); // clock: 2025-11-20 10:00 in Hà Nội
  lan = new ChatUser(h, '100');
});
afterEach(() => h.cleanup());

async function firstReport(user = lan): Promise<string> {
  await user.sayAll(['/dangky', ...REGISTRATION, '1']);
  const r = seen(await user.sayAll(['/baocao', ...REPORT, 'Gửi']));
  return /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(r)![1]!;
}

describe('resubmission (/baocao for a year already sent)', () => {
  it('says at once that the year was sent and which version this is, then keeps "." and takes what is typed', async () => {
    const code = await firstReport();
    h.clock.now = new Date('2025-11-22T01:15:00Z'); // 08:15 in Hà Nội

    let r = await lan.say('/baocao');
    // The year is not known yet: no notice before it.
    expect(seen(r)).not.toContain('đã gửi báo cáo năm');
    r = await lan.say('.');
    expect(r[0]!.text).toBe(
      [
        `ℹ️ Đơn vị đã gửi báo cáo năm 2025 (mã ${code}, lúc 10:00 ngày 20/11/2025, giờ Việt Nam). Lần này sẽ là lần gửi thứ 2; các lần gửi trước vẫn được lưu.`,
        'Mỗi mục dưới đây hiện nội dung đã gửi lần trước: gõ “.” để giữ nguyên, hoặc gõ nội dung mới để thay.',
        '',
        '(Câu 2/11) Đơn vị đã thực hiện những hoạt động tuyên truyền, phát động nào? (tóm tắt, ví dụ: hội nghị phát động, số buổi tuyên truyền, bài viết, pano)',
        'Hiện tại: Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền. Gõ “.” để giữ nguyên.',
        'Tối đa 1.500 ký tự.',
      ].join('\n'),
    );
    // A required field takes "." when it has a value (it was refused as "không thể bỏ qua").
    r = await lan.say('.');
    expect(seen(r)).not.toContain('không thể bỏ qua');
    expect(r[0]!.text).toContain('(Câu 3/11) Có bao nhiêu lượt');
    expect(r[0]!.text).toContain('Hiện tại: 120. Gõ “.” để giữ nguyên.');
    r = await lan.say('150');
    // An optional field with a value can be kept, replaced or emptied.
    expect(r[0]!.text).toContain('Hiện tại: 12. Gõ “.” để giữ nguyên, hoặc gõ “xóa” để bỏ trống.');
    r = await lan.say('xóa');
    // Skipped last time: nothing to keep, as on a first report.
    expect(r[0]!.text).toContain('(Câu 5/11)');
    expect(r[0]!.text).toContain('Gõ “bỏ qua” nếu không có.');
    r = await lan.sayAll(['.', '.', '5', '.', '.', 'Thiếu kinh phí', '.']);
    const summary = r[0]!.text;
    expect(summary).toContain('2. Hoạt động tuyên truyền, phát động đã thực hiện: Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền');
    expect(summary).toContain('3. Số lượt cán bộ, công chức, viên chức, người lao động tham gia học tập, bồi dưỡng: 150');
    expect(summary).toContain('4. Số “Gia đình học tập” được công nhận trong năm: (bỏ qua)');

    r = await lan.say('Gửi');
    expect(seen(r)).toContain('Đây là lần gửi thứ 2 cho năm 2025; các lần gửi trước vẫn được lưu.');
    const [v1, v2] = h.store.reports.listAll();
    expect(v1!.code).toBe(code);
    expect(v2).toMatchObject({ version: 2, year: 2025 });
    expect(v2!.answers).toEqual({
      year: 2025,
      activities: 'Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền', // kept
      trainees: 150, // replaced
      learningFamilies: null, // emptied
      learningClans: null, // skipped before and now
      learningCitizens: 12, // kept
      learningUnits: 5, // was skipped, now given
      learningCommunities: 2, // kept
      models: 'Mô hình “Gia đình học tập 4.0”', // kept
      difficulties: 'Thiếu kinh phí', // was skipped, now given
      proposals: 'Đề nghị tặng Giấy khen cho 2 tập thể', // kept
    });
    // The first version is untouched.
    expect(v1!.answers['trainees']).toBe(120);
  });

  it('a year the unit has not sent starts empty, with no notice', async () => {
    await firstReport();
    await lan.say('/baocao');
    const r = await lan.say('2024');
    expect(r[0]!.text).not.toContain('ℹ️');
    expect(r[0]!.text).not.toContain('Hiện tại');
    // Required and empty: "." is still refused.
    expect(seen(await lan.say('.'))).toContain('Mục này bắt buộc, không thể bỏ qua.');
  });

  it('starts from the unit’s last version, whoever of its contacts sent it', async () => {
    await firstReport();
    const binh = new ChatUser(h, '200');
    await binh.sayAll(['/dangky', 'Trần Văn Bình', REGISTRATION[1]!, '4', 'bỏ qua', 'bỏ qua', '1']);
    await binh.say('/baocao');
    const r = await binh.say('2025');
    expect(r[0]!.text).toContain('Lần này sẽ là lần gửi thứ 2');
    expect(r[0]!.text).toContain('Hiện tại: Tổ chức 3 hội nghị phát động, 12 buổi tuyên truyền.');
  });

  it('changing the year in "Sửa" to a year already sent says which version it will be', async () => {
    await firstReport();
    await lan.say('/baocao');
    await lan.sayAll(['2024', ...REPORT.slice(1)]);
    await lan.say('sửa năm');
    const r = await lan.say('2025');
    expect(r[0]!.text).toMatch(/^ℹ️ Đơn vị đã gửi báo cáo năm 2025 \(mã BC-[A-Z0-9]{6}, lúc 10:00 ngày 20\/11\/2025, giờ Việt Nam\)\. Nếu gửi, đây sẽ là lần gửi thứ 2 cho năm 2025/);
    expect(r[0]!.text).toContain('1. Năm báo cáo: 2025');
    expect(seen(await lan.say('Gửi'))).toContain('Đây là lần gửi thứ 2 cho năm 2025');
  });
});
