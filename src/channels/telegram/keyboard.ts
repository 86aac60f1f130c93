/**
 * Choices → an inline keyboard. The callback data of a button is the choice id (short and stable),
 * never the label: Telegram limits callback data to 64 bytes.
 *
 * Inline buttons do not wrap: a long label is cut off on a phone screen. When any label is long, the
 * choices are also listed, numbered, in the message text and each button starts with its number, so
 * the user can read every option in full and press, type the number or type the label.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Choice } from '../../dialog/types.js';

export const CALLBACK_DATA_MAX_BYTES = 64;
/** Labels longer than this do not fit a button on a narrow phone screen. */
export const LONG_LABEL_CHARS = 40;
/** The callback data of the one button left after a press ("✓ Tây Ninh — …"): pressing it does nothing. */
export const CHOSEN_DATA = 'chosen';

/**
 * After a press, the keyboard of that message is replaced by the choice made, so that old buttons do
 * not linger; undefined when the pressed button is not on the keyboard.
 */
export function chosenKeyboard(markup: InlineKeyboardMarkup | undefined, data: string): InlineKeyboardMarkup | undefined {
  const button = markup?.inline_keyboard.flat().find((b) => 'callback_data' in b && b.callback_data === data);
  if (!button || data === CHOSEN_DATA) return undefined;
  return { inline_keyboard: [[{ text: `✓ ${button.text.replace(/^\d+\.\s*/, '')}`, callback_data: CHOSEN_DATA }]] };
}
/** Short buttons share a row while their labels together stay within this many characters. */
const ROW_CHARS = 30;
const ROW_BUTTONS = 3;

export function fitsCallbackData(id: string): boolean {
  const bytes = Buffer.byteLength(id, 'utf8');
  return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES;
}

export interface ChoiceKeyboard {
  markup?: InlineKeyboardMarkup;
  /** Lines to add to the message text (the numbered options), when labels are long or a button is missing. */
  listing?: string;
  /** Ids that cannot be callback data (too long or empty): no button; still selectable by number or label. */
  rejected: string[];
}

function pack(buttons: InlineKeyboardButton[], labels: string[]): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  let row: InlineKeyboardButton[] = [];
  let chars = 0;
  buttons.forEach((b, i) => {
    const len = labels[i]!.length;
    if (row.length && (row.length >= ROW_BUTTONS || chars + len > ROW_CHARS)) {
      rows.push(row);
      row = [];
      chars = 0;
    }
    row.push(b);
    chars += len;
  });
  if (row.length) rows.push(row);
  return rows;
}

export function choiceKeyboard(choices: readonly Choice[]): ChoiceKeyboard {
  if (choices.length === 0) return { rejected: [] };
  const rejected = choices.filter((c) => !fitsCallbackData(c.id)).map((c) => c.id);
  const numbered = rejected.length > 0 || choices.some((c) => c.label.length > LONG_LABEL_CHARS);
  const usable = choices.map((c, i) => ({ choice: c, n: i + 1 })).filter(({ choice }) => fitsCallbackData(choice.id));
  const labels = usable.map(({ choice, n }) => (numbered ? `${n}. ${choice.label}` : choice.label));
  const buttons = usable.map(({ choice }, i) => ({ text: labels[i]!, callback_data: choice.id }));
  const rows = numbered ? buttons.map((b) => [b]) : pack(buttons, labels);
  const result: ChoiceKeyboard = { rejected };
  if (rows.length) result.markup = { inline_keyboard: rows };
  if (numbered) result.listing = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
  return result;
}
