/**
 * The báo cáo tổng hợp built in a worker thread, so that the event loop of the bot stays free while
 * docx writes a large document in one synchronous block (measured in test/bench/summary.bench.ts).
 * The worker runs the same TypeScript through tsx, as the bot itself does.
 */
import { Worker } from 'node:worker_threads';
import type { SectionFields } from '../../../reports/summary-sections.js';
import type { SummaryData } from '../summary-data.js';
import type { SummaryDocxOptions } from './summary-docx.js';

type Reply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './docx-worker.ts' : './docx-worker.js', import.meta.url).href;
/**
 * Run from the sources (npm start, the CLI, the tests), the worker registers tsx's loader before it
 * loads the TypeScript module: a worker does not inherit the loader the main thread was started with.
 */
const BOOTSTRAP = FROM_SOURCE
  ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`
  : `import(${JSON.stringify(WORKER_URL)});`;

export function summaryToDocxOffThread(data: SummaryData, sections: SectionFields, opts: SummaryDocxOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { data, sections, opts: { issuer: opts.issuer, parentBody: opts.parentBody } } });
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok) resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else reject(new Error(`báo cáo tổng hợp: ${reply.message}`));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`báo cáo tổng hợp: the worker stopped (exit code ${code})`));
      settled = true;
    });
  });
}
