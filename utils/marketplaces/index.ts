/// <reference types="vite/client" />
/**
 * The marketplace registry. Adapters are discovered, not listed: every `<id>.ts` in this folder that
 * default-exports a MarketplaceAdapter is one (tests/adapters/conventions.test.ts enforces the rest of
 * the contract). `import.meta.glob` is resolved by Vite in the extension build, in vitest and in
 * vite-node (the CLI). Only default exports are imported here, so each adapter's `testCases` export is
 * tree-shaken out of the extension bundle; the tests glob `testCases` themselves.
 *
 * Nothing runs at import beyond building these arrays (WXT imports entry files in Node at build time).
 */
import type { PageType, ProductIdentity } from '../schemas';
import type { MarketplaceAdapter } from './adapter';
import generic from './generic';

const modules = import.meta.glob<MarketplaceAdapter>(
  ['./*.ts', '!./index.ts', '!./adapter.ts', '!./*.test.ts'],
  {
    eager: true,
    import: 'default',
  },
);

/** Every adapter in this folder, ordered by file name (the generic one included; it claims no URL). */
export const adapters: MarketplaceAdapter[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path])
  .filter((adapter): adapter is MarketplaceAdapter => adapter !== undefined);

/** The adapter that owns this URL, or null (the generic adapter never claims one). */
export function adapterFor(url: URL): MarketplaceAdapter | null {
  return adapters.find((adapter) => adapter.claims(url)) ?? null;
}

/** Content-script match patterns of all adapters, de-duplicated, for the manifest. */
export function allMatchPatterns(): string[] {
  return [...new Set(adapters.flatMap((adapter) => adapter.matches))];
}

export interface PageExtraction {
  /** The claiming adapter's id, 'generic' for a schema.org product elsewhere, or null. */
  marketplace: string | null;
  pageType: PageType;
  items: ProductIdentity[];
}

/**
 * Reads a page: the adapter that claims the URL decides (its result stands even when empty: it knows
 * the page is a robot check or a review list); elsewhere the generic layer looks for a schema.org or
 * Open Graph product.
 */
export function extractPage(doc: Document, url: URL): PageExtraction {
  const adapter = adapterFor(url);
  if (adapter) {
    const result = adapter.extract(doc, url);
    return { marketplace: adapter.id, pageType: result.pageType, items: result.items };
  }
  const result = generic.extract(doc, url);
  if (result.items.length === 0) return { marketplace: null, pageType: 'other', items: [] };
  return { marketplace: generic.id, pageType: result.pageType, items: result.items };
}
