import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
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
    expect(wb.worksheets.map((w) => `${w.name}:${w.rowCount}`)).toEqual(['Báo cáo mới nhất:3', 'Tất cả các lần gửi:4', 'Đầu mối:4']);

    const csv = join(tmp.dir, 'cu-chi.csv');
    expect(cli(['export', '--format', 'csv', '--out', csv, '--year', '2025', '--plan', 'cu-chi']).status).toBe(0);
    const rows = parse(readFileSync(csv), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x['Hoạt động tuyên truyền, phát động đã thực hiện'])).toEqual(['Dòng 1\nDòng "2", có phẩy', 'Bản 2']);
  });

  it('says what is wrong with a bad plan, year or format', () => {
    const bad = cli(['export', '--out', join(tmp.dir, 'x.xlsx'), '--plan', 'ha-noi']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Không có kế hoạch "ha-noi". Các mã kế hoạch: thai-binh-cdyt, thai-binh, bac-kan-vp, cu-chi, tay-ninh, khanh-hoa');
    expect(cli(['export', '--out', join(tmp.dir, 'x.xlsx'), '--year', '25']).stderr).toContain('cần một năm 4 chữ số');
    expect(cli(['export', '--out', join(tmp.dir, 'x.pdf'), '--format', 'pdf']).status).not.toBe(0);
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
});

describe('cli remind --dry-run', () => {
  it('prints who would be reminded on a date and of what, and sends nothing', () => {
    const r = cli(['remind', '--dry-run', '--date', '2025-11-08']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Chạy thử (không gửi gì): lời nhắc ngày 08/11/2025 lúc 08:00 (Asia/Ho_Chi_Minh), nhắc trước hạn 7, 3, 1 ngày.');
    expect(r.stdout).toContain('Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi — hạn 15/11/2025 (còn 7 ngày), báo cáo năm 2025, Mục V.1');
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
    expect(quiet).toContain('Ngày có lịch nhắc tiếp theo: 08/11/2025.');
    const khanhHoa = cli(['remind', '--dry-run', '--date', '2025-11-24']).stdout;
    expect(khanhHoa).toContain('• Lê Thị Hoa — Sở Y tế — telegram:');
    const send = cli(['remind']);
    expect(send.status).toBe(1);
    expect(send.stderr).toContain('remind --dry-run');
    expect(cli(['remind', '--dry-run', '--date', '2025-02-30']).stderr).toContain('YYYY-MM-DD');
  });
});

describe('cli export-questions', () => {
  it('writes the unanswered questions grouped, with counts', () => {
    const out = join(tmp.dir, 'cau-hoi.csv');
    const r = cli(['export-questions', '--out', out]);
    expect(r.stdout).toBe(`Đã ghi ${out} (CSV): 1 câu hỏi khác nhau, 2 lượt hỏi.\n`);
    const rows = parse(readFileSync(out), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ 'Câu hỏi (lần hỏi gần nhất)': 'thoi tiet', 'Số lần hỏi': '2', 'Không tìm thấy trong văn bản': '2', Kênh: 'Zalo, Telegram' }),
    ]);
  });
});
