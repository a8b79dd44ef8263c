/**
 * Adapter tests on real saved pages, generated: one test per `realPageCases` entry in
 * tests/adapters/real-pages/<adapter id>.ts. Each reads the page from ../shared/data/real-pages/ as it was
 * saved (bytes → the charset a browser picks → linkedom), runs the registry's `extractPage` at the case
 * URL and compares every item. Outside CI the tests skip when the shared data is absent; under CI they fail.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { findSharedData } from '../../scripts/lib/shared-data';
import { adapterFor, extractPage } from '../../utils/marketplaces/index';
import { ProductIdentity } from '../../utils/schemas';
import type { RealPageCase } from './real-pages/real-page-case';

const caseModules = import.meta.glob<RealPageCase[]>(
  ['./real-pages/*.ts', '!./real-pages/real-page-case.ts'],
  { eager: true, import: 'realPageCases' },
);

const ROOT = findSharedData('real-pages');
const fileId = (file: string) => file.replace(/^.*\//, '').replace(/\.ts$/, '');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** The fields of `item` that `expected` names, so a case compares only what it states. */
function pick(item: ProductIdentity | undefined, expected: object): Record<string, unknown> {
  const source = (item ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((key) => [key, source[key]]));
}

describe.skipIf(!ROOT)('real saved pages', () => {
  const root = ROOT as string;

  for (const [file, cases] of Object.entries(caseModules)) {
    const id = fileId(file);
    describe(`${id} adapter on real pages`, () => {
      for (const c of cases) {
        test(c.name, () => {
          const url = new URL(c.url);
          const doc = parseHtml(decodeHtml(readFileSync(path.join(root, c.page))), c.url);
          const page = extractPage(doc, url);
          expect(adapterFor(url)?.id ?? page.marketplace ?? 'generic', `${c.url} is ${id}'s`).toBe(id);
          expect(page.pageType).toBe(c.expectPageType);
          for (const item of page.items) {
            const parsed = ProductIdentity.safeParse(item);
            expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
          }
          // An extra item shows up as `{}`, a missing one as an absent entry: both fail the comparison.
          expect(page.items.map((item, i) => pick(item, c.expectItems[i] ?? {}))).toEqual(c.expectItems);
        });
      }
    });
  }

  test('every saved page has a case', () => {
    const covered = new Set(Object.values(caseModules).flatMap((cases) => cases.map((c) => c.page)));
    const missing = htmlFiles(root)
      .map((full) => path.relative(root, full))
      .filter((page) => !covered.has(page));
    expect(missing, 'add a case for each page to tests/adapters/real-pages/<adapter id>.ts').toEqual([]);
  });
});
