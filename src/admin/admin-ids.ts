/** "telegram:123" ↔ { channel, userId }: how admins are named on the command line and in ADMIN_IDS. */
import { CHANNELS, type AdminId, type ChannelName } from '../config.js';

export class AdminIdError extends Error {
  override name = 'AdminIdError';
}

export function parseAdminId(text: string): AdminId {
  const raw = text.trim();
  const sep = raw.indexOf(':');
  const channel = raw.slice(0, sep).toLowerCase();
  const userId = raw.slice(sep + 1).trim();
  if (sep <= 0 || !userId || /\s|,/.test(userId) || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new AdminIdError(`"${raw}" không đúng dạng <kênh>:<mã người dùng>, với kênh là ${CHANNELS.join(', ')}; ví dụ: telegram:123456789`);
  }
  return { channel: channel as ChannelName, userId };
}

export function formatAdminId(id: AdminId): string {
  return `${id.channel}:${id.userId}`;
}
