/**
 * Conversation state per channel user (form drafts, pending questions) as JSON. The store does not
 * interpret it: the dialog validates what it reads back.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';

export interface StoredState {
  state: unknown;
  updatedAt: string;
}

export interface StoredStateOf extends StoredState {
  channel: ChannelName;
  userId: string;
}

export interface ConversationStatesRepo {
  get(channel: ChannelName, userId: string): StoredState | undefined;
  /** The states last written at or after `from` and before `to` (the drafts about to expire). */
  listUpdatedBetween(from: Date, to: Date): StoredStateOf[];
  put(channel: ChannelName, userId: string, state: unknown, at: Date): void;
  delete(channel: ChannelName, userId: string): void;
  count(): number;
}

export function createConversationStatesRepo(db: Database.Database): ConversationStatesRepo {
  const get = db.prepare('SELECT state, updated_at AS updatedAt FROM conversation_states WHERE channel = ? AND user_id = ?');
  const put = db.prepare(`
    INSERT INTO conversation_states (channel, user_id, state, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel, user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`);
  const between = db.prepare(`
    SELECT channel, user_id AS userId, state, updated_at AS updatedAt FROM conversation_states
    WHERE updated_at >= ? AND updated_at < ? ORDER BY updated_at`);
  const del = db.prepare('DELETE FROM conversation_states WHERE channel = ? AND user_id = ?');
  const countAll = db.prepare('SELECT count(*) FROM conversation_states').pluck();
  return {
    get(channel, userId) {
      const row = get.get(channel, userId) as { state: string; updatedAt: string } | undefined;
      return row && { state: JSON.parse(row.state) as unknown, updatedAt: row.updatedAt };
    },
    listUpdatedBetween(from, to) {
      // ISO strings in UTC sort as the instants do.
      const rows = between.all(from.toISOString(), to.toISOString()) as (StoredStateOf & { state: string })[];
      return rows.map((r) => ({ ...r, state: JSON.parse(r.state) as unknown }));
    },
    put(channel, userId, state, at) {
      put.run(channel, userId, JSON.stringify(state), at.toISOString());
    },
    delete(channel, userId) {
      del.run(channel, userId);
    },
    count: () => countAll.get() as number,
  };
}
