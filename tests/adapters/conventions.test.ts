/**
 * The marketplace folder's contract, as tests that say what to do when a file breaks it: every
 * `utils/marketplaces/<id>.ts` default-exports an adapter whose id is the file name, is in the registry,
 * exports test cases with at least one fixture, declares valid Chrome match patterns that no other
 * adapter overlaps, and points cart and order lines only at product pages it may read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { checkProductPageRequest } from '../../utils/background/product-page';
import type { AdapterTestCase, MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import { adapters, allMatchPatterns } from '../../utils/marketplaces/index';

// Vite needs literal glob arguments, so the folder's pattern is written out twice.
const defaults = import.meta.glob<MarketplaceAdapter | undefined>(
  [
    '../../utils/marketplaces/*.ts',
    '!../../utils/marketplaces/index.ts',
    '!../../utils/marketplaces/adapter.ts',
    '!../../utils/marketplaces/*.test.ts',
  ],
  { eager: true, import: 'default' },
);
const caseModules = import.meta.glob<AdapterTestCase[] | undefined>(
  [
    '../../utils/marketplaces/*.ts',
    '!../../utils/marketplaces/index.ts',
    '!../../utils/marketplaces/adapter.ts',
    '!../../utils/marketplaces/*.test.ts',
  ],
  { eager: true, import: 'testCases' },
);

const FIXTURES = new URL('../fixtures/pages/', import.meta.url);
const fileId = (path: string) => path.replace(/^.*\//, '').replace(/\.ts$/, '');

// ---------------------------------------------------------------------------------------------------
// Chrome match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns)

interface MatchPattern {
  schemes: string[];
  host: string;
  path: string;
}

const PATTERN =
  /^(\*|https?|wss?|ftp|file|urn):\/\/(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)?(?::(?:\d+|\*))?(\/.*)$/i;

/** The parts of a valid match pattern, or null. `<all_urls>` is valid and overlaps everything. */
function parsePattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>')
    return { schemes: ['http', 'https', 'ws', 'wss', 'ftp', 'file'], host: '*', path: '/*' };
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = '', path = ''] = m;
  if (scheme !== 'file' && !host) return null;
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme.toLowerCase()],
    host: host.toLowerCase(),
    path,
  };
}

function hostsOverlap(a: string, b: string): boolean {
  if (a === '*' || b === '*' || a === b) return true;
  const covers = (wild: string, other: string) => {
    if (!wild.startsWith('*.')) return false;
    const domain = wild.slice(2);
    const bare = other.startsWith('*.') ? other.slice(2) : other;
    return bare === domain || bare.endsWith(`.${domain}`);
  };
  return covers(a, b) || covers(b, a);
}

/** Whether two globs (only `*` is special) can match a common string. */
function globsOverlap(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else result = i < a.length && j < b.length && a[i] === b[j] && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function patternsOverlap(a: MatchPattern, b: MatchPattern): boolean {
  return (
    a.schemes.some((s) => b.schemes.includes(s)) &&
    hostsOverlap(a.host, b.host) &&
    globsOverlap(a.path, b.path)
  );
}

function patternMatches(pattern: MatchPattern, url: URL): boolean {
  const scheme = url.protocol.replace(/:$/, '');
  if (!pattern.schemes.includes(scheme)) return false;
  const host = url.hostname.toLowerCase();
  const hostOk =
    pattern.host === '*' ||
    pattern.host === host ||
    (pattern.host.startsWith('*.') &&
      (host === pattern.host.slice(2) || host.endsWith(pattern.host.slice(1))));
  return hostOk && globsOverlap(pattern.path, `${url.pathname}${url.search}`);
}

// ---------------------------------------------------------------------------------------------------

describe('the match-pattern checker itself', () => {
  test('accepts Chrome patterns and rejects malformed ones', () => {
    for (const ok of [
      'https://www.amazon.com/*',
      '*://*.example.com/p/*',
      'http://localhost:8080/*',
      '<all_urls>',
    ]) {
      expect(parsePattern(ok), ok).not.toBeNull();
    }
    for (const bad of [
      'www.amazon.com/*',
      'https://www.amazon.*/*',
      'https://*amazon.com/*',
      'https://www.amazon.com',
    ]) {
      expect(parsePattern(bad), bad).toBeNull();
    }
  });

  test('sees overlap through wildcards and none between distinct hosts', () => {
    const p = (s: string) => parsePattern(s) as MatchPattern;
    expect(patternsOverlap(p('https://*.amazon.com/*'), p('https://www.amazon.com/dp/*'))).toBe(true);
    expect(patternsOverlap(p('*://www.amazon.de/*'), p('https://www.amazon.de/gp/*'))).toBe(true);
    expect(patternsOverlap(p('https://www.amazon.com/*'), p('https://www.amazon.de/*'))).toBe(false);
    expect(patternsOverlap(p('https://shop.example/a/*'), p('https://shop.example/b/*'))).toBe(false);
  });
});

const files = Object.keys(defaults).sort();

test('the marketplace folder holds adapters', () => {
  expect(files.length, 'add utils/marketplaces/<id>.ts files; the registry discovers them').toBeGreaterThan(
    0,
  );
});

describe.each(files.map((path) => [fileId(path), path] as const))('utils/marketplaces/%s.ts', (id, path) => {
  const adapter = defaults[path];
  const cases = caseModules[path];

  test('default-exports an adapter whose id is the file name', () => {
    expect(adapter, `export default a MarketplaceAdapter from utils/marketplaces/${id}.ts`).toBeDefined();
    expect(adapter?.id, `set id: '${id}' (the id must equal the file name)`).toBe(id);
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
        parsePattern(pattern),
        `"${pattern}" is not a Chrome match pattern (scheme://host/path)`,
      ).not.toBeNull();
    }
  });

  test('lists product hosts its own match patterns cover', () => {
    const patterns = (adapter?.matches ?? []).map(parsePattern).filter((p): p is MatchPattern => p !== null);
    for (const host of adapter?.productHosts ?? []) {
      expect(host, 'productHosts are bare host names: item.example.com').toMatch(
        /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/,
      );
      expect(
        patterns.some((p) => patternMatches(p, new URL(`https://${host}/`))),
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
    const patterns = (adapter?.matches ?? []).map(parsePattern).filter((p): p is MatchPattern => p !== null);
    for (const c of cases ?? []) {
      const url = new URL(c.url);
      const covered = patterns.some((p) => patternMatches(p, url));
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
          const x = parsePattern(pa);
          const y = parsePattern(pb);
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
