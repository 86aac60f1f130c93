/**
 * Turning one typed answer into a field value, per field type. Each parser either returns the value
 * or says why the answer is not valid; the engine turns that into a message.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fold } from '../../text/normalize.js';
import type { FieldDefinition } from './definition.js';
import { isNumberWord, parseVietnameseNumber } from './vietnamese-numbers.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: ParseProblem };

export type ParseProblem =
  | { kind: 'invalid' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'too-short'; min: number }
  /** Phone: more digits than one number can have ("0912 345 678 hoặc 0987 654 321"). */
  | { kind: 'several' }
  | { kind: 'out-of-range'; min: number; max: number };

const invalid = { ok: false, problem: { kind: 'invalid' } } as const;

/** Words users put before a count ("khoảng 12", "tổng số 12") that do not change it. */
const LEADING_FILLERS = new Set(['co', 'la', 'duoc', 'khoang', 'tong', 'so', 'cong', 'gan', 'chung']);

/** Digits with optional thousands separators: "12", "1.200", "1,200", "1 200". */
const DIGITS_RE = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?![.,]\d)/;

/**
 * A whole number: "12", "12 người", "1.200 lượt", "khoảng 12", "mười hai", "mười hai người".
 * Refused: decimals, negative numbers, two numbers ("12 hoặc 13"), no number at all.
 */
export function parseCount(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[-−]\s*\d/.test(trimmed)) return undefined;
  const syl = fold(trimmed).split(' ').filter(Boolean);
  while (syl.length > 1 && LEADING_FILLERS.has(syl[0]!)) syl.shift();
  const rest = syl.join(' ');
  // Digits are looked up on the folded text; separators were folded to spaces, so read them from the original.
  const originalFrom = trimmed.search(/\d/);
  if (originalFrom >= 0) {
    const m = DIGITS_RE.exec(trimmed.slice(originalFrom));
    if (!m) return undefined;
    const after = trimmed.slice(originalFrom + m[0].length);
    if (/\d/.test(after)) return undefined; // a second number
    if (/^[.,]\d/.test(after)) return undefined; // decimal
    if (!rest.startsWith(fold(m[0]).split(' ')[0]!)) return undefined; // words before the number other than fillers
    const value = Number(m[1]!.replace(/[.,\s]/g, ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  // "không" (also "ko") is zero only on its own or as "không có", "chưa có"; "không biết" is not an answer.
  if (syl[0] === 'khong' || syl[0] === 'ko') return syl.length === 1 || (syl.length === 2 && syl[1] === 'co') ? 0 : undefined;
  if (syl.length === 2 && syl[0] === 'chua' && syl[1] === 'co') return 0;
  // In words: the leading number words, then anything that is not a number word (the unit: "người").
  let n = 0;
  while (n < syl.length && isNumberWord(syl[n]!)) n++;
  if (n === 0) return undefined;
  if (syl.slice(n).some(isNumberWord)) return undefined;
  return parseVietnameseNumber(syl.slice(0, n));
}

export function parseInteger(text: string, field: FieldDefinition): ParseResult<number> {
  const value = parseCount(text);
  if (value === undefined) return invalid;
  const min = field.min ?? 0;
  const max = field.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) return { ok: false, problem: { kind: 'out-of-range', min, max } };
  return { ok: true, value };
}

/** A year: "2024", "năm 2024", "Năm 2024." */
export function parseYear(text: string, field: FieldDefinition): ParseResult<number> {
  const syl = fold(text).split(' ').filter(Boolean);
  if (syl[0] === 'nam' && syl.length > 1) syl.shift();
  if (syl.length !== 1 || !/^\d{4}$/.test(syl[0]!)) return invalid;
  const value = Number(syl[0]);
  const min = field.min ?? 1900;
  const max = field.max ?? 2100;
  if (value < min || value > max) return { ok: false, problem: { kind: 'out-of-range', min, max } };
  return { ok: true, value };
}

/**
 * Free text within the field's limits (code points, so emoji and Vietnamese count as one each).
 * It must hold a letter: names, units and descriptions are words, and a bare "12" or "0" is a count
 * typed into the wrong field (every text field's message asks for an answer "bằng chữ").
 */
export function parseText(text: string, field: FieldDefinition): ParseResult<string> {
  const value = text.trim();
  if (!/\p{L}/u.test(value)) return invalid;
  const length = Array.from(value).length;
  if (field.maxLength !== undefined && length > field.maxLength) {
    return { ok: false, problem: { kind: 'too-long', length, max: field.maxLength } };
  }
  if (field.minLength !== undefined && length < field.minLength) {
    return { ok: false, problem: { kind: 'too-short', min: field.minLength } };
  }
  return { ok: true, value };
}

const ACCEPTED_PHONE_TYPES = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);
/** The most digits one Vietnamese number is written with ("0084" + 11 digits of a landline). */
const MAX_PHONE_DIGITS = 15;

/** A Vietnamese mobile or landline number, stored as E.164 ("+84912345678"). */
export function parsePhone(text: string): ParseResult<string> {
  // The parser would keep the first of two numbers and silently drop the other one.
  const digits = text.normalize('NFKC').replace(/\D/g, '').length;
  if (digits > MAX_PHONE_DIGITS) return { ok: false, problem: { kind: 'several' } };
  const phone = parsePhoneNumberFromString(text.trim(), 'VN');
  if (!phone || !phone.isValid() || phone.country !== 'VN') return invalid;
  const type = phone.getType();
  if (type !== undefined && !ACCEPTED_PHONE_TYPES.has(type)) return invalid;
  return { ok: true, value: phone.number };
}

/** How a stored phone is shown: "0912 345 678". */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164, 'VN');
  return phone ? phone.formatNational() : e164;
}
