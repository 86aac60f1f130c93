/**
 * The channel-neutral core: `handle(inbound) → outbound[]`.
 *
 * Each inbound message is handled atomically: the dedup claim of its update id, the user's "last seen",
 * the conversation state and whatever the message stores (contact, report, question log) commit together
 * or not at all. A crash before the commit loses nothing (the platform redelivers and the claim was rolled
 * back); a redelivery after the commit changes nothing. better-sqlite3 and the answerer are synchronous,
 * so a transaction never spans an await. Under load, messages are committed in groups (see `flush`).
 */
import { setImmediate as nextTurn } from 'node:timers';
import type { Answerer } from '../answers/types.js';
import type { Config } from '../config.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Logger } from '../log.js';
import { createAdminCheck } from '../store/admins.js';
import type { Store } from '../store/db.js';
import { faultKind, isWriteFault, userFaultMessage } from '../store/faults.js';
import { cleanInput } from '../text/normalize.js';
import { dialogCommands } from './commands/index.js';
import type { CommandSpec, DialogForms, DialogParts, MessageContext } from './context.js';
import { checkRegistrationForm, reportYearField } from './flows.js';
import { loadForm } from '../reports/form-definition.js';
import { texts } from './messages.js';
import { route, type RouteInput } from './router.js';
import { describeDraft, expireDraft, loadSession, saveSession, type Session } from './session.js';
import type { Core, Inbound, Outbound } from './types.js';
import { answerWithoutStoring } from './unstored.js';

export interface CoreDeps {
  store: Store;
  knowledge: Knowledge;
  answerer: Answerer;
  config: Config;
  logger: Logger;
  /** The clock (tests inject one to expire drafts). */
  now?: () => Date;
  /** Where the form definitions are (default the project's intents/). */
  intentsDir?: string;
  /** The command registry (default: every command of the bot). */
  commands?: readonly CommandSpec[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Redeliveries come within minutes; a month of update ids is plenty. */
const KEEP_PROCESSED_UPDATES_DAYS = 30;
/** Sent replies carry personal data (a report's summary); a week is enough to look into a complaint. */
const KEEP_SENT_REPLIES_DAYS = 7;
/** Upper bound of messages committed together, so one burst cannot delay its first replies for long. */
const MAX_BATCH = 256;

function isThenable(value: unknown): value is Promise<Outbound[]> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function createCore(deps: CoreDeps): Core {
  const { store, knowledge, answerer, config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const forms: DialogForms = {
    registration: loadForm('registration', { intentsDir: deps.intentsDir }),
    report: loadForm('report', { intentsDir: deps.intentsDir }),
  };
  // Fail at start-up, not at the first submission.
  checkRegistrationForm(forms.registration);
  reportYearField(forms.report);
  const commands = deps.commands ?? dialogCommands;
  const isAdmin = createAdminCheck(store.admins, config.adminIds);
  const log = logger.child({ part: 'core' });
  /** The bot's parts, the same for every message; each message adds its own MessageContext. */
  const parts: DialogParts = { store, config, knowledge, answerer, logger: log, forms, commands };
  let prunedAt = 0;
  /** Forgets old update ids at start-up and then once a day, inside a batch transaction. */
  function pruneProcessedUpdates(at: Date): void {
    if (at.getTime() - prunedAt < DAY_MS) return;
    prunedAt = at.getTime();
    store.inbox.pruneBefore(new Date(at.getTime() - KEEP_PROCESSED_UPDATES_DAYS * DAY_MS));
    store.outbox.pruneBefore(new Date(at.getTime() - KEEP_SENT_REPLIES_DAYS * DAY_MS));
  }
  pruneProcessedUpdates(now());

  /** The draft expiry notice, if the stored form draft is older than DRAFT_TTL_DAYS (the draft is dropped). */
  function expiredDraftNotice(session: Session, at: Date): Outbound | undefined {
    const expired = expireDraft(session, at, config.draftTtlDays);
    return expired && { text: texts.draftExpired(describeDraft(expired), config.draftTtlDays) };
  }

  function handleInTransaction(inbound: Inbound, at: Date, outbox: boolean): { replies: Outbound[]; later?: Promise<Outbound[]> } | 'duplicate' {
    const { channel, userId } = inbound;
    if (inbound.updateId !== undefined && !store.inbox.claim(channel, inbound.updateId, at)) return 'duplicate';
    const chatType = inbound.chatType ?? 'private';
    const privateChatId = chatType === 'private' ? inbound.chatId : undefined;
    store.users.touch({ channel, userId, privateChatId, displayName: inbound.displayName, at });

    const session = loadSession(store, channel, userId);
    const info: RouteInput = {};
    const notices: Outbound[] = [];
    if (session.discarded) {
      log.warn({ event: 'state-discarded', channel }, 'stored conversation state did not validate; discarded');
      notices.push({ text: texts.stateLost });
    }
    if (chatType === 'private') info.expiredNotice = expiredDraftNotice(session, at);

    let text = '';
    if (inbound.action === undefined) {
      const cleaned = cleanInput(inbound.text ?? '', config.maxInputChars);
      text = cleaned.text;
      if (cleaned.truncated) info.tooLong = { length: Array.from(inbound.text ?? '').length };
    }
    const message: MessageContext = { inbound, text, chatType, now: at, session, isAdmin: isAdmin(channel, userId) };
    const result = route(parts, message, info);
    saveSession(store, channel, userId, session, at);
    const replies = isThenable(result) ? notices : [...notices, ...result];
    if (!outbox) return isThenable(result) ? { replies, later: result } : { replies };
    // In the same commit as the state change: a reply (a report's code) exists only if its cause does.
    store.outbox.add(channel, inbound.chatId, inbound.updateId, replies, at);
    return isThenable(result) ? { replies: [], later: result } : { replies: [] };
  }

  type Outcome = ReturnType<typeof handleInTransaction>;
  interface Waiting {
    inbound: Inbound;
    at: Date;
    outbox: boolean;
    done(outcome: Outcome | Error): void;
  }
  let queue: Waiting[] = [];

  /**
   * Group commit: messages that arrive while the event loop is busy are handled in one transaction,
   * each in its own savepoint (a failing message rolls back alone), and committed with ONE fsync.
   * No reply leaves before the commit, so durability is the same as one transaction per message.
   */
  function flush(): void {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) nextTurn(flush);
    const outcomes: (Outcome | Error)[] = [];
    try {
      store.transaction(() => {
        pruneProcessedUpdates(now());
        for (const w of batch) {
          try {
            outcomes.push(store.transaction(() => handleInTransaction(w.inbound, w.at, w.outbox)));
          } catch (err) {
            outcomes.push(err instanceof Error ? err : new Error(String(err)));
            // SQLite rolled the whole batch back (SQLITE_FULL, SQLITE_IOERR do): the rest must not run
            // outside it, each committing on its own while the batch is reported as failed.
            if (!store.db.inTransaction) throw err;
          }
        }
      });
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored; `handle`
      // answers the questions among them without storing and tells the rest to send again later.
      const failure = err instanceof Error ? err : new Error(String(err));
      batch.forEach((w) => w.done(failure));
      return;
    }
    batch.forEach((w, i) => w.done(outcomes[i]!));
  }

  function handleDurably(inbound: Inbound, at: Date, outbox: boolean): Promise<Outcome | Error> {
    return new Promise((resolve) => {
      queue.push({ inbound, at, outbox, done: resolve });
      // The real timer (imported, not the global): tests that fake timers still get their replies.
      if (queue.length === 1) nextTurn(flush);
    });
  }

  return {
    async handle(inbound, options = {}) {
      const at = inbound.receivedAt ?? now();
      const outbox = options.outbox === true;
      const outcome = await handleDurably(inbound, at, outbox);
      if (outcome instanceof Error) {
        // Rolled back, the dedup claim included: a redelivery of this update is handled afresh.
        const fault = faultKind(outcome);
        log.error({ event: 'handle-failed', channel: inbound.channel, ...(fault ? { fault } : {}), err: errorSummary(outcome) }, 'message handling failed');
        if (!fault) return [{ text: texts.internalError }];
        // A write fault: questions are still answered (nothing stored); anything else is told it was not stored.
        const answers = isWriteFault(fault) ? answerWithoutStoring({ parts, isAdmin }, inbound, at) : [];
        return answers.length > 0 ? answers : [{ text: userFaultMessage(fault) }];
      }
      if (outcome === 'duplicate') {
        log.debug({ event: 'duplicate-update', channel: inbound.channel }, 'update already handled');
        return [];
      }
      if (!outcome.later) return outcome.replies;
      let later: Outbound[];
      try {
        later = await outcome.later;
      } catch (err) {
        log.error({ event: 'command-failed', channel: inbound.channel, err: errorSummary(err) }, 'command failed');
        later = [{ text: texts.internalError }];
      }
      if (!outbox) return [...outcome.replies, ...later];
      try {
        store.transaction(() => store.outbox.add(inbound.channel, inbound.chatId, inbound.updateId, later, now()));
        return [];
      } catch (err) {
        log.error({ event: 'outbox-failed', channel: inbound.channel, err: errorSummary(err) }, 'could not store a reply; sending it directly');
        return later;
      }
    },
  };
}

/** Error name and message only: stacks are fine, but a message must not carry user text into the log. */
function errorSummary(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'unknown', message: String(err) };
}
