import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest gives tests the same auto-imports, `@/` aliases and a fake `browser` as the extension.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/adapters/**/*.test.ts', 'utils/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto', 'tests/support/i18n-setup.ts'],
    // Some tests start real processes (the CLI) or write thousands of records; on a loaded 2-core
    // machine the 5 s default is too tight to tell a hang from a slow moment.
    testTimeout: 30_000,
  },
});
