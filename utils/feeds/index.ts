/// <reference types="vite/client" />
/**
 * The feed registry: every feed's mapper. Every folder here except lib/ is a feed, its mapper in
 * `<id>/index.ts` (id = folder name), found by discovery, not listed by hand: adding a feed is adding one
 * folder (mapper, about.ts, cases.ts, any helpers beside them; see feed.ts). The feeds' descriptions for
 * pages and content scripts are `catalogue.ts`, their test cases `test-cases.ts`: separate globs, so
 * neither a content script nor the extension carries what it does not need. Vite resolves the globs at
 * build time, and vitest and vite-node do the same; plain Node or tsx do not understand them (build code
 * reads the same rule from scripts/lib/registry-files.ts).
 */
import type { FeedMapOptions, FeedMapper, FeedParseResult } from './feed';

const modules = import.meta.glob<FeedMapper>(['./*/index.ts', '!./lib/index.ts'], {
  eager: true,
  import: 'default',
});

/** Every feed mapper, by id. */
export const feeds: readonly FeedMapper[] = Object.values(modules).sort((a, b) => a.id.localeCompare(b.id));

/** The registry's folder names, by mapper id: conventions tests compare the two. */
export const feedFiles: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([path, mapper]) => [
    mapper.id,
    path.replace(/^\.\//, '').replace(/\/index\.ts$/, ''),
  ]),
);

export function feedById(id: string): FeedMapper | undefined {
  return feeds.find((f) => f.id === id);
}

/**
 * Maps a document with the first feed that recognises its shape: a parsed JSON value or, for the feeds
 * published as XML or HTML (ACCC RSS, EU Safety Gate weekly XML, SAMR notice pages), the text itself.
 * Throws when no feed recognises it, naming what would have been accepted, and passes on a mapper's own
 * error for a document that is an error as a whole (a CPSC error record, a snapshot from a newer version).
 */
export function parseFeedDocument(data: unknown, opts: FeedMapOptions): FeedParseResult {
  const feed = feeds.find((f) => f.detect(data));
  if (!feed) {
    throw new Error(`unrecognised feed format: expected ${feeds.map((f) => f.accepts).join(' or ')}`);
  }
  return feed.map(data, opts);
}

export type { FeedEndpoint, FeedMapOptions, FeedMapper, FeedParseResult, FeedSkip } from './feed';
