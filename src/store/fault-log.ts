/**
 * A database fault that stops a command or the start-up: SQLite's own words (English) go to the log
 * only, while the operator reads the Vietnamese message on stderr.
 */
import { loadConfig, type Config } from '../config.js';
import { createLogger } from '../log.js';
import { faultLogFields, type StoreFault } from './faults.js';

export function logStoreFault(err: StoreFault): void {
  let logLevel: Config['logLevel'] = 'info';
  try {
    logLevel = loadConfig().logLevel;
  } catch {
    // A bad setting has its own message; the fault is still logged.
  }
  createLogger({ logLevel }).error({ event: 'store-fault', path: err.path, ...faultLogFields(err) }, 'database fault');
}
