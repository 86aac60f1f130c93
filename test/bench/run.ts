/**
 * `npm run bench`: runs every test/bench/*.bench.ts (each exports
 * `default async function (): Promise<{ title: string; markdown: string }>`) one after another and writes
 * their sections, with the machine and the command, to BENCHMARKS.md at the repository root.
 * `npm run bench -- answers` runs only the files whose name contains "answers" and prints their sections
 * instead: BENCHMARKS.md is only ever written by a full run, so it never holds a partial set of figures.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Section {
  title: string;
  markdown: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function machine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} logical cores`,
    `- RAM: ${gib} GiB`,
    `- Node.js: ${process.version} (${os.platform()} ${os.arch()}, ${os.release()})`,
  ].join('\n');
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}`);
  const sections: Section[] = [];
  let failed = 0;
  for (const file of files) {
    process.stderr.write(`bench: ${file}…\n`);
    const started = performance.now();
    try {
      const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { default: () => Promise<Section> };
      sections.push(await mod.default());
      process.stderr.write(`bench: ${file} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      // One broken benchmark must not hide the others' figures: it gets a section saying so.
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      sections.push({ title: `${file} (failed)`, markdown: `This benchmark failed: \`${message.split('\n')[0]}\`` });
      process.stderr.write(`bench: ${file} FAILED: ${err instanceof Error ? (err.stack ?? message) : message}\n`);
    }
  }
  const command = `npm run bench${filters.length ? ` -- ${filters.join(' ')}` : ''}`;
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (test/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}. Figures are from one run on this machine; rerun to compare.`,
    '',
    machine(),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.markdown.trim(), '']),
  ].join('\n');
  if (filters.length > 0) {
    process.stdout.write(`${doc}\n`);
  } else {
    writeFileSync(path.join(root, 'BENCHMARKS.md'), doc);
    process.stderr.write(`bench: wrote BENCHMARKS.md (${sections.length} sections)\n`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
