/**
 * Is a folded token shaped like a Vietnamese syllable? Used to decide which words may be "repaired":
 * a valid-looking syllable that is simply absent from the plans ("hạn", "nộp") must be left alone,
 * while "binhh", "khog" or Telex leftovers ("chis", "ddua") may be corrected.
 *
 * Shape: optional onset, a vowel group, optional final consonant; vowel groups that already end in a
 * glide (ai, ao, êu, ươi …) take no final consonant. Folded, so tones and vowel marks are gone.
 */

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?';
/** Vowel groups that end in a glide: no final consonant may follow. */
const OPEN = 'ieu|yeu|oai|oao|oay|oeo|uay|uoi|uou|uya|uyu|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|ua';
/** Vowel groups that may take a final consonant. */
const CLOSABLE = 'uye|ie|ye|oa|oe|oo|ua|ue|uo|uy|a|e|i|o|u|y';
const CODA = '(?:ch|ng|nh|[cmnpt])';

const SYLLABLE = new RegExp(`^${ONSET}(?:(?:${OPEN})|(?:${CLOSABLE})${CODA}?)$`);

export function isVietnameseSyllable(token: string): boolean {
  if (/^\d+$/.test(token)) return true;
  return token.length <= 7 && SYLLABLE.test(token);
}
