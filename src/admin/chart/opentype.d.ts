/** The part of opentype.js (which ships no types) that the chart's text measure uses. */
declare module 'opentype.js' {
  interface Glyph {
    advanceWidth?: number;
  }
  interface Font {
    unitsPerEm: number;
    charToGlyph(char: string): Glyph;
  }
  const opentype: {
    /** `lowMemory`: glyphs are read when first asked for (only their advance widths are needed here). */
    parse(buffer: ArrayBuffer | Uint8Array, options?: { lowMemory?: boolean }): Font;
  };
  export default opentype;
}
