/// <reference types="vite/client" />
/**
 * Every adapter's `testCases`, by adapter id, for the tests and the matching evaluation. A registry of
 * its own, beside index.ts and with the same glob, because the extension must not carry the cases:
 * index.ts imports only default exports, and nothing the extension bundles imports this file
 * (tests/adapters/registry-files.test.ts checks that the two globs find the same members).
 */
import type { AdapterTestCase } from './adapter';
import { memberId } from './index';

const modules = import.meta.glob<AdapterTestCase[] | undefined>(
  ['./*.ts', './*/index.ts', '!./index.ts', '!./adapter.ts', '!./test-cases.ts', '!./*.test.ts'],
  { eager: true, import: 'testCases' },
);

/**
 * Each member's `testCases` export (undefined when it has none), by the id its file or folder gives it,
 * in id order (the evaluation corpus numbers page items in this order).
 */
export const testCasesByFileId: Readonly<Record<string, AdapterTestCase[] | undefined>> = Object.fromEntries(
  Object.entries(modules)
    .map(([path, cases]) => [memberId(path), cases] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
