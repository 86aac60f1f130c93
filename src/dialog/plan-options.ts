/**
 * The plans as choices (registration's "which plan" field, "which plan?" after a question): id
 * "plan:<id>", the plan's short name as label, and the names users type for it (locality, number,
 * issuer) as aliases.
 */
import { placeInitials } from '../answers/format.js';
import type { Knowledge } from '../knowledge/loader.js';
import type { Plan } from '../knowledge/schema.js';
import type { FieldOption, FormEnv } from './forms/engine.js';

export const PLAN_CHOICE_PREFIX = 'plan:';

export function planAliases(plan: Plan): string[] {
  // The initials are only ever matched as a whole answer to a menu ("TN").
  const aliases = [plan.locality.name, plan.issuer.name, placeInitials(plan.locality.name)];
  if (plan.locality.district) aliases.push(plan.locality.district);
  if (plan.number) {
    aliases.push(plan.number);
    const head = plan.number.split('/')[0];
    if (head) aliases.push(head, `kh ${head}`, `ke hoach ${head}`, `cv ${head}`, `cong van ${head}`);
  }
  return aliases;
}

export function planOptions(knowledge: Pick<Knowledge, 'plans'>): FieldOption[] {
  return knowledge.plans.map((p) => ({
    id: `${PLAN_CHOICE_PREFIX}${p.id}`,
    label: p.shortName,
    aliases: planAliases(p),
    value: p.id,
  }));
}

export function formEnvOf(knowledge: Pick<Knowledge, 'plans'>): FormEnv {
  let plans: FieldOption[] | undefined;
  return {
    options(field) {
      if (field.options === 'plans') return (plans ??= planOptions(knowledge));
      return [];
    },
  };
}

/** "Kế hoạch số 62/KH-UBND … Thái Bình", or the id when the plan is no longer in the data. */
export function planName(knowledge: Pick<Knowledge, 'plan'>, planId: string): string {
  return knowledge.plan(planId)?.shortName ?? planId;
}
