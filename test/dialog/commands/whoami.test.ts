import { afterEach, describe, expect, it } from 'vitest';
import { ChatUser, harness, seen, type Harness } from '../support.js';

let h: Harness | undefined;
afterEach(() => h?.cleanup());

describe('/toi (/myid)', () => {
  it('tells a user their kênh:mã and how it goes into ADMIN_IDS, in a group too', async () => {
    h = harness();
    const lan = new ChatUser(h, '123456');
    const expected = [
      'Mã của bạn: telegram:123456',
      'Để được quyền quản trị viên, gửi mã này cho người vận hành bot để thêm vào ADMIN_IDS (ví dụ ADMIN_IDS=telegram:123456; nhiều mã cách nhau bằng dấu phẩy; có hiệu lực khi khởi động lại bot) hoặc chạy lệnh "admin add telegram:123456" (có hiệu lực ngay).',
    ].join('\n');
    expect(seen(await lan.say('/toi'))).toBe(expected);
    expect(seen(await lan.say('/myid'))).toBe(expected);
    const inGroup = new ChatUser(h, '123456', { chatId: '-100', chatType: 'group' });
    expect(seen(await inGroup.say('/toi@thidua_bot'))).toBe(expected);
    const zalo = new ChatUser(h, 'abc123', { channel: 'zalo' });
    expect(seen(await zalo.say('/toi'))).toContain('Mã của bạn: zalo:abc123');
  });

  it('says so to an admin; /trogiup lists it; the admin refusal says how to get admin rights', async () => {
    h = harness({ env: { ADMIN_IDS: 'telegram:1' } });
    expect(seen(await new ChatUser(h, '1').say('/toi'))).toBe('Mã của bạn: telegram:1\nBạn đang có quyền quản trị viên.');
    const other = new ChatUser(h, '2');
    expect(seen(await other.say('/trogiup'))).toContain('/toi (hoặc /myid) — Xem mã của bạn (kênh:mã), để người vận hành cấp quyền quản trị');
    expect(seen(await other.say('/xuat'))).toBe(
      'Lệnh này chỉ dành cho quản trị viên. Để được cấp quyền, gõ /toi để xem mã kênh:mã của bạn, rồi nhờ người vận hành bot thêm mã đó vào ADMIN_IDS.',
    );
  });
});
