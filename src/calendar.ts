/**
 * Calendar dates and wall-clock times in the bot's time zone (Asia/Ho_Chi_Minh by default).
 *
 * Deadlines are calendar days ("trước ngày 01 tháng 12"), reminders go out at a local hour, and exports
 * show local times; none of that may depend on the time zone of the machine the bot runs on, so every
 * conversion names the zone explicitly.
 */

/** A day in the calendar, without a time or a zone. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export interface WallClock extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, fmt);
  }
  return fmt;
}

/** The wall clock at `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const p: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** The calendar day of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/**
 * A Date whose UTC fields equal the wall clock in `timeZone`. Spreadsheets store times without a zone:
 * writing this value makes Excel show the local time.
 */
export function wallClockAsUtc(instant: Date, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getUTCMilliseconds()));
}

/** The instant at which the wall clock in `timeZone` shows `date` at `hour`:00. */
export function instantAt(date: CalendarDate, hour: number, timeZone: string): Date {
  const target = Date.UTC(date.year, date.month - 1, date.day, hour);
  let guess = target;
  // Two rounds settle the offset even on the day a zone changes it.
  for (let i = 0; i < 2; i++) guess = target - (wallClockAsUtc(new Date(guess), timeZone).getTime() - guess);
  return new Date(guess);
}

/** Days since 1970-01-01 of a calendar date: differences between dates in whole days. */
export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** `to` − `from` in days. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-12-01" */
export function isoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** "01/12/2025", as Vietnamese documents write dates. */
export function viDate(date: CalendarDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** "2025-12-01 08:30:00" in `timeZone`: sortable, and read as a date-time by spreadsheet programs. */
export function isoLocalDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${isoDate(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** "08:30 ngày 01/12/2025" in `timeZone`. */
export function viDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)} ngày ${viDate(w)}`;
}

/** Parses "YYYY-MM-DD" into a real calendar date (rejects 2025-02-30); undefined otherwise. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return sameDate(fromDayNumber(dayNumber(date)), date) ? date : undefined;
}

/** The last day of a month (28–31). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
