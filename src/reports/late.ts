/**
 * The late rule, in one place: the last day a deadline allows, read as the plan writes it, and how many
 * days after that day a report arrived.
 *
 * Vietnamese plans name a period and a bound: "trước ngày 01/12" (before the 1st: the last day is 30/11),
 * "chậm nhất ngày 15/11" (15/11 itself), "trong tháng 11" (30/11), "quý IV" (31/12), "năm 2030". "Trước"
 * ends the day before the period starts; any other wording ("chậm nhất", "đến", "vào", "trong", none) ends
 * with the period's last day.
 */
import { addDays, daysBetween, daysInMonth, instantAt, localDate, parseIsoDate, type CalendarDate } from '../calendar.js';
import type { Deadline, DeadlineWhen } from '../knowledge/schema.js';
import { foldDiacritics } from '../text/normalize.js';

/** A period a deadline names, without its year when the wording leaves it out ("hằng năm"). */
type Period =
  | { type: 'day'; day: number; month: number; year?: number }
  | { type: 'month'; month: number; year?: number }
  | { type: 'quarter'; quarter: number; year?: number }
  | { type: 'year'; year: number };

interface Wording {
  period: Period;
  /** "trước …": the period itself is already too late. */
  before: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/**
 * One period per match, on text folded to plain lower-case letters ("trước ngày" → "truoc ngay"). The
 * day form comes first so that "ngày 15 tháng 11" is read as a day, not as "tháng 11".
 */
const PERIOD =
  /(?:\b(truoc)\s+)?(?:(?:ngay\s+)?\b(\d{1,2})\s*(?:thang|\/|-|\.)\s*(\d{1,2})(?!\d)(?:\s*(?:nam|\/|-|\.)\s*(\d{4})\b)?|\bthang\s+(\d{1,2})(?!\d)(?:\s*(?:nam|\/)\s*(\d{4})\b)?|\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam|\/)\s*(\d{4})\b)?|\bnam\s+(\d{4})\b)/g;

function wordingsIn(text: string): Wording[] {
  const out: Wording[] = [];
  for (const m of foldDiacritics(text).matchAll(PERIOD)) {
    const before = m[1] !== undefined;
    let period: Period;
    if (m[2] !== undefined) period = { type: 'day', day: Number(m[2]), month: Number(m[3]), year: num(m[4]) };
    else if (m[5] !== undefined) period = { type: 'month', month: Number(m[5]), year: num(m[6]) };
    else if (m[7] !== undefined) period = { type: 'quarter', quarter: ROMAN[m[7]] ?? Number(m[7]), year: num(m[8]) };
    else period = { type: 'year', year: Number(m[9]) };
    // "1.234" or "45/20" is no day of the calendar.
    if ('month' in period && (period.month < 1 || period.month > 12)) continue;
    if (period.type === 'day' && (period.day < 1 || period.day > 31)) continue;
    out.push({ period, before });
  }
  return out;
}

function periodOf(when: DeadlineWhen): Period | undefined {
  switch (when.type) {
    case 'yearly':
      return { type: 'day', day: when.day, month: when.month };
    case 'date': {
      const d = parseIsoDate(when.date);
      return d && { type: 'day', ...d };
    }
    case 'quarter':
      return { type: 'quarter', quarter: when.quarter, year: when.year };
    case 'year':
      return { type: 'year', year: when.year };
  }
}

/** Whether the text's period is the structured one (the quote may name several days). */
function samePeriod(written: Period, data: Period): boolean {
  if (written.type !== data.type) return false;
  if (written.year !== undefined && data.year !== undefined && written.year !== data.year) return false;
  switch (data.type) {
    case 'day':
      return written.type === 'day' && written.day === data.day && written.month === data.month;
    case 'month':
      return written.type === 'month' && written.month === data.month;
    case 'quarter':
      return written.type === 'quarter' && written.quarter === data.quarter;
    case 'year':
      return true;
  }
}

/**
 * A plan's deadline: the period from its structured `when`, the bound from its quote, where the
 * words naming that period are ("… trước ngày 15 tháng 11 hàng năm …"). A quote that does not name it
 * in a form read here gives the period's own last day.
 */
function wordingOfDeadline(deadline: Pick<Deadline, 'when' | 'quote'>): Wording | undefined {
  const period = periodOf(deadline.when);
  if (!period) return undefined;
  const written = wordingsIn(deadline.quote).find((w) => samePeriod(w.period, period));
  return { period, before: written?.before ?? false };
}

function span(period: Period, year: number): { first: CalendarDate; last: CalendarDate } {
  const y = period.year ?? year;
  switch (period.type) {
    case 'day': {
      // "ngày 31" of a shorter month: its last day (a yearly rule must give a day every year).
      const day = { year: y, month: period.month, day: Math.min(period.day, daysInMonth(y, period.month)) };
      return { first: day, last: day };
    }
    case 'month':
      return { first: { year: y, month: period.month, day: 1 }, last: { year: y, month: period.month, day: daysInMonth(y, period.month) } };
    case 'quarter': {
      const lastMonth = period.quarter * 3;
      return { first: { year: y, month: lastMonth - 2, day: 1 }, last: { year: y, month: lastMonth, day: daysInMonth(y, lastMonth) } };
    }
    case 'year':
      return { first: { year: y, month: 1, day: 1 }, last: { year: y, month: 12, day: 31 } };
  }
}

/** A deadline as written ("trước ngày 01/12"), or a plan's deadline (its `when` read with its quote). */
export type DeadlineText = string | Pick<Deadline, 'when' | 'quote'>;

/**
 * The last day a deadline allows in `year` (the year of the report, used when the wording names no year
 * of its own): "trước ngày 01/12" → 30/11, "chậm nhất ngày 15/11" → 15/11, "trong tháng 11" → 30/11,
 * "quý IV" → 31/12. Undefined when the text names no period.
 */
export function lastDay(deadline: DeadlineText, year: number): CalendarDate | undefined {
  const wording = typeof deadline === 'string' ? wordingsIn(deadline)[0] : wordingOfDeadline(deadline);
  if (!wording) return undefined;
  const s = span(wording.period, year);
  return wording.before ? addDays(s.first, -1) : s.last;
}

export interface Lateness {
  late: boolean;
  /** Calendar days after the last day, in the bot's time zone: 1 for the next day; 0 when on time. */
  days: number;
}

/**
 * How late a report sent at `submittedAt` is: counted in calendar days where the units are (23:59 on
 * the last day is on time, 00:01 the next day is one day late), whatever the server's clock zone.
 */
/**
 * The instant from which a report is late: the start of the day after the last day, in the units' time
 * zone. Comparing instants with it gives the same answer as `lateness`, without a calendar per report.
 */
export function lateFrom(last: CalendarDate, timeZone: string): Date {
  return instantAt(addDays(last, 1), 0, timeZone);
}

export function lateness(submittedAt: Date | string, last: CalendarDate, timeZone: string): Lateness {
  const days = daysBetween(last, localDate(new Date(submittedAt), timeZone));
  return days > 0 ? { late: true, days } : { late: false, days: 0 };
}
