import { defineConfig } from '@playwright/test';

// The extension needs a persistent Chromium context, which tests/e2e/fixtures.ts launches itself,
// so browser options here would not apply. One worker: CI has two cores and one Chromium is plenty.
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
