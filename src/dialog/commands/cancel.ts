/** /huy, /cancel: discards the form in progress after a confirmation. */
import type { CommandSpec } from '../context.js';
import { requestCancel } from '../flows.js';

export const cancelCommand: CommandSpec = {
  names: ['huy', 'cancel'],
  description: 'Hủy việc đang làm dở (đăng ký, báo cáo)',
  privateOnly: true,
  resumesFlow: false,
  run: (ctx) => requestCancel(ctx),
};
