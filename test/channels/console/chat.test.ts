import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../src/channels/console/chat.js';
import { renderOutbound } from '../../../src/channels/console/render.js';
import { openStore } from '../../../src/store/db.js';
import { harness, REGISTRATION, REPORT, tempDir } from '../../dialog/support.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('renderOutbound', () => {
  it('prints choices as a numbered list and says how to pick', () => {
    expect(renderOutbound({ text: 'Chọn:', choices: [{ id: 'a', label: 'Gửi' }, { id: 'b', label: 'Sửa' }] })).toBe(
      'Chọn:\n  1. Gửi\n  2. Sửa\n(Gõ số thứ tự hoặc tên lựa chọn.)',
    );
    expect(renderOutbound({ text: 'Tệp', document: { filename: 'x.csv', mimeType: 'text/csv', content: Buffer.from('abc'), caption: 'Xuất' } }, '/tmp/x.csv')).toBe(
      'Tệp\nXuất\n[Tệp đính kèm: x.csv, 3 byte, đã lưu tại /tmp/x.csv]',
    );
  });

  it('says where the photo (the /thongke chart) was saved, before the text', () => {
    const photo = { filename: 'tien-do-bao-cao-2025.png', mimeType: 'image/png', content: Buffer.from([1, 2, 3]), caption: 'Biểu đồ' };
    expect(renderOutbound({ text: 'Số liệu', photo }, '/tmp/tien-do-bao-cao-2025.png')).toBe(
      '[Hình ảnh: tien-do-bao-cao-2025.png, 3 byte, đã lưu tại /tmp/tien-do-bao-cao-2025.png]\nSố liệu',
    );
  });
});

describe('runConsoleChat', () => {
  it('answers each line in order and ends at the end of input', async () => {
    const h = harness();
    cleanups.push(() => h.cleanup());
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const done = runConsoleChat({ core: h.core, input, output, userId: 'c1', interactive: false });
    input.end(['/dangky', ...REGISTRATION, ''].join('\n'));
    await done;
    expect(out).toContain('(Câu 1/5) Họ và tên của bạn là gì?');
    expect(out).toContain('  4. Kế hoạch số 1792/KH-UBND ngày 6/3/2024 của UBND huyện Củ Chi');
    expect(out).toContain('5. Số điện thoại: 0912 345 678\n\nChọn “Xác nhận” nếu thông tin đã đúng, “Sửa” để sửa một mục, hoặc “Hủy”.\n  1. Xác nhận\n  2. Sửa\n  3. Hủy');
    expect(out).not.toContain('> ');
  });

  it('shows a prompt when interactive', async () => {
    const h = harness();
    cleanups.push(() => h.cleanup());
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const done = runConsoleChat({ core: h.core, input, output, interactive: true });
    input.end('/trogiup\n');
    await done;
    expect(out).toMatch(/^Trò chuyện với trợ lý \(gõ \/batdau để bắt đầu, Ctrl-D để thoát\)\.\n> Các lệnh của trợ lý:/);
    expect(out.endsWith('> \n')).toBe(true);
  });
});

/** The real CLI, as a user runs it: `npm run -s chat -- --user ID`, in its own process group. */
function startChat(dbPath: string, userId: string): { child: ChildProcessWithoutNullStreams; output: () => string; waitFor(text: string, count?: number): Promise<void>; exited: Promise<number | null> } {
  const child = spawn('npm', ['run', '-s', 'chat', '--', '--user', userId], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', TZ: 'Asia/Ho_Chi_Minh' },
    detached: true,
  });
  let out = '';
  const waiters: { text: string; count: number; resolve(): void }[] = [];
  const occurrences = (t: string) => out.split(t).length - 1;
  child.stdout.on('data', (d) => {
    out += d;
    for (const w of [...waiters]) {
      if (occurrences(w.text) >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    waitFor: (text, count = 1) =>
      occurrences(text) >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ text, count, resolve })),
    exited,
  };
}

describe('npm run -s chat (the real CLI)', () => {
  it('reads piped lines, prints the replies and exits cleanly; the report is in the database', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'var', 'chat.sqlite');
    const chat = startChat(dbPath, 'pipe-user');
    chat.child.stdin.end(['/baocao', ...REGISTRATION, '1', ...REPORT, 'Gửi', '/cuatoi', ''].join('\n'));
    expect(await chat.exited).toBe(0);
    const out = chat.output();
    expect(out).toContain('(Câu 1/5) Họ và tên của bạn là gì?');
    expect(out).toContain('  1. Gửi\n  2. Sửa\n  3. Hủy');
    const code = /Mã báo cáo: (BC-[A-Z0-9]{6})/.exec(out)?.[1];
    expect(code).toBeDefined();
    expect(out).toContain(`1. Mã ${code} — năm `);
    const store = openStore(dbPath);
    try {
      expect(store.reports.byCode(code!)).toMatchObject({ userId: 'pipe-user', channel: 'console', unitName: 'UBND xã An Nhơn Tây', planId: 'cu-chi' });
    } finally {
      store.close();
    }
  });

  it('kill -9 in the middle of a report: a new process on the same database finishes it', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'kill.sqlite');
    const first = startChat(dbPath, 'kill-user');
    const say = async (chat: ReturnType<typeof startChat>, line: string, expect: string) => {
      chat.child.stdin.write(`${line}\n`);
      await chat.waitFor(expect);
    };
    await say(first, '/baocao', '(Câu 1/5)');
    await say(first, REGISTRATION[0]!, '(Câu 2/5)');
    await say(first, REGISTRATION[1]!, '(Câu 3/5)');
    await say(first, REGISTRATION[2]!, '(Câu 4/5)');
    await say(first, REGISTRATION[3]!, '(Câu 5/5)');
    await say(first, REGISTRATION[4]!, 'Thông tin đăng ký của bạn:');
    await say(first, '1', '(Câu 1/11)');
    await say(first, REPORT[0]!, '(Câu 2/11)');
    await say(first, REPORT[1]!, '(Câu 3/11)');
    await say(first, REPORT[2]!, '(Câu 4/11)');
    await say(first, REPORT[3]!, '(Câu 5/11)');
    process.kill(-first.child.pid!, 'SIGKILL');
    expect(await first.exited).toBeNull();

    const second = startChat(dbPath, 'kill-user');
    second.child.stdin.end([...REPORT.slice(4), '1', ''].join('\n'));
    expect(await second.exited).toBe(0);
    const out = second.output();
    expect(out.startsWith('(Câu 6/11)')).toBe(true); // "bỏ qua" answered field 5, where the first process stopped
    expect(out).toContain('Mã báo cáo: BC-');
    const store = openStore(dbPath);
    try {
      const [report] = store.reports.listAll();
      expect(store.reports.count()).toBe(1);
      expect(report?.answers).toMatchObject({
        year: 2025,
        activities: REPORT[1],
        trainees: 120,
        learningFamilies: 12,
        learningClans: null,
        learningCitizens: 12,
        proposals: REPORT[10],
      });
    } finally {
      store.close();
    }
  });
});

describe('chat --json (the contract for checks outside the project)', () => {
  it('prints exactly one JSON object per input line, in order, with the text as the user sees it', async () => {
    const tmp = tempDir();
    cleanups.push(() => tmp.cleanup());
    const lines = [
      'chào bạn',
      'hạn báo cáo của Củ Chi là khi nào',
      'còn Tây Ninh thì sao?',
      '/huy',
      'kinh phí lấy từ nguồn nào',
      '2',
      '',
      'thời tiết hôm nay thế nào',
      '/dangky',
    ];
    const child = spawn('npm', ['run', '-s', 'chat', '--', '--json', '--user', 'json-1'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: join(tmp.dir, 'chat.sqlite'), LOG_LEVEL: 'silent', TZ: 'Asia/Ho_Chi_Minh' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end(`${lines.join('\n')}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const objects = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects).toHaveLength(lines.length);
    for (const o of objects) {
      expect(Object.keys(o).slice(0, 4)).toEqual(['status', 'intent', 'answer', 'sources']);
      expect(['answer', 'clarify', 'not_found', 'reply']).toContain(o.status);
    }
    expect(objects.map((o) => o.status)).toEqual(['reply', 'answer', 'answer', 'reply', 'clarify', 'answer', 'reply', 'not_found', 'reply']);
    expect(objects[0]!.intent).toBe('smalltalk');
    expect(objects[2]).toMatchObject({ intent: 'deadlines', sources: [{ plan: 'tay-ninh', section: 'VII.9' }] });
    expect(String(objects[2]!.answer).split('\n')[0]).toBe('Tây Ninh — hạn báo cáo và các mốc thời gian (tiếp câu hỏi trước):');
    // A clarification carries its options, and the answer shows them as the user sees them.
    expect((objects[4]!.options as { planId: string }[]).map((o) => o.planId)).toEqual(['cu-chi', 'tay-ninh', 'khanh-hoa']);
    expect(objects[4]!.answer).toContain('  2. Tây Ninh — Kế hoạch UBND tỉnh');
    expect(objects[5]).toMatchObject({ intent: 'funding', sources: [{ plan: 'tay-ninh', section: 'VI' }, { plan: 'tay-ninh', section: 'VII.4' }] });
    // A form step is a reply, as the user sees it.
    expect(objects[8]!.answer).toContain('(Câu 1/5)');
  }, 60_000);
});
