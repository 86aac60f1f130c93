/**
 * The chart's typeface: Be Vietnam Pro (designed for Vietnamese, every diacritic), regular and bold, as
 * the TTF files of an npm package. resvg draws with these files only (no system fonts), so a chart looks
 * the same on every machine; ECharts lays text out with the same fonts' advance widths.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';

export const CHART_FONT_FAMILY = 'Be Vietnam Pro';

const require = createRequire(import.meta.url);

export const CHART_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
} as const;

type Weight = keyof typeof CHART_FONT_FILES;

interface Metrics {
  unitsPerEm: number;
  advance(char: string): number;
}

const metrics = new Map<Weight, Metrics>();

function metricsOf(weight: Weight): Metrics {
  let m = metrics.get(weight);
  if (!m) {
    const font = opentype.parse(readFileSync(CHART_FONT_FILES[weight]), { lowMemory: true });
    const widths = new Map<string, number>();
    m = {
      unitsPerEm: font.unitsPerEm,
      advance(char) {
        let w = widths.get(char);
        if (w === undefined) {
          w = font.charToGlyph(char).advanceWidth ?? font.unitsPerEm / 2;
          widths.set(char, w);
        }
        return w;
      },
    };
    metrics.set(weight, m);
  }
  return m;
}

/**
 * The width of `text` in a CSS font shorthand as ECharts writes it ("bold 13px Be Vietnam Pro"):
 * the sum of the glyphs' advance widths (no kerning: a pixel or two on a label, never a clipped one).
 */
export function measureText(text: string, font: string | undefined): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  const weight: Weight = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '') ? 'bold' : 'regular';
  const m = metricsOf(weight);
  let units = 0;
  for (const char of text.normalize('NFC')) units += m.advance(char);
  return (units / m.unitsPerEm) * size;
}
