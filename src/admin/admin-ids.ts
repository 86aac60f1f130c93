/** "telegram:123" ↔ { channel, userId }: how admins are named on the command line and in ADMIN_IDS. */
import { CHANNELS, type ChannelName } from '../channels/names.js';

export interface AdminId {
  channel: ChannelName;
  userId: string;
}

export class AdminIdError extends Error {
  override name = 'AdminIdError';
}

const EXAMPLE = 'ví dụ: telegram:123456789 hoặc zalo:abc123';

/**
 * One admin id. Strict on purpose: an id that names nobody (a Telegram @username, a typo in the
 * channel, two ids glued by ";") would otherwise be accepted and leave the real admin locked out
 * without a word.
 */
export function parseAdminId(text: string): AdminId {
  const raw = text.trim();
  const sep = raw.indexOf(':');
  const channel = raw.slice(0, sep).trim().toLowerCase();
  const userId = raw.slice(sep + 1).trim();
  if (sep <= 0 || !userId || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new AdminIdError(`"${raw}" không đúng dạng <kênh>:<mã người dùng>, với kênh là ${CHANNELS.join(', ')}; ${EXAMPLE}`);
  }
  if (/[\s,;:]/.test(userId)) {
    throw new AdminIdError(`"${raw}": mã người dùng không được chứa dấu cách, dấu phẩy, chấm phẩy hay dấu hai chấm; mỗi quản trị viên viết dạng <kênh>:<mã>, ${EXAMPLE}`);
  }
  // Telegram identifies users by a number; "@ten_dang_nhap" is not an id the bot ever receives.
  if (channel === 'telegram' && !/^\d{1,20}$/.test(userId)) {
    throw new AdminIdError(`"${raw}": mã người dùng Telegram là một dãy số (không phải tên @...), ví dụ: telegram:123456789`);
  }
  return { channel: channel as ChannelName, userId };
}

/**
 * ADMIN_IDS: ids separated by commas ("telegram:123, zalo:abc"); empty parts are ignored. Throws one
 * AdminIdError naming every bad part, so the admin fixes them all at once.
 */
export function parseAdminIdList(raw: string | undefined): AdminId[] {
  const out: AdminId[] = [];
  const problems: string[] = [];
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    try {
      const id = parseAdminId(part);
      if (!out.some((a) => a.channel === id.channel && a.userId === id.userId)) out.push(id);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) throw new AdminIdError(`${problems.join('; ')}. Các quản trị viên cách nhau bằng dấu phẩy.`);
  return out;
}

export function formatAdminId(id: AdminId): string {
  return `${id.channel}:${id.userId}`;
}
