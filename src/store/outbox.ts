/**
 * Replies waiting to be sent. The core stores them in the same commit as the state change that produced
 * them (a report's code is never known only to a process that may die); the channel's sender sends them
 * in order per chat and marks each one delivered, or failed when the platform refuses the chat for good.
 * A row read back is validated (zod): a row that no longer fits is marked failed, never sent half-made.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChannelName } from '../config.js';
import type { Outbound } from '../dialog/types.js';

const storedMessageSchema = z.object({
  text: z.string(),
  answer: z
    .object({
      status: z.enum(['answer', 'clarify', 'not_found', 'reply']),
      intent: z.string(),
      sources: z.array(z.object({ plan: z.string(), section: z.string() })),
      options: z.array(z.object({ id: z.string(), label: z.string(), planId: z.string() })).optional(),
    })
    .optional(),
  choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  document: z.object({ filename: z.string(), mimeType: z.string(), caption: z.string().optional() }).optional(),
  photo: z.object({ filename: z.string(), mimeType: z.string(), caption: z.string().optional() }).optional(),
});

/** A file's description, stored as JSON; its bytes go to the row's one BLOB column. */
function fileMeta(file: { filename: string; mimeType: string; caption?: string }) {
  return { filename: file.filename, mimeType: file.mimeType, ...(file.caption !== undefined ? { caption: file.caption } : {}) };
}

export interface WaitingReply {
  id: number;
  chatId: string;
  updateId?: string;
  message: Outbound;
  attempts: number;
}

export interface OutboxRepo {
  /** Stores replies to one chat, in order. Run it inside the transaction of what produced them. */
  add(channel: ChannelName, chatId: string, updateId: string | undefined, messages: readonly Outbound[], at: Date): void;
  /** Replies not yet delivered nor failed, oldest first. */
  waiting(channel: ChannelName): WaitingReply[];
  markDelivered(id: number, at: Date): void;
  markFailed(id: number, at: Date, error: string): void;
  /** Counts a failed try that will be retried. */
  noteAttempt(id: number, error: string): void;
  /** Replies not yet delivered nor failed, on every channel. */
  countWaiting(): number;
  /** Forgets delivered and failed replies created before `before` (they carry personal data). */
  pruneBefore(before: Date): number;
}

interface Row {
  id: number;
  chatId: string;
  updateId: string | null;
  message: string;
  document: Buffer | null;
  attempts: number;
}

export function createOutboxRepo(db: Database.Database): OutboxRepo {
  const insert = db.prepare('INSERT INTO outbox (channel, chat_id, update_id, message, document, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const waiting = db.prepare(
    'SELECT id, chat_id AS chatId, update_id AS updateId, message, document, attempts FROM outbox WHERE channel = ? AND delivered_at IS NULL AND failed_at IS NULL ORDER BY id',
  );
  const delivered = db.prepare('UPDATE outbox SET delivered_at = ?, document = NULL WHERE id = ?');
  const failed = db.prepare('UPDATE outbox SET failed_at = ?, last_error = ?, document = NULL WHERE id = ?');
  const attempt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  const countWaiting = db.prepare('SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL').pluck();
  const prune = db.prepare('DELETE FROM outbox WHERE (delivered_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < ?');

  function decode(row: Row, at: Date): WaitingReply | undefined {
    let parsed;
    try {
      parsed = storedMessageSchema.safeParse(JSON.parse(row.message));
    } catch {
      parsed = undefined;
    }
    const file = parsed?.success ? (parsed.data.document ?? parsed.data.photo) : undefined;
    if (!parsed?.success || (parsed.data.document && parsed.data.photo) || (file && !row.document)) {
      failed.run(at.toISOString(), 'stored reply does not validate', row.id);
      return undefined;
    }
    const { document, photo, ...rest } = parsed.data;
    const message: Outbound = {
      ...rest,
      ...(document ? { document: { ...document, content: row.document! } } : {}),
      ...(photo ? { photo: { ...photo, content: row.document! } } : {}),
    } as Outbound;
    return { id: row.id, chatId: row.chatId, ...(row.updateId !== null ? { updateId: row.updateId } : {}), message, attempts: row.attempts };
  }

  return {
    add(channel, chatId, updateId, messages, at) {
      const iso = at.toISOString();
      for (const m of messages) {
        const { document, photo, ...rest } = m;
        if (document && photo) throw new Error('a reply carries at most one file (a document or a photo)');
        const stored = { ...rest, ...(document ? { document: fileMeta(document) } : {}), ...(photo ? { photo: fileMeta(photo) } : {}) };
        insert.run(channel, chatId, updateId ?? null, JSON.stringify(stored), (document ?? photo)?.content ?? null, iso);
      }
    },
    waiting(channel) {
      const now = new Date();
      return (waiting.all(channel) as Row[]).flatMap((row) => decode(row, now) ?? []);
    },
    markDelivered: (id, at) => void delivered.run(at.toISOString(), id),
    markFailed: (id, at, error) => void failed.run(at.toISOString(), error.slice(0, 500), id),
    noteAttempt: (id, error) => void attempt.run(error.slice(0, 500), id),
    countWaiting: () => countWaiting.get() as number,
    pruneBefore: (before) => prune.run(before.toISOString()).changes,
  };
}
