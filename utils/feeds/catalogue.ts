/// <reference types="vite/client" />
/**
 * The feed catalogue: every feed's `about.ts` (id, name, authority, label, jurisdiction, default, host
 * permissions), discovered like the mappers but apart from them. The banner, the popup and the options
 * page name sources through it, and content scripts carry it: it holds data only, so a content script
 * never pulls in a mapper (the registry, `index.ts`, is the mapper glob). The feed conventions test
 * checks that every mapper has an about and every about a mapper.
 */
import type { FeedAbout } from './feed';

const modules = import.meta.glob<FeedAbout>('./*/about.ts', { eager: true, import: 'default' });

/** Every feed's about, by id. */
export const feedCatalogue: readonly FeedAbout[] = Object.values(modules).sort((a, b) =>
  a.id.localeCompare(b.id),
);

/** The catalogue's folder names, by about id: the conventions test compares the two. */
export const aboutFolders: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([path, about]) => [about.id, path.replace(/^\.\/|\/about\.ts$/g, '')]),
);

/** A feed's about, or undefined for a source that is no feed of ours (a published index's). */
export function aboutFeed(id: string): FeedAbout | undefined {
  return feedCatalogue.find((f) => f.id === id);
}
