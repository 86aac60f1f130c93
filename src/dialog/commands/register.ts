/** /dangky, /register: registers (or updates) the unit contact. */
import type { CommandSpec } from '../context.js';
import { restartOrResume, startRegistration, type FormFlowContext } from '../flows.js';

export const registerCommand: CommandSpec = {
  names: ['dangky', 'register'],
  description: 'Đăng ký (hoặc cập nhật) đầu mối báo cáo của đơn vị',
  privateOnly: true,
  resumesFlow: false,
  run: (ctx: FormFlowContext) => (ctx.session.state.flow ? restartOrResume(ctx, 'registration') : startRegistration(ctx)),
};
