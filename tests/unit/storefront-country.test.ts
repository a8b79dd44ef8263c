import { describe, expect, it } from 'vitest';
import { adapters } from '../../utils/marketplaces/index';
import { testCasesByFileId } from '../../utils/marketplaces/test-cases';
import { placeName } from '../../utils/recalled-where';
import { STOREFRONTS, storefrontOf } from '../../utils/storefront-country';

/** A page under a match pattern: `https://*.aliexpress.com/*` → `https://www.aliexpress.com/x`. */
const pageUnder = (pattern: string): string => pattern.replace('://*.', '://www.').replace(/\*$/, 'x');

describe('the storefront table (conventions, against the adapter registry)', () => {
  it('has an entry for every adapter, and none for an adapter that does not exist', () => {
    const ids = adapters.map((a) => a.id).sort();
    for (const id of ids) {
      expect(
        Object.hasOwn(STOREFRONTS, id),
        `add "${id}" to STOREFRONTS in utils/storefront-country.ts: the country its pages sell to (or UNKNOWN)`,
      ).toBe(true);
    }
    expect(Object.keys(STOREFRONTS).sort()).toEqual(ids);
  });

  it('reads only countries the adapter declares, on every host it matches and every page of its cases', () => {
    for (const adapter of adapters) {
      const urls = [
        ...adapter.matches.map(pageUnder),
        ...(testCasesByFileId[adapter.id] ?? []).map((c) => c.url),
      ];
      for (const url of urls) {
        const { country } = storefrontOf(adapter.id, url);
        if (country === null) continue;
        expect(
          adapter.countries,
          `${adapter.id}: ${url} reads ${country}; declare it in the adapter's countries or fix the table`,
        ).toContain(country);
      }
    }
  });

  it('reads every Amazon and eBay storefront as its own country, one per host', () => {
    for (const id of ['amazon', 'ebay']) {
      const adapter = adapters.find((a) => a.id === id);
      const read = new Set(adapter?.matches.map((m) => storefrontOf(id, pageUnder(m)).country));
      expect([...read].sort(), id).toEqual([...(adapter?.countries ?? [])].sort());
    }
  });

  it('names every country it can read', () => {
    for (const adapter of adapters) {
      for (const country of adapter.countries) expect(placeName(country), country).not.toBe(country);
    }
  });
});

describe('the market a page sells to', () => {
  it.each([
    ['amazon', 'https://www.amazon.com/dp/B0DEMO0001', 'US'],
    ['amazon', 'https://www.amazon.co.uk/dp/B0DEMO0001', 'GB'],
    ['amazon', 'https://www.amazon.de/dp/B0DEMO0001', 'DE'],
    ['amazon', 'https://www.amazon.co.jp/dp/B0DEMO0001', 'JP'],
    ['ebay', 'https://www.ebay.com.au/itm/123456789012', 'AU'],
    ['ebay', 'https://cart.payments.ebay.co.uk/', 'GB'],
    ['walmart', 'https://www.walmart.com/ip/123', 'US'],
    ['bestbuy', 'https://www.bestbuy.com/site/x/6216393.p', 'US'],
    ['target', 'https://www.target.com/p/x/-/A-90377926', 'US'],
    ['homedepot', 'https://www.homedepot.com/p/x/123456789', 'US'],
    ['temu', 'https://www.temu.com/kettlebrook-g-601099512345678.html', 'US'],
    ['temu', 'https://www.temu.com/uk/lumora-hand-warmer-g-601099500000001.html', 'GB'],
    ['temu', 'https://www.temu.com/de-en/lumora-hand-warmer-g-601099500000001.html', 'DE'],
    ['jd', 'https://item.jd.com/1020565583.html', 'CN'],
    ['taobao', 'https://detail.tmall.com/item.htm?id=609353516840', 'CN'],
  ])('reads %s at %s as %s', (marketplace, url, country) => {
    expect(storefrontOf(marketplace, url).country).toBe(country);
  });

  it.each([
    ['aliexpress', 'https://es.aliexpress.com/item/1005006180026951.html'],
    ['etsy', 'https://www.etsy.com/de/listing/1587654321/kinder'],
    ['shopify', 'https://anyeluz.com/products/x'],
    ['generic', 'https://shop.example/p/1'],
    ['temu', 'https://www.temu.com/mx/lumora-g-601099500000001.html'],
    ['temu', 'https://www.temu.com/mx-en/lumora-g-601099500000001.html'],
    [null, 'https://www.amazon.com/dp/B0DEMO0001'],
    ['amazon', 'not a url'],
    ['no-such-shop', 'https://www.amazon.com/dp/B0DEMO0001'],
  ])('does not guess the market of %s at %s', (marketplace, url) => {
    expect(storefrontOf(marketplace, url).country).toBeNull();
  });

  it('knows the JD Worldwide and Tmall Global hosts are import stores selling into China', () => {
    expect(storefrontOf('jd', 'https://npcitem.jd.hk/100012345678.html')).toEqual({
      country: 'CN',
      crossBorder: 'JD Worldwide',
    });
    expect(storefrontOf('taobao', 'https://detail.tmall.hk/item.htm?id=1')).toEqual({
      country: 'CN',
      crossBorder: 'Tmall Global',
    });
    expect(storefrontOf('jd', 'https://item.jd.com/1020565583.html').crossBorder).toBeNull();
  });
});
