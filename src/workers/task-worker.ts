/**
 * The worker side of worker-task.ts: loads the task's module once and runs its `run(input)` for each
 * message, one after another, answering with the output (byte arrays moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl } = workerData as { moduleUrl: string };
const task = (await import(moduleUrl)) as { run(input: unknown): unknown };

function transferables(output: unknown): ArrayBuffer[] {
  if (output instanceof Uint8Array) return [output.buffer as ArrayBuffer];
  if (output && typeof output === 'object') {
    return Object.values(output).flatMap((v) => (v instanceof Uint8Array ? [v.buffer as ArrayBuffer] : []));
  }
  return [];
}

parentPort!.on('message', async ({ id, input }: { id: number; input: unknown }) => {
  try {
    const output = await task.run(input);
    parentPort!.postMessage({ id, ok: true, output }, transferables(output));
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
