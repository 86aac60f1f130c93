/**
 * The reporting progress of each plan as a horizontal stacked bar chart, drawn by ECharts on the server
 * (SSR, SVG renderer): one bar per plan (on time / late / not yet reported), the numbers on the bars and
 * the plan's number of units after it. Sized for a phone: 540 CSS pixels wide, drawn at twice that by png.ts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_FONT_FAMILY, measureText } from './fonts.js';
import { chartTexts } from './texts.js';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);
// Without a canvas ECharts guesses text widths from Helvetica's Latin letters (a Vietnamese letter counts
// as a full em); labels are laid out with the widths of the font resvg draws with instead.
echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: measureText(text, font) }) });

export interface ProgressRow {
  /** First line of the bar's label, in bold: "Thái Bình". */
  place: string;
  /** Second line: which document of that place, "Công văn 209/CDYT". */
  document: string;
  onTime: number;
  late: number;
  missing: number;
}

export interface ProgressChartText {
  title: string;
  subtitle: string;
}

export interface ChartSvg {
  svg: string;
  /** CSS pixels. */
  width: number;
  height: number;
}

export const CHART_WIDTH = 540;
const HEADER = 112;
const ROW = 56;
const FOOTER = 16;

const COLORS = { onTime: '#16a34a', late: '#f59e0b', missing: '#d1d5db', text: '#111827', muted: '#6b7280' };

/** The rich-text markers ECharts reads in labels ({name|text}); a plan name never needs them. */
const plain = (s: string) => s.replace(/[{}|]/g, ' ');

/** A zero segment has no width: no number on it. */
const countLabel = (color: string) => ({
  show: true,
  fontFamily: CHART_FONT_FAMILY,
  fontSize: 13,
  fontWeight: 'bold' as const,
  color,
  formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
});

export function progressChartSvg(rows: readonly ProgressRow[], text: ProgressChartText): ChartSvg {
  const width = CHART_WIDTH;
  const height = HEADER + ROW * Math.max(1, rows.length) + FOOTER;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      title: {
        text: text.title,
        subtext: text.subtitle,
        left: 12,
        top: 8,
        // Room for stacked diacritics ("Tiến độ"): a line a little taller than the letters.
        itemGap: 4,
        textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 18, lineHeight: 26, fontWeight: 'bold', color: COLORS.text },
        subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, lineHeight: 18, color: COLORS.muted },
      },
      legend: {
        top: 68,
        left: 12,
        itemWidth: 14,
        itemHeight: 14,
        itemGap: 16,
        selectedMode: false,
        textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#374151' },
        data: [chartTexts.onTime, chartTexts.late, chartTexts.missing],
      },
      grid: { left: 12, right: 76, top: HEADER - 8, bottom: FOOTER, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => `{place|${plain(r.place)}}\n{doc|${plain(r.document)}}`),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#9ca3af' } },
        axisLabel: {
          align: 'right',
          rich: {
            place: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, fontWeight: 'bold', color: COLORS.text, lineHeight: 17, align: 'right' },
            doc: { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: COLORS.muted, lineHeight: 14, align: 'right' },
          },
        },
      },
      series: [
        { name: chartTexts.onTime, type: 'bar', stack: 'units', barWidth: 28, itemStyle: { color: COLORS.onTime }, label: countLabel('#ffffff'), data: rows.map((r) => r.onTime) },
        { name: chartTexts.late, type: 'bar', stack: 'units', itemStyle: { color: COLORS.late }, label: countLabel(COLORS.text), data: rows.map((r) => r.late) },
        { name: chartTexts.missing, type: 'bar', stack: 'units', itemStyle: { color: COLORS.missing }, label: countLabel('#374151'), data: rows.map((r) => r.missing) },
        {
          // An empty segment at the end of each bar carries the plan's number of units (not in the legend).
          name: 'units',
          type: 'bar',
          stack: 'units',
          silent: true,
          itemStyle: { color: 'transparent' },
          label: {
            show: true,
            position: 'insideLeft',
            fontFamily: CHART_FONT_FAMILY,
            fontSize: 12,
            color: '#374151',
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex];
              return r ? chartTexts.units(r.onTime + r.late + r.missing) : '';
            },
          },
          data: rows.map(() => 0),
        },
      ],
    });
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}
