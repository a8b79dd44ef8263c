/**
 * The import rules of DESIGN.md §2, checked on what each bundle really contains (tests/support/bundle-graph.ts
 * bundles the entry in memory with esbuild): content scripts are guests on every shopping page, so they
 * carry neither the background's code, the index, nor zod. That no extension entry point carries build-only
 * code from scripts/ is build-only-code.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bundledFiles, contentEntries } from '../../support/bundle-graph';

describe('import boundaries', () => {
  it('keeps the background, the index, the matcher and zod out of content scripts', async () => {
    const { files, packages } = await bundledFiles(contentEntries());
    expect(files.length).toBeGreaterThan(10);
    const forbidden = files.filter(
      (f) =>
        f.startsWith('utils/background/') ||
        f.startsWith('entrypoints/') ||
        f.startsWith('scripts/') ||
        // Of the feeds, only the catalogue (pure data: names and labels for the banner) may come along.
        (f.startsWith('utils/feeds/') && !/^utils\/feeds\/(?:catalogue|[^/]+\/about)\.ts$/.test(f)) ||
        // Of the index, only what names, grades and explains a match (pure, DOM- and storage-free) may come along.
        (f.startsWith('utils/recall-index/') &&
          !/^utils\/recall-index\/(?:keys|brand-names|tiers|explain)\.ts$/.test(f)),
    );
    expect(
      forbidden,
      'content code may not import these (move what both sides need to a shared module)',
    ).toEqual([]);
    expect(packages).not.toContain('zod');
    expect(packages).not.toContain('idb');
  });

  it('sees modules reached only through a registry glob', async () => {
    // The background finds feeds and adapters through import.meta.glob: a walker blind to globs
    // would pass every rule above vacuously for them.
    const { files } = await bundledFiles(['entrypoints/background/index.ts']);
    expect(files.some((f) => f.startsWith('utils/feeds/') && f.includes('cpsc'))).toBe(true);
    expect(files.some((f) => f.startsWith('utils/marketplaces/amazon'))).toBe(true);
  });
});
