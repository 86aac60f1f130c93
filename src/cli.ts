#!/usr/bin/env node
/**
 * Command-line entry (commander): chat | ask | serve | export | import | plans | db | admin | remind | export-questions.
 * Each part of the bot registers its own commands; this file only assembles them.
 */
import { Command } from 'commander';
import { logStoreFault } from './store/fault-log.js';
import { StoreFault } from './store/faults.js';

type Registrar = (program: Command) => void;

/**
 * Each part of the bot and the commands it registers. A command loads only its own part: "ask" need not
 * load the spreadsheet writers, nor "serve" the plan importer. Help, or a command none knows, loads all.
 */
const PARTS: ReadonlyArray<{ commands: readonly string[]; load: () => Promise<Registrar> }> = [
  { commands: ['import', 'plans'], load: async () => (await import('./knowledge/cli-commands.js')).registerKnowledgeCommands },
  { commands: ['chat'], load: async () => (await import('./channels/console/cli-commands.js')).registerConsoleCommands },
  { commands: ['db'], load: async () => (await import('./store/cli-commands.js')).registerStoreCommands },
  { commands: ['ask'], load: async () => (await import('./answers/cli-commands.js')).registerAskCommands },
  { commands: ['serve'], load: async () => (await import('./serve.js')).registerServeCommands },
  { commands: ['export', 'export-questions', 'admin', 'remind'], load: async () => (await import('./admin/cli-commands.js')).registerAdminCommands },
];

/** The program with the parts `command` needs (all of them when it is undefined or unknown). */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command();
  program
    .name('thidua-bot')
    .description('Trợ lý Phong trào thi đua “Xây dựng xã hội học tập, đẩy mạnh học tập suốt đời” 2023–2030')
    .showHelpAfterError();
  const own = PARTS.filter((p) => command !== undefined && p.commands.includes(command));
  for (const part of own.length ? own : PARTS) (await part.load())(program);
  return program;
}

/** Runs the command line (bin/thidua.mjs calls it; so does this module when run itself). */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await (await buildProgram(argv[2])).parseAsync([...argv]);
  } catch (err: unknown) {
    if (err instanceof StoreFault) logStoreFault(err);
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts');
if (isMain) void runCli(process.argv);
