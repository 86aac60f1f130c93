/**
 * Runs tasks one after another per key (per user: the core's state is per user, so two messages of one
 * user must not be handled at the same time), different keys in parallel. `idle()` waits for all.
 */

export interface KeyedQueue {
  push(key: string, task: () => Promise<void>): void;
  /** Resolves when every queued task has finished. */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createKeyedQueue(onError: (err: unknown) => void): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  let pending = 0;
  let waiters: Array<() => void> = [];

  function settle(): void {
    pending -= 1;
    if (pending === 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  }

  return {
    push(key, task) {
      pending += 1;
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task).catch(onError).finally(settle);
      tails.set(key, next);
      void next.then(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    get pending() {
      return pending;
    },
  };
}
