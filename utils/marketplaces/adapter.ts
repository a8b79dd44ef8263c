/**
 * The marketplace adapter contract. One module per marketplace in this folder: `<id>.ts`, or a
 * folder `<id>/index.ts` with its helpers beside it (scripts/lib/registry-files.ts states the rule once);
 * the registry in index.ts discovers them. Adapters are pure: a URL (and a parsed document) in, data out.
 * Nothing runs at import, because WXT imports entry files in Node at build time to read the manifest.
 */
import type { PageType, ProductIdentity } from '../schemas';

export interface MarketplaceAdapter {
  /** Equals the module's name (file or folder), e.g. "amazon". */
  id: string;
  /** Human name, shown in the popup ("Amazon"). */
  name: string;
  /** ISO country codes of the storefronts this adapter serves, most specific first; routes reports. */
  countries: string[];
  /** Content-script match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns). */
  matches: string[];
  /** True when this adapter owns the URL (a cheap test; the content script runs nothing else on others). */
  claims(url: URL): boolean;
  /** Page type from the URL alone. `extract` may still downgrade it after reading the DOM. */
  pageType(url: URL): PageType;
  /**
   * Reads identities off a parsed page: one for a product page, one per line for a cart or order list,
   * none when the page is not what the URL promised. Must not mutate `doc`.
   */
  extract(doc: Document, url: URL): ExtractResult;
  /**
   * The element that shows a cart or order line (its title link, say), beside which the content script
   * marks a recalled line. Optional: without it, utils/extract/line-element.ts looks for the first link
   * to the item with text, then the title's text. A query only: it must not mutate `doc`.
   */
  lineElement?(doc: Document, item: ProductIdentity): Element | null;
  /** Containers whose in-place changes (variant swaps) call for a re-scan. */
  observeSelectors?: string[];
  /**
   * The product page of a cart or order line. Cart rows rarely show a barcode or model; their product
   * pages do. On the page's own origin the content script fetches it as the page would (the user's
   * session); on another origin (JD: cart.jd.com → item.jd.com) it must be on `productHosts`, and the
   * background fetches it (utils/background/product-page.ts), because the page's CORS rules stop the
   * content script.
   */
  productUrl?(itemId: string, page: URL): string | null;
  /**
   * Hosts (exact names) of this marketplace's product pages that `productUrl` may point to from a cart or
   * order page on another origin. The background fetches only https URLs on these hosts that `pageType`
   * calls a product page, and only for a content script on this adapter's cart or order page; the build
   * declares them as host permissions (scripts/wxt-modules/product-page-hosts.ts). Keep it to the hosts
   * `productUrl` produces and the hosts those redirect to.
   */
  productHosts?: string[];
}

export interface ExtractResult {
  pageType: PageType;
  items: ProductIdentity[];
}

/** A test case that sits next to its adapter; tests/adapters generates one test per case. */
export interface AdapterTestCase {
  /** Sentence describing the behaviour, used as the test name. */
  name: string;
  url: string;
  /** Path under tests/fixtures/pages/, or omitted for URL-only cases. */
  fixture?: string;
  expectPageType: PageType;
  /** Expected items (a subset of fields is compared); omit for URL-only cases. */
  expectItems?: Array<
    Partial<
      Pick<
        ProductIdentity,
        'itemId' | 'title' | 'brand' | 'manufacturer' | 'models' | 'gtins' | 'rawGtins' | 'seller'
      >
    >
  >;
}
