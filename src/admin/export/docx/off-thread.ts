/**
 * The báo cáo tổng hợp built in a worker thread (summary-task.ts through src/workers/worker-task.ts), so
 * that the event loop of the bot stays free while docx writes a large document in one synchronous block
 * (measured in test/bench/summary.bench.ts).
 */
import type { SectionFields } from '../../../reports/summary-sections.js';
import { workerTask } from '../../../workers/worker-task.js';
import type { SummaryData } from '../summary-data.js';
import type { SummaryDocxOptions } from './summary-docx.js';
import type { SummaryInput } from './summary-task.js';

const writing = workerTask<SummaryInput, Uint8Array>('./summary-task', import.meta.url, 'báo cáo tổng hợp');

export async function summaryToDocxOffThread(data: SummaryData, sections: SectionFields, opts: SummaryDocxOptions = {}): Promise<Buffer> {
  const bytes = await writing.run({ data, sections, opts: { issuer: opts.issuer, parentBody: opts.parentBody } });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
