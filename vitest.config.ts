import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Transport tests start local servers and child processes; give them room on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { TZ: 'Asia/Ho_Chi_Minh', LOG_LEVEL: 'silent' },
  },
});
