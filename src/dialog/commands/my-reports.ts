/** /cuatoi, /myreports: the sender's submitted reports with codes, years, versions and times. */
import type { CommandSpec } from '../context.js';
import { texts } from '../messages.js';
import { viDateTime } from '../../calendar.js';

export const myReportsCommand: CommandSpec = {
  names: ['cuatoi', 'myreports'],
  description: 'Xem các báo cáo bạn đã gửi',
  privateOnly: true,
  run(ctx) {
    const reports = ctx.store.reports.listByUser(ctx.inbound.channel, ctx.inbound.userId);
    if (reports.length === 0) return [{ text: texts.myReportsNone }];
    const lines = [texts.myReportsTitle(reports.length)];
    reports.forEach((r, i) =>
      lines.push(
        texts.myReportsLine(i + 1, {
          code: r.code,
          year: r.year,
          version: r.version,
          time: viDateTime(new Date(r.submittedAt), ctx.config.timeZone),
          unitName: r.unitName,
        }),
      ),
    );
    return [{ text: lines.join('\n') }];
  },
};
