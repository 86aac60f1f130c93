/**
 * The console chat: one line in, the bot's replies out, through the same core and database as the
 * real channels. Works interactively (with a prompt) and piped (no prompt, exits at end of input).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core, Outbound } from '../../dialog/types.js';
import { renderOutbound } from './render.js';

export interface ConsoleChatOptions {
  core: Core;
  input?: Readable;
  output?: Writable;
  /** The console user's id (default "console"); each id has its own registration and drafts. */
  userId?: string;
  displayName?: string;
  /** Show a "> " prompt and a first hint (default: when input is a terminal). */
  interactive?: boolean;
  /** Where documents (admin exports) and photos (the /thongke chart) are written (default: a folder in the OS temp dir). */
  documentsDir?: string;
  /** One JSON object per input line (`chat --json`, the contract in DESIGN.md) instead of plain text. */
  json?: boolean;
}

/** One turn as `chat --json` prints it: what the user saw, and what kind of turn it was. */
export function turnJson(rendered: readonly string[], replies: readonly Outbound[]): Record<string, unknown> {
  const meta = replies.find((r) => r.answer)?.answer;
  const status = meta?.status ?? 'reply';
  const out: Record<string, unknown> = {
    status,
    intent: meta?.intent ?? 'none',
    answer: rendered.join('\n\n'),
    sources: meta?.sources ?? [],
  };
  if (meta?.options?.length) out.options = meta.options;
  return out;
}

/** Writes the reply's file (a document or a photo) to `dir`; its path, or undefined when it has none. */
function saveDocument(dir: string, message: Outbound): string | undefined {
  const file = message.document ?? message.photo;
  if (!file) return undefined;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, basename(file.filename));
  writeFileSync(path, file.content);
  return path;
}

/** Runs until the input ends (Ctrl-D, end of the pipe). Resolves when every line has been answered. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const userId = options.userId ?? 'console';
  const json = options.json === true;
  const interactive = !json && (options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY));
  const documentsDir = options.documentsDir ?? join(tmpdir(), 'thidua-bot');
  const write = (s: string) => output.write(s);

  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  if (interactive) write('Trò chuyện với trợ lý (gõ /batdau để bắt đầu, Ctrl-D để thoát).\n> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text === '' && !json) {
      if (interactive) write('> ');
      continue;
    }
    const replies = await options.core.handle({
      channel: 'console',
      userId,
      chatId: userId,
      chatType: 'private',
      text,
      displayName: options.displayName,
    });
    const rendered = replies.map((r) => renderOutbound(r, saveDocument(documentsDir, r)));
    if (json) write(`${JSON.stringify(turnJson(rendered, replies))}\n`);
    else for (const r of rendered) write(`${r}\n\n`);
    if (interactive) write('> ');
  }
  if (interactive) write('\n');
}
