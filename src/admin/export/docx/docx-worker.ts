/**
 * The worker thread that writes the báo cáo tổng hợp (see off-thread.ts): docx serialises the whole
 * document in one synchronous step (about 0.5 s per thousand units), which on the main thread would
 * keep the bot from answering anyone meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SectionFields } from '../../../reports/summary-sections.js';
import type { SummaryData } from '../summary-data.js';
import { summaryToDocx, type SummaryDocxOptions } from './summary-docx.js';

const { data, sections, opts } = workerData as { data: SummaryData; sections: SectionFields; opts: SummaryDocxOptions };
summaryToDocx(data, sections, opts).then(
  (buffer) => {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
    parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer]);
  },
  (err: unknown) => parentPort!.postMessage({ ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
);
