/**
 * The Zalo channel under load, through the local fake of the Bot Platform API and the real core,
 * answerer and SQLite store: questions from many users at once, by long polling (one update per
 * getUpdates call, as the platform works) and by webhook (concurrent POSTs). Latency is measured from
 * the moment the update is offered (injected / POSTed) to the moment the fake receives the last reply.
 */
import { createAnswerer } from '../../src/answers/answerer.js';
import type { Answerer } from '../../src/answers/types.js';
import { createCore } from '../../src/dialog/core.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/loader.js';
import { silentLogger } from '../../src/log.js';
import { splitText } from '../../src/text/split.js';
import { ZALO_TEXT_LIMIT } from '../../src/channels/zalo/render.js';
import { TrackingCore, WEBHOOK_SECRET, WEBHOOK_URL, zaloRig, type ZaloRig } from '../channels/zalo/harness.js';
import { zaloFixtures } from '../support/zalo-fake-api.js';

const QUESTIONS = [
  'Tiêu chí thi đua đối với cấp xã của Thái Bình là gì?',
  'han nop bao cao cua cu chi',
  'Khánh Hòa có những hình thức khen thưởng nào?',
  'tieu chi gia dinh hoc tap o thai binh',
];

interface Figures {
  updates: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  accept?: { p50: number; p99: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function withRig<T>(knowledge: Knowledge, answerer: Answerer, env: Record<string, string>, fn: (rig: ZaloRig, core: () => TrackingCore) => Promise<T>): Promise<T> {
  let tracker: TrackingCore | undefined;
  const rig = await zaloRig({
    env: { ZALO_MONTHLY_QUOTA: '0', ...env },
    fake: { pollTimeoutMs: 200 },
    core: (store, config) => (tracker = new TrackingCore(createCore({ store, knowledge, answerer, config, logger: silentLogger() }))),
  });
  try {
    return await fn(rig, () => tracker!);
  } finally {
    await rig.cleanup();
  }
}

/** Offers `updates` questions from `users` users, then waits until every reply has arrived. */
async function run(rig: ZaloRig, tracker: () => TrackingCore, users: number, updates: number, via: 'poll' | 'webhook'): Promise<Figures> {
  const offeredAt = new Map<string, number>();
  const acceptMs: number[] = [];
  const start = performance.now();
  const offers: Promise<void>[] = [];
  for (let i = 0; i < updates; i++) {
    const userId = `bench${i % users}`;
    rig.fake.allowChat(userId);
    const update = zaloFixtures.text(QUESTIONS[i % QUESTIONS.length]!, { userId, messageId: `b${i}` });
    offeredAt.set(`b${i}`, performance.now());
    if (via === 'poll') {
      rig.fake.inject(update);
    } else {
      const t = performance.now();
      offers.push(
        rig.fake.deliverToWebhook(rig.localUrl, update).then((res) => {
          if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
          acceptMs.push(performance.now() - t);
        }),
      );
      // Keep about 50 deliveries in flight, as a busy platform would.
      if (offers.length >= 50) await Promise.all(offers.splice(0));
    }
  }
  await Promise.all(offers);
  // `handled` is bot-side state the fake cannot see: look at it every few milliseconds.
  while (tracker().handled < updates) await new Promise((r) => setTimeout(r, 5));
  let expected = 0;
  for (let u = 0; u < users; u++) expected += tracker().expectedTexts(`bench${u}`);
  await rig.fake.waitFor(() => rig.fake.sent.length >= expected, `${expected} replies`, 300_000);
  const seconds = (performance.now() - start) / 1000;

  // Per user, replies come in order: the k-th update of a user ends with its k-th reply group.
  const latencies: number[] = [];
  for (let u = 0; u < users; u++) {
    const sent = rig.fake.sent.filter((m) => m.chatId === `bench${u}`);
    let cursor = 0;
    for (let i = u; i < updates; i += users) {
      const parts = splitText(answerLengthHint.get(QUESTIONS[i % QUESTIONS.length]!)!, ZALO_TEXT_LIMIT).length;
      cursor += parts;
      latencies.push(sent[cursor - 1]!.at - offeredAt.get(`b${i}`)!);
    }
  }
  latencies.sort((a, b) => a - b);
  acceptMs.sort((a, b) => a - b);
  return {
    updates,
    seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1)!,
    ...(acceptMs.length ? { accept: { p50: quantile(acceptMs, 0.5), p99: quantile(acceptMs, 0.99) } } : {}),
  };
}

/** Webhook deliveries one at a time: how fast the 200 comes back when the bot is not busy. */
async function acceptance(rig: ZaloRig, count: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let replies = 0;
  for (let i = 0; i < count; i++) {
    const update = zaloFixtures.text(QUESTIONS[i % QUESTIONS.length]!, { userId: 'single', messageId: `s${i}` });
    const t = performance.now();
    const res = await rig.fake.deliverToWebhook(rig.localUrl, update);
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    // Wait for the whole answer so the next delivery finds the bot idle again.
    replies += splitText(answerLengthHint.get(QUESTIONS[i % QUESTIONS.length]!)!, ZALO_TEXT_LIMIT).length;
    await rig.fake.waitFor(() => rig.fake.textsTo('single').length >= replies, 'the answer');
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** The answer text of each question (to know how many Zalo messages one answer makes). */
const answerLengthHint = new Map<string, string>();

const f1 = (n: number) => n.toFixed(1);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

export default async function zaloBench(): Promise<{ title: string; markdown: string }> {
  const knowledge = loadKnowledge();
  const answerer = createAnswerer(knowledge);
  for (const q of QUESTIONS) answerLengthHint.set(q, answerer.answer({ text: q }).text);

  await withRig(knowledge, answerer, {}, (rig, t) => run(rig, t, 10, 100, 'poll')); // warm-up
  const polled = await withRig(knowledge, answerer, {}, (rig, t) => run(rig, t, 100, 1000, 'poll'));
  const hooked = await withRig(knowledge, answerer, { ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET }, (rig, t) =>
    run(rig, t, 100, 1000, 'webhook'),
  );
  const single = await withRig(knowledge, answerer, { ZALO_WEBHOOK_URL: WEBHOOK_URL, ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET }, async (rig) => {
    rig.fake.allowChat('single');
    return acceptance(rig, 200);
  });
  const row = (name: string, f: Figures) =>
    `| ${name} | ${int(f.updates)} | **${int(f.updates / f.seconds)}** | ${f1(f.p50)} | ${f1(f.p99)} | ${f1(f.max)} | ${f.accept ? `${f1(f.accept.p50)} / ${f1(f.accept.p99)}` : '–'} |`;
  const markdown = [
    `${QUESTIONS.length} questions in turn (answers of 1–2 Zalo messages), 100 users, real core + answerer + SQLite file database,`,
    'fake Zalo API and the bot on 127.0.0.1 (HTTP over loopback for every call: getUpdates, sendChatAction, sendMessage).',
    '',
    '| mode | updates | updates/s | p50 ms | p99 ms | max ms | webhook 200 p50 / p99 ms |',
    '|---|---|---|---|---|---|---|',
    row('long polling (one update per getUpdates call)', polled),
    row('webhook (50 POSTs in flight)', hooked),
    `| webhook, one delivery at a time (idle bot) | 200 | – | – | – | – | ${f1(single.p50)} / ${f1(single.p99)} |`,
    '',
    'All 1,000 updates are offered at once, so latency is mostly time spent waiting in the backlog. The fake API and the',
    'bot share one process and one CPU core: each update costs about four loopback HTTP calls (getUpdates, sendChatAction,',
    'sendMessage ×1–2) at about 1 ms each here, against 0.7 ms in the core. On the real platform the network round trip',
    'dominates: with long polling, at most one update per round trip (≈ 20 updates/s at 50 ms).',
    'Latency: from offering the update (queued in the fake / POSTed) to the fake receiving its last reply message.',
    'A webhook delivery is answered 200 before any work is done (last row); under the load above the 200 waits only for',
    'the shared event loop, never for the core or the replies.',
  ].join('\n');
  return { title: 'Zalo channel (fake Bot Platform API, real core)', markdown };
}
