/**
 * The báo cáo tổng hợp as a DOCX (docx): the draft of the report the admin sends upward, laid out per
 * Nghị định 30/2020/NĐ-CP (layout.ts). Every figure comes from the summary data (the database); text
 * from the units' reports is quoted as written, each quote attributed to its unit; a section no unit
 * wrote anything for says so. The number, the date, the recipients and the signature are left blank
 * for the admin.
 *
 * The paragraphs are built a batch of units at a time with a pause for the event loop in between, as
 * the XLSX writer does: a summary of thousands of units must not keep the bot from answering.
 */
import { setImmediate as pause } from 'node:timers/promises';
import { Document, Header, Packer, type Paragraph, type Table } from 'docx';
import { viDate, viDateTime } from '../../../calendar.js';
import type { FieldDefinition } from '../../../reports/form-definition.js';
import type { SectionFields, SummarySection } from '../../../reports/summary-sections.js';
import { sanitizeText } from '../../../text/sanitize.js';
import { summaryTexts as t } from '../../texts.js';
import type { SummaryData, SummaryPlan } from '../summary-data.js';
import {
  bodyParagraph,
  centered,
  flushLeft,
  FONT,
  gridTable,
  heading,
  layoutTable,
  mm,
  multilineRuns,
  PAGE,
  pageNumberParagraph,
  run,
  shortLine,
  SIZE,
  TEXT_WIDTH,
  type GridCell,
} from './layout.js';

export interface SummaryDocxOptions {
  /** The issuing body (tên cơ quan ban hành); blank dots when not given. */
  issuer?: string;
  /** Its governing body (tên cơ quan chủ quản), above it; omitted when not given. */
  parentBody?: string;
}

type Block = Paragraph | Table;

/** Units quoted between two pauses for the event loop. */
const UNITS_PER_BATCH = 200;

const LEFT = Math.round(TEXT_WIDTH * 0.38);
const RIGHT = TEXT_WIDTH - LEFT;
const count = (n: number) => n.toLocaleString('vi-VN');
const clean = (text: string) => sanitizeText(text).trim();

function headerBlock(opts: SummaryDocxOptions): Block[] {
  const issuer = opts.issuer?.trim() ? opts.issuer.trim().toLocaleUpperCase('vi') : t.blank;
  const left: Paragraph[] = [
    ...(opts.parentBody?.trim() ? [centered([run(opts.parentBody.trim().toLocaleUpperCase('vi'), { size: SIZE.nation })])] : []),
    centered([run(issuer, { bold: true, size: SIZE.nation })]),
    shortLine(LEFT, mm(22)),
  ];
  const right: Paragraph[] = [
    centered([run(t.nation, { bold: true, size: SIZE.nation })]),
    centered([run(t.motto, { bold: true, underline: true, size: SIZE.header })]),
  ];
  return [
    layoutTable(
      [
        [left, right],
        [[centered([run(t.number, { size: SIZE.header })], { before: 120 })], [centered([run(t.placeDate, { italics: true })], { before: 120 })]],
      ],
      [LEFT, RIGHT],
    ),
  ];
}

function titleBlock(year: number): Block[] {
  return [
    centered([run(t.docTitle, { bold: true })], { before: 360 }),
    centered([run(t.docSubject(year), { bold: true })]),
    shortLine(TEXT_WIDTH, mm(40)),
  ];
}

function figuresTable(data: SummaryData, plan: SummaryPlan): Table {
  const h = t.figuresHeader;
  const rows: GridCell[][] = [[{ text: h.no }, { text: h.item }, { text: h.unit }, { text: h.sum }, { text: h.answered }]];
  data.countFields.forEach((f, i) => {
    const total = plan.totals[f.id]!;
    rows.push([
      { text: String(i + 1), align: 'center' },
      { text: f.label },
      { text: f.unit ?? '', align: 'center' },
      { text: total.answered > 0 ? count(total.sum) : '', align: 'right' },
      { text: `${count(total.answered)}/${count(plan.reported.length)}`, align: 'center' },
    ]);
  });
  const fixed = [mm(12), mm(24), mm(26), mm(25)];
  const item = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  return gridTable(rows, [fixed[0]!, item, fixed[1]!, fixed[2]!, fixed[3]!]);
}

/** "UBND xã X: “…”": one paragraph per unit that answered the field, in the order of the units. */
async function quotes(plan: SummaryPlan, field: FieldDefinition, out: Block[]): Promise<number> {
  let n = 0;
  for (const [i, unit] of plan.reported.entries()) {
    const value = unit.report!.answers[field.id];
    if (typeof value !== 'string' || !clean(value)) continue;
    // The unit's line breaks kept as line breaks (the document says not to stretch the line before one).
    const text = `“${clean(value).replace(/\r\n?/g, '\n')}”`;
    out.push(bodyParagraph([run(`${clean(unit.unitName)}: `, { bold: true }), ...multilineRuns(text)]));
    n++;
    if ((i + 1) % UNITS_PER_BATCH === 0) await pause();
  }
  return n;
}

async function resultsSection(data: SummaryData, fields: readonly FieldDefinition[], out: Block[]): Promise<void> {
  out.push(heading(t.sections.results));
  if (data.plans.length === 0) {
    out.push(bodyParagraph([run(t.noPlans(data.year))]));
    return;
  }
  const several = data.plans.length > 1;
  for (const [i, plan] of data.plans.entries()) {
    if (several) out.push(heading(`${i + 1}. ${plan.planName}`));
    out.push(
      bodyParagraph([
        run(
          t.reporting({
            units: plan.units.length,
            reported: plan.reported.length,
            late: plan.late.length,
            lastDay: plan.lastDay && viDate(plan.lastDay),
            missing: plan.missing.length,
          }),
        ),
      ]),
    );
    if (plan.missing.length > 0) out.push(bodyParagraph([run(t.missingList(plan.missing.map((u) => clean(u.unitName))))]));
    if (plan.reported.length === 0) {
      out.push(bodyParagraph([run(t.noFigures)]));
      continue;
    }
    if (data.countFields.length > 0) {
      out.push(bodyParagraph([run(t.figures, { italics: true })], { keepNext: true }), figuresTable(data, plan), bodyParagraph([]));
    }
    for (const field of fields) {
      out.push(bodyParagraph([run(t.quotedFrom(field.label), { italics: true })], { keepNext: true }));
      const before = out.length;
      await quotes(plan, field, out);
      if (out.length === before) out.push(bodyParagraph([run(t.noneWritten.results)]));
    }
  }
}

async function quotedSection(data: SummaryData, section: Exclude<SummarySection, 'results'>, fields: readonly FieldDefinition[], out: Block[]): Promise<void> {
  out.push(heading(t.sections[section]));
  const several = data.plans.length > 1;
  let quoted = 0;
  for (const plan of data.plans) {
    const blocks: Block[] = [];
    let n = 0;
    for (const field of fields) {
      const part: Block[] = [];
      const got = await quotes(plan, field, part);
      if (got === 0) continue;
      if (fields.length > 1) blocks.push(bodyParagraph([run(t.quotedFrom(field.label), { italics: true })], { keepNext: true }));
      blocks.push(...part);
      n += got;
    }
    if (n === 0) continue;
    if (several) out.push(bodyParagraph([run(plan.planName, { bold: true, italics: true })], { keepNext: true }));
    out.push(...blocks);
    quoted += n;
  }
  if (quoted === 0) out.push(bodyParagraph([run(t.noneWritten[section])]));
}

function signatureBlock(): Block[] {
  const recipients: Paragraph[] = [
    flushLeft([run(t.recipients, { bold: true, italics: true, size: SIZE.recipients })], { before: 240 }),
    ...t.recipientLines.map((line) => flushLeft([run(line, { size: SIZE.recipientLines })])),
  ];
  const signer: Paragraph[] = [
    centered([run(t.signerTitle, { bold: true, size: SIZE.header })], { before: 240 }),
    centered([run(t.signerNote, { italics: true, size: SIZE.header })]),
    centered([run('')], { before: 1200 }),
    centered([run(t.signerName, { bold: true })]),
  ];
  return [layoutTable([[recipients, signer]], [LEFT, RIGHT])];
}

export async function summaryToDocx(data: SummaryData, sections: SectionFields, opts: SummaryDocxOptions = {}): Promise<Buffer> {
  const body: Block[] = [...headerBlock(opts), ...titleBlock(data.year), bodyParagraph([run(t.intro(viDateTime(data.at, data.timeZone)), { italics: true })])];
  await resultsSection(data, sections.results, body);
  await pause();
  for (const section of ['models', 'difficulties', 'proposals'] as const) {
    await quotedSection(data, section, sections[section], body);
    await pause();
  }
  body.push(...signatureBlock());
  const doc = new Document({
    creator: 'thidua-bot',
    // Word and LibreOffice would otherwise stretch a justified line that ends in a line break.
    compatibility: { doNotExpandShiftReturn: true },
    title: `${t.docTitle} ${t.docSubject(data.year)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
          titlePage: true,
        },
        headers: { default: new Header({ children: [pageNumberParagraph()] }), first: new Header({ children: [] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
