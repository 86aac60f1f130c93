/**
 * Reports through the core on a file database (WAL, synchronous = FULL): 1,000 unit contacts
 * registering and submitting their report at the same time, the same one user at a time (no group
 * commit possible), questions through the core, and bare report inserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerer } from '../../src/answers/answerer.js';
import { createCore } from '../../src/dialog/core.js';
import type { Answerer } from '../../src/answers/types.js';
import { silentLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/db.js';
import { conversationOf } from '../dialog/load-script.js';
import { realKnowledge, testConfig } from '../dialog/support.js';

interface RunFigures {
  messages: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function withStore<T>(fn: (store: Store, path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const path = join(dir, 'bench.sqlite');
  const store = openStore(path);
  return fn(store, path).finally(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** `users` contacts each going through the whole conversation; `concurrent` runs them all at once. */
async function conversations(answerer: Answerer, users: number, concurrent: boolean): Promise<RunFigures & { reports: number; mixed: number }> {
  return withStore(async (store) => {
    const core = createCore({ store, knowledge: realKnowledge(), answerer, config: testConfig(), logger: silentLogger() });
    const latencies: number[] = [];
    const one = async (i: number) => {
      const userId = `bench-${i}`;
      for (const text of conversationOf(userId, i)) {
        const t = performance.now();
        await core.handle({ channel: 'telegram', userId, chatId: userId, text, updateId: `${userId}:${latencies.length}` });
        latencies.push(performance.now() - t);
      }
    };
    const start = performance.now();
    if (concurrent) await Promise.all(Array.from({ length: users }, (_, i) => one(i)));
    else for (let i = 0; i < users; i++) await one(i);
    const seconds = (performance.now() - start) / 1000;
    const reports = store.reports.listAll();
    // "Mixed": a report whose unit or numbers are not its sender's own.
    const mixed = reports.filter((r) => r.unitName !== `Đơn vị kiểm thử ${r.userId}` || r.answers.trainees !== Number(r.userId.slice(6))).length;
    latencies.sort((a, b) => a - b);
    return { messages: latencies.length, seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1)!, reports: reports.length, mixed };
  });
}

async function questions(answerer: Answerer, count: number): Promise<RunFigures> {
  const asked = ['Tiêu chí thi đua đối với cấp xã của Thái Bình là gì?', 'han nop bao cao cua cu chi', 'Khánh Hòa có những hình thức khen thưởng nào?', 'kinh phí thực hiện tây ninh'];
  return withStore(async (store) => {
    const core = createCore({ store, knowledge: realKnowledge(), answerer, config: testConfig(), logger: silentLogger() });
    const latencies: number[] = [];
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 100 }, async (_, u) => {
        for (let i = 0; i < count / 100; i++) {
          const t = performance.now();
          await core.handle({ channel: 'zalo', userId: `q${u}`, chatId: `q${u}`, text: asked[(u + i) % asked.length], updateId: `q${u}:${i}` });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return { messages: latencies.length, seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1)! };
  });
}

/** Bare `reports.submit()` calls, each its own durable transaction. */
async function inserts(count: number): Promise<{ seconds: number }> {
  return withStore(async (store) => {
    const contact = store.contacts.upsert({ channel: 'telegram', userId: 'x', chatId: 'x', fullName: 'A', unitName: 'Đơn vị', planId: 'cu-chi', at: new Date() });
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      store.reports.submit({ contactId: contact.id, channel: 'telegram', userId: 'x', planId: 'cu-chi', unitName: `Đơn vị ${i}`, year: 2025, answers: { trainees: i }, at: new Date() });
    }
    return { seconds: (performance.now() - start) / 1000 };
  });
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function reportsBench(): Promise<{ title: string; markdown: string }> {
  const answerer = createAnswerer(realKnowledge());
  await conversations(answerer, 50, true); // warm-up (JIT, answer index)
  const concurrent = await conversations(answerer, 1000, true);
  const sequential = await conversations(answerer, 100, false);
  const asked = await questions(answerer, 2000);
  const bare = await inserts(2000);
  const perConversation = concurrent.messages / 1000;
  const markdown = [
    `Each contact sends ${perConversation} messages: /baocao, the 5 registration answers + “Xác nhận”, the 11 report answers + “Gửi”.`,
    'File database in the OS temp dir, WAL, `synchronous = FULL` (every acknowledged report is on disk), real answerer loaded.',
    '',
    '| run | messages | messages/s | p50 ms | p99 ms | max ms | reports stored | reports/s |',
    '|---|---|---|---|---|---|---|---|',
    `| 1,000 contacts at once (group commit) | ${int(concurrent.messages)} | **${int(concurrent.messages / concurrent.seconds)}** | ${f2(concurrent.p50)} | **${f1(concurrent.p99)}** | ${f1(concurrent.max)} | **${int(concurrent.reports)}** (expected 1,000; mixed: ${concurrent.mixed}) | ${int(concurrent.reports / concurrent.seconds)} |`,
    `| 100 contacts one after another (one commit per message) | ${int(sequential.messages)} | ${int(sequential.messages / sequential.seconds)} | ${f2(sequential.p50)} | ${f1(sequential.p99)} | ${f1(sequential.max)} | ${int(sequential.reports)} (mixed: ${sequential.mixed}) | ${int(sequential.reports / sequential.seconds)} |`,
    `| 2,000 questions from 100 users at once (answerer in the loop) | ${int(asked.messages)} | ${int(asked.messages / asked.seconds)} | ${f2(asked.p50)} | ${f1(asked.p99)} | ${f1(asked.max)} | – | – |`,
    `| 2,000 bare \`reports.submit()\` (no core) | – | – | – | – | – | 2,000 | ${int(2000 / bare.seconds)} |`,
    '',
    'Target (issue 4): ≥ 2,000 messages/s for 1,000 contacts at once, exactly 1,000 reports, none lost or mixed.',
    'Latency is measured from `core.handle()` to its replies, including the wait for the group commit.',
  ].join('\n');
  return { title: 'Reports through the core (SQLite file database)', markdown };
}
