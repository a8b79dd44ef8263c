/**
 * The marketplace folder's contract, as tests that say what to do when a file breaks it: every
 * `utils/marketplaces/<id>.ts` (or `<id>/index.ts`) default-exports an adapter whose id is the file or
 * folder name, is in the registry, exports test cases with at least one fixture, declares valid Chrome
 * match patterns that no other adapter overlaps, and points cart and order lines only at product pages
 * it may read. Patterns are read by `@webext-core/match-patterns` (valid when it accepts them, matched
 * by its `includes`); overlap, which the library does not offer, is utils/match-pattern.ts's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { checkProductPageRequest } from '../../utils/background/product-page';
import type { MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import { adapters, adaptersByFileId, allMatchPatterns } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';
import { parseMatchPattern, patternsOverlap } from '../../utils/match-pattern';

const FIXTURES = new URL('../fixtures/pages/', import.meta.url);

/** The library's reading of a pattern, or null when it refuses it. */
function libraryPattern(pattern: string): MatchPattern | null {
  try {
    return new MatchPattern(pattern);
  } catch {
    return null;
  }
}

/** The patterns of an adapter that the library accepts (the test below fails on the others). */
const validPatterns = (adapter: MarketplaceAdapter | undefined): MatchPattern[] =>
  (adapter?.matches ?? []).map(libraryPattern).filter((p): p is MatchPattern => p !== null);

const ids = Object.keys(adaptersByFileId).sort();

test('the marketplace folder holds adapters', () => {
  expect(ids.length, 'add utils/marketplaces/<id>.ts files; the registry discovers them').toBeGreaterThan(0);
});

describe.each(ids)('utils/marketplaces/%s', (id) => {
  const adapter = adaptersByFileId[id];
  const cases = testCasesByFileId[id];

  test('default-exports an adapter whose id is the file name', () => {
    expect(adapter, `export default a MarketplaceAdapter from utils/marketplaces/${id}.ts`).toBeDefined();
    expect(adapter?.id, `set id: '${id}' (the id must equal the file or folder name)`).toBe(id);
    expect(typeof adapter?.claims, 'implement claims(url)').toBe('function');
    expect(typeof adapter?.pageType, 'implement pageType(url)').toBe('function');
    expect(typeof adapter?.extract, 'implement extract(doc, url)').toBe('function');
  });

  test('is in the registry', () => {
    expect(
      adapters.includes(adapter as MarketplaceAdapter),
      'utils/marketplaces/index.ts must discover it',
    ).toBe(true);
  });

  test('exports test cases, at least one with a fixture, and every fixture exists', () => {
    expect(Array.isArray(cases), `export const testCases: AdapterTestCase[] = [...] from ${id}.ts`).toBe(
      true,
    );
    const list = cases ?? [];
    expect(list.length, `add test cases to ${id}.ts`).toBeGreaterThan(0);
    expect(
      list.some((c) => c.fixture),
      `add a case with a fixture page under tests/fixtures/pages/${id}/`,
    ).toBe(true);
    for (const c of list) {
      if (!c.fixture) continue;
      expect(
        existsSync(new URL(c.fixture, FIXTURES)),
        `create tests/fixtures/pages/${c.fixture} (case "${c.name}")`,
      ).toBe(true);
      expect(c.fixture.startsWith(`${id}/`), `keep ${id}'s fixtures under tests/fixtures/pages/${id}/`).toBe(
        true,
      );
    }
    const names = list.map((c) => c.name);
    expect(new Set(names).size, 'give every case a distinct name (it is the test name)').toBe(names.length);
  });

  test('declares valid Chrome match patterns', () => {
    for (const pattern of adapter?.matches ?? []) {
      expect(
        libraryPattern(pattern),
        `"${pattern}" is not a Chrome match pattern (scheme://host/path)`,
      ).not.toBeNull();
      expect(
        parseMatchPattern(pattern),
        `"${pattern}": utils/match-pattern.ts must read it too`,
      ).not.toBeNull();
    }
  });

  test('lists product hosts its own match patterns cover', () => {
    const patterns = validPatterns(adapter);
    for (const host of adapter?.productHosts ?? []) {
      expect(host, 'productHosts are bare host names: item.example.com').toMatch(
        /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
      );
      expect(
        patterns.some((p) => p.includes(`https://${host}/`)),
        `add https://${host}/* to matches, or drop ${host} from productHosts (the build makes each a host permission)`,
      ).toBe(true);
    }
  });

  test('points cart and order lines at product pages it may read', () => {
    for (const c of (cases ?? []).filter((c) => c.fixture && c.expectPageType !== 'product')) {
      const page = new URL(c.url);
      const doc = parseHtml(decodeHtml(readFileSync(new URL(c.fixture as string, FIXTURES))), c.url);
      for (const line of adapter?.extract(doc, page).items ?? []) {
        const target = line.itemId ? adapter?.productUrl?.(line.itemId, page) : null;
        if (!target || new URL(target).origin === page.origin) continue;
        expect(
          checkProductPageRequest(target, c.url, adapters),
          `${target} (from ${c.url}) is on another origin: list its host in productHosts, and make pageType() call it a product page`,
        ).toMatchObject({ ok: true });
      }
    }
  });

  test('claims exactly the case URLs that its match patterns cover', () => {
    const patterns = validPatterns(adapter);
    for (const c of cases ?? []) {
      const url = new URL(c.url);
      const covered = patterns.some((p) => p.includes(url.href));
      expect(adapter?.claims(url), `claims() and matches disagree on ${c.url}`).toBe(covered);
    }
  });
});

test('no two adapters have overlapping match patterns', () => {
  const overlaps: string[] = [];
  for (let i = 0; i < adapters.length; i++) {
    for (let j = i + 1; j < adapters.length; j++) {
      const a = adapters[i] as MarketplaceAdapter;
      const b = adapters[j] as MarketplaceAdapter;
      for (const pa of a.matches) {
        for (const pb of b.matches) {
          const x = parseMatchPattern(pa);
          const y = parseMatchPattern(pb);
          if (x && y && patternsOverlap(x, y)) overlaps.push(`${a.id} "${pa}" overlaps ${b.id} "${pb}"`);
        }
      }
    }
  }
  expect(overlaps, 'narrow the patterns so one URL belongs to one adapter').toEqual([]);
});

test('the manifest patterns are the adapters’ patterns, each once', () => {
  const all = allMatchPatterns();
  expect(new Set(all).size).toBe(all.length);
  expect(new Set(all)).toEqual(new Set(adapters.flatMap((a) => a.matches)));
});
