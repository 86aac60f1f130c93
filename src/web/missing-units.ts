/**
 * The "Chưa báo cáo" page's list: per plan, the registered units without a report for the year, each
 * with its contacts — one SQL query over the contacts (the same "missing" as /chuanop and the report
 * table: no version of any report of that unit in that plan and year).
 */
import type Database from 'better-sqlite3';
import type { Knowledge } from '../knowledge/loader.js';
import type { Plan } from '../knowledge/schema.js';
import type { Contact } from '../store/contacts.js';

export interface MissingUnit {
  unitKey: string;
  /** As written by the contact who updated the registration last. */
  unitName: string;
  contacts: Contact[];
}

export interface MissingOfPlan {
  planId: string;
  plan: Plan | undefined;
  missing: MissingUnit[];
}

export function createMissingUnits(db: Database.Database, knowledge: Knowledge) {
  const statement = db.prepare(`
    SELECT id, channel, user_id AS userId, chat_id AS chatId, full_name AS fullName, unit_name AS unitName,
      unit_key AS unitKey, plan_id AS planId, role, phone, created_at AS createdAt, updated_at AS updatedAt
    FROM contacts c
    WHERE (@planId IS NULL OR plan_id = @planId)
      AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.plan_id = c.plan_id AND r.unit_key = c.unit_key AND r.year = @year)
    ORDER BY plan_id, unit_key, id`);

  /** Plans in the knowledge base's order (then plans only contacts still name); plans with nothing missing are left out. */
  return function missingUnits(opts: { year: number; planId?: string }): MissingOfPlan[] {
    const byPlan = new Map<string, Map<string, MissingUnit>>();
    for (const c of statement.all({ year: opts.year, planId: opts.planId ?? null }) as Contact[]) {
      const units = byPlan.get(c.planId) ?? new Map<string, MissingUnit>();
      byPlan.set(c.planId, units);
      const unit = units.get(c.unitKey);
      if (!unit) units.set(c.unitKey, { unitKey: c.unitKey, unitName: c.unitName, contacts: [c] });
      else {
        // The name as the contact who updated the registration last wrote it (as /thongke and /chuanop).
        if (c.updatedAt > unit.contacts.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a)).updatedAt) unit.unitName = c.unitName;
        unit.contacts.push(c);
      }
    }
    const order = [...knowledge.plans.map((p) => p.id), ...[...byPlan.keys()].filter((id) => !knowledge.plan(id)).sort()];
    return order.filter((id) => byPlan.has(id)).map((planId) => ({ planId, plan: knowledge.plan(planId), missing: [...byPlan.get(planId)!.values()] }));
  };
}
