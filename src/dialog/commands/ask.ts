/** /hoi <câu hỏi>: a question, also in the middle of a form (where free text would be taken as an answer). */
import type { CommandContext, CommandSpec } from '../context.js';
import { texts } from '../messages.js';
import { answerQuestion, type QuestionContext } from '../questions.js';

export const askCommand: CommandSpec = {
  names: ['hoi', 'ask'],
  usage: '<câu hỏi>',
  description: 'Đặt câu hỏi về các kế hoạch (cũng có thể gõ thẳng câu hỏi)',
  run(ctx: QuestionContext & Pick<CommandContext, 'args'>) {
    if (ctx.args === '') return [{ text: texts.askUsage }];
    const flow = ctx.session.state.flow;
    const planId = flow?.report?.planId ?? (typeof flow?.answers.planId === 'string' ? flow.answers.planId : undefined);
    return answerQuestion(ctx, ctx.args, planId);
  },
};
