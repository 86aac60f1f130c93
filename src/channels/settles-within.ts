/**
 * Shutdown grace, shared by both channels: stop() waits this long for the updates in flight, then gives
 * up on replies still waiting out a retry.
 */

/** True if `p` settled (resolved or rejected) within `ms`; false once `ms` have passed. */
export function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}
