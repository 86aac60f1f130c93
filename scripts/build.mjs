#!/usr/bin/env node
/**
 * Builds dist/: the sources compiled to JavaScript (tsconfig.build.json) and the files the web pages read
 * beside their module (src/web/views). The bot starts from dist/ when it is up to date (bin/thidua.mjs):
 * compiling on the fly takes about half a second of every start. Run by `npm ci` (`prepare`) and by
 * `npm run build`. Without TypeScript installed (an install that left out the dev dependencies), it
 * builds nothing and the bot runs from the sources.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP } from '../bin/launch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('build: TypeScript is not installed; the bot will run from the sources (src/).\n');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  // No stamp: the launcher keeps to the sources rather than a half-built dist/.
  process.stderr.write('build: tsc failed; the bot will run from the sources (src/).\n');
  process.exit(r.status ?? 1);
}
cpSync(path.join(root, 'src', 'web', 'views'), path.join(dist, 'web', 'views'), { recursive: true });
// Written last: its time says which sources the build is of.
writeFileSync(path.join(dist, STAMP), `${new Date().toISOString()}\n`);
