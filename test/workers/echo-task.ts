/** A task for the worker-task tests: echoes, fails, or ends its worker, as asked. */
import { threadId } from 'node:worker_threads';

export async function run(input: { text?: string; fail?: string; exit?: boolean }): Promise<{ text: string; thread: number; bytes: Uint8Array }> {
  if (input.fail) throw new Error(input.fail);
  if (input.exit) process.exit(3);
  return { text: (input.text ?? '').toUpperCase(), thread: threadId, bytes: new TextEncoder().encode(input.text ?? '') };
}
