/**
 * The real bot process, as `npm start` runs it: `node --import tsx src/cli.ts serve`. Node itself, not
 * the tsx CLI: that one stands between a signal and the bot, and kills the bot with SIGKILL when it is
 * too busy to acknowledge the signal within a few dozen milliseconds (exit code 130 under load).
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const SERVE = ['--import', 'tsx', 'src/cli.ts', 'serve'];

export interface BotProcessOptions {
  /** Default: stdin ignored, stdout and stderr piped. */
  stdio?: StdioOptions;
  /** Its own process group (kill it whole with `process.kill(-pid)`). */
  detached?: boolean;
  /** Runs it under `ulimit -n` (the soft limit of open files). */
  openFiles?: number;
}

/** Spawns the bot with a clean environment: PATH, HOME, TZ and LOG_LEVEL=info, then `env`. */
export function spawnBot(env: Record<string, string>, options: BotProcessOptions = {}): ChildProcess {
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'Asia/Ho_Chi_Minh', LOG_LEVEL: 'info', ...env };
  const spawnOptions = { cwd: ROOT, env: fullEnv, stdio: options.stdio ?? (['ignore', 'pipe', 'pipe'] as StdioOptions), detached: options.detached ?? false };
  if (options.openFiles === undefined) return spawn(process.execPath, SERVE, spawnOptions);
  // `exec` keeps one process: signals go straight to the bot.
  return spawn('bash', ['-c', `ulimit -n ${options.openFiles} && exec "${process.execPath}" ${SERVE.join(' ')}`], spawnOptions);
}
