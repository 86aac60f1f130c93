/**
 * Thông tin văn bản: number, date, issuer, title, signer, addressees and recipients, as the document
 * writes them. A question may ask several parts at once ("ban hành ngày nào và ai ký"): each part it
 * asks is answered; a question that asks none gets the whole card.
 */
import { documentName, formatDate, placeOf, planLabel, quote } from '../format.js';
import { CLOSING_ID, findSection, PREAMBLE_ID } from '../../knowledge/sections.js';
import { notStated } from '../messages.js';
import { asks, type ComposeContext, type PlanAnswer } from './context.js';
import { DOCUMENT_NAMES } from '../../nlu/analyze.js';

/** Folded phrases that ask for each part of the card. */
const ASKS_SIGNER = ['ky', 'ki', 'nguoi ky', 'ky ten', 'ky thay', 'chuc vu', 'chuc danh', 'tu cach'];
const ASKS_RECIPIENTS = ['noi nhan', 'kinh gui', 'gui cho ai', 'gui ai', 'gui nhung ai', 'gui nhung noi nao', 'gui noi nao', 'gui den', 'gui toi', 'gui cho', 'gui di', 'gui nhung dau', 'gui nhung don vi'];
const ASKS_DATE = ['ngay nao', 'ngay ban hanh', 'ban hanh ngay', 'khi nao', 'nam nao', 'ngay may', 'thang may', 'thang nao', 'ra ngay'];
const ASKS_NUMBER = ['so may', 'so hieu', 'so bao nhieu', 'so ky hieu', 'ghi so', 'so va ngay'];
const ASKS_PERIOD = ['ap dung giai doan', 'ap dung cho giai doan', 'ap dung trong giai doan', 'giai doan nao', 'giai doan may'];

/** How far after "gửi bản …" the words asking where may stand ("gửi bản điện tử cho những nơi nào"). */
const SEND_REACH = 8;

/**
 * "gửi bản điện tử cho những nơi nào", "gửi bản giấy cho ai", "gửi kế hoạch cho những ai", "lưu ở đâu", "có gửi … không": the copies
 * of the document and where they go, whatever stands between. ("Báo cáo gửi cho ai" asks the report's
 * recipient instead.)
 */
function asksWhereSent(ctx: ComposeContext): boolean {
  const t = ctx.analysis.repaired;
  const asksWhere = (from: number) => {
    const after = t.slice(from, from + SEND_REACH);
    return after.includes('ai') || after.includes('dau') || after.some((x, k) => x === 'noi' && after[k + 1] === 'nao');
  };
  // "có gửi các cơ sở giáo dục không": whether it went there is asked of the same list.
  const asksWhether = (i: number) => t[i - 1] === 'co' && t.slice(i + 1, i + 1 + 2 * SEND_REACH).includes('khong');
  // "gửi kế hoạch (này) cho những ai": the document itself, sent.
  const itself = (i: number) => DOCUMENT_NAMES.has(`${t[i]} ${t[i + 1]}`);
  return t.some((w, i) => (w === 'gui' && (((t[i + 1] === 'ban' || itself(i + 1)) && asksWhere(i + 2)) || asksWhether(i))) || (w === 'luu' && asksWhere(i + 1)));
}

/** Which parts of the card the question asks for. */
function partsAsked(ctx: ComposeContext): { number: boolean; date: boolean; signer: boolean; recipients: boolean; period: boolean } {
  const any = (phrases: readonly string[]) => phrases.some((p) => asks(ctx, p));
  return { number: any(ASKS_NUMBER), date: any(ASKS_DATE), signer: any(ASKS_SIGNER), recipients: any(ASKS_RECIPIENTS) || asksWhereSent(ctx), period: any(ASKS_PERIOD) };
}

/** The parts of the card a question asks for, named as a sentence would ("số văn bản", "người ký"). */
export function askedParts(ctx: ComposeContext): string[] {
  const asked = partsAsked(ctx);
  return [
    ...(asked.number ? ['số văn bản'] : []),
    ...(asked.date ? ['ngày ban hành'] : []),
    ...(asked.signer ? ['người ký'] : []),
    ...(asked.recipients ? ['nơi nhận'] : []),
    ...(asked.period ? ['giai đoạn'] : []),
  ];
}

export function composeDocument(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const lines: string[] = [];
  // The sections the parts shown stand in: the number, the date and "Kính gửi" open the document (its
  // header is part of its opening), the signer and "Nơi nhận" close it.
  const cited = new Set<string>();
  const standsIn = (id: string) => {
    if (findSection(plan.sections, id)) cited.add(id);
  };
  const asked = partsAsked(ctx);
  // The header lines as written ("Số: 62 /KH-UBND", "Thái Bình, ngày 27 tháng 3 năm 2024").
  const headerLine = (re: RegExp) => plan.header?.items.find((i) => re.test(i));
  const signer = () => {
    if (!plan.signer.name && plan.signer.items.length === 0) {
      lines.push('Người ký: bản văn bản đang có không có phần chữ ký.');
      return;
    }
    const capacity = plan.signer.items.length ? ` (${plan.signer.items.map((i) => i.replace(/\.+$/, '')).join(', ')})` : '';
    lines.push(`Người ký: ${plan.signer.name ?? 'không ghi tên'}${capacity}.`);
    standsIn(CLOSING_ID);
  };
  const recipients = () => {
    if (plan.recipients.to.length) {
      lines.push(`Kính gửi: ${plan.recipients.to.join('; ')}.`);
      standsIn(PREAMBLE_ID);
    }
    // The block's own labels as written ("Nơi nhận:", "Gửi bản điện tử:"): how the copies go is part of the answer.
    const labels = plan.recipients.labels?.length ? plan.recipients.labels.map((l) => l.replace(/:\s*$/, '')).join(' — ') : 'Nơi nhận';
    if (plan.recipients.items.length) {
      lines.push(`${labels}:\n${plan.recipients.items.map((r) => `- ${r}`).join('\n')}`);
      standsIn(CLOSING_ID);
    }
    if (!plan.recipients.to.length && !plan.recipients.items.length) lines.push('Văn bản không ghi nơi nhận.');
  };
  const date = () => {
    standsIn(PREAMBLE_ID);
    const written = headerLine(/ngày\s+\S*\d/);
    lines.push(`Ngày ban hành: ${written ? quote([written.trim()]) : plan.date ? formatDate(plan.date) : 'văn bản không ghi ngày'}.`);
  };
  const number = () => {
    standsIn(PREAMBLE_ID);
    const written = headerLine(/^Số\s*:/);
    lines.push(`Số: ${plan.number ? (written ? quote([written.trim()]) : plan.number) : 'văn bản không ghi số'}.`);
  };

  // Each part asked, and whether the document states it.
  const parts: Array<[() => void, boolean]> = [];
  if (asked.number) parts.push([number, plan.number !== null]);
  if (asked.date) parts.push([date, plan.date !== null]);
  if (asked.signer) parts.push([signer, plan.signer.name !== null || plan.signer.items.length > 0]);
  if (asked.recipients) parts.push([recipients, plan.recipients.to.length + plan.recipients.items.length > 0]);
  // The period is in the title as the plan writes it ("… giai đoạn 2024 - 2030"): quoted with it.
  if (asked.period) parts.push([() => lines.push(`Giai đoạn: ${plan.period.from}–${plan.period.to}. Trích yếu: ${quote([plan.title.quote])}`), true]);
  // Nothing asked is in the document: it says so, with the header lines as written where they are
  // blank ("Số: /KH-VP", "Bắc Kạn, ngày tháng năm 2024"), so no other passage's number stands in for them.
  if (parts.length && parts.every(([, stated]) => !stated)) {
    const blank = [...(asked.number ? [headerLine(/^Số\s*:/)] : []), ...(asked.date ? [headerLine(/ngày/)] : [])].filter((l): l is string => l !== undefined);
    const shown = blank.length ? `\nVăn bản ghi: ${blank.map((l) => quote([l.trim()])).join('; ')}.` : '';
    // A document without a number is known by its title.
    const title = plan.number === null ? `\nTrích yếu: ${quote([plan.title.quote])}` : '';
    return { text: `${notStated(planLabel(plan), askedParts(ctx).join(', '))}${shown}${title}`, sections: [], absent: true };
  }
  if (parts.length) {
    lines.push(`${documentName(plan)}.`);
    for (const [part] of parts) part();
  } else {
    lines.push(`${placeOf(plan)}: ${documentName(plan)}.`);
    lines.push(`Số: ${plan.number ?? 'văn bản không ghi số'}. Ngày ban hành: ${plan.date ? formatDate(plan.date) : 'văn bản không ghi ngày'}.`);
    lines.push(`Cơ quan ban hành: ${plan.issuer.name}${plan.issuer.parent ? ` (thuộc ${plan.issuer.parent})` : ''}.`);
    lines.push(`Trích yếu: ${quote([plan.title.quote])}`);
    lines.push(`Giai đoạn: ${plan.period.from}–${plan.period.to}.`);
    signer();
  }
  return { text: lines.join('\n'), sections: [...cited] };
}
