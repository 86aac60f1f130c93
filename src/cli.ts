#!/usr/bin/env node
/**
 * Command-line entry (commander): chat | ask | serve | export | import | plans | db | admin | remind | export-questions.
 * Each part of the bot registers its own commands; this file only assembles them.
 */
import { Command } from 'commander';
import { logStoreFault } from './store/fault-log.js';
import { StoreFault } from './store/faults.js';
import { registerKnowledgeCommands } from './knowledge/cli-commands.js';
import { registerConsoleCommands } from './channels/console/cli-commands.js';
import { registerAskCommands } from './answers/cli-commands.js';
import { registerServeCommands } from './serve.js';
import { registerAdminCommands } from './admin/cli-commands.js';
import { registerStoreCommands } from './store/cli-commands.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('thidua-bot')
    .description('Trợ lý Phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” 2023–2030')
    .showHelpAfterError();
  registerKnowledgeCommands(program);
  registerConsoleCommands(program);
  registerStoreCommands(program);
  registerAskCommands(program);
  registerServeCommands(program);
  registerAdminCommands(program);
  return program;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts');
if (isMain) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      if (err instanceof StoreFault) logStoreFault(err);
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
