/**
 * Who may open the admin page: one-time sign-in links handed out by /quantri, and the sessions they
 * start (tables web_links and web_sessions, migration 7).
 *
 * A link carries 256 random bits; it is good once and for a short time (ADMIN_LINK_TTL_MINUTES).
 * Redeeming it starts a session whose id (another 256 random bits) lives only in the admin's cookie;
 * the database keeps SHA-256 hashes of both, never the values. Each session has its own CSRF token for
 * the page's one action that sends messages. Links and sessions are bound to the admin who asked:
 * whether that person is still an admin is checked on every request (see `check`), not here.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChannelName } from '../channels/names.js';
import type { Config } from '../config.js';

export interface WebAdmin {
  channel: ChannelName;
  userId: string;
}

export interface WebSession extends WebAdmin {
  csrf: string;
  expiresAt: Date;
}

export type Redeemed =
  | { kind: 'ok'; sessionId: string; session: WebSession }
  | { kind: 'used' }
  | { kind: 'expired' }
  | { kind: 'unknown' };

export interface WebAccess {
  /** A new sign-in link token for `admin`, valid `linkTtlMinutes` from now. */
  issueLink(admin: WebAdmin): { token: string; expiresAt: Date };
  /** Whether a link token could still be redeemed (for the page that asks to confirm; uses nothing up). */
  peekLink(token: string): Redeemed['kind'];
  /** Uses a link up and starts a session (in one transaction: a link starts at most one session). */
  redeem(token: string): Redeemed;
  /** The live session of a cookie value, or undefined (unknown, expired, malformed). */
  session(sessionId: string): WebSession | undefined;
  end(sessionId: string): void;
  /** Deletes expired links and sessions. */
  sweep(): void;
}

export interface WebAccessOptions {
  linkTtlMinutes: number;
  sessionTtlMinutes: number;
  now?: () => Date;
}

/** base64url of 32 bytes. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function isWellFormedToken(value: string): boolean {
  return TOKEN_RE.test(value);
}

/** Constant-time comparison of two tokens (the CSRF check). */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface LinkRow {
  channel: ChannelName;
  userId: string;
  expiresAt: string;
  usedAt: string | null;
}

interface SessionRow {
  channel: ChannelName;
  userId: string;
  csrf: string;
  expiresAt: string;
}

export function createWebAccess(db: Database.Database, options: WebAccessOptions): WebAccess {
  const now = options.now ?? (() => new Date());
  const insertLink = db.prepare(
    'INSERT INTO web_links (token_hash, channel, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const getLink = db.prepare(
    'SELECT channel, user_id AS userId, expires_at AS expiresAt, used_at AS usedAt FROM web_links WHERE token_hash = ?',
  );
  const useLink = db.prepare('UPDATE web_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL');
  const insertSession = db.prepare(
    'INSERT INTO web_sessions (id_hash, channel, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getSession = db.prepare(
    'SELECT channel, user_id AS userId, csrf, expires_at AS expiresAt FROM web_sessions WHERE id_hash = ?',
  );
  const endSession = db.prepare('DELETE FROM web_sessions WHERE id_hash = ?');
  // A used link is kept until it expires, so that opening it again says "already used", not "unknown".
  const sweepLinks = db.prepare('DELETE FROM web_links WHERE expires_at <= ?');
  const sweepSessions = db.prepare('DELETE FROM web_sessions WHERE expires_at <= ?');

  function lookLink(token: string): { kind: Redeemed['kind']; row?: LinkRow } {
    if (!isWellFormedToken(token)) return { kind: 'unknown' };
    const row = getLink.get(hash(token)) as LinkRow | undefined;
    if (!row) return { kind: 'unknown' };
    if (row.usedAt !== null) return { kind: 'used' };
    if (Date.parse(row.expiresAt) <= now().getTime()) return { kind: 'expired' };
    return { kind: 'ok', row };
  }

  const redeem = db.transaction((token: string): Redeemed => {
    const found = lookLink(token);
    if (found.kind !== 'ok' || !found.row) return { kind: found.kind === 'ok' ? 'unknown' : found.kind } as Redeemed;
    const at = now();
    if (useLink.run(at.toISOString(), hash(token)).changes !== 1) return { kind: 'used' };
    const sessionId = newToken();
    const session: WebSession = {
      channel: found.row.channel,
      userId: found.row.userId,
      csrf: newToken(),
      expiresAt: new Date(at.getTime() + options.sessionTtlMinutes * 60_000),
    };
    insertSession.run(hash(sessionId), session.channel, session.userId, session.csrf, at.toISOString(), session.expiresAt.toISOString());
    return { kind: 'ok', sessionId, session };
  });

  return {
    issueLink(admin) {
      const at = now();
      const token = newToken();
      const expiresAt = new Date(at.getTime() + options.linkTtlMinutes * 60_000);
      sweepLinks.run(at.toISOString());
      insertLink.run(hash(token), admin.channel, admin.userId, at.toISOString(), expiresAt.toISOString());
      return { token, expiresAt };
    },
    peekLink: (token) => lookLink(token).kind,
    redeem: (token) => redeem.immediate(token),
    session(sessionId) {
      if (!isWellFormedToken(sessionId)) return undefined;
      const row = getSession.get(hash(sessionId)) as SessionRow | undefined;
      if (!row) return undefined;
      const expiresAt = new Date(row.expiresAt);
      if (expiresAt.getTime() <= now().getTime()) return undefined;
      return { channel: row.channel, userId: row.userId, csrf: row.csrf, expiresAt };
    },
    end: (sessionId) => {
      if (isWellFormedToken(sessionId)) endSession.run(hash(sessionId));
    },
    sweep() {
      const at = now().toISOString();
      sweepLinks.run(at);
      sweepSessions.run(at);
    },
  };
}

/** The access of the bot's database, with the link and session lifetimes of the configuration. */
export function webAccessFor(store: { db: Database.Database }, config: Pick<Config, 'adminPage'>, now?: () => Date): WebAccess {
  return createWebAccess(store.db, {
    linkTtlMinutes: config.adminPage.linkTtlMinutes,
    sessionTtlMinutes: config.adminPage.sessionMinutes,
    ...(now ? { now } : {}),
  });
}
