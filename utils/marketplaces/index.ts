/// <reference types="vite/client" />
/**
 * The marketplace registry. Adapters are discovered, not listed: every `<id>.ts` in this folder, or
 * folder `<id>/index.ts` with helpers beside it, that default-exports a MarketplaceAdapter is one
 * (tests/adapters/conventions.test.ts enforces the rest of the contract). The glob here is the rule;
 * build code in plain Node states it in scripts/lib/registry-files.ts and a test checks the two agree.
 * `import.meta.glob` is resolved by Vite in the extension build, in vitest and in vite-node (the CLI).
 * Only default exports are imported here, so each adapter's `testCases` export is tree-shaken out of the
 * extension bundle; tests read them through `test-cases.ts`, a registry of their own.
 *
 * Nothing runs at import beyond building these arrays (WXT imports entry files in Node at build time).
 */

import { extractWith, type PageExtraction } from '../extract/extract-page';
import type { MarketplaceAdapter } from './adapter';

export type { PageExtraction };

const modules = import.meta.glob<MarketplaceAdapter>(
  ['./*.ts', './*/index.ts', '!./index.ts', '!./adapter.ts', '!./test-cases.ts', '!./*.test.ts'],
  {
    eager: true,
    import: 'default',
  },
);

/** The id a member's file or folder name gives it: "amazon" for ./amazon.ts or ./amazon/index.ts. */
export const memberId = (path: string): string => path.replace(/^.*?([^/]+)(?:\/index)?\.ts$/, '$1');

/** Each member's default export by the id its file or folder name gives it (conventions tests compare). */
export const adaptersByFileId: Readonly<Record<string, MarketplaceAdapter | undefined>> = Object.fromEntries(
  Object.entries(modules).map(([path, adapter]) => [memberId(path), adapter]),
);

/** Every adapter in this folder, ordered by file name (the generic one included; it claims no URL). */
export const adapters: MarketplaceAdapter[] = Object.keys(adaptersByFileId)
  .sort()
  .map((id) => adaptersByFileId[id])
  .filter((adapter): adapter is MarketplaceAdapter => adapter !== undefined);

/** The adapter that owns this URL, or null (the generic adapter never claims one). */
export function adapterFor(url: URL): MarketplaceAdapter | null {
  return adapters.find((adapter) => adapter.claims(url)) ?? null;
}

/** Content-script match patterns of all adapters, de-duplicated, for the manifest. */
export function allMatchPatterns(): string[] {
  return [...new Set(adapters.flatMap((adapter) => adapter.matches))];
}

/** Reads a page with every adapter (the CLI and tests; the extension runs one site's adapter). */
export function extractPage(doc: Document, url: URL): PageExtraction {
  return extractWith(adapters, doc, url);
}
