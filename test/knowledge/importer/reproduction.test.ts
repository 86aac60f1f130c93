/**
 * How much of each committed plan the importer reproduces on its own (the rest was curated by hand).
 * Prints the figures; the floors below are the measured values rounded down, so a change that makes
 * the importer worse fails here.
 *
 * Honest reading: the importer was written while looking at these six documents, so these are
 * in-sample figures. test/knowledge/importer/import-plan.test.ts checks a plan it has never seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/knowledge/importer/import-plan.js';
import { DEFAULT_DATA_DIR, loadKnowledge } from '../../../src/knowledge/loader.js';
import { planSchema, type Plan } from '../../../src/knowledge/schema.js';
import { walkSections } from '../../../src/knowledge/sections.js';

interface Score {
  matched: number;
  total: number;
}

/** Share of the committed entries (by key) that the imported plan has too. */
function score<T>(committed: readonly T[], imported: readonly T[], key: (x: T) => string): Score {
  const have = new Set(imported.map(key));
  return { matched: committed.filter((x) => have.has(key(x))).length, total: committed.length };
}

const metaKeys = ['kind', 'number', 'date', 'shortName', 'title', 'issuer', 'locality', 'period', 'basis', 'signer', 'recipients', 'header'] as const;

function measure(plan: Plan) {
  const text = readFileSync(join(DEFAULT_DATA_DIR, 'sources', plan.source.file), 'utf8');
  const imported = planSchema.parse(
    importPlan(text, { fileName: plan.source.file, fromLine: plan.source.fromLine, toLine: plan.source.toLine, id: plan.id }).plan,
  );
  const nodes = (p: Plan) => [...walkSections(p.sections)].map((w) => w.node);
  const awardItems = (p: Plan) => p.awards.flatMap((a) => a.items.map((item) => ({ section: a.section, item })));
  const deadlineKey = (d: Plan['deadlines'][number]) => `${d.section}|${d.kind}|${JSON.stringify(d.when)}`;
  return {
    metadata: score(
      metaKeys.map((k) => [k, JSON.stringify(plan[k])]),
      metaKeys.map((k) => [k, JSON.stringify(imported[k])]),
      ([k, v]) => `${k}=${v}`,
    ),
    sections: score(nodes(plan), nodes(imported), (n) => `${n.id}|${n.heading}`),
    sectionTexts: score(nodes(plan), nodes(imported), (n) => `${n.id}|${n.heading}|${n.text}`),
    criteriaGroups: score(plan.criteria, imported.criteria, (c) => JSON.stringify([c.key, c.label, c.section, c.items])),
    awardItems: score(awardItems(plan), awardItems(imported), (a) => `${a.section}|${a.item}`),
    deadlines: score(plan.deadlines, imported.deadlines, deadlineKey),
    deadlineParties: score(plan.deadlines, imported.deadlines, (d) => `${deadlineKey(d)}|${d.from}|${d.to}`),
    phases: score(plan.phases, imported.phases, (p) => JSON.stringify(p)),
    responsibilities: score(plan.responsibilities, imported.responsibilities, (r) => JSON.stringify(r)),
  };
}

type Metric = keyof ReturnType<typeof measure>;

/** Floors over all six plans together, in percent (measured, rounded down). */
const FLOORS: Record<Metric, number> = {
  metadata: 100,
  sections: 100,
  sectionTexts: 100,
  criteriaGroups: 100,
  awardItems: 100,
  deadlines: 100,
  deadlineParties: 45,
  phases: 100,
  responsibilities: 95,
};

const pct = (s: Score) => (s.total === 0 ? 100 : (100 * s.matched) / s.total);

describe('importer reproduction of the committed plans', () => {
  const plans = loadKnowledge().plans;
  const results = plans.map((p) => ({ id: p.id, m: measure(p) }));
  const metrics = Object.keys(FLOORS) as Metric[];

  const rows = results.map(({ id, m }) => [id, ...metrics.map((k) => `${m[k].matched}/${m[k].total}`)]);
  const totals = metrics.map((k) => {
    const matched = results.reduce((n, r) => n + r.m[k].matched, 0);
    const total = results.reduce((n, r) => n + r.m[k].total, 0);
    return { matched, total };
  });
  rows.push(['all', ...totals.map((t) => `${t.matched}/${t.total} (${pct(t).toFixed(1)}%)`)]);
  const table = [['plan', ...metrics], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log(`Importer reproduction (matched/committed):\n${table.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')}`);

  it.each(metrics.map((k, i) => [k, totals[i]!] as const))('%s stays at or above its floor', (metric, total) => {
    expect(total.total).toBeGreaterThan(0);
    expect(pct(total)).toBeGreaterThanOrEqual(FLOORS[metric]);
  });
});
