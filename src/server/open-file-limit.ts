/**
 * How many files (sockets included) this process may hold open: the soft RLIMIT_NOFILE, read from
 * /proc/self/limits (Node has no API for it). Undefined where that file does not exist or says unlimited.
 */
import { readFileSync } from 'node:fs';

export function openFileLimit(limitsFile = '/proc/self/limits'): number | undefined {
  let text: string;
  try {
    text = readFileSync(limitsFile, 'utf8');
  } catch {
    return undefined;
  }
  const soft = /^Max open files\s+(\d+)/m.exec(text)?.[1];
  return soft === undefined ? undefined : Number(soft);
}
