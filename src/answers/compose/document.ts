/** Thông tin văn bản: number, date, issuer, title, signer, addressees and recipients, as the document writes them. */
import { documentName, formatDate, placeOf, quote } from '../format.js';
import { asks, type ComposeContext, type PlanAnswer } from './context.js';

export function composeDocument(ctx: ComposeContext): PlanAnswer | null {
  const { plan } = ctx;
  const lines: string[] = [];
  const signer = () => {
    if (!plan.signer.name && plan.signer.items.length === 0) {
      lines.push('Người ký: bản văn bản đang có không có phần chữ ký.');
      return;
    }
    const capacity = plan.signer.items.length ? ` (${plan.signer.items.map((i) => i.replace(/\.+$/, '')).join(', ')})` : '';
    lines.push(`Người ký: ${plan.signer.name ?? 'không ghi tên'}${capacity}.`);
  };
  const recipients = () => {
    if (plan.recipients.to.length) lines.push(`Kính gửi: ${plan.recipients.to.join('; ')}.`);
    if (plan.recipients.items.length) lines.push(`Nơi nhận:\n${plan.recipients.items.map((r) => `- ${r}`).join('\n')}`);
  };
  if (asks(ctx, 'ky') || asks(ctx, 'nguoi ky')) {
    lines.push(`${documentName(plan)}.`);
    signer();
  } else if (asks(ctx, 'noi nhan') || asks(ctx, 'kinh gui') || asks(ctx, 'gui cho ai') || asks(ctx, 'gui ai')) {
    lines.push(`${documentName(plan)}.`);
    recipients();
  } else {
    lines.push(`${placeOf(plan)}: ${documentName(plan)}.`);
    lines.push(`Số: ${plan.number ?? 'văn bản không ghi số'}. Ngày ban hành: ${plan.date ? formatDate(plan.date) : 'văn bản không ghi ngày'}.`);
    lines.push(`Cơ quan ban hành: ${plan.issuer.name}${plan.issuer.parent ? ` (thuộc ${plan.issuer.parent})` : ''}.`);
    lines.push(`Trích yếu: ${quote([plan.title.quote])}`);
    lines.push(`Giai đoạn: ${plan.period.from}–${plan.period.to}.`);
    signer();
  }
  return { text: lines.join('\n'), sections: [] };
}
