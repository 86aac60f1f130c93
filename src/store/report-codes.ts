/**
 * Reference codes users quote when they talk about a report: short, unambiguous when read aloud or
 * typed (no 0/O, 1/I/L), random so they reveal nothing about how many reports exist.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/** "BC-7K3M9Q": 31^6 ≈ 8.9 × 10^8 codes; the store retries on the rare collision. */
export function newReportCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `BC-${code}`;
}

/** Accepts what users type ("bc7k3m9q", "BC 7K3M9Q") and gives the stored form, or undefined. */
export function normalizeReportCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.startsWith('BC') ? compact.slice(2) : compact;
  if (body.length !== LENGTH || [...body].some((c) => !ALPHABET.includes(c))) return undefined;
  return `BC-${body}`;
}
