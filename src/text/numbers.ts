/**
 * Numbers as Vietnamese readers write them: "." between thousands, "," before decimals ("1.500",
 * "2,5"). One formatter for every message (forms, answers, channels), so no message shows "1500" or
 * "1,500" next to another that shows "1.500".
 */
const integers = new Intl.NumberFormat('vi-VN');
const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1500 → "1.500"; with `decimals: 1`, 2.46 → "2,5". */
export function formatNumber(n: number, opts: { decimals?: 1 } = {}): string {
  return (opts.decimals ? oneDecimal : integers).format(n);
}
