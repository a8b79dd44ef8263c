/**
 * Build-only code stays out of the extension: the published-index builder (scripts/lib/published-builder.ts)
 * and everything else under scripts/ and tests/ run in Node for the CLI, CI and the tests, never in a
 * browser. Each extension entry point is bundled in memory as Vite would (tests/support/bundle-graph.ts:
 * types erased, unused code dropped, registry globs expanded) and what it carries is checked. Entry points
 * are found on disk, so a new page or worker is covered without editing this test.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFiles, ROOT } from '../../support/bundle-graph';

const BUILDER = 'scripts/lib/published-builder.ts';

/** WXT's entry points (`entrypoints/<name>/index.ts` or `main.tsx`), plus the content-script runtime that
 * every generated site script imports. */
function extensionEntries(): string[] {
  const dir = path.join(ROOT, 'entrypoints');
  const entries = readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isFile()) return /\.(ts|tsx)$/.test(e.name) ? [`entrypoints/${e.name}`] : [];
    const files = readdirSync(path.join(dir, e.name));
    const main = ['index.ts', 'main.tsx', 'main.ts', 'index.tsx'].find((f) => files.includes(f));
    return main ? [`entrypoints/${e.name}/${main}`] : [];
  });
  return [...entries.sort(), 'utils/content/start.ts'];
}

const isBuildOnly = (file: string) => file.startsWith('scripts/') || file.startsWith('tests/');

describe('build-only code', () => {
  it('finds the background, the popup and the options page among the entry points', () => {
    expect(extensionEntries()).toEqual(
      expect.arrayContaining([
        'entrypoints/background/index.ts',
        'entrypoints/popup/main.tsx',
        'entrypoints/options/main.tsx',
      ]),
    );
  });

  it('is seen where it is used: the CLI index commands carry the builder', async () => {
    // The control for the rule below: the same bundling does see the builder when code uses it.
    const { files } = await bundledFiles(['scripts/commands/index-commands.ts']);
    expect(files).toContain(BUILDER);
  });

  it.each(extensionEntries())('is not carried by %s', async (entry) => {
    const { files } = await bundledFiles([entry]);
    expect(files).toContain(entry);
    expect(
      files.filter(isBuildOnly),
      `${entry} bundles build-only code: move what the extension needs out of scripts/ (the published format lives in utils/recall-index/published/)`,
    ).toEqual([]);
  });

  it('leaves the background the reading side of the published format', async () => {
    const { files } = await bundledFiles(['entrypoints/background/index.ts']);
    expect(files).toContain('utils/recall-index/published/documents.ts');
  });
});
