/**
 * The popup learns a page's market from utils/storefront-country.ts, not from the adapters: they are big
 * (every marketplace's readers), and the popup opens on every click. Checked on what its bundle really
 * contains (tests/support/bundle-graph.ts).
 */
import { describe, expect, it } from 'vitest';
import { bundledFiles } from '../support/bundle-graph';

describe('the popup bundle', () => {
  it('carries the storefront table and no marketplace adapter', async () => {
    const { files } = await bundledFiles(['entrypoints/popup/main.tsx']);
    expect(files).toContain('utils/storefront-country.ts');
    expect(files.filter((f) => f.startsWith('utils/marketplaces/'))).toEqual([]);
  });
});
