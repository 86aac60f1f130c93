/**
 * Conversations and answers on a phone: each dialog set (test/fixtures/sealed/dialogs-*.jsonl) typed turn
 * by turn through the real core — turns right, follow-ups right, dialogs fully right — with each set's
 * first run recorded below; and the length of what users see for every question of the answer sets.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnswerer } from '../../src/answers/answerer.js';
import { MESSAGE_CHARS } from '../../src/answers/layout.js';
import { loadQuestions } from '../answers/question-set.js';
import { dialogFigures, loadDialogs, scoreDialogs } from '../dialog/evaluate-dialogs.js';
import { realKnowledge } from '../dialog/support.js';

const SEALED_DIR = fileURLToPath(new URL('../fixtures/sealed/', import.meta.url));

/**
 * First run of each dialog set, before any change it prompted (written by a helper who read only the
 * plans; the figures in the table are after the fixes, when the set has become dev data).
 */
const DIALOG_FIRST_RUNS: Array<{ batch: number; turns: number; turnsRight: number; followUps: number; followUpsRight: number; dialogs: number; dialogsRight: number; note: string }> = [
  {
    batch: 1,
    turns: 204,
    turnsRight: 168,
    followUps: 137,
    followUpsRight: 110,
    dialogs: 67,
    dialogsRight: 36,
    note: 'run right after conversation context was built. Wrong then: "ý cuối", "ý 1", "điểm thứ 5" not read as ordinals; an unanswerable follow-up replaced the context; lean words ("thế còn kinh phí") weighed as words the answer must hold; plan menus listed by score, so "số 4" was not the fourth plan; "mấy" weighed as a content word',
  },
  {
    batch: 2,
    turns: 219,
    turnsRight: 167,
    followUps: 150,
    followUpsRight: 109,
    dialogs: 69,
    dialogsRight: 33,
    note: 'after the fixes from set 1 and the phone layout. Wrong then: a place\'s initials alone ("còn BK", "KH thì sao") read as Bằng khen / kế hoạch; "kế hoạch đó căn cứ những văn bản nào" and "căn cứ văn bản nào" taken as questions across plans; "nói rõ hơn ý 2" and "ý thứ 2" picking an item of the first section instead of the second section of the answer; a topic follow-up dropping its own question words ("huyện sơ kết khi nào" after an awards question)',
  },
  {
    batch: 3,
    turns: 209,
    turnsRight: 162,
    followUps: 143,
    followUpsRight: 104,
    dialogs: 66,
    dialogsRight: 30,
    note: 'after the fixes from set 2. Wrong then: a composer\'s "the plan has no such group / date" sent as an answer to a follow-up naming another plan; "cái thứ 2" not read as an ordinal; "thế còn khi sơ kết?" carrying "khi" into the merged question as a date question; single-question misses inside dialogs (a document\'s date or number asked as "ký ngày nào", "số hiệu văn bản"); menus that offered a plan the writer thought silent',
  },
  {
    batch: 4,
    turns: 98,
    turnsRight: 88,
    followUps: 68,
    followUpsRight: 59,
    dialogs: 30,
    dialogsRight: 22,
    note: 'with no dialog change since set 3 (its writer gave "sections" as a string; the loader now rejects that, and these are the first-run figures read as intended). Wrong then: "còn Củ Chi" / "con so gd&dt o do" after a body\'s tasks finding nothing or keeping the union\'s letter instead of the province\'s plan; "trích nguyên văn đoạn đó" not read as "nói rõ hơn"; "còn tổng kết?" quoting the whole progress passage without the tổng kết line; "1" from a menu picking the wrong Thái Bình document; a yearly-report question with no place answered instead of asked back',
  },
  {
    batch: 5,
    turns: 224,
    turnsRight: 192,
    followUps: 156,
    followUpsRight: 133,
    dialogs: 68,
    dialogsRight: 44,
    note: 'after level words carried to another plan ("Hội Khuyến học tỉnh", then "còn Củ Chi?"), a phase taking its stage along, a follow-up asking another kind of answer read as a new question on the same plan, menu numbers as people say them ("cái thứ 2"), lettered points and "ý thứ hai nói gì" as ordinals, and the dialog context split per flow. Below the 90 % target. Wrong then: "cam on ad nhiu" (thanks with a typo) answered as a question; "bk …" at the head of a follow-up read as Bằng khen; a follow-up naming another body ("còn Ban Thi đua - Khen thưởng?", "ai tham mưu") quoting a neighbouring body; a cited document asked in a follow-up (Kế hoạch 734, Thông tư 25) not found; the criteria of hộ gia đình or dòng họ answered once as the same in every plan instead of asked back; a menu number picking another plan than the writer guessed (the menu lists plans in their fixed order)',
  },
  {
    batch: 6,
    turns: 190,
    turnsRight: 161,
    followUps: 125,
    followUpsRight: 101,
    dialogs: 65,
    dialogsRight: 44,
    note: 'after set 5, with its failures fixed as mechanisms (thanks with a slip, initials read both ways, where reports go, "văn bản" as the document, "ý thứ hai nói gì"). Below the 90 % target. Wrong then: a question word typed with a slip ("la gj") making the first turn not found and its two follow-ups with it; Công văn 209\'s signer and addressees; the phase-scoped "ai chủ trì giai đoạn 2" answered from the tasks; an ordinal or "nói rõ hơn ý về …" into an overview quoting another part; "còn hình thức khen cụ thể" after the union letter answered though the letter names none',
  },
  {
    batch: 7,
    turns: 202,
    turnsRight: 176,
    followUps: 136,
    followUpsRight: 118,
    dialogs: 66,
    dialogsRight: 44,
    note: 'after set 6 and batches 14–15 as dev data (the answer mechanisms of batch 16\'s note, "kế hoạch đó" after a letter that names a plan, a new topic after a finer date ask asking its time in the plan\'s terms). Below the 90 % target. Wrong then: first turns not found for "gồm những loại nào" and "mấy giải pháp" ("loại", "mấy" weighed as words the answer must hold) and "chia giai đoạn thế nào" ("đoạn thế" read as "đoàn thể"); "còn sơ kết?" answered where the writer expected a menu; stage-scoped and "nói rõ hơn ai chủ trì" follow-ups; "Khánh Hòa có Bằng khen của Thủ tướng không?" after a pending menu not found; ordinals into an overview quoting another part',
  },  {
    batch: 8,
    turns: 201,
    turnsRight: 181,
    followUps: 135,
    followUpsRight: 117,
    dialogs: 66,
    dialogsRight: 51,
    note: 'after set 7 and batch 16 as dev data (a menu pick answering the question as completed, merged follow-ups keeping their clauses, follow-ups answered from the sections just quoted, "trích nguyên văn câu đó giúp em" as a detail request, and the answer mechanisms of batch 17\'s note). At the 90 % target. Wrong then: "thôi được, cảm ơn bạn" and "thôi ok" taken for questions; "chi tiết hơn tí" not read as a detail request; "còn kế hoạch hàng năm của các đơn vị" and "con cong dong hoc tap" (a new topic in few words) kept the old one; "ý thứ hai cụ thể là gì" after an answer across two plans asked which plan; stage-scoped "ai chủ trì" answered from the bodies\' tasks',
  },
  {
    batch: 9,
    turns: 200,
    turnsRight: 144,
    followUps: 140,
    followUpsRight: 97,
    dialogs: 60,
    dialogsRight: 27,
    note: 'after set 8 and batch 17 as dev data, written from a brief rewritten this session that named "ket-thuc" and "mo-dau" as the sections of the signer, the recipients and "Kính gửi". Below the 90 % target. Wrong then: ten turns right in their text but citing the document, not its closing or opening section; recipients asked in a follow-up ("gửi những nơi nào", "lưu ở đâu") said not stated; follow-ups on a criteria group or a cited document answered as not stated',
  },
  {
    batch: 10,
    turns: 199,
    turnsRight: 164,
    followUps: 139,
    followUpsRight: 111,
    dialogs: 60,
    dialogsRight: 36,
    note: 'after set 9 as dev data. Wrong then: follow-ups to a plan switch whose topic needs the previous answer\'s section ("gửi về đâu", "ai tham mưu việc đó"); "kh hoa" read as a document type, not Khánh Hòa, so a menu; plans that lack the thing asked after a which-plans answer ("thái bình có không") answered; a body\'s tasks in lists cut before the item asked',
  },
  {
    batch: 11,
    turns: 198,
    turnsRight: 168,
    followUps: 138,
    followUpsRight: 112,
    dialogs: 60,
    dialogsRight: 38,
    note: 'after set 10 as dev data. Wrong then: "có giống không", "ghi giống không" after a plan switch read as words the answer must hold, so "not stated"; a body named alone after a plan switch ("sở nội vụ thì sao", "hội khuyến học tỉnh làm gì") answered with another body\'s tasks; "nội dung 6", "ý 4" of a letter\'s items not found; whether a plan has the thing just quoted ("thái bình có yêu cầu đó không", "bắc kạn có đối tượng này không") answered yes',
  },
  {
    batch: 12,
    turns: 204,
    turnsRight: 182,
    followUps: 144,
    followUpsRight: 124,
    dialogs: 60,
    dialogsRight: 44,
    note: 'after set 11 as dev data. Wrong then: a question word or a body alone after an answer asked of the wrong section ("thời hạn khi nào", "còn phòng nội vụ làm gì", "ai xét khen"); "ý c cụ thể hơn", "chi tiết hơn giải pháp 3", "ý cuối cùng" of a letter not pointing into the list just shown; "kh này thực hiện kh nào của tỉnh" after a body\'s tasks; a cited directive or decision asked after the contents ("tham chiếu chỉ thị nào của Bộ Chính trị", "thực hiện mục tiêu của quyết định nào") not found; "Sở Tài chính có nhiệm vụ gì" with no place answered once for two plans where the writer wanted "which plan?"',
  },  {
    batch: 13,
    turns: 199,
    turnsRight: 169,
    followUps: 139,
    followUpsRight: 113,
    dialogs: 60,
    dialogsRight: 38,
    note: 'after set 12 as dev data. Wrong then: a letter\'s recipients and signer asked after its basis ("gửi những nơi nào", "ai ký") answered across plans or with a menu; "việc cuối", "gạch đầu dòng thứ 3", "đó là giải pháp số mấy" not pointing into the answer just shown; "quay lại câu hỏi trước, ở Khánh Hòa" and plan switches after a follow-up not found ("tây ninh thì lấy từ đâu", "còn khánh hòa"); "ngoài ra còn hình thức nào", "ngoài HĐTĐKT còn báo cáo ai nữa" not found; "KH đó" after a letter that names KH 62 read as the previous plan',
  },
];

const pct = (x: number, n: number) => `${((100 * x) / (n || 1)).toFixed(1)} %`;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

export default async function dialogsBench(): Promise<{ title: string; markdown: string }> {
  const answerer = createAnswerer(realKnowledge());
  const files = readdirSync(SEALED_DIR).filter((f) => f.startsWith('dialogs-') && f.endsWith('.jsonl')).sort();
  const rows: string[] = [];
  for (const f of files) {
    const t = dialogFigures(await scoreDialogs(answerer, loadDialogs(path.join(SEALED_DIR, f))));
    rows.push(`| ${f} | ${t.turns} | ${pct(t.turnsRight, t.turns)} | ${pct(t.followUpsRight, t.followUps)} | ${pct(t.dialogsRight, t.dialogs)} |`);
  }
  const firstRuns = DIALOG_FIRST_RUNS.map(
    (r) =>
      `- Dialog set ${r.batch}: **${pct(r.turnsRight, r.turns)} of turns** (${r.turnsRight}/${r.turns}), follow-ups ${r.followUpsRight}/${r.followUps} (${pct(r.followUpsRight, r.followUps)}), dialogs fully right ${r.dialogsRight}/${r.dialogs}; ${r.note}.`,
  );

  // What a phone shows: the visible text of every answer to the questions of the answer sets.
  const questions = [
    ...loadQuestions(),
    ...readdirSync(SEALED_DIR)
      .filter((f) => f.startsWith('batch-') && f.endsWith('.jsonl'))
      .flatMap((f) => loadQuestions(path.join(SEALED_DIR, f))),
  ];
  const lengths: number[] = [];
  let overviews = 0;
  let answers = 0;
  for (const q of questions) {
    const r = answerer.answer({ text: q.q, planId: q.planId });
    if (r.status !== 'answer') continue;
    answers++;
    lengths.push(r.text.length);
    if (r.parts) overviews++;
  }
  const within = lengths.filter((n) => n <= MESSAGE_CHARS).length;

  const markdown = [
    `Command: \`npm run bench\` (test/bench/dialogs.bench.ts). Each dialog is typed by a new user through the core with the real answerer and a fresh SQLite database; a turn is right when its status, the plans it cites and the facts it shows are right (small talk: a reply of at most 220 characters).`,
    '',
    '| dialog set | turns | turns right | follow-ups right | dialogs fully right |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'First runs (sealed until then):',
    '',
    ...firstRuns,
    '',
    `Answers as a phone shows them (${answers} answers to the questions of the own set and the sealed batches): median ${quantile(lengths, 0.5)} characters, 90th percentile ${quantile(lengths, 0.9)}, longest ${Math.max(...lengths)}; ${pct(within, answers)} within ${MESSAGE_CHARS} characters; ${overviews} sent as an overview with parts to open.`,
  ].join('\n');
  return { title: 'Conversations and answer length', markdown };
}
