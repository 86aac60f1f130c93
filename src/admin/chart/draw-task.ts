/**
 * Drawing the chart, run in a worker (src/workers/worker-task.ts): ECharts lays the chart out
 * synchronously (tens of milliseconds, hundreds on a busy machine), which on the main thread would keep
 * the bot from answering anyone meanwhile.
 */
import { svgToPng } from './png.js';
import { progressChartSvg, type ProgressChartText, type ProgressRow } from './progress-chart.js';

export interface DrawInput {
  rows: ProgressRow[];
  text: ProgressChartText;
}

export interface DrawnChart {
  png: Uint8Array;
  width: number;
  height: number;
}

export async function run(input: DrawInput): Promise<DrawnChart> {
  const svg = progressChartSvg(input.rows, input.text);
  const { png, width, height } = await svgToPng(svg.svg, svg);
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice(), width, height };
}
