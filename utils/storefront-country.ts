/**
 * Which country's shoppers a marketplace page sells to, from its address alone: the popup needs it to
 * say that a recall comes from elsewhere ("Recalled in the EU — not announced in the US"), and it must
 * not bundle the adapters (they are big) to learn it. So the answer is kept here as data, one entry per
 * adapter id, and tests/unit/storefront-country.test.ts holds it to the registry: every adapter has an
 * entry, and every country read here is one of that adapter's `countries`.
 *
 * A country is given only where the address settles it. A storefront that sells to every country under
 * one address (AliExpress, whose subdomains are languages; Etsy, whose path prefixes are languages; any
 * other shop) gets none, and then nothing may claim what was or was not announced "here".
 */

export interface Storefront {
  /** ISO 3166-1 alpha-2 code of the market the page sells to, or null when the address does not say. */
  country: string | null;
  /**
   * The platform's name when the host itself is a cross-border import store (JD Worldwide, Tmall Global):
   * the goods are sold into `country` from abroad.
   */
  crossBorder: string | null;
}

const UNKNOWN: Storefront = { country: null, crossBorder: null };

/** Amazon's retail storefronts by the part of the host after `www.amazon.` (utils/marketplaces/amazon.ts). */
const AMAZON: Readonly<Record<string, string>> = {
  com: 'US',
  ca: 'CA',
  'com.mx': 'MX',
  'com.br': 'BR',
  'co.uk': 'GB',
  de: 'DE',
  fr: 'FR',
  it: 'IT',
  es: 'ES',
  nl: 'NL',
  se: 'SE',
  pl: 'PL',
  'com.be': 'BE',
  ie: 'IE',
  'co.jp': 'JP',
  'com.au': 'AU',
  in: 'IN',
  sg: 'SG',
  ae: 'AE',
  sa: 'SA',
  'com.tr': 'TR',
  eg: 'EG',
};

/** eBay's sites by the part of the host after `ebay.` (www., cart., cart.payments.). */
const EBAY: Readonly<Record<string, string>> = {
  com: 'US',
  'co.uk': 'GB',
  de: 'DE',
  ca: 'CA',
  'com.au': 'AU',
};

/**
 * Temu's regional stores are path prefixes (`/uk/…`, `/de/…`, and a store in another language than its
 * country's, `/de-en/…`); the bare address is the US store. A two-letter first segment, with or without a
 * language after it, followed by more path is a prefix; one we do not know says nothing.
 */
const TEMU_PREFIXES: Readonly<Record<string, string>> = { uk: 'GB', de: 'DE', fr: 'FR', au: 'AU', ca: 'CA' };

/** Hosts that are import stores selling into mainland China from abroad (跨境进口). */
const CROSS_BORDER_HOSTS: Readonly<Record<string, string>> = {
  'item.jd.hk': 'JD Worldwide',
  'npcitem.jd.hk': 'JD Worldwide',
  'detail.tmall.hk': 'Tmall Global',
};

const inMarket = (country: string): Storefront => ({ country, crossBorder: null });

function temu(url: URL): Storefront {
  const prefix = /^\/([a-z]{2})(?:-[a-z]{2})?\/./i.exec(url.pathname)?.[1]?.toLowerCase();
  if (!prefix) return inMarket('US');
  return Object.hasOwn(TEMU_PREFIXES, prefix) ? inMarket(TEMU_PREFIXES[prefix] as string) : UNKNOWN;
}

/** JD and Taobao/Tmall sell to mainland China; their .hk hosts are the cross-border import stores. */
function chineseMarketplace(url: URL): Storefront {
  const platform = Object.hasOwn(CROSS_BORDER_HOSTS, url.hostname) ? CROSS_BORDER_HOSTS[url.hostname] : null;
  return { country: 'CN', crossBorder: platform ?? null };
}

function fromTable(table: Readonly<Record<string, string>>, host: RegExp, url: URL): Storefront {
  const suffix = host.exec(url.hostname.toLowerCase())?.[1];
  return suffix && Object.hasOwn(table, suffix) ? inMarket(table[suffix] as string) : UNKNOWN;
}

/**
 * Each adapter id's reader. An adapter missing here fails the conventions test, which says to add it:
 * a wrong country would word a foreign recall as local, or a local one as foreign.
 */
export const STOREFRONTS: Readonly<Record<string, (url: URL) => Storefront>> = {
  aliexpress: () => UNKNOWN,
  amazon: (url) => fromTable(AMAZON, /^www\.amazon\.(.+)$/, url),
  bestbuy: () => inMarket('US'),
  ebay: (url) => fromTable(EBAY, /^(?:www|cart|cart\.payments)\.ebay\.(.+)$/, url),
  etsy: () => UNKNOWN,
  generic: () => UNKNOWN,
  homedepot: () => inMarket('US'),
  jd: chineseMarketplace,
  shopify: () => UNKNOWN,
  taobao: chineseMarketplace,
  target: () => inMarket('US'),
  temu,
  walmart: () => inMarket('US'),
};

/** The market of a page that `marketplace` (an adapter id) read at `url`; unknown when either is. */
export function storefrontOf(marketplace: string | null, url: string): Storefront {
  const read = marketplace && Object.hasOwn(STOREFRONTS, marketplace) ? STOREFRONTS[marketplace] : undefined;
  if (!read || !URL.canParse(url)) return UNKNOWN;
  return read(new URL(url));
}
