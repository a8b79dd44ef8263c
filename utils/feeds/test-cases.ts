/// <reference types="vite/client" />
/**
 * Every feed's `testCases` (its cases.ts), by feed id, for the tests. A registry of its own because the
 * extension must not carry the cases: nothing the extension bundles imports this file.
 */
import type { FeedTestCase } from './feed';

const modules = import.meta.glob<FeedTestCase[] | undefined>('./*/cases.ts', {
  eager: true,
  import: 'testCases',
});

/** Each feed folder's `testCases` (undefined when its cases.ts exports none), by folder name, in order. */
export const feedTestCases: Readonly<Record<string, FeedTestCase[] | undefined>> = Object.fromEntries(
  Object.entries(modules)
    .map(([path, cases]) => [path.replace(/^\.\/|\/cases\.ts$/g, ''), cases] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
