import { defineConfig } from 'vitest/config';

// Browser tests drive the built extension in Chromium; one file at a time keeps them steady on 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
