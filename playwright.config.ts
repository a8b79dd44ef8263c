import { defineConfig } from '@playwright/test';

// The extension needs a persistent Chromium context, which tests/e2e/fixtures.ts launches itself,
// so browser options here would not apply. Each test gets its own browser and profile, and servers listen on
// free ports, so spec files can run side by side: two workers on CI (two cores; 113 tests would not fit the
// 20-minute budget one by one), one locally, where other work shares the machine.
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 30_000,
  // Two browsers on two cores: the first banner after install waits for the starter data (~11,000 recalls)
  // to load, which can take more than 5 s there. Speed is measured by `npm run bench`, not here.
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
