import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import type { Report } from '../../src/store/reports.js';
import { conversationOf } from './load-script.js';
import { ChatUser, harness, tempDir, type Harness } from './support.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Every user's report is there exactly once, with that user's own answers. */
function expectOneReportPerUser(reports: Report[], userIds: string[]) {
  expect(reports).toHaveLength(userIds.length);
  const byUser = new Map(reports.map((r) => [r.userId, r]));
  expect(byUser.size).toBe(userIds.length);
  userIds.forEach((userId, i) => {
    const r = byUser.get(userId);
    expect(r, userId).toBeDefined();
    expect(r!.unitName).toBe(`Đơn vị kiểm thử ${userId}`);
    expect(r!.answers.trainees).toBe(i);
    expect(r!.version).toBe(1);
  });
  expect(new Set(reports.map((r) => r.code)).size).toBe(reports.length);
}

describe('load', () => {
  it('500 users submitting at the same time through one core: every report stored exactly once', async () => {
    const h: Harness = harness();
    cleanups.push(() => h.cleanup());
    const userIds = Array.from({ length: 500 }, (_, i) => `load-${i}`);
    const lastReplies = await Promise.all(
      userIds.map(async (userId, i) => {
        const user = new ChatUser(h, userId);
        let last = '';
        for (const line of conversationOf(userId, i)) last = (await user.say(line)).map((r) => r.text).join('\n');
        return last;
      }),
    );
    lastReplies.forEach((text) => expect(text).toMatch(/^✅ Đã nhận báo cáo năm 2025[\s\S]*Mã báo cáo: BC-/));
    expectOneReportPerUser(h.store.reports.listAll(), userIds);
    expect(h.store.conversations.count()).toBe(0);
    expect(h.store.contacts.count()).toBe(500);
  });

  it('4 processes × 60 users on one database file, with duplicate deliveries: every report stored exactly once', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'shared.sqlite');
    const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
    const run = (prefix: string) =>
      new Promise<{ users: number; sent: number; duplicatesAnswered: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', worker, dbPath, prefix, '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${prefix} exited ${code}: ${err}`))));
      });
    const results = await Promise.all(['p0', 'p1', 'p2', 'p3'].map(run));
    results.forEach((r) => expect(r.duplicatesAnswered).toBe(0));

    const store = openStore(dbPath);
    try {
      const userIds = ['p0', 'p1', 'p2', 'p3'].flatMap((p) => Array.from({ length: 60 }, (_, i) => `${p}-${i}`));
      const reports = store.reports.listAll();
      // Users of different processes share the trainee numbers 0..59: check per prefix.
      for (const p of ['p0', 'p1', 'p2', 'p3']) {
        expectOneReportPerUser(
          reports.filter((r) => r.userId.startsWith(`${p}-`)),
          userIds.filter((u) => u.startsWith(`${p}-`)),
        );
      }
      expect(reports).toHaveLength(240);
    } finally {
      store.close();
    }
  });
});
