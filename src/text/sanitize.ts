/**
 * Text that no XML file (XLSX, DOCX) and no platform accepts, cleaned away in one place: the core's
 * input cleaning and every export writer call the same function, so one user's message can never
 * break an export, whatever path it took into the database.
 *
 * Removed: U+FFFE and U+FFFF (noncharacters; not XML characters), lone surrogates (half of a UTF-16
 * pair: not a character at all; XML and JSON-to-UTF-8 reject them), and C0 control characters other
 * than tab and line feed (XML 1.0 forbids them). Line breaks are normalised: CR LF and a lone CR become LF.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** `text` without the characters XML and the platforms refuse, with LF line breaks. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '').replace(INVALID, '');
}
