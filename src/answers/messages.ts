/**
 * The fixed sentences of the answerer (Vietnamese, full diacritics). Lists of plans, topics and examples
 * are filled in from the plans and intents/*.json, so they follow the data.
 */
import type { Plan } from '../knowledge/schema.js';
import type { SmallTalkKind } from '../nlu/conversation.js';
import type { IntentDef } from '../nlu/intents.js';
import { formatNumber } from '../text/numbers.js';
import { planLabel } from './format.js';

export const INTRO =
  'Tôi là trợ lý tự động, trả lời câu hỏi về các kế hoạch thực hiện Phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” giai đoạn 2023–2030. Câu trả lời trích nguyên văn kế hoạch và ghi rõ nguồn.';

export function truncatedNotice(limit: number): string {
  const n = formatNumber(limit);
  return `(Câu hỏi dài quá ${n} ký tự nên tôi chỉ đọc ${n} ký tự đầu.)`;
}

export const EMPTY_QUESTION = 'Anh/chị chưa nhập câu hỏi.';
export const NO_WORDS = 'Tôi chưa đọc được câu hỏi: tin nhắn không có chữ hoặc số nào.';
export const NOT_IN_DOCUMENTS = 'Tôi không tìm thấy nội dung này trong các kế hoạch đang có.';

export function planList(plans: readonly Plan[]): string {
  return plans.map((p) => `- ${planLabel(p)}`).join('\n');
}

/** Up to `n` example questions, one per intent, most important intents first. */
export function exampleQuestions(intents: readonly IntentDef[], n: number): string[] {
  return [...intents]
    .filter((i) => !i.weak)
    .sort((a, b) => b.priority - a.priority)
    .slice(0, n)
    .map((i) => i.examples[0]!);
}

export function whatICanAnswer(intents: readonly IntentDef[], examples = 4): string {
  const topics = intents.filter((i) => !i.weak).map((i) => `- ${i.answers}`);
  const ex = exampleQuestions(intents, examples).map((q) => `- “${q}”`);
  return `Tôi trả lời được câu hỏi về:\n${topics.join('\n')}\nVí dụ:\n${ex.join('\n')}`;
}

export function shortSuggestions(intents: readonly IntentDef[]): string {
  const ex = exampleQuestions(intents, 3).map((q) => `“${q}”`);
  const topics = intents
    .filter((i) => !i.weak)
    .sort((a, b) => b.priority - a.priority)
    .map((i) => i.title.toLocaleLowerCase('vi'));
  return `Tôi trả lời được câu hỏi về ${topics.join(', ')} trong các kế hoạch đang có. Ví dụ: ${ex.join('; ')}. Gõ “trợ giúp” để xem danh sách kế hoạch.`;
}

export function otherPlace(places: readonly string[], plans: readonly Plan[]): string {
  return `Hiện tôi chưa có kế hoạch của ${places.join(', ')}. Các kế hoạch đang có:\n${planList(plans)}`;
}

export function unknownDocument(numbers: readonly string[]): string {
  return `Tôi không thấy văn bản số ${numbers.join(', ')} trong các kế hoạch đang có.`;
}

export const CLARIFY =
  'Câu hỏi này cần biết kế hoạch của địa phương nào. Anh/chị chọn một kế hoạch dưới đây, hoặc hỏi lại kèm tên địa phương (ví dụ thêm “Tây Ninh” vào câu hỏi).';

/** The one sentence for a point the plan(s) do not state: "<plan> không nêu <the thing asked>." */
export function notStated(who: string, what: string): string {
  return `${who} không nêu ${what}.`;
}

export function plansWithIt(labels: readonly string[]): string {
  return `Các văn bản có nội dung này: ${labels.join('; ')}.`;
}

/** The lead of the nearest passage shown after "không nêu": marked so it is never taken for the answer. */
export function nearestPassage(label: string): string {
  return `Đoạn gần nhất trong ${label} (không phải câu trả lời trực tiếp):`;
}

/** The lead of an answer that every plan holding it words the same. */
export function sameInPlans(names: string): string {
  return `Các kế hoạch ${names} cùng nêu như sau:`;
}

/**
 * "Kế hoạch nào không có X": the plans silent on it first, then those that have it, in short. As a
 * list, one silent plan per line (by its full name: it is the answer); in one line, above the blocks
 * that show what each silent plan has instead.
 */
export function plansWithout(thing: string, silent: readonly string[], having: readonly string[], oneLine = false): string {
  const list = oneLine ? ` ${silent.join('; ')}.` : `\n${silent.map((l) => `• ${l}`).join('\n')}`;
  const none = silent.length ? `Không nêu ${thing} (${silent.length} văn bản):${list}` : `Văn bản nào cũng nêu ${thing}.`;
  return having.length ? `${none}${oneLine ? ' ' : '\n'}Có nêu: ${having.join('; ')}.` : none;
}

/** A document's parts, in one line: "Các phần: I. MỤC ĐÍCH, YÊU CẦU; …". */
export function documentParts(headings: readonly string[]): string {
  return `Các phần: ${headings.join('; ')}.`;
}

/** The lead of a which-plans answer: the plans are the answer, named in its first line (what an overview keeps). */
export function plansHaving(of: number, thing: string, names: readonly string[]): string {
  return `${names.length} trong ${of} văn bản có ${thing}: ${names.join('; ')}.`;
}

/** The lead of an answer that several plans give in nearly the same words: one of them is quoted. */
export function nearlySameInPlans(names: string, quoted: string): string {
  return `Các kế hoạch ${names} nêu gần như giống nhau. Theo ${quoted}:`;
}

/** Before the citations of the plans that word it alike to the one quoted. */
export const LIKEWISE_IN = 'Nội dung tương tự tại:';

/** The lead of an answer that several plans give alike in different words. */
export function sameFactInPlans(n: number, fact: string): string {
  return `Cả ${n} kế hoạch có nội dung này đều nêu: ${fact}.`;
}

/** The one line before an answer that took a part from the conversation: "Tây Ninh — Hạn và mốc thời gian (tiếp câu hỏi trước):". */
export function fromContext(places: readonly string[], title: string | undefined): string {
  const topic = title ? title.toLocaleLowerCase('vi') : undefined;
  if (places.length === 0) return topic ? `Tiếp câu hỏi trước — ${topic}:` : 'Tiếp câu hỏi trước:';
  return `${places.join(', ')}${topic ? ` — ${topic}` : ''} (tiếp câu hỏi trước):`;
}

/** Short replies to small talk (at most ~200 characters); a greeting shows two example questions. */
export function smallTalkReply(kind: SmallTalkKind, examples: readonly string[]): string {
  const ex = examples.map((q) => `“${q}”`).join(', ');
  switch (kind) {
    case 'greeting':
      return `Xin chào anh/chị! Tôi là trợ lý tự động về các kế hoạch thi đua xây dựng xã hội học tập. Anh/chị có thể hỏi, ví dụ: ${ex}.`;
    case 'thanks':
      return 'Không có gì ạ. Anh/chị cần hỏi thêm về kế hoạch thi đua cứ nhắn cho tôi.';
    case 'ack':
      return 'Vâng ạ. Anh/chị cần hỏi gì thêm cứ nhắn cho tôi.';
    case 'presence':
      return `Tôi đây ạ. Anh/chị cứ nhắn câu hỏi về kế hoạch thi đua, ví dụ: ${ex}.`;
    case 'identity':
      return 'Tôi là trợ lý tự động (không phải người), trả lời câu hỏi về các kế hoạch thi đua xây dựng xã hội học tập, trích nguyên văn và ghi nguồn. Gõ “trợ giúp” để xem thêm.';
    case 'bye':
      return 'Chào anh/chị. Khi cần, cứ nhắn lại cho tôi ạ.';
    case 'stray':
      return `Tôi chưa rõ con số này ứng với gì (không có danh sách nào đang chờ chọn). Anh/chị gõ câu hỏi đầy đủ giúp tôi, ví dụ: ${examples.slice(0, 1).map((q) => `“${q}”`).join('')}.`;
  }
}
