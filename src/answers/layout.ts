/**
 * Answers sized for a phone. An answer longer than one screen's worth (several reports, a comparison
 * across plans, a whole section) becomes an overview: its first line (the key fact), the part the
 * question points at most in full, one line for each other part (its heading and key line or first
 * words), and all the parts, which the dialog offers as choices ("Xem: Khánh Hòa"). A short answer is
 * left as it is.
 */

/** A single message stays within this many characters; a longer answer with several parts is split… */
export const MESSAGE_CHARS = 1000;
/** …unless it has only two parts, or compares plans, and stays within this many (two screens). */
const TWO_PART_CHARS = 1500;
/** One quoted list (a plan's solutions, its contents) is split into its items only beyond this length. */
const ITEMS_SPLIT_CHARS = 2000;
/** The first part is shown in full only up to this length. */
const LEAD_CHARS = 650;
/** Choice labels fit a phone's button. */
const LABEL_CHARS = 34;
const GIST_CHARS = 90;
/** An item's line shows the words around the question's instead of its opening words only for this much more focus (an idf). */
const WINDOW_GAIN = 2.5;
/** One line of the overview per part. */
const ITEM_CHARS = 200;
/** How many words a best window may grow past its size to finish a phrase of the question. */
const WINDOW_REACH = 6;

export interface AnswerPart {
  /** What the choice says: the part's heading (a group, a report, a plan). */
  label: string;
  /** The part as it is shown when chosen: the answer's first line, the part, the citation. */
  text: string;
}

export interface Overview {
  text: string;
  parts: AnswerPart[];
}

const CITATION = /^Nguồn: /;
const PLAN_BLOCK = /^■ /;

/** Cuts at a word before `max`, marking the cut with “…” (compose/passage.ts's clip cuts whole sentences). */
function clipAtWord(s: string, max: number): string {
  const t = s.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

const DATE_BONUS = 1000;
/** A date as plans write it: "trước ngày 01 tháng 12 hàng năm", "năm 2025", "quý IV". */
const DATE_WORDS = /(?:(?:trước|chậm nhất|từ)\s+)?(?:ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}|\/\d{1,2})|tháng\s+\d{1,2}|quý\s+(?:[IV]+|\d)|năm\s+(?:19|20)\d\d)[^,.;”]*/iu;

/**
 * A part in one line, in the plan's own words: the words around its date when its quote has one
 * ("…trước ngày 01 tháng 12 hàng năm…"), else the first words of its quote; else its own first line.
 */
function gistOf(lines: readonly string[], focus?: (sentence: string) => number): string {
  const first = lines[0] ?? '';
  // A plan's block across plans opens with its key line ("Hạn: trước ngày 01/12 hằng năm."): it leads.
  // Its own heading ("Hình thức khen thưởng (Bắc Kạn): …") repeats the place the overview names already.
  const bare = first.replace(/^[^:“]{0,80}\([^()]{1,40}\):\s+/u, '');
  const key = first && !/^[“+\-]/u.test(bare) && !first.endsWith(':') && !CITATION.test(first) ? bare : '';
  const quoted = lines.filter((l) => l.startsWith('“') || l.startsWith('+') || l.startsWith('-')).join(' ').replace(/[“”]/g, '');
  if (!quoted) return clipAtWord(key || (lines.find((l) => l && !CITATION.test(l)) ?? ''), GIST_CHARS);
  const date = DATE_WORDS.exec(quoted);
  let words: string;
  // The sentence that holds what was asked, when the caller can tell ("KH nào có … dân tộc thiểu số").
  const sentences = focus ? quoted.split(/(?<=[.;])\s+|\s+(?=[-+]\s)/u).filter((x) => x.trim()) : [];
  // A date is what a deadline's line must show; among sentences and windows, those with one come first.
  const dated = (x: string) => (date && DATE_WORDS.test(x) ? DATE_BONUS : 0);
  const scored = sentences.map((x) => ({ x, score: focus!(x) + dated(x) })).sort((a, b) => b.score - a.score);
  if (scored.length > 0 && scored[0]!.score > 0) {
    const sentence = scored[0]!.x.replace(/^[-+•]\s*/, '');
    const window = bestWindow(sentence, (w) => focus!(w) + dated(w));
    const opens = scored[0]!.x === sentences[0] && sentence.startsWith(window);
    words = `${opens ? '' : '…'}${window.replace(/[.,;:]*…?$/u, '')}…`;
    // A key line that is not what was asked ("Hình thức khen thưởng: …" to "nơi nào khen thưởng dịp
    // Tuần lễ …") gives its room to the words that are; a date in it is always what was asked.
    if (key && !DATE_WORDS.test(key) && focus!(key) < focus!(window)) return `“${words}”`;
  } else if (date) {
    const start = Math.max(0, quoted.lastIndexOf(' ', Math.max(0, date.index - 40)));
    words = `${start > 0 ? '…' : ''}${clipAtWord(quoted.slice(start, date.index + date[0].length).trim(), GIST_CHARS).replace(/…$/, '')}…`;
  } else if (key) return clipAtWord(key, GIST_CHARS + 60);
  else words = `${clipAtWord(quoted.replace(/^[-+•]\s*/, ''), GIST_CHARS).replace(/…$/, '')}…`;
  return key ? `${key} “${words}”` : `“${words}”`;
}

/** The run of words of a long sentence that scores best (about GIST_CHARS long), so the point asked is in view. */
function bestWindow(sentence: string, focus: (s: string) => number): string {
  if (sentence.length <= GIST_CHARS + 40) return sentence;
  const words = sentence.split(/\s+/);
  const size = Math.max(8, Math.round(((GIST_CHARS + 20) / sentence.length) * words.length));
  let best = { start: 0, score: -1 };
  for (let i = 0; i + size <= words.length; i++) {
    const score = focus(words.slice(i, i + size).join(' '));
    if (score > best.score) best = { start: i, score };
  }
  // A phrase of the question that runs past the window ("… đời sống văn | hóa") is shown whole.
  // (Looking a few words ahead: "xây dựng đời sống" adds nothing until "đời sống" is whole.)
  let end = best.start + size;
  for (let k = end + 1; k <= Math.min(words.length, best.start + size + WINDOW_REACH); k++) {
    const score = focus(words.slice(best.start, k).join(' '));
    if (score > best.score) [end, best] = [k, { start: best.start, score }];
  }
  return words.slice(best.start, extendToClauseEnd(words, extendOverDate(words, best.start, end))).join(' ');
}

/** A window cut a few words before its clause ends goes on to that end ("ở cấp huyện, | cấp xã;", "vào tháng 10 | hàng năm."). */
const CLAUSE_REACH = 4;
function extendToClauseEnd(words: readonly string[], end: number): number {
  if (/[;.:]$/u.test(words[end - 1] ?? '')) return end;
  for (let k = end + 1; k <= Math.min(words.length, end + CLAUSE_REACH); k++) if (/[;.:]$/u.test(words[k - 1]!)) return k;
  return end;
}

/** A date as a whole: "quý IV năm 2025", "ngày 01 tháng 12", "Quý 4 năm 2025". */
const WHOLE_DATE = /(?:ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\/\d{1,2}(?:\/\d{4})?)|tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|quý\s+(?:[IV]+|\d)(?:\s+năm\s+\d{4})?)/giu;

/** The end of a window of `words` moved past a date it cuts in two ("…vào quý IV năm…" → "…quý IV năm 2025"). */
function extendOverDate(words: readonly string[], start: number, end: number): number {
  const inside = words.slice(start, end).join(' ');
  const reach = words.slice(start, Math.min(words.length, end + 4)).join(' ');
  for (const m of reach.matchAll(WHOLE_DATE)) {
    const from = m.index ?? 0;
    if (from < inside.length && from + m[0].length > inside.length) return end + m[0].slice(inside.length - from).trim().split(/\s+/).length;
  }
  return end;
}

/**
 * The overview of `text`, or undefined when it fits one message or has fewer than two parts. `focus`
 * scores a sentence by what the question asks: each part's line then quotes its best sentence.
 * Parts are the blocks of one plan's answer (separated by a blank line, each under its heading), or
 * the plans of an answer across plans ("■ Tây Ninh — …", each with its own citation).
 */
export function overviewOf(text: string, focus?: (sentence: string) => number): Overview | undefined {
  if (text.length <= MESSAGE_CHARS) return undefined;
  const lines = text.split('\n');
  const head = lines[0]!;
  const rest = lines.slice(1);
  // Across plans, each plan's block ends with its own citation.
  const across = rest.some((l) => PLAN_BLOCK.test(l));
  const citation = !across && rest.length && CITATION.test(rest.at(-1)!) ? rest.pop()! : undefined;
  const body = rest.join('\n').trim();
  let blocks: string[];
  let tail: string | undefined;
  if (across) {
    blocks = body.split(/\n(?=■ )/).map((b) => b.trim()).filter((b) => PLAN_BLOCK.test(b));
    // "Không nêu trong: …" after the last plan belongs to the overview, not to that plan.
    const last = blocks.at(-1);
    const m = last ? /\n\n?(Không nêu trong: [^\n]*)$/.exec(last) : null;
    if (m) {
      blocks[blocks.length - 1] = last!.slice(0, m.index).trim();
      tail = m[1];
    }
  } else blocks = body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  if (!across && blocks.length === 1) return text.length > ITEMS_SPLIT_CHARS ? itemsOverview(head, blocks[0]!, citation, focus) : undefined;
  // Two parts, or a comparison across plans, may take two screens before they are split.
  if (blocks.length < 2 || ((blocks.length === 2 || across) && text.length <= TWO_PART_CHARS)) return undefined;

  const parts = blocks.map((block) => {
    const blines = block.split('\n');
    const first = blines[0]!.replace(PLAN_BLOCK, '');
    const heading = first.startsWith('“') ? clipAtWord(first.replace(/^“/, ''), 60) : first.replace(/:$/, '');
    const label = across ? heading.split(' — ')[0]! : heading;
    const partText = across ? `${head}\n\n${block}` : [head, block, citation].filter(Boolean).join('\n');
    // Across plans, a block headed by a body ("Đề nghị Ban Tuyên giáo Tỉnh ủy (Thái Bình):") keeps the
    // body in its line: which body does it may be the very thing compared.
    // (Not a passage's trail of headings, "Bắc Kạn — I. MỤC ĐÍCH, YÊU CẦU › …", which names the plan again.)
    const second = blines[1];
    const body = across && second && !second.startsWith('“') && !second.startsWith(`${label} — `) && second.endsWith(':') ? second.replace(/\s*\([^()]*\):$|:$/u, '') : undefined;
    const gist = first.startsWith('“') ? (focus ? gistOf(blines, focus) : '') : gistOf(blines.slice(body ? 2 : 1), focus);
    return { label: clipAtWord(label, LABEL_CHARS), heading: across ? (body ? `${label} — ${body}` : label) : heading, gist, text: partText };
  });
  // One plan's answer: the part the question points at most (composers put it first) in full, the
  // others one line each. Across plans no plan comes first: each gets its line (its key fact). A first
  // part too long to leave room for the others is listed like them.
  const lead = across || blocks[0]!.length > LEAD_CHARS ? undefined : blocks[0]!;
  const others = parts.slice(1);
  const listed = lead === undefined ? parts : others;
  const intro = lead === undefined ? `${parts.length} phần — chọn một phần để xem nguyên văn:` : `Còn ${others.length} phần nữa — chọn để xem nguyên văn:`;
  const fixed = head.length + (lead?.length ?? 0) + intro.length + (citation?.length ?? 0) + (tail?.length ?? 0) + 8;
  const room = Math.floor((MESSAGE_CHARS - fixed) / listed.length) - 3;
  const budget = Math.min(ITEM_CHARS, Math.max(60, room));
  const items = listed.map((p) => `• ${clipAtWord(p.gist ? `${clipAtWord(p.heading, 70)}: ${p.gist}` : p.heading, budget)}`);
  const overview = [head, ...(lead ? [lead, ''] : []), intro, ...items, ...(tail ? [tail] : []), ...(citation ? [citation] : [])].join('\n');
  return { text: overview, parts: parts.map(({ label, text: t }) => ({ label: `Xem: ${label}`, text: t })) };
}

/**
 * One long block of listed items ("“- Tăng cường…\n- Triển khai…”", a plan's solutions or contents):
 * each item a part, the overview one line per item.
 */
function itemsOverview(head: string, block: string, citation: string | undefined, focus?: (sentence: string) => number): Overview | undefined {
  const lines = block.split('\n');
  const heading = lines[0]!.endsWith(':') && !lines[0]!.startsWith('“') ? lines.shift()! : undefined;
  const items: string[] = [];
  for (const line of lines) {
    const bare = line.replace(/^“/, '').replace(/”$/, '');
    if (/^[-+•]\s/u.test(bare) || items.length === 0) items.push(bare);
    else items[items.length - 1] += `\n${bare}`;
  }
  if (items.length < 3) return undefined;
  const intro = `${items.length} ý — chọn một ý để xem nguyên văn:`;
  const room = Math.floor((MESSAGE_CHARS - head.length - (heading?.length ?? 0) - intro.length - (citation?.length ?? 0) - 8) / items.length) - 3;
  const budget = Math.min(ITEM_CHARS, Math.max(50, room));
  const text = [head, ...(heading ? [heading] : []), intro, ...items.map((it) => `• ${itemLine(it.replace(/^[-+•]\s*/u, ''), budget, focus)}`), ...(citation ? [citation] : [])].join('\n');
  const parts = items.map((it, i) => ({
    label: `Xem ý ${i + 1}: ${clipAtWord(it.replace(/^[-+•]\s*/u, ''), LABEL_CHARS - 10)}`,
    text: [head, ...(heading ? [heading] : []), `(ý thứ ${i + 1})`, `“${it}”`, ...(citation ? [citation] : [])].join('\n'),
  }));
  return { text, parts };
}

/** An item in one line: its opening words, or, when the question's words are further in, the words around them. */
function itemLine(item: string, budget: number, focus?: (sentence: string) => number): string {
  if (item.length <= budget || !focus) return clipAtWord(item, budget);
  const start = clipAtWord(item, budget);
  const window = bestWindow(item, focus);
  // The opening words say what the item is; only a word the question asks that is rarer than the
  // plans' everyday words ("thực hiện", "phong trào") is worth losing them for.
  return focus(window) >= focus(start) + WINDOW_GAIN ? `…${clipAtWord(window, budget - 1)}` : start;
}
