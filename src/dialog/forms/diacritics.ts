/**
 * Was a name or unit name typed without diacritics? "nguyen thi lan" and "UBND xa An Nhon" were; "Lan",
 * "Lan Anh" and "Trung tâm" were not (or cannot be told), and must never get the offer to retype.
 *
 * The rule: at least two words, not one of them with a mark (any letter beyond a–z, so "đ" counts),
 * and one of them a syllable that nearly always carries a mark in names and unit names
 * (data/marked-syllables.json). Abbreviations ("UBND", "THCS") and digits are words without marks that
 * never tell either way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_MARKED_SYLLABLES_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'marked-syllables.json');

const fileSchema = z.object({ syllables: z.array(z.string().regex(/^[a-z]+$/, 'a folded syllable: lower-case a–z only')).min(1) });

export function loadMarkedSyllables(file: string = DEFAULT_MARKED_SYLLABLES_PATH): ReadonlySet<string> {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `- ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`${file}: invalid list of marked syllables\n${where}`);
  }
  return new Set(parsed.data.syllables);
}

let marked: ReadonlySet<string> | undefined;

/** The project's list, read once (the dialog reads it at start-up, so a malformed file stops the bot there). */
export function markedSyllables(): ReadonlySet<string> {
  return (marked ??= loadMarkedSyllables());
}

/** Whether `text` reads as Vietnamese typed without any diacritics (see the rule above). */
export function lacksDiacritics(text: string, syllables: ReadonlySet<string> = markedSyllables()): boolean {
  const words = text.normalize('NFC').match(/\p{L}+/gu) ?? [];
  if (words.length < 2) return false;
  if (words.some((w) => !/^[a-z]+$/i.test(w))) return false;
  return words.some((w) => syllables.has(w.toLowerCase()));
}
