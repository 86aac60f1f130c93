/**
 * Crash runs: 200 contacts file their report at once while the real bot process is killed with
 * SIGKILL 8 times at random and started again, per channel and mode (test/support/crash-run.ts).
 * Targets: 0 reports lost, 0 messages unanswered, every report code delivered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashRun, telegramPlatform, zaloPlatform, type CrashPlatform, type CrashRunResult } from '../support/crash-run.js';
import { freePort, TelegramEmulator } from '../support/telegram-emulator.js';
import { startFakeZaloApi, zaloFixtures } from '../support/zalo-fake-api.js';

const USERS = 200;
const KILLS = 8;

interface Peer {
  platform: CrashPlatform;
  stop(): Promise<void>;
}

const peers: Array<() => Promise<Peer>> = [
  async () => {
    const emulator = await TelegramEmulator.start();
    return { platform: telegramPlatform(emulator), stop: () => emulator.stop() };
  },
  async () => {
    const emulator = await TelegramEmulator.start({ retryWebhook: true });
    return { platform: telegramPlatform(emulator, { port: await freePort(), secret: 'bench-crash-Secret_42' }), stop: () => emulator.stop() };
  },
  async () => {
    const port = await freePort();
    const fake = await startFakeZaloApi({ webhookTarget: () => `http://127.0.0.1:${port}` });
    return { platform: zaloPlatform(fake, zaloFixtures, { port, secret: 'bench-crash-zalo-42' }), stop: () => fake.close() };
  },
  async () => {
    const fake = await startFakeZaloApi();
    return { platform: zaloPlatform(fake, zaloFixtures), stop: () => fake.close() };
  },
];

export default async function crashBench(): Promise<{ title: string; markdown: string }> {
  const results: CrashRunResult[] = [];
  for (const make of peers) {
    const peer = await make();
    const dir = mkdtempSync(join(tmpdir(), 'thidua-crash-bench-'));
    try {
      process.stderr.write(`bench: crash run on ${peer.platform.name}…\n`);
      results.push(await crashRun({ platform: peer.platform, databasePath: join(dir, 'thidua.sqlite'), users: USERS, kills: KILLS, killEveryMs: [1000, 3000] }));
    } finally {
      await peer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = results.map(
    (r) => `| ${r.platform} | ${r.users} | ${r.kills} | ${r.messages} | ${r.reportsLost} | ${r.resent} | ${r.unanswered} | ${r.codesDelivered}/${r.reportsStored} | ${r.seconds} s |`,
  );
  return {
    title: 'Crash runs (kill -9 under load)',
    markdown: [
      `${USERS} unit contacts register and file their report at once (${Math.round((results[0]?.messages ?? 0) / USERS)} messages each) while the real bot process (\`node --import tsx src/cli.ts serve\`, what \`npm start\` runs) is killed with SIGKILL ${KILLS} times, spread over the run (the k-th kill once k/${KILLS + 1} of all messages have been typed, at a random moment after that), and started again at once. Each contact types the next answer when the bot has said something, types a message again after 45 s of silence (resent), and counts it unanswered when that gets no reply either. Targets: 0 reports lost, 0 unanswered, every stored report's code delivered to its contact.`,
      '',
      '| channel and mode | contacts | kills | messages | reports lost | resent | unanswered | codes delivered | time |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Zalo long polling cannot be made lossless by the bot: getUpdates hands a message out once, with no offset to confirm it, so a message fetched in the milliseconds before a kill is gone from the platform and the contact types it again (the "resent" column). Zalo\'s own documentation recommends webhook mode in production for this reason; so does README.',
      '',
      'How: every update is stored in the inbox before the platform is told it arrived (webhook 200, next poll offset); replies are stored in the outbox in the same commit as the state change and sent from there; both are resumed at start (src/channels/mailbox/).',
    ].join('\n'),
  };
}
