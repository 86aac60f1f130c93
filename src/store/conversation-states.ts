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

export interface ConversationStatesRepo {
  get(channel: ChannelName, userId: string): StoredState | undefined;
  put(channel: ChannelName, userId: string, state: unknown, at: Date): void;
  delete(channel: ChannelName, userId: string): void;
  count(): number;
}

export function createConversationStatesRepo(db: Database.Database): ConversationStatesRepo {
  const get = db.prepare('SELECT state, updated_at AS updatedAt FROM conversation_states WHERE channel = ? AND user_id = ?');
  const put = db.prepare(`
    INSERT INTO conversation_states (channel, user_id, state, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel, user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`);
  const del = db.prepare('DELETE FROM conversation_states WHERE channel = ? AND user_id = ?');
  const countAll = db.prepare('SELECT count(*) FROM conversation_states').pluck();
  return {
    get(channel, userId) {
      const row = get.get(channel, userId) as { state: string; updatedAt: string } | undefined;
      return row && { state: JSON.parse(row.state) as unknown, updatedAt: row.updatedAt };
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
