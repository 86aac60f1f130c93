/**
 * Which entry the bot starts from: dist/cli.js when dist/ was built from the sources as they are now
 * (its stamp is newer than every file under src/), else src/cli.ts through tsx's loader. An edit to the
 * sources never runs stale code: until `npm run build`, the sources run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Written by scripts/build.mjs into dist/ once the build is complete. */
export const STAMP = '.build-stamp';

/** The newest modification time of any file under `dir`, in ms. */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return max;
}

/** @param {string} root the repository's folder @returns {{ compiled: boolean, entry: string }} */
export function chooseEntry(root) {
  const stamp = path.join(root, 'dist', STAMP);
  const compiled = existsSync(stamp) && existsSync(path.join(root, 'dist', 'cli.js')) && statSync(stamp).mtimeMs >= newest(path.join(root, 'src'));
  return { compiled, entry: path.join(root, compiled ? path.join('dist', 'cli.js') : path.join('src', 'cli.ts')) };
}
