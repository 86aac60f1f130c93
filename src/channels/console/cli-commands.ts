/**
 * CLI: `chat [--user ID]`, the console chat on the configured database (`db …` is in src/store/cli-commands.ts).
 * Registered on the program by src/cli.ts.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { openStore } from '../../store/db.js';

async function chat(opts: { user?: string; name?: string; json?: boolean }): Promise<void> {
  // Loaded here so that `db …` does not pay for the knowledge base and the answer index.
  const [{ createAnswerer }, { createCore }, { loadKnowledge }, { runConsoleChat }, { BOT_COMMANDS }] = await Promise.all([
    import('../../answers/answerer.js'),
    import('../../dialog/core.js'),
    import('../../knowledge/loader.js'),
    import('./chat.js'),
    import('../../bot-commands.js'),
  ]);
  const config = loadConfig();
  const logger = createLogger(config);
  const store = openStore(config.databasePath);
  try {
    const knowledge = loadKnowledge();
    const answerer = createAnswerer(knowledge, { maxInputChars: config.maxInputChars });
    const core = createCore({ store, knowledge, answerer, config, logger, commands: BOT_COMMANDS });
    await runConsoleChat({ core, userId: opts.user, displayName: opts.name, json: opts.json === true });
  } finally {
    store.close();
  }
}

export function registerConsoleCommands(program: Command): void {
  program
    .command('chat')
    .description('Trò chuyện với trợ lý trên dòng lệnh (đọc từng dòng từ stdin, cùng cơ sở dữ liệu với bot)')
    .option('--user <id>', 'mã người dùng trên kênh console (mỗi mã có đăng ký và bản nháp riêng)', 'console')
    .option('--name <name>', 'tên hiển thị')
    .option('--json', 'mỗi dòng vào in ra đúng một đối tượng JSON {status, intent, answer, sources, options?}')
    .action(chat);

}
