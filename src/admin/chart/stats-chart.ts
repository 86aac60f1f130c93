/**
 * The /thongke statistics as a picture: one bar per plan with the units that reported on time, late,
 * or not yet, labelled as the plan buttons are (place first, then the document).
 */
import { planButtonLabel } from '../../answers/format.js';
import { viDateTime } from '../../calendar.js';
import type { OutboundPhoto } from '../../dialog/types.js';
import type { PlanStats } from '../stats.js';
import { workerTask } from '../../workers/worker-task.js';
import type { DrawInput, DrawnChart } from './draw-task.js';
import type { ProgressRow } from './progress-chart.js';
import { chartTexts } from './texts.js';

/** Drawn off the event loop, in a worker that stays once started. */
const drawing = workerTask<DrawInput, DrawnChart>('./draw-task', import.meta.url, 'biểu đồ');

/** "Thái Bình — Công văn 209/CDYT" → place and document, the two lines of a bar's label. */
function labelOf(s: PlanStats): Pick<ProgressRow, 'place' | 'document'> {
  if (!s.plan) return { place: s.planId, document: chartTexts.unknownPlan };
  const label = planButtonLabel(s.plan);
  const cut = label.indexOf(' — ');
  return cut < 0 ? { place: label, document: '' } : { place: label.slice(0, cut), document: label.slice(cut + 3) };
}

/** Reports received (registered or not: the late count covers them all), split by the late mark. */
export function progressRows(stats: readonly PlanStats[]): ProgressRow[] {
  return stats.map((s) => {
    const received = s.reported.length + s.reportedWithoutContact;
    const late = Math.min(s.late, received);
    return { ...labelOf(s), onTime: received - late, late, missing: s.missing.length };
  });
}

export interface StatsChartOptions {
  year: number;
  /** When the figures were read (the subtitle, as the text writes it). */
  at: Date;
  timeZone: string;
}

/** undefined when no plan has a unit or a report: the text says so, a chart of empty bars would not help. */
export async function statsChart(stats: readonly PlanStats[], opts: StatsChartOptions): Promise<OutboundPhoto | undefined> {
  const rows = progressRows(stats);
  if (rows.every((r) => r.onTime + r.late + r.missing === 0)) return undefined;
  const { png } = await drawing.run({ rows, text: { title: chartTexts.title(opts.year), subtitle: chartTexts.asOf(viDateTime(opts.at, opts.timeZone)) } });
  return { filename: chartTexts.filename(opts.year), mimeType: 'image/png', content: Buffer.from(png.buffer, png.byteOffset, png.byteLength), caption: chartTexts.caption(opts.year) };
}
