/**
 * SVG → PNG with resvg, off the event loop (renderAsync runs on libuv's thread pool), with the chart's
 * own font files only: no system font is read, so the picture is the same on every machine.
 */
import { renderAsync } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './fonts.js';

/** Telegram refuses photos whose width + height exceed 10,000 pixels; this keeps far below it. */
const MAX_SIDE = 4096;

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Drawn at `zoom` times the SVG's size (2: sharp on a phone), less when that would exceed MAX_SIDE. */
export async function svgToPng(svg: string, size: { width: number; height: number }, zoom = 2): Promise<PngImage> {
  const scale = Math.min(zoom, MAX_SIDE / size.width, MAX_SIDE / size.height);
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [CHART_FONT_FILES.regular, CHART_FONT_FILES.bold],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}
