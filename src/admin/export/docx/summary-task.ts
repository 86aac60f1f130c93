/**
 * Writing the báo cáo tổng hợp, run in a worker (src/workers/worker-task.ts): docx serialises the whole
 * document in one synchronous step (about 0.5 s per thousand units), which on the main thread would keep
 * the bot from answering anyone meanwhile.
 */
import type { SectionFields } from '../../../reports/summary-sections.js';
import type { SummaryData } from '../summary-data.js';
import { summaryToDocx, type SummaryDocxOptions } from './summary-docx.js';

export interface SummaryInput {
  data: SummaryData;
  sections: SectionFields;
  opts: SummaryDocxOptions;
}

export async function run(input: SummaryInput): Promise<Uint8Array> {
  const buffer = await summaryToDocx(input.data, input.sections, input.opts);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}
