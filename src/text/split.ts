/**
 * Chat platforms cap the length of one message (Telegram 4096, Zalo 2000 characters). Long answers are
 * split on line boundaries (a line longer than the limit on spaces, a word longer than the limit anywhere
 * but inside a surrogate pair). Channels split the plain text, before any markup escaping, so no cut can
 * fall inside an entity ("&amp;") or a tag, and the limit applies to what the user sees. Lengths are
 * UTF-16 code units, which is what the platforms count and never less than the number of characters.
 */

/** Cuts `s` into pieces of at most `limit` UTF-16 units without separating a surrogate pair. */
function hardCut(s: string, limit: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // high surrogate: keep it with its pair
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** A line longer than the limit: split between words. */
function splitLongLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<= )/)) {
    if (current.length + word.length <= limit) {
      current += word;
      continue;
    }
    if (current.trim()) out.push(current.trimEnd());
    if (word.length <= limit) {
      current = word;
    } else {
      const pieces = hardCut(word, limit);
      current = pieces.pop() ?? '';
      out.push(...pieces);
    }
  }
  if (current.trim()) out.push(current.trimEnd());
  return out;
}

/** Splits `text` into messages of at most `limit` characters, keeping lines whole whenever they fit. */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    const chunk = current.join('\n').replace(/\s+$/, '').replace(/^\n+/, '');
    if (chunk.trim()) chunks.push(chunk);
    current = [];
    length = 0;
  };
  for (const line of text.split('\n')) {
    const added = (current.length ? 1 : 0) + line.length;
    if (length + added <= limit) {
      current.push(line);
      length += added;
      continue;
    }
    flush();
    if (line.length <= limit) {
      current.push(line);
      length = line.length;
    } else {
      const pieces = splitLongLine(line, limit);
      const last = pieces.pop() ?? '';
      chunks.push(...pieces);
      current.push(last);
      length = last.length;
    }
  }
  flush();
  return chunks;
}
