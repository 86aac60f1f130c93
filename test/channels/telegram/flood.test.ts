import { expect, it } from 'vitest';
import { createFloodGate } from '../../../src/channels/telegram/flood.js';

it('lets a user send up to the limit per window, tells them once, then drops silently until the window ends', () => {
  let now = 0;
  const gate = createFloodGate({ limit: 3, windowMs: 1000 }, () => now);
  expect([1, 2, 3, 4, 5].map(() => gate.check('lan'))).toEqual(['ok', 'ok', 'ok', 'first-excess', 'excess']);
  expect(gate.check('minh')).toBe('ok'); // another user has their own count
  now = 1000;
  expect(gate.check('lan')).toBe('ok');
});
