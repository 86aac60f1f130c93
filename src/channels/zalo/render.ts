/**
 * Outbound (channel-neutral) → the texts Zalo can show. Zalo has no buttons and no files:
 * choices become a numbered list with a line saying how to answer (the core accepts the number or the
 * label), a document becomes a single-use download link plus its caption, a photo becomes a link that
 * Zalo's sendPhoto fetches, and every text is split into messages of at most 2000 characters.
 */
import type { Choice, Outbound, OutboundDocument, OutboundPhoto } from '../../dialog/types.js';
import { formatExpiry, type DownloadLinks } from '../../server/downloads.js';
import { splitText } from '../../text/split.js';

/** Zalo's limit on one message's text (sendMessage rejects longer ones). */
export const ZALO_TEXT_LIMIT = 2000;
import { zaloTexts } from './texts.js';

export interface RenderDeps {
  /** Absent when PUBLIC_BASE_URL is not set: exports then explain how to get the file instead. */
  downloads?: DownloadLinks;
  limit?: number;
}

export function renderChoices(choices: readonly Choice[]): string {
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`);
  return `${lines.join('\n')}\n\n${zaloTexts.howToChoose(choices.length)}`;
}

function renderDocument(doc: OutboundDocument, downloads: DownloadLinks | undefined): string {
  const parts: string[] = [];
  if (doc.caption?.trim()) parts.push(doc.caption.trim());
  if (!downloads) {
    parts.push(zaloTexts.noDownloadLink(doc.filename));
  } else {
    const link = downloads.create({ filename: doc.filename, mimeType: doc.mimeType, content: doc.content });
    parts.push(
      zaloTexts.downloadLink(
        doc.filename,
        doc.content.length,
        link.url,
        downloads.ttlMinutes,
        formatExpiry(link.expiresAt, downloads.timeZone),
      ),
    );
  }
  return parts.join('\n\n');
}

/** What sendPhoto takes: the picture's link and its caption (within the limit). */
export interface ZaloPhoto {
  url: string;
  caption?: string;
}

/**
 * The link Zalo fetches the photo from; undefined without PUBLIC_BASE_URL (the text that follows the
 * photo has the same figures, so nothing is lost).
 */
export function renderPhoto(photo: OutboundPhoto, deps: RenderDeps = {}): ZaloPhoto | undefined {
  if (!deps.downloads) return undefined;
  const link = deps.downloads.create({ filename: photo.filename, mimeType: photo.mimeType, content: photo.content, image: true });
  const caption = photo.caption?.trim().slice(0, deps.limit ?? ZALO_TEXT_LIMIT);
  return { url: link.url, ...(caption ? { caption } : {}) };
}

/** One outbound message → the Zalo texts, in order, each within the limit (a photo is sent apart: renderPhoto). */
export function renderOutbound(message: Outbound, deps: RenderDeps = {}): string[] {
  const blocks: string[] = [];
  if (message.text.trim()) blocks.push(message.text.trim());
  if (message.choices?.length) blocks.push(renderChoices(message.choices));
  if (message.document) blocks.push(renderDocument(message.document, deps.downloads));
  const limit = deps.limit ?? ZALO_TEXT_LIMIT;
  const joined = blocks.join('\n\n');
  // A link must never be cut in two: when the whole does not fit, the link block goes on its own.
  if (joined.length <= limit || !message.document) return splitText(joined, limit);
  const linkBlock = blocks.pop()!;
  return [...splitText(blocks.join('\n\n'), limit), ...splitText(linkBlock, limit)];
}

export function renderAll(messages: readonly Outbound[], deps: RenderDeps = {}): string[] {
  return messages.flatMap((m) => renderOutbound(m, deps));
}
