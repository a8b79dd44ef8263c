/**
 * Every cart and order line in the adapters' fixtures can be found on its page, so the content script
 * can mark the row of a recalled line (utils/extract/line-element.ts). Generated from the adapters' cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';
import { findLineElement, hrefNamesItem } from '../../utils/extract/line-element';
import amazon from '../../utils/marketplaces/amazon';
import { adapters, extractPage } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';

const FIXTURES = new URL('../fixtures/pages/', import.meta.url);
const load = (fixture: string, url: string): Document =>
  parseHtml(decodeHtml(readFileSync(new URL(fixture, FIXTURES))), url);
const words = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Fixtures whose lines exist only in data the page's own script renders later. */
const NO_ROWS_IN_FIXTURE: Record<string, string> = {
  'taobao/orders.html': 'the order list is JSON in a script; Taobao renders the rows client-side',
};

const lineCases = Object.entries(testCasesByFileId).flatMap(([id, cases]) =>
  (cases ?? [])
    .filter((c) => c.fixture && (c.expectPageType === 'cart' || c.expectPageType === 'orders'))
    .map((c) => ({ id, c })),
);

describe('finding the row of each cart and order line', () => {
  for (const { id, c } of lineCases) {
    const skip = NO_ROWS_IN_FIXTURE[c.fixture as string];
    (skip ? test.skip : test)(
      `${id}: ${c.fixture} (${c.url}): every line has an element that shows its title`,
      () => {
        const doc = load(c.fixture as string, c.url);
        const page = extractPage(doc, new URL(c.url));
        const adapter = adapters.find((a) => a.id === page.marketplace);
        expect(page.items.length).toBeGreaterThan(0);
        const before = doc.documentElement.outerHTML;
        for (const item of page.items) {
          const element = findLineElement(doc, item, adapter);
          expect(element, `no element for ${item.itemId ?? item.title}`).not.toBeNull();
          const text =
            words(element?.textContent) ||
            words(element?.getAttribute('title')) ||
            words((element?.matches('img') ? element : element?.querySelector('img'))?.getAttribute('alt'));
          expect(
            words(item.title).startsWith(text.slice(0, 20)) || text.includes(words(item.title).slice(0, 20)),
            text,
          ).toBe(true);
        }
        expect(doc.documentElement.outerHTML, 'finding a line must not mutate the page').toBe(before);
      },
    );
  }
});

describe('links that name an item', () => {
  it('matches an id between separators and not inside a longer id', () => {
    expect(hrefNamesItem('/dp/B0DEMO0001/ref=x', 'B0DEMO0001')).toBe(true);
    expect(hrefNamesItem('//item.jd.com/100012345678.html', '100012345678')).toBe(true);
    expect(hrefNamesItem('/item.htm?id=7000000000012', '700000000001')).toBe(false);
    expect(hrefNamesItem('/p/x/-/A-91234567?preselect=91234568', '91234568')).toBe(true);
  });
});

describe('Amazon cart rows', () => {
  it('marks the active cart row, not the saved-for-later row of the same item', () => {
    const url = 'https://www.amazon.com/gp/cart/view.html';
    const doc = load('amazon/cart.html', url);
    const [first] = amazon.extract(doc, new URL(url)).items;
    const element = first ? amazon.lineElement?.(doc, first) : null;
    expect(element?.closest('#sc-active-cart')).not.toBeNull();
    expect(element?.matches('a.sc-product-link')).toBe(true);
    expect(element?.querySelector('.sc-grid-item-product-title, .sc-product-title')).not.toBeNull();
  });
});
