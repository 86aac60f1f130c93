/**
 * Inbound flood control per user: a fixed window (like @grammyjs/ratelimiter's memory store), but with
 * the three outcomes the bot needs — handle it; over the limit for the first time in this window (tell
 * the user politely, once); over the limit again (drop silently, but still answer a pressed button).
 * Only updates meant for the bot are counted: chatting fast in a group with other people is not a flood.
 */
export interface FloodOptions {
  /** Updates one user may send per window. */
  limit: number;
  windowMs: number;
}

/**
 * About one message a second, sustained over 20 s: far above a person answering a form or asking
 * questions (a few seconds per message), below a script or a paste of many messages.
 */
export const DEFAULT_FLOOD: FloodOptions = { limit: 20, windowMs: 20_000 };

export type FloodVerdict = 'ok' | 'first-excess' | 'excess';

export interface FloodGate {
  check(userId: string): FloodVerdict;
}

export function createFloodGate(options: FloodOptions = DEFAULT_FLOOD, now: () => number = Date.now): FloodGate {
  const windows = new Map<string, { start: number; hits: number }>();
  let lastSweep = now();
  return {
    check(userId) {
      const t = now();
      if (t - lastSweep >= options.windowMs) {
        for (const [k, w] of windows) if (t - w.start >= options.windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(userId);
      if (!w || t - w.start >= options.windowMs) {
        w = { start: t, hits: 0 };
        windows.set(userId, w);
      }
      w.hits += 1;
      if (w.hits <= options.limit) return 'ok';
      return w.hits === options.limit + 1 ? 'first-excess' : 'excess';
    },
  };
}
