import { describe, expect, it } from 'vitest';
import {
  ALL_SITES,
  ANY_SHOP_SCRIPT_FILE,
  type AnyShopContext,
  anyShopContext,
  anyShopRegistration,
  coversUrl,
  newlyAllowedSites,
  sameRegistration,
  shopSites,
  sitePattern,
} from '../../utils/any-shop';
import { allMatchPatterns } from '../../utils/marketplaces';

const FEEDS = ['https://www.gov.uk/*', 'https://ec.europa.eu/*'];
const context: AnyShopContext = { marketplaceMatches: allMatchPatterns(), reserved: FEEDS };
/** What Chrome reports: the content-script matches count as granted origins too. */
const withMarketplaces = (...granted: string[]) => [...allMatchPatterns(), ...granted];

describe('the any-shop registration', () => {
  it('is absent when the user allowed no shop', () => {
    expect(anyShopRegistration(withMarketplaces(), context)).toBeNull();
    expect(anyShopRegistration([], context)).toBeNull();
  });

  it('runs the any-shop script on one allowed site, top frame, at document idle', () => {
    expect(anyShopRegistration(withMarketplaces('https://harborlane.example/*'), context)).toEqual({
      id: 'any-shop',
      js: [ANY_SHOP_SCRIPT_FILE],
      matches: ['https://harborlane.example/*'],
      excludeMatches: [],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('covers every site when every site is allowed, except the marketplaces that have their own script', () => {
    const spec = anyShopRegistration(withMarketplaces(...ALL_SITES), context);
    expect(spec?.matches).toEqual(['https://*/*', 'http://*/*']);
    expect(spec?.excludeMatches).toEqual([...allMatchPatterns()].sort());
    expect(coversUrl(spec, new URL('https://harborlane.example/products/stool'))).toBe(true);
    expect(coversUrl(spec, new URL('https://www.amazon.com/dp/B0DEMO0001'))).toBe(false);
    expect(coversUrl(spec, new URL('https://de.aliexpress.com/item/1005001.html'))).toBe(false);
  });

  it('reads `<all_urls>` and `*://` grants as both schemes', () => {
    expect(anyShopRegistration(['<all_urls>'], context)?.matches).toEqual(['https://*/*', 'http://*/*']);
    expect(anyShopRegistration(['*://shop.example/*'], context)?.matches).toEqual([
      'http://shop.example/*',
      'https://shop.example/*',
    ]);
  });

  it('leaves out a site a marketplace script already covers', () => {
    expect(anyShopRegistration(withMarketplaces('https://www.amazon.com/*'), context)).toBeNull();
    expect(anyShopRegistration(['https://www.aliexpress.com/*'], context)).toBeNull();
  });

  it('leaves out the hosts granted for a recall feed', () => {
    expect(anyShopRegistration(withMarketplaces('https://www.gov.uk/*'), context)).toBeNull();
    expect(shopSites(['https://www.gov.uk/*', 'https://shop.example/*'], context)).toEqual([
      'https://shop.example/*',
    ]);
  });

  it('excludes only the marketplace patterns a shop pattern could meet', () => {
    const spec = anyShopRegistration(['https://*.ebay.com/*', 'https://shop.example/*'], context);
    expect(spec?.matches).toEqual(['https://*.ebay.com/*', 'https://shop.example/*']);
    expect(spec?.excludeMatches).toEqual([
      'https://cart.ebay.com/*',
      'https://cart.payments.ebay.com/*',
      'https://www.ebay.com/*',
    ]);
  });

  it('ignores patterns that are not web pages', () => {
    expect(anyShopRegistration(['file:///*', 'ftp://files.example/*', 'not a pattern'], context)).toBeNull();
  });

  it('lists every site first, then single sites in order', () => {
    expect(
      shopSites(['https://b.example/*', 'http://*/*', 'https://a.example/*', 'https://*/*'], context),
    ).toEqual(['https://*/*', 'http://*/*', 'https://a.example/*', 'https://b.example/*']);
  });
});

describe('reading open tabs when a site is allowed', () => {
  it('reads the tabs of a site allowed on its own', () => {
    expect(newlyAllowedSites(['https://harborlane.example/*'], context)).toEqual([
      'https://harborlane.example/*',
    ]);
  });

  it('does not touch every open tab when every site is allowed', () => {
    expect(newlyAllowedSites([...ALL_SITES], context)).toEqual([]);
    expect(newlyAllowedSites(['https://*.shop.example/*'], context)).toEqual([]);
  });

  it('does not read tabs for a feed host or a marketplace', () => {
    expect(newlyAllowedSites(['https://www.gov.uk/*', 'https://item.jd.com/*'], context)).toEqual([]);
  });
});

describe('the popup’s "Check this shop"', () => {
  it('asks for this page’s scheme and host only, any port and path', () => {
    expect(sitePattern(new URL('https://harborlane.example/products/stool?variant=1'))).toBe(
      'https://harborlane.example/*',
    );
    expect(sitePattern(new URL('http://localhost:8080/x'))).toBe('http://localhost/*');
  });

  it('offers nothing on pages that are not web pages', () => {
    expect(sitePattern(new URL('chrome://extensions/'))).toBeNull();
    expect(sitePattern(new URL('file:///tmp/page.html'))).toBeNull();
  });
});

describe('the context read off the manifest', () => {
  it('takes the content-script matches as marketplaces and the feed hosts as reserved', () => {
    const ctx = anyShopContext({
      content_scripts: [{ matches: ['https://www.amazon.com/*'] }, { matches: ['https://www.amazon.com/*'] }],
      optional_host_permissions: [...ALL_SITES, 'https://www.gov.uk/*'],
    });
    expect(ctx).toEqual({
      marketplaceMatches: ['https://www.amazon.com/*'],
      reserved: ['https://www.gov.uk/*'],
    });
  });
});

describe('comparing with the registered script', () => {
  const wanted = anyShopRegistration(['https://shop.example/*'], context);
  it('sees the browser’s report of the same script as the same, leading slash or not', () => {
    expect(
      wanted &&
        sameRegistration(
          { js: ['content-scripts/any-shop.js'], matches: ['https://shop.example/*'] },
          wanted,
        ),
    ).toBe(true);
  });
  it('sees a changed site list as a change', () => {
    expect(
      wanted && sameRegistration({ js: [ANY_SHOP_SCRIPT_FILE], matches: ['https://old.example/*'] }, wanted),
    ).toBe(false);
    expect(wanted && sameRegistration(undefined, wanted)).toBe(false);
  });
});
