/**
 * A separate process submitting reports for many users at once on a shared database file
 * (`node --import tsx test/dialog/load-worker.ts <db> <prefix> <users>`). Every fifth message is
 * delivered twice, as platforms do. Prints one JSON line with what it sent.
 */
import { createCore } from '../../src/dialog/core.js';
import { silentLogger } from '../../src/log.js';
import { openStore } from '../../src/store/db.js';
import { conversationOf } from './load-script.js';
import { FakeAnswerer, realKnowledge, testConfig } from './support.js';

const [dbPath, prefix, countArg] = process.argv.slice(2);
const count = Number(countArg);
const store = openStore(dbPath!);
const core = createCore({ store, knowledge: realKnowledge(), answerer: new FakeAnswerer(), config: testConfig(), logger: silentLogger() });

let sent = 0;
let duplicatesAnswered = 0;
await Promise.all(
  Array.from({ length: count }, async (_, i) => {
    const userId = `${prefix}-${i}`;
    const lines = conversationOf(userId, i);
    for (let m = 0; m < lines.length; m++) {
      const inbound = { channel: 'telegram' as const, userId, chatId: userId, text: lines[m], updateId: `${userId}:${m}` };
      const replies = await core.handle(inbound);
      sent++;
      if (replies.length === 0) throw new Error(`no reply to message ${m} of ${userId}`);
      if (m % 5 === 0 && (await core.handle(inbound)).length > 0) duplicatesAnswered++;
    }
  }),
);
store.close();
process.stdout.write(`${JSON.stringify({ prefix, users: count, sent, duplicatesAnswered })}\n`);
