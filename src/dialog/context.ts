/**
 * What the core's handlers get, in two parts: what one message is (`MessageContext`, built per message)
 * and the bot's parts (`DialogParts`, built once in `createCore`). The router (router.ts) is the only
 * place that holds the whole (`DialogContext`); each flow declares the few things it uses in its own
 * narrow type (`FormFlowContext` in flows.ts, `QuestionContext` in questions.ts, `NoticeContext` in
 * notices.ts), which the whole satisfies as it is.
 * Command handlers (including the admin commands another part plugs in) receive a CommandContext: a
 * plug-in command may need anything, so it gets the whole; the dialog's own commands name less.
 */
import type { Answerer } from '../answers/types.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { FormDefinition } from '../reports/form-definition.js';
import type { Session } from './session.js';
import type { Inbound, Outbound } from './types.js';

export interface DialogForms {
  registration: FormDefinition;
  report: FormDefinition;
}

/** One message: who sent it, what it says, when, and the sender's conversation state. */
export interface MessageContext {
  inbound: Inbound;
  /** The cleaned text (NFC, no control characters, collapsed spaces); '' when a button was pressed. */
  text: string;
  chatType: 'private' | 'group';
  /** The time this message is handled (injected in tests). */
  now: Date;
  /** The sender's conversation state; changes are saved with the message. */
  session: Session;
  /** Whether the sender is an admin (ADMIN_IDS or the admins table). */
  isAdmin: boolean;
}

/** The bot's parts, the same for every message (built once in `createCore`). */
export interface DialogParts {
  store: Store;
  config: Config;
  knowledge: Knowledge;
  answerer: Answerer;
  logger: Logger;
  forms: DialogForms;
  /** Every command the bot knows (for /trogiup). */
  commands: readonly CommandSpec[];
}

/** The whole: the message and the bot's parts. Held by the router, handed whole to commands only. */
export type DialogContext = MessageContext & DialogParts;

export interface CommandContext extends DialogContext {
  /** The command as typed, without "/" and "@botname", lower case ("baocao"). */
  command: string;
  /** Text after the command ("/hoi hạn nộp?" → "hạn nộp?"). */
  args: string;
}

export interface CommandSpec {
  /** Names without "/", the first is the Vietnamese one shown in help: ['baocao', 'report']. */
  names: readonly string[];
  /** One line for /trogiup (Vietnamese), e.g. "Gửi báo cáo năm của đơn vị". */
  description: string;
  /** Shown in /trogiup after the name, e.g. "<câu hỏi>". */
  usage?: string;
  /** Only in a private chat; in a group the user is asked to write privately. */
  privateOnly?: boolean;
  /** Only for admins; anyone else gets the same refusal whether or not there is data. */
  adminOnly?: boolean;
  /**
   * Runs the command. Synchronous work commits together with the message (one transaction, with the
   * dedup claim). A returned promise is awaited after that commit: state changes after its first
   * `await` are not saved automatically (use `store.transaction` for them); keep async handlers to
   * read-only work such as building an export. A command of the dialog may declare a narrower context
   * (`run(ctx: Pick<CommandContext, 'inbound' | 'isAdmin'>)`): the whole it is given satisfies it.
   */
  run(ctx: CommandContext): Outbound[] | Promise<Outbound[]>;
  /**
   * Whether a form in progress is re-asked after the command's own replies (default true): /trogiup in
   * the middle of a report answers, then asks the pending field again. Flow commands set it to false.
   */
  resumesFlow?: boolean;
}
