/**
 * The title rule's word lists are data for the matcher and the index keys. Content scripts import the
 * rule's token order (keys.ts, explain.ts) and must not carry the lists they do not use: each content
 * script has a 30 KB gzip budget.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ACCESSORY_WORDS, COMMON_WORDS, STOP_WORDS } from '../../../utils/identity/title-words';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A minified bundle of `imports` from title-similarity.ts, as a content script would carry it. */
async function bundleOf(imports: string): Promise<string> {
  const module = path.join(ROOT, 'utils/identity/title-similarity.ts');
  const result = await build({
    stdin: {
      contents: `export { ${imports} } from ${JSON.stringify(module)};`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the title word lists', () => {
  it('hold folded lower-case words, each list once per word', () => {
    for (const list of [STOP_WORDS, ACCESSORY_WORDS, COMMON_WORDS]) {
      expect(list.size).toBeGreaterThan(10);
      for (const word of list) expect(word).toMatch(/^[\p{Ll}]+$/u);
    }
    expect(STOP_WORDS.has('schwarz')).toBe(true);
    expect(COMMON_WORDS.has('kid')).toBe(true);
  });

  it('stay out of a bundle that only orders tokens, as content scripts do', async () => {
    const code = await bundleOf('keyOrder');
    expect(code).toContain('"kid');
    expect(code).not.toContain('schwarz');
    expect(code).not.toContain('replacement');
  });

  it('are in a bundle that reads titles, as the matcher does', async () => {
    const code = await bundleOf('titleSimilarity');
    expect(code).toContain('schwarz');
    expect(code).toContain('replacement');
  });
});
