import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReminderRecords } from '../../src/admin/reminders/records.js';
import { openStore } from '../../src/store/db.js';
import { addContact, submitReport, tempDir } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
beforeEach(() => {
  tmp = tempDir('thidua-admin-cli-');
  dbPath = join(tmp.dir, 'db', 'thidua.sqlite');
  const store = openStore(dbPath);
  const lan = addContact(store, { planId: 'cu-chi', unitName: 'UBND xã An Nhơn Tây', fullName: 'Nguyễn Thị Lan', phone: '0912 345 678' });
  addContact(store, { planId: 'cu-chi', unitName: 'Trường THCS Lê Lợi', fullName: 'Trần Văn Bình', channel: 'zalo', userId: 'z-binh' });
  const hoa = addContact(store, { planId: 'khanh-hoa', unitName: 'Sở Y tế', fullName: 'Lê Thị Hoa' });
  submitReport(store, lan, 2025, { activities: 'Dòng 1\nDòng "2", có phẩy', trainees: 10 });
  submitReport(store, lan, 2025, { activities: 'Bản 2', trainees: 11 });
  submitReport(store, hoa, 2024, { activities: 'Năm trước', trainees: 1 });
  store.questions.record({ channel: 'telegram', status: 'not_found', intent: 'unknown', text: 'Thời tiết?', at: new Date('2025-11-01T01:00:00Z') });
  store.questions.record({ channel: 'zalo', status: 'not_found', intent: 'unknown', text: 'thoi tiet', at: new Date('2025-11-02T01:00:00Z') });
  store.close();
});
afterEach(() => tmp.cleanup());

/** `npm run -s cli -- <args>` as a user runs it, on the temp database. */
function cli(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: dbPath, TZ: 'Asia/Ho_Chi_Minh', LOG_LEVEL: 'silent', ADMIN_IDS: '', ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('cli export', () => {
  it('writes the XLSX and the CSV, filtered by year and plan', async () => {
    const out = join(tmp.dir, 'bao-cao.xlsx');
    const r = cli(['export', '--format', 'xlsx', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Đã ghi ${out} (XLSX): 2 báo cáo mới nhất, 3 lần gửi, 3 đầu mối.\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Báo cáo mới nhất', 'Tất cả các lần gửi', 'Đầu mối', 'Chưa báo cáo']);
    expect(wb.worksheets.slice(1, 4).map((w) => `${w.name}:${w.rowCount}`)).toEqual(['Báo cáo mới nhất:3', 'Tất cả các lần gửi:4', 'Đầu mối:4']);

    const csv = join(tmp.dir, 'cu-chi.csv');
    expect(cli(['export', '--format', 'csv', '--out', csv, '--year', '2025', '--plan', 'cu-chi']).status).toBe(0);
    const rows = parse(readFileSync(csv), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x['Hoạt động tuyên truyền, phát động đã thực hiện'])).toEqual(['Dòng 1\nDòng "2", có phẩy', 'Bản 2']);
  });

  it('says in Vietnamese what is wrong with a bad plan, year, format or file, and exits with 1', () => {
    const x = join(tmp.dir, 'x.xlsx');
    const cases: [string[], string][] = [
      [['--out', x, '--plan', 'ha-noi'], 'Không có kế hoạch “ha-noi”. Gõ mã hoặc tên của một trong các kế hoạch:\n  thai-binh-cdyt — Công văn số 209/CDYT'],
      [['--out', x, '--year', '25'], 'Năm “25” không dùng được: năm báo cáo phải từ 2023 đến 2030, gõ đủ 4 chữ số, ví dụ: 2025.'],
      [['--out', x, '--year', '2019'], 'Năm “2019” không dùng được'],
      [['--out', x, '--year', 'abc'], 'Năm “abc” không dùng được'],
      [['--out', join(tmp.dir, 'x.pdf'), '--format', 'pdf'], 'Định dạng “pdf” không có; chọn một trong: xlsx, csv, docx.'],
      [['--out', x, '--format', 'csv'], '--format csv nhưng tệp “'],
      [['--out', join(tmp.dir, 'x.txt')], 'Không rõ định dạng của “'],
      [[], 'Thiếu --out: cần tên tệp hoặc thư mục để ghi'],
    ];
    for (const [args, message] of cases) {
      const r = cli(['export', ...args]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(message);
      // The message alone, not commander's English or its help text.
      expect(r.stderr, args.join(' ')).not.toMatch(/error:|Usage:|invalid/);
    }
    expect(existsSync(x)).toBe(false);
  });

  it('takes the plan as typed by a person, the format in any case; creates missing folders; a folder gets the usual file name', async () => {
    const nested = join(tmp.dir, 'chua-co', 'thu-muc', 'cu-chi.xlsx');
    const r = cli(['export', '--format', 'XLSX', '--out', nested, '--plan', 'Củ Chi', '--year', '2025']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Đã ghi ${nested} (XLSX): 1 báo cáo mới nhất, 2 lần gửi, 2 đầu mối.\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(nested);
    expect(wb.getWorksheet('Tất cả các lần gửi')!.rowCount).toBe(3);

    // The plan by the names the registration form takes ("KH 1792", "Khánh Hòa"), the year as "năm 2024".
    const byNumber = cli(['export', '--out', join(tmp.dir, 'so.csv'), '--plan', 'KH 1792', '--year', 'năm 2025']);
    expect(byNumber.stderr).toBe('');
    expect(byNumber.stdout).toBe(`Đã ghi ${join(tmp.dir, 'so.csv')} (CSV): 1 báo cáo mới nhất, 2 lần gửi, 2 đầu mối.\n`);
    const byPlace = cli(['export', '--out', join(tmp.dir, 'kh.csv'), '--plan', 'Khánh Hòa']);
    expect(byPlace.stdout).toBe(`Đã ghi ${join(tmp.dir, 'kh.csv')} (CSV): 1 báo cáo mới nhất, 1 lần gửi, 1 đầu mối.\n`);

    const folder = join(tmp.dir, 'xuat') + '/';
    const csv = cli(['export', '--format', 'csv', '--out', folder]);
    expect(csv.status).toBe(0);
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^bao-cao-thi-dua_\d{8}-\d{4}\.csv$/);
    expect(csv.stdout).toContain(`Đã ghi ${join(folder, name!)} (CSV)`);

    const bare = cli(['export', '--out', join(tmp.dir, 'bao-cao')]);
    expect(bare.stdout).toContain(`Đã ghi ${join(tmp.dir, 'bao-cao.xlsx')} (XLSX)`);
  });
});

describe('cli export --format docx', () => {
  it('writes the báo cáo tổng hợp of the year, with the plan filter and the issuing body', async () => {
    const out = join(tmp.dir, 'tong-hop.docx');
    const r = cli(['export', '--format', 'docx', '--out', out, '--year', '2025', '--plan', 'Củ Chi', '--issuer', 'Phòng Giáo dục và Đào tạo']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Đã ghi ${out} (DOCX): báo cáo tổng hợp năm 2025, 1/2 đơn vị đã báo cáo (0 nộp muộn), 1 chưa báo cáo.\n`);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(xml).toContain('UBND xã An Nhơn Tây: ');
    expect(xml).toContain('“Bản 2”');
    expect(xml).not.toContain('Sở Y tế');
    // The extension alone says the format.
    const bare = cli(['export', '--out', join(tmp.dir, 'bc.docx'), '--year', '2025']);
    expect(bare.stdout).toContain('(DOCX): báo cáo tổng hợp năm 2025, 1/3 đơn vị đã báo cáo');
  });
});

describe('cli admin', () => {
  it('adds, lists and removes admins, and tells apart those from ADMIN_IDS', () => {
    expect(cli(['admin', 'list']).stdout).toContain('Chưa có quản trị viên nào.');
    expect(cli(['admin', 'add', 'telegram:123']).stdout).toBe('Đã thêm quản trị viên telegram:123.\n');
    expect(cli(['admin', 'add', 'telegram:123']).stdout).toBe('telegram:123 đã là quản trị viên.\n');
    const list = cli(['admin', 'list'], { ADMIN_IDS: 'zalo:abc' }).stdout.trim().split('\n');
    expect(list[0]).toBe('zalo:abc  (ADMIN_IDS)');
    expect(list[1]).toMatch(/^telegram:123 {2}\(thêm lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)$/);
    expect(cli(['admin', 'remove', 'telegram:123']).stdout).toBe('Đã bỏ quản trị viên telegram:123.\n');
    expect(cli(['admin', 'remove', 'zalo:abc'], { ADMIN_IDS: 'zalo:abc' }).stdout).toContain('vẫn là quản trị viên vì có trong biến môi trường ADMIN_IDS');
    const bad = cli(['admin', 'add', 'facebook:1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('không đúng dạng <kênh>:<mã người dùng>');
  });

  it('refuses ids that would name nobody, in Vietnamese, and adds nothing', () => {
    const cases: [string[], string][] = [
      [['admin', 'add', 'telegram:@ten_dang_nhap'], 'mã người dùng Telegram là một dãy số (không phải tên @...)'],
      [['admin', 'add', 'telegram:1;zalo:2'], 'mã người dùng không được chứa dấu cách, dấu phẩy, chấm phẩy'],
      [['admin', 'add'], 'Thiếu mã quản trị viên, dạng <kênh>:<mã người dùng>'],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(cli(['admin', 'add', 'Zalo:abc']).stdout).toBe('Đã thêm quản trị viên zalo:abc.\n');
    expect(cli(['admin', 'list']).stdout).toMatch(/^zalo:abc {2}\(thêm lúc .*\)\n$/);
  });
});

describe('cli remind --dry-run', () => {
  it('prints who would be reminded on a date and of what, and sends nothing', () => {
    const r = cli(['remind', '--dry-run', '--date', '2025-11-07']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Chạy thử (không gửi gì): lời nhắc ngày 07/11/2025 lúc 08:00 (Asia/Ho_Chi_Minh), nhắc trước hạn 7, 3, 1 ngày.');
    expect(r.stdout).toContain('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi — hạn trước ngày 15/11/2025 (hạn cuối 14/11/2025), còn 7 ngày, báo cáo năm 2025, Mục V.1');
    expect(r.stdout).toContain('“Trước ngày 15 tháng 11 hàng năm báo cáo tình hình tổ chức thực hiện Phong trào thi đua');
    expect(r.stdout).toContain('• Trần Văn Bình — Trường THCS Lê Lợi — zalo:z-binh — sẽ gửi');
    expect(r.stdout).not.toContain('Nguyễn Thị Lan'); // her unit has reported for 2025
    const store = openStore(dbPath);
    expect(createReminderRecords(store.db).list()).toEqual([]);
    store.close();
  });

  it('a day without reminders says so and names the next one; without --dry-run it explains', () => {
    const quiet = cli(['remind', '--dry-run', '--date', '2025-06-01']).stdout;
    expect(quiet).toContain('Ngày này không trùng lịch nhắc của hạn báo cáo nào.');
    expect(quiet).toContain('Ngày có lịch nhắc tiếp theo: 07/11/2025.');
    const khanhHoa = cli(['remind', '--dry-run', '--date', '2025-11-23']).stdout;
    expect(khanhHoa).toContain('• Lê Thị Hoa — Sở Y tế — telegram:');
    const send = cli(['remind']);
    expect(send.status).toBe(1);
    expect(send.stderr).toContain('remind --dry-run');
    const badDate = cli(['remind', '--dry-run', '--date', '2025-02-30']);
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toBe('Ngày “2025-02-30” không đúng: cần một ngày có thật, dạng YYYY-MM-DD, ví dụ: 2025-11-24.\n');
  });
});

describe('cli export-questions', () => {
  it('writes the unanswered questions grouped, with counts', () => {
    const out = join(tmp.dir, 'cau-hoi.csv');
    const r = cli(['export-questions', '--out', out]);
    expect(r.stdout).toBe(`Đã ghi ${out} (CSV): 1 câu hỏi khác nhau, 2 lượt hỏi.\n`);
    const rows = parse(readFileSync(out), { bom: true, columns: true }) as Record<string, string>[];
    // Grouped however typed, shown with diacritics; the topic in words, not an id.
    expect(rows).toEqual([
      expect.objectContaining({
        'Câu hỏi': 'Thời tiết?',
        'Số lần hỏi': '2',
        'Không tìm thấy trong văn bản': '2',
        'Chủ đề nhận diện': 'Chưa nhận ra chủ đề',
        Kênh: 'Zalo, Telegram',
      }),
    ]);
  });
});
