/**
 * The content script's runtime, page-agnostic: extract → one lookup round trip → banner. Re-scans on
 * in-place changes (one debounced MutationObserver on the adapter's product containers) and on
 * same-document navigation, skipping work when the products read are unchanged. Everything is bound
 * to WXT's context, so an extension update or unload tears it down.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BannerEntry } from '../../components/RecallBanner';
import { extractWith } from '../extract/extract-page';
import { listingOf } from '../listing';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { ErrorResponse, ResponseFor } from '../messaging';
import { listenToBackground } from '../messaging/from-background';
import { send } from '../messaging/send';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { PageType, ProductIdentity } from '../schemas';
import { BannerMount } from './banner-mount';
import { fetchDocumentFor, resolveLines } from './resolve-lines';
import { scanKey } from './scan-key';

const RESCAN_DEBOUNCE_MS = 400;

export class PageScanner {
  private lastKey: string | null = null;
  private timer: number | undefined;
  private readonly banner: BannerMount;
  /** Product pages read for cart lines, by URL, for as long as this page view lasts. */
  private readonly productPages = new Map<string, Promise<ProductIdentity | null>>();

  /** `adapters`: the one site's adapter (per-site content scripts), or several where pages are detected by content. */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapters: readonly MarketplaceAdapter[],
  ) {
    this.banner = new BannerMount(ctx, (entry) => void this.notThis(entry));
  }

  start(): void {
    void this.scan(performance.now());
    const url = new URL(location.href);
    const adapter = this.adapters.find((a) => a.claims(url));
    const roots = (adapter?.observeSelectors ?? [])
      .map((s) => document.querySelector(s))
      .filter((el): el is Element => el !== null);
    if (roots.length > 0) {
      const observer = new MutationObserver(() => this.schedule());
      for (const root of roots)
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      this.ctx.onInvalidated(() => observer.disconnect());
    }
    // The background relays same-document navigations (webNavigation.onHistoryStateUpdated).
    this.ctx.onInvalidated(listenToBackground({ rescan: () => this.schedule() }));
    this.ctx.addEventListener(window, 'popstate', () => this.schedule());
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      void this.scan(performance.now());
    }, RESCAN_DEBOUNCE_MS);
  }

  private async scan(startedAt: number): Promise<void> {
    const url = new URL(location.href);
    const result = extractWith(this.adapters, document, url);
    const extractedAt = performance.now();
    const key = scanKey(url, result.marketplace, result.pageType, result.items);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (
      !(await this.check(key, url, result.pageType, result.marketplace, result.items, {
        startedAt,
        extractedAt,
      }))
    )
      return;

    // Cart and order lines without identifiers: read their product pages, then check again.
    const adapter = this.adapters.find((a) => a.id === result.marketplace);
    if (!adapter?.productUrl || (result.pageType !== 'cart' && result.pageType !== 'orders')) return;
    const resolved = await resolveLines(result.items, adapter, url, fetchDocumentFor(url), this.productPages);
    if (!this.ctx.isValid || this.lastKey !== key) return;
    const resolvedKey = scanKey(url, result.marketplace, result.pageType, resolved);
    if (resolvedKey === key) return;
    this.lastKey = resolvedKey;
    const now = performance.now();
    await this.check(resolvedKey, url, result.pageType, result.marketplace, resolved, {
      startedAt: now,
      extractedAt: now,
    });
  }

  /** Tells the background a warning is about another product, then checks the page again without it. */
  private async notThis(entry: BannerEntry): Promise<void> {
    await send('dismiss-match', {
      marketplace: entry.marketplace,
      listing: entry.listing,
      recallId: entry.match.recallId,
    }).catch(() => undefined);
    this.lastKey = null;
    await this.scan(performance.now());
  }

  /** One lookup round trip and the banner it calls for. False when the answer no longer applies. */
  private async check(
    key: string,
    url: URL,
    pageType: PageType,
    marketplace: string | null,
    items: ProductIdentity[],
    timing: { startedAt: number; extractedAt: number },
  ): Promise<boolean> {
    let response: ResponseFor<'lookup'> | ErrorResponse;
    try {
      response = await send('lookup', { page: { marketplace, pageType, url: url.href }, identities: items });
    } catch {
      // The background is restarting or the extension was updated; the next scan will try again.
      this.lastKey = null;
      return false;
    }
    if (!this.ctx.isValid || this.lastKey !== key || !response.ok) return false;
    const answeredAt = performance.now();

    const entries: BannerEntry[] = [];
    response.matches.forEach((matches, i) => {
      for (const match of matches) {
        const recall = response.recalls[match.recallId];
        if (recall && BANNER_TIERS.includes(match.tier)) {
          const item = items[i];
          entries.push({
            match,
            recall,
            productTitle: item?.title ?? null,
            marketplace,
            listing: item ? listingOf(item) : url.href,
          });
        }
      }
    });
    await this.banner.show(key, entries, pageType, { ...timing, answeredAt, indexMs: response.indexMs });
    return true;
  }
}
