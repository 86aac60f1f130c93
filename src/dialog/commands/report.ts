/** /baocao, /report: the yearly report (registration first when the user is not registered). */
import type { CommandSpec } from '../context.js';
import { restartOrResume, startReport, type FormFlowContext } from '../flows.js';

export const reportCommand: CommandSpec = {
  names: ['baocao', 'report'],
  description: 'Gửi báo cáo năm của đơn vị',
  privateOnly: true,
  resumesFlow: false,
  run: (ctx: FormFlowContext) => (ctx.session.state.flow ? restartOrResume(ctx, 'report') : startReport(ctx)),
};
