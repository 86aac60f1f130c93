/** Outbound messages as console text: the message, then its choices as a numbered list. */
import type { Outbound } from '../../dialog/types.js';

export function renderOutbound(message: Outbound, savedDocumentPath?: string): string {
  const lines = [message.text];
  if (message.choices?.length) {
    lines.push(...message.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
    lines.push('(Gõ số thứ tự hoặc tên lựa chọn.)');
  }
  if (message.document) {
    const doc = message.document;
    if (doc.caption) lines.push(doc.caption);
    lines.push(
      savedDocumentPath
        ? `[Tệp đính kèm: ${doc.filename}, ${doc.content.length} byte, đã lưu tại ${savedDocumentPath}]`
        : `[Tệp đính kèm: ${doc.filename}, ${doc.content.length} byte]`,
    );
  }
  return lines.join('\n');
}
