/**
 * The one logger (pino). Secrets (bot tokens, webhook secrets) must never reach a log line, even
 * inside an error message or a URL that a library put into an error, so every line is scrubbed
 * of the configured secret values before it is written.
 */
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

const REPLACEMENT = '[secret]';

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

export function createLogger(
  config: Pick<Config, 'logLevel'> & Partial<Config>,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  const secrets = 'telegram' in config && config.telegram ? secretsOf(config as Config) : [];
  const scrubbingStream: pino.DestinationStream = {
    write(line: string) {
      destination.write(secrets.length ? scrub(line, secrets) : line);
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
