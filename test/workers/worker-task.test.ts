/** Work run in a worker that stays: answers in order, off the main thread; a failure or a dead worker is an error, and the next call works. */
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { workerTask, type WorkerTask } from '../../src/workers/worker-task.js';

type In = { text?: string; fail?: string; exit?: boolean };
type Out = { text: string; thread: number; bytes: Uint8Array };
let task: WorkerTask<In, Out> | undefined;
afterEach(async () => task?.close());

describe('worker task', () => {
  it('runs off the main thread, in one worker that stays, and moves byte arrays back', async () => {
    task = workerTask<In, Out>('./echo-task', import.meta.url, 'thử');
    const [a, b] = await Promise.all([task.run({ text: 'một' }), task.run({ text: 'hai' })]);
    expect([a.text, b.text]).toEqual(['MỘT', 'HAI']);
    expect(a.thread).not.toBe(threadId);
    expect(b.thread).toBe(a.thread);
    expect(new TextDecoder().decode(b.bytes)).toBe('hai');
  });

  it('a failing call rejects with the task name; a worker that dies is started again on the next call', async () => {
    task = workerTask<In, Out>('./echo-task', import.meta.url, 'thử');
    await expect(task.run({ fail: 'hỏng' })).rejects.toThrow(/^thử: Error: hỏng/);
    const first = await task.run({ text: 'x' });
    await expect(task.run({ exit: true })).rejects.toThrow('thử: the worker stopped (exit code 3)');
    const again = await task.run({ text: 'y' });
    expect(again.text).toBe('Y');
    expect(again.thread).not.toBe(first.thread);
  });
});
