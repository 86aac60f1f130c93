/**
 * The one logger (pino). Secrets (bot tokens, webhook secrets) must never reach a log line, even
 * inside an error message or a URL that a library put into an error, so every line is scrubbed
 * of the configured secret values before it is written — and before it is made pretty.
 *
 * Where the lines go: stderr. In a terminal they are pretty (pino-pretty: time, level, message); in a
 * pipe or a file they stay one JSON object per line, for log tools. Writing them never blocks shutdown
 * or throws: a reader that went away (`npm start 2>&1 | tee bot.log`, then Ctrl-C kills tee) only ends
 * the logging, never the bot.
 */
import { isatty } from 'node:tty';
import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Config } from './config.js';

export type { Logger } from 'pino';

const REPLACEMENT = '[secret]';

/** Where log lines are written; `isTTY` says whether a person reads them in a terminal. */
export interface LogDestination {
  write(line: string): unknown;
  readonly isTTY?: boolean;
}

/** The secret values of a configuration: anything that must not be printed. */
export function secretsOf(config: Config): string[] {
  return [config.telegram.token, config.telegram.webhookSecret, config.zalo.token, config.zalo.webhookSecret].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
}

/** Replaces every occurrence of each secret in `text`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REPLACEMENT);
  return out;
}

/** Lines are held in memory at most up to this while the reader is slow; then new ones are dropped. */
const MAX_PENDING_BYTES = 1_000_000;

/**
 * stderr as a log destination (pino's sonic-boom). Synchronous, so no line is left in a buffer that a
 * flush at exit would have to push into a closed pipe: sonic-boom's exit flush retries such a write
 * forever, which is how `npm start 2>&1 | tee bot.log` then Ctrl-C used to hang after "shutting down".
 * A full pipe (EAGAIN) keeps the line for the next write instead of waiting; any other write error
 * (EPIPE, EBADF, EIO) means nobody reads any more: logging stops, quietly.
 */
export function stderrDestination(fd = 2): LogDestination {
  const stream = pino.destination({ dest: fd, sync: true, retryEAGAIN: () => false, maxLength: MAX_PENDING_BYTES });
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EAGAIN' || err.code === 'EBUSY') return;
    stream.write = () => true;
    stream.flushSync = () => undefined;
  });
  return { write: (line) => stream.write(line), isTTY: isatty(fd) };
}

/** A person reads a terminal; anything else (pipe, file, journald) gets JSON lines. */
export function logFormatFor(destination: LogDestination): 'pretty' | 'json' {
  return destination.isTTY === true ? 'pretty' : 'json';
}

export function createLogger(config: Pick<Config, 'logLevel'> & Partial<Config>, destination: LogDestination = stderrDestination()): Logger {
  const secrets = 'telegram' in config && config.telegram ? secretsOf(config as Config) : [];
  // Made pretty after scrubbing, so the pretty line is built from text that no longer holds a secret.
  const format = logFormatFor(destination) === 'pretty' ? prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' }) : undefined;
  const scrubbingStream: pino.DestinationStream = {
    write(line: string) {
      const clean = secrets.length ? scrub(line, secrets) : line;
      destination.write(format ? format(clean) : clean);
    },
  };
  return pino(
    {
      level: config.logLevel,
      base: { app: 'thidua-bot' },
      // Personal data never goes to logs: these keys are dropped wherever they appear.
      redact: {
        paths: ['text', 'phone', 'fullName', '*.text', '*.phone', '*.fullName', 'token', '*.token', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    scrubbingStream,
  );
}

/** A logger that discards everything (tests, one-shot CLI commands). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
