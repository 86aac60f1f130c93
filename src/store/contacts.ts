/**
 * Registered unit contacts (đầu mối). One row per channel user; registering again updates it.
 * A unit is identified within its plan by its folded name (`unitKey`), so "UBND xã An Phú" and
 * "ubnd xa an phu" are the same unit.
 */
import type Database from 'better-sqlite3';
import type { ChannelName } from '../config.js';
import { fold } from '../text/normalize.js';

export interface Contact {
  id: number;
  channel: ChannelName;
  userId: string;
  chatId: string;
  fullName: string;
  unitName: string;
  unitKey: string;
  planId: string;
  role: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  channel: ChannelName;
  userId: string;
  chatId: string;
  fullName: string;
  unitName: string;
  planId: string;
  role?: string | null;
  phone?: string | null;
  at: Date;
}

export interface ContactsRepo {
  /** Creates or updates the user's registration and returns it. */
  upsert(input: ContactInput): Contact;
  get(channel: ChannelName, userId: string): Contact | undefined;
  byId(id: number): Contact | undefined;
  /** All contacts, optionally of one plan, ordered by plan then unit. */
  list(filter?: { planId?: string }): Contact[];
  /** The contacts who report for one unit of a plan (the unit as `unitKeyOf` names it), oldest first. */
  ofUnit(planId: string, unitKey: string): Contact[];
  count(): number;
}

/** The identity of a unit name: folded, so spelling with or without diacritics compares equal. */
export function unitKeyOf(unitName: string): string {
  return fold(unitName);
}

const COLUMNS = `id, channel, user_id AS userId, chat_id AS chatId, full_name AS fullName, unit_name AS unitName,
  unit_key AS unitKey, plan_id AS planId, role, phone, created_at AS createdAt, updated_at AS updatedAt`;

export function createContactsRepo(db: Database.Database): ContactsRepo {
  const upsert = db.prepare(`
    INSERT INTO contacts (channel, user_id, chat_id, full_name, unit_name, unit_key, plan_id, role, phone, created_at, updated_at)
    VALUES (@channel, @userId, @chatId, @fullName, @unitName, @unitKey, @planId, @role, @phone, @at, @at)
    ON CONFLICT (channel, user_id) DO UPDATE SET
      chat_id = excluded.chat_id, full_name = excluded.full_name, unit_name = excluded.unit_name,
      unit_key = excluded.unit_key, plan_id = excluded.plan_id, role = excluded.role, phone = excluded.phone,
      updated_at = excluded.updated_at`);
  const byUser = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE channel = ? AND user_id = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM contacts ORDER BY plan_id, unit_key, id`);
  const ofPlan = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE plan_id = ? ORDER BY unit_key, id`);
  const ofUnit = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE plan_id = ? AND unit_key = ? ORDER BY created_at, id`);
  const countAll = db.prepare('SELECT count(*) FROM contacts').pluck();
  return {
    upsert(input) {
      upsert.run({
        channel: input.channel,
        userId: input.userId,
        chatId: input.chatId,
        fullName: input.fullName,
        unitName: input.unitName,
        unitKey: unitKeyOf(input.unitName),
        planId: input.planId,
        role: input.role ?? null,
        phone: input.phone ?? null,
        at: input.at.toISOString(),
      });
      return byUser.get(input.channel, input.userId) as Contact;
    },
    get: (channel, userId) => byUser.get(channel, userId) as Contact | undefined,
    byId: (id) => byId.get(id) as Contact | undefined,
    list: (filter) => (filter?.planId ? ofPlan.all(filter.planId) : all.all()) as Contact[],
    ofUnit: (planId, unitKey) => ofUnit.all(planId, unitKey) as Contact[],
    count: () => countAll.get() as number,
  };
}
