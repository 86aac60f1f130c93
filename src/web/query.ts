/**
 * The admin page's filters, as they travel in the URL (Vietnamese words, no personal data): year
 * (nam), plan (ke-hoach), status (trang-thai), search (tim), sort column (sap-xep), direction (chieu)
 * and page (trang). Anything unknown or out of range falls back to the default rather than failing:
 * an edited URL shows the default page, never an error.
 */
import { z } from 'zod';
import type { Knowledge } from '../knowledge/loader.js';
import type { FormDefinition } from '../reports/form-definition.js';
import { SORT_COLUMNS, type ReportStatus, type ReportTableQuery, type SortColumn } from './report-table.js';

const STATUS_WORDS: Record<string, ReportStatus> = { 'dung-han': 'ontime', muon: 'late', 'chua-nop': 'missing' };
const SORT_WORDS: Record<string, SortColumn> = {
  'don-vi': 'unit',
  'ke-hoach': 'plan',
  'thoi-gian': 'submitted',
  'trang-thai': 'status',
  'so-lan': 'versions',
  ma: 'code',
};
export const statusWord = (s: ReportStatus) => Object.keys(STATUS_WORDS).find((w) => STATUS_WORDS[w] === s)!;
export const sortWord = (s: SortColumn) => Object.keys(SORT_WORDS).find((w) => SORT_WORDS[w] === s)!;

/** The filters of a page: those of the report table (its page size is the page's own), and the years to pick from. */
export interface PageQuery extends Omit<ReportTableQuery, 'pageSize'> {
  /** The years an admin can pick (the report form's bounds). */
  years: number[];
}

const word = z.string().max(200).optional().catch(undefined);
const raw = z
  .object({ nam: word, 'ke-hoach': word, 'trang-thai': word, tim: word, 'sap-xep': word, chieu: word, trang: word })
  .catch({});

export function pageQuery(query: unknown, ctx: { knowledge: Knowledge; currentYear: number; form: FormDefinition }): PageQuery {
  const q = raw.parse(query ?? {});
  const yearField = ctx.form.fields.find((f) => f.type === 'year');
  const from = yearField?.min ?? ctx.currentYear - 5;
  const to = Math.max(from, yearField?.max ?? ctx.currentYear);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const typedYear = Number(q.nam);
  const defaultYear = Math.min(Math.max(ctx.currentYear, from), to);
  const sort = SORT_WORDS[q['sap-xep'] ?? ''] ?? 'unit';
  const page = Number(q.trang);
  const search = q.tim?.trim().slice(0, 100);
  return {
    year: Number.isInteger(typedYear) && typedYear >= from && typedYear <= to ? typedYear : defaultYear,
    years,
    ...(q['ke-hoach'] && ctx.knowledge.plan(q['ke-hoach']) ? { planId: q['ke-hoach'] } : {}),
    ...(STATUS_WORDS[q['trang-thai'] ?? ''] ? { status: STATUS_WORDS[q['trang-thai']!] } : {}),
    ...(search ? { search } : {}),
    sort,
    descending: q.chieu === 'giam',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export type Href = (path: string, change?: Partial<Record<'nam' | 'ke-hoach' | 'trang-thai' | 'tim' | 'sap-xep' | 'chieu' | 'trang', string | undefined>>) => string;

/** Links that keep the current filter and change some of it (`undefined` drops a parameter). */
export function filterHref(base: string, q: PageQuery): Href {
  const current: Record<string, string | undefined> = {
    nam: String(q.year),
    'ke-hoach': q.planId,
    'trang-thai': q.status && statusWord(q.status),
    tim: q.search,
    'sap-xep': q.sort === 'unit' ? undefined : sortWord(q.sort),
    chieu: q.descending ? 'giam' : undefined,
    trang: q.page > 1 ? String(q.page) : undefined,
  };
  return (path, change = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...current, ...change })) if (v !== undefined && v !== '') params.set(k, v);
    const text = params.toString();
    return `${base}${path}${text ? `?${text}` : ''}`;
  };
}

/** A column header's link (the same column again flips the direction), its aria-sort and its arrow. */
export function sortLinks(href: Href, q: PageQuery) {
  const on = (col: SortColumn) => q.sort === col;
  return {
    href: (col: SortColumn) => href('/bao-cao', { 'sap-xep': sortWord(col), chieu: on(col) && !q.descending ? 'giam' : undefined, trang: undefined }),
    aria: (col: SortColumn) => (on(col) ? (q.descending ? 'descending' : 'ascending') : ''),
    mark: (col: SortColumn) => (on(col) ? (q.descending ? ' ▼' : ' ▲') : ''),
  };
}

export { SORT_COLUMNS };
