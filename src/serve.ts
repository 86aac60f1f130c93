/**
 * CLI: `serve` (npm start) — runs the bot until SIGINT/SIGTERM, the end of the console input (no token
 * set), or a fatal channel error. A bad setting or a start-up failure prints one clear message and
 * exits 1. The app is imported only when the command runs, so other commands start fast.
 *
 * Shutdown always ends: stdout and stderr may be pipes whose reader is gone (`npm start | tee bot.log`
 * and Ctrl-C, which kills tee too), so a write error on them is ignored instead of crashing or hanging
 * the bot; and if stopping ever takes longer than the channels' grace period allows, the process ends
 * anyway with exit code 1.
 */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.js';
import { logStoreFault } from './store/fault-log.js';
import { StoreFault } from './store/faults.js';

/** The channels give their updates in flight 10 s; closing the server and the database comes on top. */
const SHUTDOWN_DEADLINE_MS = 20_000;

/** Nobody reads the output any more (EPIPE): nothing to tell anyone, and no reason to stop the bot. */
function ignoreOutputErrors(): void {
  const ignore = () => undefined;
  process.stdout.on('error', ignore);
  process.stderr.on('error', ignore);
}

async function serve(): Promise<void> {
  ignoreOutputErrors();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const { startApp } = await import('./app.js');
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(config);
  } catch (err) {
    if (err instanceof StoreFault) logStoreFault(err);
    process.stderr.write(`Không khởi động được bot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      // A second Ctrl-C: the user does not want to wait for the updates in flight.
      process.stderr.write('Dừng ngay theo yêu cầu.\n');
      process.exit(130);
    }
    signalled = true;
    setTimeout(() => {
      process.stderr.write(`Bot chưa dừng xong sau ${SHUTDOWN_DEADLINE_MS / 1000} giây: buộc dừng.\n`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.logger.info({ event: 'signal', signal }, 'signal received, finishing the updates in flight');
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const fatal = await app.done;
  if (signalled) return;
  if (fatal) process.stderr.write(`${fatal.message}\n`);
  await app.stop();
  process.exit(fatal ? 1 : 0);
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Chạy bot trên mọi kênh đã cấu hình token (Telegram, Zalo); không có token nào thì mở trò chuyện trên dòng lệnh')
    .action(serve);
}
