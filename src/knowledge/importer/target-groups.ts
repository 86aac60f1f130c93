/**
 * "Đối với …" headings → stable target-group keys the rest of the bot uses (slots, filters, answers).
 * Rules are tried in order; the first whose words all occur in the folded label wins.
 */
import { fold } from '../../text/normalize.js';

export const TARGET_GROUP_KEYS = [
  'cap-tinh',
  'cap-huyen',
  'cap-xa',
  'so-ban-nganh',
  'mttq-doan-the',
  'phong-ban-nganh',
  'phong-don-vi',
  'cong-dong-don-vi',
  'ho-gia-dinh',
  'doanh-nghiep',
  'ca-nhan',
  'doi-tuong-khac',
] as const;
export type TargetGroupKey = (typeof TARGET_GROUP_KEYS)[number];

const RULES: Array<[TargetGroupKey, string[][]]> = [
  ['doi-tuong-khac', [['doi tuong khac']]],
  ['mttq-doan-the', [['mat tran'], ['mttq'], ['doan the'], ['to chuc chinh tri']]],
  ['cong-dong-don-vi', [['cong dong hoc tap'], ['don vi hoc tap']]],
  ['ho-gia-dinh', [['gia dinh'], ['dong ho']]],
  ['doanh-nghiep', [['doanh nghiep'], ['hop tac xa']]],
  ['ca-nhan', [['ca nhan'], ['cong dan']]],
  ['so-ban-nganh', [['so', 'ban', 'nganh']]],
  ['phong-ban-nganh', [['phong', 'ban', 'nganh']]],
  ['phong-don-vi', [['phong', 'don vi']]],
  ['cap-tinh', [['cap tinh']]],
  ['cap-huyen', [['cap huyen'], ['uy ban nhan dan huyen'], ['ubnd huyen'], ['quan huyen']]],
  ['cap-xa', [['cap xa'], ['xa', 'thi tran'], ['xa', 'phuong']]],
];

function hasWord(folded: string, words: string): boolean {
  return ` ${folded} `.includes(` ${words} `);
}

/** The key of a target group label ("Đối với cấp xã" → "cap-xa"); null when no rule fits. */
export function targetGroupKey(label: string): TargetGroupKey | null {
  const folded = fold(label);
  for (const [key, alternatives] of RULES) {
    if (alternatives.some((all) => all.every((w) => hasWord(folded, w)))) return key;
  }
  return null;
}
