/**
 * The page's one stylesheet: views/style.css plus the width classes of the bars (w-0 … w-100). The
 * Content-Security-Policy allows no inline style, so a bar's width is a class, not a style attribute.
 */
export function stylesheet(base: string): string {
  const widths = Array.from({ length: 101 }, (_, i) => `.w-${i}{width:${i}%}`).join('');
  return `${base}\n${widths}\n`;
}
