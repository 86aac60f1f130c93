/**
 * The database schema as an append-only list of migrations.
 *
 * Rules for everyone who adds to it:
 * - append a new entry at the end with the next `version` (1, 2, 3, … without gaps);
 * - never edit or reorder an entry that exists (databases in use have already run it);
 * - `up` is SQL (one or more statements) or a function for changes SQL alone cannot express.
 * Each migration runs in its own transaction and is recorded in `schema_migrations`.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  /** Short description shown by `cli db status`. */
  name: string;
  up: string | ((db: Database.Database) => void);
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'users, contacts, reports, conversation states, processed updates, question log, admins',
    up: `
      -- Everyone who ever wrote to the bot, per channel (chat id for replies outside an update).
      CREATE TABLE users (
        channel       TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        chat_id       TEXT NOT NULL,
        display_name  TEXT,
        first_seen_at TEXT NOT NULL,
        last_seen_at  TEXT NOT NULL,
        PRIMARY KEY (channel, user_id)
      ) WITHOUT ROWID;

      -- Registered unit contacts (đầu mối). One per channel user; re-registering updates the row.
      -- unit_key is the folded unit name: the identity of a unit within a plan.
      CREATE TABLE contacts (
        id         INTEGER PRIMARY KEY,
        channel    TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        chat_id    TEXT NOT NULL,
        full_name  TEXT NOT NULL,
        unit_name  TEXT NOT NULL,
        unit_key   TEXT NOT NULL,
        plan_id    TEXT NOT NULL,
        role       TEXT,
        phone      TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (channel, user_id)
      );
      CREATE INDEX contacts_plan_unit ON contacts (plan_id, unit_key);

      -- Submitted reports. Every submission is a row; a unit's second report for a year is version 2.
      -- answers: JSON object, report form field id → value (number, string or null when skipped).
      CREATE TABLE reports (
        id           INTEGER PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE,
        contact_id   INTEGER NOT NULL REFERENCES contacts (id),
        channel      TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        plan_id      TEXT NOT NULL,
        unit_name    TEXT NOT NULL,
        unit_key     TEXT NOT NULL,
        year         INTEGER NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        answers      TEXT NOT NULL CHECK (json_valid(answers)),
        submitted_at TEXT NOT NULL,
        UNIQUE (plan_id, unit_key, year, version)
      );
      CREATE INDEX reports_user ON reports (channel, user_id);
      CREATE INDEX reports_year_plan ON reports (year, plan_id);

      -- Conversation state (form drafts, pending questions), one row per channel user.
      CREATE TABLE conversation_states (
        channel    TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (json_valid(state)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel, user_id)
      ) WITHOUT ROWID;

      -- Inbound deliveries already handled (Telegram update_id, Zalo message_id).
      CREATE TABLE processed_updates (
        channel      TEXT NOT NULL,
        update_id    TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        PRIMARY KEY (channel, update_id)
      ) WITHOUT ROWID;
      CREATE INDEX processed_updates_time ON processed_updates (processed_at);

      -- Questions the bot could not answer outright, for admins. No user id: only what was asked.
      CREATE TABLE question_log (
        id       INTEGER PRIMARY KEY,
        asked_at TEXT NOT NULL,
        channel  TEXT NOT NULL,
        status   TEXT NOT NULL CHECK (status IN ('not_found', 'clarify')),
        intent   TEXT NOT NULL,
        plan_id  TEXT,
        text     TEXT NOT NULL
      );
      CREATE INDEX question_log_time ON question_log (asked_at);

      -- Admins added at run time (ADMIN_IDS from the environment are admins too).
      CREATE TABLE admins (
        channel  TEXT NOT NULL,
        user_id  TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (channel, user_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'channel message counts per month (Zalo quota)',
    up: `
      -- Messages through a channel per calendar month (YYYY-MM in the bot's time zone), for platform
      -- quotas (Zalo: a monthly message allowance). quota_warned_at: when admins were warned this month.
      CREATE TABLE channel_message_counts (
        channel         TEXT NOT NULL,
        month           TEXT NOT NULL,
        sent            INTEGER NOT NULL DEFAULT 0,
        received        INTEGER NOT NULL DEFAULT 0,
        quota_warned_at TEXT,
        PRIMARY KEY (channel, month)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'deadline reminders sent (one per contact, deadline, year and days before)',
    up: `
      -- Each reminder is claimed here before it is sent, so a restart or a second run never sends it twice.
      -- deadline_key: plan|section|when (src/reports/deadlines.ts); offset_days: days before the deadline.
      -- status: sending (claimed; stays so if the process died mid-send), sent, blocked (the user blocked
      -- the bot or the chat is gone), failed (any other refusal). error: the platform's short reason.
      CREATE TABLE reminders_sent (
        id            INTEGER PRIMARY KEY,
        contact_id    INTEGER NOT NULL REFERENCES contacts (id),
        plan_id       TEXT NOT NULL,
        deadline_key  TEXT NOT NULL,
        year          INTEGER NOT NULL,
        offset_days   INTEGER NOT NULL,
        deadline_date TEXT NOT NULL,
        channel       TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'blocked', 'failed')),
        error         TEXT,
        claimed_at    TEXT NOT NULL,
        finished_at   TEXT,
        UNIQUE (contact_id, deadline_key, year, offset_days)
      );
      CREATE INDEX reminders_sent_claimed ON reminders_sent (claimed_at);
    `,
  },
  {
    version: 4,
    name: 'Telegram chats that carry the admin commands menu',
    up: `
      -- Telegram cannot be asked which chats have a scoped commands menu, and a removed admin is in no
      -- list any more: the channel records here where it set the admin menu, to delete it later.
      -- IF NOT EXISTS: databases from before this migration may hold the table, created by the channel.
      CREATE TABLE IF NOT EXISTS telegram_admin_menus (
        chat_id TEXT PRIMARY KEY,
        set_at  TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'inbox and outbox: every update stored before it is acknowledged, every reply before it is sent',
    up: `
      -- Every update a platform delivered, stored before the channel acknowledges it (the webhook's 200,
      -- the poller's next offset), with the delivery as received so a crash before handling is resumed
      -- at start. The row is also the dedup claim: a second delivery of the same id finds it. Once
      -- handled, the payload (the user's words) is dropped; the id stays a month against redeliveries.
      CREATE TABLE inbox (
        seq         INTEGER PRIMARY KEY,
        channel     TEXT NOT NULL,
        update_id   TEXT NOT NULL,
        payload     TEXT,
        received_at TEXT NOT NULL,
        handled_at  TEXT,
        UNIQUE (channel, update_id)
      );
      CREATE INDEX inbox_waiting ON inbox (channel, seq) WHERE handled_at IS NULL;
      CREATE INDEX inbox_received ON inbox (received_at);
      INSERT INTO inbox (channel, update_id, payload, received_at, handled_at)
        SELECT channel, update_id, NULL, processed_at, processed_at FROM processed_updates;
      DROP TABLE processed_updates;

      -- Every reply, stored in the same commit as the state change that produced it and sent from here
      -- by the channel's paced sender, which marks it delivered (or failed, when the platform refuses
      -- the chat for good). Undelivered rows are sent after a restart.
      CREATE TABLE outbox (
        id           INTEGER PRIMARY KEY,
        channel      TEXT NOT NULL,
        chat_id      TEXT NOT NULL,
        update_id    TEXT,
        message      TEXT NOT NULL,
        document     BLOB,
        created_at   TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        delivered_at TEXT,
        failed_at    TEXT
      );
      CREATE INDEX outbox_waiting ON outbox (channel, id) WHERE delivered_at IS NULL AND failed_at IS NULL;
      CREATE INDEX outbox_created ON outbox (created_at);
    `,
  },
  {
    version: 6,
    name: 'Zalo user limit notices told to admins',
    up: `
      -- The Zalo free plan allows a limited number of users per bot (50). Admins are told once when 80 %
      -- and once when 100 % of the limit have written to the bot: each notice is claimed here first, so a
      -- restart never repeats it. Keyed by the limit too: a new limit (a paid plan) starts afresh.
      CREATE TABLE zalo_user_limit_notices (
        user_limit INTEGER NOT NULL,
        percent    INTEGER NOT NULL,
        users      INTEGER NOT NULL,
        told_at    TEXT NOT NULL,
        PRIMARY KEY (user_limit, percent)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'notices before a form draft expires (one per draft and expiry)',
    up: `
      -- A day before an unfinished report or registration expires (DRAFT_TTL_DAYS after the user's last
      -- message) its owner is told; the notice is claimed here first, like a deadline reminder, so that
      -- no restart or second run sends it twice. A draft is its user and its start (flow.startedAt);
      -- expires_at is the expiry the notice announces: a draft taken up again after the notice and left
      -- again has a new expiry, and gets one notice before that one too.
      CREATE TABLE draft_notices_sent (
        id               INTEGER PRIMARY KEY,
        channel          TEXT NOT NULL,
        user_id          TEXT NOT NULL,
        flow             TEXT NOT NULL,
        draft_started_at TEXT NOT NULL,
        expires_at       TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'blocked', 'failed')),
        error            TEXT,
        claimed_at       TEXT NOT NULL,
        finished_at      TEXT,
        UNIQUE (channel, user_id, draft_started_at, expires_at)
      );
      -- The notice run looks up the drafts idle for about DRAFT_TTL_DAYS.
      CREATE INDEX conversation_states_updated ON conversation_states (updated_at);
    `,
  },
  {
    version: 8,
    name: 'admin web page: one-time sign-in links and sessions',
    up: `
      -- /quantri hands an admin a short-lived link; opening it once starts a session kept in a cookie.
      -- Only hashes (SHA-256) of the link token and of the session id are stored: a copy of the
      -- database opens no page. Rows are bound to the admin (channel, user id); each request checks
      -- that person against the current admin list, so removing an admin ends the session.
      CREATE TABLE web_links (
        token_hash TEXT PRIMARY KEY,
        channel    TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at    TEXT
      ) WITHOUT ROWID;
      CREATE TABLE web_sessions (
        id_hash    TEXT PRIMARY KEY,
        channel    TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        csrf       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  // Append new migrations here (next version: 9).
];
