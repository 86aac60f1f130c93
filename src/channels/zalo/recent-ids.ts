/**
 * The message ids seen lately, bounded. The core deduplicates durably; this stops a redelivered message
 * from being worked on twice while the first delivery is still in flight, and covers the events the
 * core never sees (images, stickers…).
 */

export interface RecentIds {
  /** True the first time an id is seen (within the window), false after. */
  firstTime(id: string): boolean;
}

export function createRecentIds(capacity = 5000): RecentIds {
  const seen = new Set<string>();
  return {
    firstTime(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > capacity) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      return true;
    },
  };
}
