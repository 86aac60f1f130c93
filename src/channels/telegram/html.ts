/**
 * Telegram's HTML parse mode: every string that came from a user or a document is escaped, so that
 * "<b>", "a & b" or "x < y" arrive exactly as typed and can never break the message or inject markup.
 */

/** Escapes the three characters Telegram's HTML parser treats specially (and quotes, for attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
