/**
 * Outbound messages as console text: where a photo was saved, the message, then its choices as a
 * numbered list, then a document's caption and where it was saved.
 */
import type { Outbound } from '../../dialog/types.js';

/** `savedDocumentPath`: where the reply's file (its document or its photo: at most one) was written. */
export function renderOutbound(message: Outbound, savedDocumentPath?: string): string {
  const lines = [message.text];
  if (message.photo) {
    const photo = message.photo;
    lines.unshift(
      savedDocumentPath
        ? `[Hình ảnh: ${photo.filename}, ${photo.content.length} byte, đã lưu tại ${savedDocumentPath}]`
        : `[Hình ảnh: ${photo.filename}, ${photo.content.length} byte]`,
    );
  }
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
