/**
 * Webhook secrets (Telegram's X-Telegram-Bot-Api-Secret-Token, Zalo's X-Bot-Api-Secret-Token) are
 * shared secrets sent as they are: compared in constant time, whatever the lengths, so the time an
 * answer takes tells nothing about how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Both sides are hashed to 32 bytes first: timingSafeEqual needs equal lengths, and the length leaks nothing then. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A header's single value (the first one when a client repeats the header). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
