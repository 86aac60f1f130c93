/**
 * A channel's mailbox: no update and no reply is lost, whatever the moment of a crash.
 *
 *   platform ──► accept (inbox row, committed) ──► acknowledge (webhook 200, next poll offset)
 *                   └──► handle (core: state change + replies in the outbox, one commit) ──► sender
 *
 * - `accept` stores a delivery before the channel acknowledges it. Deliveries that arrive in the same
 *   turn of the event loop are committed together (one fsync). A delivery seen before is a duplicate:
 *   it is not handled again (so it never reaches the flood gate), but its replies still waiting are
 *   sent — a redelivered update gets its answer even when the first attempt died before sending it.
 * - `resume` at start hands on the deliveries a crash left between "stored" and "handled", in the order
 *   they came, and sends the replies left unsent.
 * - `stop` takes no new delivery, lets what is being handled and sent finish within the grace period,
 *   and leaves everything else stored for the next start: nothing is dropped at shutdown.
 */
import { setImmediate as nextTurn } from 'node:timers';
import type { ChannelName } from '../../config.js';
import type { Outbound } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import { settlesWithin } from '../settles-within.js';
import { createOutboxSender, type OutboxSenderDeps } from './outbox-sender.js';

/**
 * 'direct': the database refused the write (a full disk…): the delivery is handled at once without
 * being stored, so questions are still answered; the core tells a report step that nothing was saved.
 */
export type Acceptance = 'new' | 'duplicate' | 'direct';

export interface MailboxDeps extends Omit<OutboxSenderDeps, 'channel' | 'store' | 'logger'> {
  channel: ChannelName;
  store: Store;
  logger: Logger;
  /**
   * Handles one stored delivery (the channel parses it and gives it to the core with `outbox: true`).
   * A rejection is logged; the delivery counts as handled all the same (one bad update must not come
   * back at every start).
   */
  handle(payload: unknown, updateId: string): Promise<void>;
}

export interface Mailbox {
  /**
   * Stores a delivery. Resolves once it is committed — only then may the channel acknowledge it —
   * with 'new' (it is being handled), 'duplicate' or 'direct'. Rejects when the mailbox is stopping: the
   * channel must not acknowledge then (the platform delivers it again after the restart).
   */
  accept(updateId: string, payload: unknown): Promise<Acceptance>;
  /** Stores replies that did not come from the core (a notice of the channel) for an update, and sends them. */
  reply(chatId: string, updateId: string | undefined, messages: readonly Outbound[]): void;
  /** Looks for stored replies to send. */
  kick(): void;
  /** Hands on the deliveries and replies a crash left. Call once, when the channel is ready to send. */
  resume(): void;
  /** Deliveries being handled now. */
  inFlight(): number;
  /** Resolves when nothing is being handled. */
  idle(): Promise<void>;
  /** Stops taking deliveries, lets work in flight finish within `graceMs`; the rest stays stored. */
  stop(graceMs: number): Promise<void>;
}

export class MailboxClosedError extends Error {
  override name = 'MailboxClosedError';
}

interface Pending {
  updateId: string;
  payload: unknown;
  done(result: Acceptance): void;
}

export function createMailbox(deps: MailboxDeps): Mailbox {
  const { channel, store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const sender = createOutboxSender(deps);
  let open = true;
  let handling = 0;
  let idleWaiters: Array<() => void> = [];
  let queue: Pending[] = [];

  const idle = () => (handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)));

  function settle(): void {
    if (handling > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  function handleStored(updateId: string, payload: unknown, stored = true): void {
    handling += 1;
    deps
      .handle(payload, updateId)
      .catch((err: unknown) => logger.error({ event: 'update-failed', message: err instanceof Error ? err.message : String(err) }, 'update handling failed'))
      .finally(() => {
        try {
          // Updates that never reached the core (a sticker, a flood notice); a no-op for the others.
          if (stored && store.db.open) store.inbox.finish(channel, updateId, now());
        } catch (err) {
          logger.error({ event: 'inbox-finish-failed', message: err instanceof Error ? err.message : String(err) }, 'could not mark an update handled');
        }
        handling -= 1;
        settle();
        sender.kick();
      });
  }

  function flush(): void {
    const batch = queue;
    queue = [];
    const at = now();
    let results: Acceptance[];
    try {
      results = store.transaction(() => batch.map((p) => (store.inbox.accept(channel, p.updateId, JSON.stringify(p.payload), at) ? 'new' : 'duplicate')));
    } catch (err) {
      logger.error({ event: 'inbox-failed', count: batch.length, message: err instanceof Error ? err.message : String(err) }, 'could not store updates; handling them without storing');
      batch.forEach((p) => {
        p.done('direct');
        handleStored(p.updateId, p.payload, false);
      });
      return;
    }
    batch.forEach((p, i) => {
      const result = results[i]!;
      p.done(result);
      if (result === 'new') handleStored(p.updateId, p.payload);
    });
    const duplicates = results.filter((r) => r === 'duplicate').length;
    if (duplicates > 0) {
      logger.debug({ event: 'duplicate-update', count: duplicates }, 'update already received; its unsent replies are sent');
      sender.kick();
    }
  }

  return {
    accept(updateId, payload) {
      if (!open) return Promise.reject(new MailboxClosedError('the channel is stopping'));
      return new Promise((resolve) => {
        if (queue.length === 0) nextTurn(flush);
        queue.push({ updateId, payload, done: resolve });
      });
    },
    reply(chatId, updateId, messages) {
      try {
        store.transaction(() => store.outbox.add(channel, chatId, updateId, messages, now()));
        sender.kick();
      } catch (err) {
        logger.error({ event: 'outbox-failed', message: err instanceof Error ? err.message : String(err) }, 'could not store a notice; sending it directly');
        for (const m of messages) deps.deliver(chatId, m).catch(() => undefined);
      }
    },
    kick: () => sender.kick(),
    resume() {
      const left = store.inbox.waiting(channel);
      if (left.length) logger.info({ event: 'inbox-resumed', count: left.length }, 'handling updates stored before the last stop');
      for (const u of left) {
        let payload: unknown;
        try {
          payload = JSON.parse(u.payload);
        } catch {
          store.inbox.finish(channel, u.updateId, now());
          continue;
        }
        handleStored(u.updateId, payload);
      }
      sender.kick();
    },
    inFlight: () => handling,
    idle,
    async stop(graceMs) {
      if (!open) return;
      open = false;
      const deadline = Date.now() + graceMs;
      const handled = await settlesWithin(idle(), graceMs);
      // Replies of the last updates: a few more seconds of sending, within the same grace.
      if (handled) {
        sender.kick();
        await new Promise((r) => nextTurn(r));
        await settlesWithin(sender.idle(), Math.max(0, deadline - Date.now()));
      }
      const waiting = store.db.open ? store.outbox.countWaiting() : 0;
      if (waiting > 0) logger.info({ event: 'outbox-left', waiting }, 'replies not sent yet are kept and sent after the next start');
      sender.close();
    },
  };
}
