/**
 * Splits a long text into messages of at most `limit` characters (Zalo: 2000), at line boundaries when
 * possible, then at spaces, and only as a last resort inside a word. Never splits a surrogate pair.
 * Length is counted in UTF-16 code units, which is never less than the number of characters.
 */

export const ZALO_TEXT_LIMIT = 2000;

function hardCut(text: string, limit: number): number {
  let cut = limit;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair together
  return cut;
}

/** Where to end the next piece of `text` (longer than `limit`): after a newline, else at a space. */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const newline = window.lastIndexOf('\n');
  // A break very early would produce a tiny message; only take it when it keeps some substance.
  if (newline > limit / 4) return newline;
  const space = window.lastIndexOf(' ');
  if (space > limit / 2) return space;
  return newline > 0 ? newline : hardCut(text, limit);
}

export function splitText(text: string, limit: number = ZALO_TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text.replace(/\r\n/g, '\n').trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest) pieces.push(rest);
  return pieces;
}
