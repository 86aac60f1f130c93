/**
 * Turning one typed answer into a field value, per field type. Each parser either returns the value
 * or says why the answer is not valid; the engine turns that into a message.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fold } from '../text/normalize.js';
import type { FieldDefinition } from './form-definition.js';
import { readCount, type CountProblem } from './vietnamese-numbers.js';

export type ParseResult<T> =
  /** `restate`: the value is not literally what was typed ("12 nghìn" → 12000): the form says what it stored. */
  | { ok: true; value: T; restate?: true }
  | { ok: false; problem: ParseProblem };

export type ParseProblem =
  | { kind: 'invalid' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'too-short'; min: number }
  /** Phone: more digits than one number can have ("0912 345 678 hoặc 0987 654 321"). */
  | { kind: 'several' }
  | { kind: 'out-of-range'; min: number; max: number }
  /** Count: the answer has a number, but not one whole count ("12 hoặc 13", "1,5 người", "-3"). */
  | { kind: 'count-unsure'; reason: Exclude<CountProblem, 'none'> };

const invalid = { ok: false, problem: { kind: 'invalid' } } as const;

/**
 * A count: "12", "1.200 lượt", "12 nghìn", "1,2 triệu", "mười hai người", "khoảng 300". When the answer
 * could be more than one number ("12 hoặc 13", "10-15", "1,5 người") it is refused with the reason, so the
 * user is asked again instead of a number being guessed.
 */
export function parseInteger(text: string, field: FieldDefinition): ParseResult<number> {
  const reading = readCount(text);
  if (!reading.ok) return reading.problem === 'none' ? invalid : { ok: false, problem: { kind: 'count-unsure', reason: reading.problem } };
  const { value, spelled } = reading;
  const min = field.min ?? 0;
  const max = field.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) return { ok: false, problem: { kind: 'out-of-range', min, max } };
  return spelled ? { ok: true, value, restate: true } : { ok: true, value };
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
