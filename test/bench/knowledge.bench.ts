/**
 * Knowledge base: how long loading and validating the six plans takes (once per start-up), and how long
 * the importer needs per document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlan } from '../../src/knowledge/importer/import-plan.js';
import { DEFAULT_DATA_DIR, loadKnowledge } from '../../src/knowledge/loader.js';

function timeMs(fn: () => void, runs: number): { median: number; p95: number } {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export default async function (): Promise<{ title: string; markdown: string }> {
  const plans = loadKnowledge().plans;
  const load = timeMs(() => loadKnowledge(), 50);
  const rows = plans.map((p) => {
    const text = readFileSync(join(DEFAULT_DATA_DIR, 'sources', p.source.file), 'utf8');
    const t = timeMs(() => importPlan(text, { fileName: p.source.file, fromLine: p.source.fromLine, toLine: p.source.toLine, id: p.id }), 50);
    return `| import ${p.id} (${p.source.toLine - p.source.fromLine + 1} lines) | ${t.median.toFixed(2)} | ${t.p95.toFixed(2)} |`;
  });
  const markdown = [
    '| operation | median ms | p95 ms |',
    '|---|---|---|',
    `| loadKnowledge(): read + zod-validate + cross-check 6 plans | ${load.median.toFixed(2)} | ${load.p95.toFixed(2)} |`,
    ...rows,
    '',
    '50 timed runs after 3 warm-up runs each, in one process.',
  ].join('\n');
  return { title: 'Knowledge base: load and import', markdown };
}
