/**
 * The log's look: pretty for a person at a terminal, JSON lines for a pipe or a file; secrets and
 * personal data stay out of both.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger, logFormatFor, stderrDestination, type LogDestination } from '../src/log.js';

const TOKEN = '987654:SECRET-bot-token-value';
const config = loadConfig({ LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: TOKEN });

function capture(isTTY: boolean): { destination: LogDestination; lines: string[] } {
  const lines: string[] = [];
  return { destination: { isTTY, write: (line: string) => void lines.push(line) }, lines };
}

function logSome(destination: LogDestination): void {
  const logger = createLogger(config, destination);
  logger.info({ event: 'started', channels: ['telegram'] }, 'bot started');
  logger.warn({ event: 'send-failed', url: `https://api.telegram.org/bot${TOKEN}/sendMessage`, text: 'Nguyễn Văn A, 0912345678' }, 'could not send');
}

describe('the log', () => {
  it('is pretty in a terminal: time, level and message on one readable line, no JSON', () => {
    const { destination, lines } = capture(true);
    logSome(destination);
    expect(lines).toHaveLength(2);
    const [started, failed] = lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(started).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: bot started\n/);
    expect(started).toContain('event: "started"');
    expect(failed).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: could not send\n/);
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it('is one JSON object per line in a pipe or a file', () => {
    const { destination, lines } = capture(false);
    logSome(destination);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ level: 30, msg: 'bot started', event: 'started' });
    expect(parsed[1]).toMatchObject({ level: 40, msg: 'could not send' });
  });

  it('keeps the token and personal data out of the pretty lines and the JSON lines alike', () => {
    for (const isTTY of [true, false]) {
      const { destination, lines } = capture(isTTY);
      logSome(destination);
      const all = lines.join('');
      expect(all).not.toContain(TOKEN);
      expect(all).toContain('https://api.telegram.org/bot[secret]/sendMessage');
      expect(all).not.toContain('Nguyễn Văn A');
      expect(all).not.toContain('0912345678');
      expect(all).toContain('[redacted]');
    }
  });

  it('chooses the format from whether stderr is a terminal', () => {
    expect(logFormatFor({ isTTY: true, write: () => undefined })).toBe('pretty');
    expect(logFormatFor({ isTTY: false, write: () => undefined })).toBe('json');
    expect(logFormatFor({ write: () => undefined })).toBe('json');
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const fd = openSync(join(dir, 'bot.log'), 'w');
    try {
      const file = stderrDestination(fd);
      expect(logFormatFor(file)).toBe('json');
      createLogger(config, file).info({ event: 'started' }, 'bot started');
      expect(JSON.parse(readFileSync(join(dir, 'bot.log'), 'utf8'))).toMatchObject({ msg: 'bot started' });
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
