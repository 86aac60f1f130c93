/**
 * When storing a message fails with a write fault (disk full, read-only file, I/O error), the message
 * is handled again without storing: the same routing runs inside a transaction that is rolled back on
 * purpose, and only its answers to questions (`Outbound.answer` set) are kept. Answering needs no write
 * that cannot wait (the question log of unanswered questions is skipped), so officials still get their
 * answers; a form step, a registration or a report gets nothing from here, and the core tells the user
 * plainly that it was not stored, so no report code is ever given for a report that is not in the file.
 */
import type { Store } from '../store/db.js';
import { faultLogFields } from '../store/faults.js';
import { cleanInput } from '../text/normalize.js';
import type { DialogParts, MessageContext } from './context.js';
import { route } from './router.js';
import { loadSession } from './session.js';
import type { Inbound, Outbound } from './types.js';

export interface UnstoredDeps {
  /** The core's parts; the dry run hands on the same, with a store whose question log records nothing. */
  parts: DialogParts;
  isAdmin(channel: Inbound['channel'], userId: string): boolean;
}

/** Thrown at the end of the dry run so that better-sqlite3 rolls its transaction back. */
class RolledBackOnPurpose extends Error {}

/** The store as the dry run sees it: the question log, the one write of answering, is left out. */
function withoutQuestionLog(store: Store): Store {
  return { ...store, questions: { ...store.questions, record: () => undefined } };
}

/** The answers to the message's questions, computed without storing anything; [] when it holds none. */
export function answerWithoutStoring(deps: UnstoredDeps, inbound: Inbound, at: Date): Outbound[] {
  const { store, config, logger } = deps.parts;
  const parts: DialogParts = { ...deps.parts, store: withoutQuestionLog(store) };
  let replies: Outbound[] = [];
  // Deferred (not IMMEDIATE): a read-only or full database still grants a read transaction.
  const dryRun = store.db.transaction(() => {
    const cleaned = inbound.action === undefined ? cleanInput(inbound.text ?? '', config.maxInputChars) : undefined;
    // Only the message is built here: the bot's parts are the core's, the question log left out.
    const message: MessageContext = {
      inbound,
      text: cleaned?.text ?? '',
      chatType: inbound.chatType ?? 'private',
      now: at,
      isAdmin: deps.isAdmin(inbound.channel, inbound.userId),
      session: loadSession(store, inbound.channel, inbound.userId),
    };
    const result = route(parts, message, cleaned?.truncated ? { tooLong: { length: Array.from(inbound.text ?? '').length } } : {});
    // An async command (an export) answers no question: its promise is dropped, quietly.
    if (Array.isArray(result)) replies = result;
    else result.catch(() => undefined);
    throw new RolledBackOnPurpose();
  });
  try {
    dryRun();
  } catch (err) {
    if (!(err instanceof RolledBackOnPurpose)) {
      logger.warn({ event: 'unstored-answer-failed', channel: inbound.channel, ...faultLogFields(err) }, 'could not answer without storing');
      return [];
    }
  }
  return replies.filter((r) => r.answer !== undefined);
}
