/**
 * Adapter tests, generated: one test per `testCases` entry exported next to each adapter in
 * utils/marketplaces/. A case with a fixture parses it with the Node DOM (linkedom), runs the registry's
 * `extractPage` at the case URL and compares the page type and the item fields the case lists; a case
 * without a fixture checks the page type read from the URL alone. Negatives run over all cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { adapterFor, adapters, extractPage } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';
import { ProductIdentity } from '../../utils/schemas';

const FIXTURES = new URL('../fixtures/pages/', import.meta.url);

function loadPage(fixture: string, url: string): Document {
  return parseHtml(decodeHtml(readFileSync(new URL(fixture, FIXTURES))), url);
}

const allCases = Object.entries(testCasesByFileId).flatMap(([adapterId, cases]) =>
  (cases ?? []).map((c) => ({ adapterId, case: c })),
);

function adapterById(id: string) {
  const adapter = adapters.find((a) => a.id === id);
  if (!adapter) throw new Error(`no adapter with id "${id}" in the registry`);
  return adapter;
}

/** The fields of `item` that `expected` names, so a case compares only what it states. */
function pick(item: ProductIdentity | undefined, expected: object): Record<string, unknown> {
  const source = (item ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((key) => [key, source[key]]));
}

for (const [id, cases] of Object.entries(testCasesByFileId)) {
  describe(`${id} adapter`, () => {
    for (const c of cases ?? []) {
      test(c.name, () => {
        const adapter = adapterById(id);
        const url = new URL(c.url);
        if (!c.fixture) {
          expect(adapter.pageType(url), `page type of ${c.url}`).toBe(c.expectPageType);
          return;
        }

        const doc = loadPage(c.fixture, c.url);
        const before = doc.documentElement.outerHTML;
        const page = extractPage(doc, url);
        expect(doc.documentElement.outerHTML, 'extract must not mutate the document').toBe(before);

        expect(page.pageType).toBe(c.expectPageType);
        // The URL decides for adapters with match patterns; Shopify and the generic layer decide by content.
        const claimed = adapterFor(url);
        if (claimed) expect(page.marketplace).toBe(claimed.id);
        expect(
          claimed?.id ?? page.marketplace ?? 'generic',
          `${c.url} must be handled by the ${id} adapter`,
        ).toBe(id);

        for (const item of page.items) {
          const parsed = ProductIdentity.safeParse(item);
          expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
          expect(item.pageType).toBe(page.pageType);
          expect(item.url).toBe(url.href);
        }
        if (c.expectItems) {
          // An extra item shows up as `{}`, a missing one as an absent entry: both fail the comparison.
          const expected = c.expectItems;
          expect(page.items.map((item, i) => pick(item, expected[i] ?? {}))).toEqual(expected);
        }
      });
    }
  });
}

describe('negatives over every adapter case', () => {
  test.each(allCases.map((x) => [x.adapterId, x.case.url] as const))(
    'no adapter other than %s claims %s',
    (owner, url) => {
      const others = adapters.filter((a) => a.id !== owner && a.claims(new URL(url))).map((a) => a.id);
      expect(others).toEqual([]);
    },
  );

  const cartCases = allCases.filter((x) => x.case.expectPageType === 'cart');
  test.each(cartCases.map((x) => [x.case.url, x.adapterId] as const))(
    'a cart URL is not a product page: %s',
    (url, owner) => {
      expect(adapterById(owner).pageType(new URL(url))).toBe('cart');
    },
  );

  // A product page served at a cart URL has no cart rows: nothing is read as a product or a line.
  const productFixtures = allCases.filter((x) => x.case.fixture && x.case.expectPageType === 'product');
  for (const product of productFixtures) {
    const cart = cartCases.find((x) => x.adapterId === product.adapterId);
    if (!cart || !product.case.fixture) continue;
    const fixture = product.case.fixture;
    test(`${fixture} served at the cart URL yields no product and no cart line`, () => {
      const page = extractPage(loadPage(fixture, cart.case.url), new URL(cart.case.url));
      expect(page.pageType).toBe('cart');
      expect(page.items).toEqual([]);
    });
  }
});

// Fields the case table cannot state (AdapterTestCase picks identity fields only).
describe('details beyond the case table', () => {
  test('cart rows carry their quantities from data-quantity, the dropdown and the text field', () => {
    const url = 'https://www.amazon.com/gp/cart/view.html?ref_=nav_cart';
    const page = extractPage(loadPage('amazon/cart.html', url), new URL(url));
    expect(page.items.map((i) => [i.itemId, i.quantity])).toEqual([
      ['B0DEMO0001', 2],
      ['B0DEMO0002', 1],
      ['B0DEMO0004', 3],
    ]);
  });

  test('a product page records the selected twister variant and the non-distinctive model name as a fact', () => {
    const url = 'https://www.amazon.com/dp/B0DEMO0001';
    const [item] = extractPage(loadPage('amazon/product-expander.html', url), new URL(url)).items;
    expect(item?.variant).toBe('Natural Wood');
    expect(item?.facts).toContainEqual({
      field: 'model',
      value: 'CozyNest',
      source: 'spec-table',
      label: 'Model Name',
    });
    expect(item?.models).toEqual(['KB-TS100']);
  });

  test('a carousel or comparison table never leaks another product into the page identity', () => {
    const url = 'https://www.amazon.com/dp/B0DEMO0001';
    const [item] = extractPage(loadPage('amazon/product-expander.html', url), new URL(url)).items;
    const text = JSON.stringify(item);
    for (const other of [
      'B0DEMOXX01',
      'TimberTot',
      'Hoppa',
      'TT-LT900',
      'HS-200',
      '850098765431',
      'KB-GR20',
    ]) {
      expect(text).not.toContain(other);
    }
  });

  test('a German byline ("Besuche den X-Store") is read as the brand, below the overview row', () => {
    const url = 'https://www.amazon.de/dp/B0DEMO0003';
    const [item] = extractPage(loadPage('amazon/product-detail-bullets-de.html', url), new URL(url)).items;
    expect(item?.facts.filter((f) => f.field === 'brand')).toEqual([
      { field: 'brand', value: 'Brunnwald', source: 'spec-table', label: 'po-brand' },
      { field: 'brand', value: 'Brunnwald', source: 'byline', label: 'bylineInfo' },
    ]);
  });

  test('the seller falls back to the buy-box feature text when Amazon itself sells (no seller link)', () => {
    const url = 'https://www.amazon.com/dp/B0DEMO0001';
    const doc = loadPage('amazon/product-expander.html', url);
    doc.querySelector('#sellerProfileTriggerId')?.replaceWith(doc.createTextNode('Amazon.com'));
    expect(extractPage(doc, new URL(url)).items[0]?.seller).toBe('Amazon.com');
  });

  test('a ProductGroup variant carries its label', () => {
    const url = 'https://fernhollow.example/products/kids-bike-helmet?variant=41000000002';
    const [item] = extractPage(loadPage('generic/product-group.html', url), new URL(url)).items;
    expect(item?.variant).toBe('Medium / Sage');
  });
});
