/** Dates as users read them, in the bot's time zone (Asia/Ho_Chi_Minh by default). */

// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string): Record<string, string> {
  let fmt = formats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, fmt);
  }
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "14:05 ngày 23/11/2025" */
export function formatDateTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}

/** The calendar year at `date` in the time zone (a report sent at 00:30 on 1 January counts for the new year). */
export function yearIn(date: Date, timeZone: string): number {
  return Number(parts(date, timeZone).year);
}
