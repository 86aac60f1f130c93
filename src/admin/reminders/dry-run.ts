/**
 * `remind --dry-run [--date YYYY-MM-DD]`: what the scheduler would send on a day, to whom and about
 * which deadline, without sending anything. Reminders already recorded are marked as such (a real run
 * would skip them).
 */
import type { Config } from '../../config.js';
import type { Knowledge } from '../../knowledge/loader.js';
import type { Store } from '../../store/db.js';
import { viDate, viDateTime, type CalendarDate } from '../../calendar.js';
import { adminTexts } from '../texts.js';
import { deadlineDay } from '../views.js';
import { createReminderRecords, type ReminderRecord } from './records.js';
import { deadlinesDue, dueReminders, nextReminderDay, type DueReminder } from './select.js';

const STATUS: Record<ReminderRecord['status'], string> = {
  sending: 'đang gửi hoặc bị gián đoạn khi gửi — sẽ không gửi lại',
  sent: 'đã gửi',
  blocked: 'không gửi được: người dùng đã chặn bot hoặc không còn liên lạc được',
  failed: 'gửi không thành công',
};

/** Contacts registered from the console chat (trying the bot) have no chat to send to. */
const CONSOLE_NOTE = 'không gửi được (đăng ký từ dòng lệnh)';

export function describeReminders(
  deps: { store: Store; knowledge: Knowledge; config: Pick<Config, 'timeZone' | 'reminderDays' | 'reminderHour'> },
  date: CalendarDate,
): string {
  const { config } = deps;
  const records = createReminderRecords(deps.store.db);
  const due = dueReminders(deps, { date, offsets: config.reminderDays });
  const hour = `${String(config.reminderHour).padStart(2, '0')}:00`;
  const lines: string[] = [];
  const deadlines = deadlinesDue(deps.knowledge, date, config.reminderDays);
  const pending = due.filter((r) => r.contact.channel !== 'console' && !recordOf(records, r)).length;
  lines.push(
    `Chạy thử (không gửi gì): lời nhắc ngày ${viDate(date)} lúc ${hour} (${config.timeZone}), nhắc trước hạn ${config.reminderDays.join(', ')} ngày.`,
  );
  if (deadlines.length === 0) {
    lines.push('Ngày này không trùng lịch nhắc của hạn báo cáo nào.');
  } else {
    lines.push(`${due.length} lời nhắc đến hạn, ${pending} chưa gửi.`);
    for (const { occurrence, offsetDays } of deadlines) {
      const group = due.filter((r) => r.occurrence.key === occurrence.key && r.occurrence.year === occurrence.year && r.offsetDays === offsetDays);
      lines.push(
        '',
        `${occurrence.plan.shortName} — ${adminTexts.missingDeadline(deadlineDay(occurrence), offsetDays)}, báo cáo năm ${occurrence.year}, Mục ${occurrence.deadline.section}`,
        `  “${occurrence.deadline.quote}”`,
      );
      if (group.length === 0) lines.push('  Không có đầu mối nào cần nhắc (chưa có đơn vị đăng ký, hoặc tất cả đã báo cáo).');
      for (const r of group) lines.push(`  • ${contactLine(r)} — ${r.contact.channel === 'console' ? CONSOLE_NOTE : recordText(recordOf(records, r), config.timeZone)}`);
    }
  }
  const next = nextReminderDay(deps.knowledge, date, config.reminderDays);
  lines.push('', next ? `Ngày có lịch nhắc tiếp theo: ${viDate(next)}.` : 'Không còn hạn báo cáo nào phía trước trong các kế hoạch.');
  return lines.join('\n');
}

function recordOf(records: ReturnType<typeof createReminderRecords>, r: DueReminder): ReminderRecord | undefined {
  return records.find({ contactId: r.contact.id, deadlineKey: r.occurrence.key, year: r.occurrence.year, offsetDays: r.offsetDays });
}

function contactLine(r: DueReminder): string {
  const c = r.contact;
  return `${c.fullName} — ${c.unitName} — ${c.channel}:${c.userId}`;
}

function recordText(record: ReminderRecord | undefined, timeZone: string): string {
  if (!record) return 'sẽ gửi';
  const cause = record.status === 'failed' && record.error ? `; lỗi: ${record.error}` : '';
  return `${STATUS[record.status]} (${viDateTime(new Date(record.claimedAt), timeZone)}${cause})`;
}
