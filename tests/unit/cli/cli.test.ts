/**
 * The CLI's contract, exercised as a user runs it: JSON on stdout, one line on stderr and a non-zero exit
 * on error. Field names here are the documented contract; renaming one must fail a test. The commands
 * run in-process (tests/support/cli.ts); the last case starts the real process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli } from '../../support/cli';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const page = (p: string) => path.join(ROOT, 'tests/fixtures/pages', p);
const feed = (p: string) => path.join(ROOT, p);

const cli = (...args: string[]) => runCli(args);

function processCli(...args: string[]) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/vite-node'), ['scripts/cli.ts', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const AMAZON = 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Step-Stool/dp/B0DEMO0001';

describe('the command-line tool', () => {
  it('extracts the identity of a saved Amazon product page', async () => {
    const r = await cli('extract', '--url', AMAZON, page('amazon/product-expander.html'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ marketplace: 'amazon', pageType: 'product' });
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({
      itemId: 'B0DEMO0001',
      brand: 'Kettlebrook',
      models: ['KB-TS100'],
      gtins: ['00850012345671'],
    });
    for (const key of ['itemId', 'title', 'brand', 'manufacturer', 'models', 'gtins', 'rawGtins', 'seller']) {
      expect(out.items[0]).toHaveProperty(key);
    }
  });

  it('extracts a schema.org page that no marketplace adapter claims through the generic layer', async () => {
    const r = await cli(
      'extract',
      '--url',
      'https://shop.example/products/stool',
      page('generic/jsonld-graph.html'),
    );
    const out = JSON.parse(r.stdout);
    expect(out.marketplace).toBe('generic');
    expect(out.items[0].gtins).toEqual(['00850012345671']);
  });

  it('says the page holds no product when there is none', async () => {
    const out = JSON.parse(
      (await cli('extract', '--url', 'https://blog.example/post', page('generic/article.html'))).stdout,
    );
    expect(out).toEqual({ marketplace: null, pageType: 'other', items: [] });
  });

  it('checks a page against a raw CPSC response and explains the match', async () => {
    const r = await cli(
      'check',
      '--url',
      AMAZON,
      page('amazon/product-expander.html'),
      '--feed',
      feed('scripts/demo-store/data/cpsc-demo.json'),
    );
    // A confirmed match is what a merchant's CI must stop on (issue 11).
    expect(r.status).toBe(1);
    const [match] = JSON.parse(r.stdout).items[0].matches;
    expect(match).toMatchObject({ recallId: 'cpsc:90001', source: 'cpsc', tier: 'confirmed' });
    expect(match.evidence.map((e: { kind: string }) => e.kind)).toContain('gtin');
  });

  it('skips and counts malformed feed records and still matches with the rest', async () => {
    const r = await cli(
      'check',
      '--url',
      AMAZON,
      page('amazon/product-expander.html'),
      '--feed',
      feed('tests/fixtures/feeds/cpsc/malformed-page.json'),
      '--feed',
      feed('scripts/demo-store/data/cpsc-demo.json'),
    );
    const out = JSON.parse(r.stdout);
    expect(out.feeds[0].skipped.length).toBeGreaterThan(0);
    expect(out.feeds[0].skipped[0].reason).toMatch(/^record \d+/);
    expect(out.items[0].matches[0].recallId).toBe('cpsc:90001');
  });

  it('fails with one clear line and exit 2 (bad input) when a feed is in no format it knows', async () => {
    const r = await cli(
      'check',
      '--url',
      AMAZON,
      page('amazon/product-expander.html'),
      '--feed',
      feed('package.json'),
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unrecognised feed format/);
  });

  it('fails with one clear line when the page file is missing', async () => {
    const r = await cli('extract', '--url', AMAZON, 'no/such/page.html');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/i);
  });

  it('exits 0 from check when the page matches no recall', async () => {
    const r = await cli(
      'check',
      '--url',
      'https://shop.example/products/stool',
      page('generic/article.html'),
      '--feed',
      feed('scripts/demo-store/data/cpsc-demo.json'),
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items).toEqual([]);
  });

  it('exits 2 from check when the page file is missing', async () => {
    const r = await cli(
      'check',
      '--url',
      AMAZON,
      'no/such/page.html',
      '--feed',
      feed('scripts/demo-store/data/cpsc-demo.json'),
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/i);
  });

  it('prints usage and exits 2 on an unknown command', async () => {
    const r = await cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command: frobnicate/);
    expect(r.stderr).toMatch(/usage:/);
  });

  it('is a real process: JSON on stdout and exit 0, or one line, the usage and exit 2', () => {
    const ok = processCli('extract', '--url', AMAZON, page('amazon/product-expander.html'));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).items[0].itemId).toBe('B0DEMO0001');
    const bad = processCli('frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^recall-sentinel: unknown command: frobnicate\nusage:/);
  });
});
