/**
 * Work that would block the event loop (ECharts laying out a chart, docx writing a whole document in one
 * synchronous step), run in a worker thread instead, so the bot keeps answering meanwhile. One task is one
 * module whose `run(input)` does the work; its worker starts on first use and stays, unref'd (it never
 * keeps the process alive), so only the first call pays for loading the module. A worker that dies is
 * started again on the next call; the calls it had in hand fail with its error.
 * Run from the sources (npm start, the CLI, the tests), the worker registers tsx's loader before it
 * loads the TypeScript module: a worker does not inherit the loader the main thread was started with.
 */
import { Worker } from 'node:worker_threads';

type Reply = { id: number; ok: true; output: unknown } | { id: number; ok: false; message: string };

export interface WorkerTask<I, O> {
  run(input: I): Promise<O>;
  /** Stops the worker (the next call starts a new one). */
  close(): Promise<void>;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY_URL = new URL(FROM_SOURCE ? './task-worker.ts' : './task-worker.js', import.meta.url).href;
const BOOTSTRAP = FROM_SOURCE
  ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY_URL)}); });`
  : `import(${JSON.stringify(ENTRY_URL)});`;

/**
 * `module`: the task's module, without its extension, relative to `base` (the caller's `import.meta.url`):
 * `workerTask('./draw-task', import.meta.url, 'biểu đồ')`. `name` starts the message of a failure.
 */
export function workerTask<I, O>(module: string, base: string, name: string): WorkerTask<I, O> {
  const moduleUrl = new URL(`${module}${base.endsWith('.ts') ? '.ts' : '.js'}`, base).href;
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(o: O): void; reject(e: Error): void }>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(BOOTSTRAP, { eval: true, workerData: { moduleUrl } });
    w.unref();
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.output as O);
      else p.reject(new Error(`${name}: ${reply.message}`));
      if (pending.size === 0) w.unref();
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`${name}: the worker stopped (exit code ${code})`));
    });
    worker = w;
    return w;
  }

  return {
    run(input) {
      const w = started();
      const id = nextId++;
      // Kept alive while a call is in hand: the caller awaits its answer.
      w.ref();
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, input });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
