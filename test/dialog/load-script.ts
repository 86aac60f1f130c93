/**
 * The conversation of one unit contact from /baocao to "Gửi" (registration first), with answers that
 * identify the user (unit name and trainee count) so a test can prove no report got mixed up.
 */
import { REGISTRATION, REPORT } from './support.js';

export function conversationOf(userKey: string, n: number): string[] {
  return [
    '/baocao',
    REGISTRATION[0]!,
    `Đơn vị kiểm thử ${userKey}`,
    String(1 + (n % 6)),
    '-',
    '-',
    '1',
    REPORT[0]!,
    REPORT[1]!,
    `${n} người`,
    ...REPORT.slice(3),
    '1',
  ];
}
