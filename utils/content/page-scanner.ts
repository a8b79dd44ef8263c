/**
 * The content script's runtime, page-agnostic: extract → one lookup round trip → banner (and, on cart
 * and order pages, a mark beside each recalled line). Re-scans on in-place changes (one debounced
 * MutationObserver: on the adapter's product containers, or the whole body of a cart or order page,
 * whose rows come and go) and on same-document navigation, skipping the lookup when the products read
 * are unchanged (marks are still put back where the page re-rendered a row). Everything is bound to
 * WXT's context, so an extension update or unload tears it down.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BannerEntry } from '../../components/RecallBanner';
import { extractWith } from '../extract/extract-page';
import { fitLookup } from '../identity-limits';
import { listingOf } from '../listing';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { ErrorResponse, ResponseFor } from '../messaging';
import { send } from '../messaging/send';
import { BANNER_TIERS } from '../recall-index/tiers';
import { recalledWhereOnPage } from '../recalled-where-on-page';
import type { PageType, ProductIdentity } from '../schemas';
import { answerFromTemplates, holdsTemplates } from '../ui-language/page-messages';
import { BANNER_TAG, BannerMount } from './banner-mount';
import { onLocationChange } from './location-changes';
import { fetchDocumentFor, resolveLines } from './resolve-lines';
import { type LineMark, MARK_TAG, RowMarks } from './row-marks';
import { scanKey } from './scan-key';

const RESCAN_INTERVAL_MS = 400;

const isListPage = (pageType: PageType): boolean => pageType === 'cart' || pageType === 'orders';

/** Our own hosts coming or going (the banner, a row mark) are no change of the page. */
const OUR_TAGS = new Set([BANNER_TAG.toUpperCase(), MARK_TAG.toUpperCase()]);
const isOurs = (node: Node): boolean => OUR_TAGS.has((node as Element).tagName ?? '');
const pageChanged = (records: MutationRecord[]): boolean =>
  records.some(
    (r) =>
      r.type !== 'childList' ||
      !(Array.from(r.addedNodes).every(isOurs) && Array.from(r.removedNodes).every(isOurs)),
  );

export class PageScanner {
  /** The key of the products as read off the page (before product pages lent them identifiers). */
  private lastReadKey: string | null = null;
  /** The key of the products last sent: an answer for another key is dropped. */
  private lastKey: string | null = null;
  private timer: number | undefined;
  private readonly banner: BannerMount;
  private readonly marks: RowMarks;
  /** Product pages read for cart lines, by URL, for as long as this page view lasts. */
  private readonly productPages = new Map<string, Promise<ProductIdentity | null>>();

  /** `adapters`: the one site's adapter (per-site content scripts), or several where pages are detected by content. */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapters: readonly MarketplaceAdapter[],
  ) {
    this.banner = new BannerMount(ctx, (entry) => void this.notThis(entry));
    this.marks = new RowMarks(ctx, (line) => this.banner.showLine(line));
  }

  start(): void {
    void this.scan(performance.now());
    const url = new URL(location.href);
    const adapter = this.adapters.find((a) => a.claims(url));
    // Cart and order rows are added, removed and re-rendered anywhere in the page's own markup; rows
    // coming and going is what counts there, not text (prices, countdowns), so only child lists.
    const listPage = adapter !== undefined && isListPage(adapter.pageType(url));
    const roots = listPage
      ? [document.body]
      : (adapter?.observeSelectors ?? [])
          .map((s) => document.querySelector(s))
          .filter((el): el is Element => el !== null);
    if (roots.length > 0) {
      const observer = new MutationObserver((records) => {
        if (pageChanged(records)) this.schedule();
      });
      for (const root of roots)
        observer.observe(root, { childList: true, subtree: true, characterData: !listPage });
      this.ctx.onInvalidated(() => observer.disconnect());
    }
    // Same-document navigations (history.pushState between products), heard here, in the page. The
    // page is looked up again even when it reads the same, because the background forgets a tab's
    // verdict when the tab navigates (utils/background/verdict-lifetime.ts) and this files it again.
    onLocationChange(this.ctx, () => {
      this.lastReadKey = null;
      this.schedule();
    });
  }

  /**
   * One scan at most every RESCAN_INTERVAL_MS, started by the first change after the last scan: a page
   * that never stops changing (a carousel on a cart page) still gets scanned, and a change made during a
   * scan schedules the next, so the final state is always read.
   */
  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.ctx.setTimeout(() => {
      this.timer = undefined;
      void this.scan(performance.now());
    }, RESCAN_INTERVAL_MS);
  }

  private async scan(startedAt: number): Promise<void> {
    const url = new URL(location.href);
    const result = extractWith(this.adapters, document, url);
    const extractedAt = performance.now();
    const readKey = scanKey(url, result.marketplace, result.pageType, result.items);
    if (readKey === this.lastReadKey) {
      this.marks.refresh();
      return;
    }
    this.lastReadKey = readKey;
    const adapter = this.adapters.find((a) => a.id === result.marketplace);
    const resolving = adapter?.productUrl && isListPage(result.pageType) ? adapter : null;

    // Lines whose product pages this page view has read keep their identifiers at once: a cart that
    // changed is checked once, and its warning does not blink while the pages are read again.
    const items = resolving
      ? await resolveLines(result.items, resolving, url, fetchDocumentFor(url), this.productPages, {
          cachedOnly: true,
        })
      : result.items;
    if (!this.ctx.isValid || this.lastReadKey !== readKey) return;
    const key = scanKey(url, result.marketplace, result.pageType, items);
    this.lastKey = key;
    const read = { url, pageType: result.pageType, marketplace: result.marketplace, adapter };
    if (!(await this.check(key, read, items, { startedAt, extractedAt }))) return;

    // Cart and order lines without identifiers: read their product pages, then check again.
    if (!resolving) return;
    const resolved = await resolveLines(items, resolving, url, fetchDocumentFor(url), this.productPages);
    if (!this.ctx.isValid || this.lastKey !== key) return;
    const resolvedKey = scanKey(url, result.marketplace, result.pageType, resolved);
    if (resolvedKey === key) return;
    this.lastKey = resolvedKey;
    const now = performance.now();
    await this.check(resolvedKey, read, resolved, { startedAt: now, extractedAt: now });
  }

  /** Tells the background a warning is about another product, then checks the page again without it. */
  private async notThis(entry: BannerEntry): Promise<void> {
    await send('dismiss-match', {
      marketplace: entry.marketplace,
      listing: entry.listing,
      recallId: entry.match.recallId,
    }).catch(() => undefined);
    this.lastKey = null;
    this.lastReadKey = null;
    await this.scan(performance.now());
  }

  /** One lookup round trip and the banner (and row marks) it calls for. False when the answer no longer applies. */
  private async check(
    key: string,
    read: {
      url: URL;
      pageType: PageType;
      marketplace: string | null;
      adapter: MarketplaceAdapter | undefined;
    },
    lines: ProductIdentity[],
    timing: { startedAt: number; extractedAt: number },
  ): Promise<boolean> {
    const { url, pageType, marketplace } = read;
    // Fail closed: over-long fields are cut and the lines capped here, never a reason for the lookup to
    // be refused (issue 14, finding 4); the answer's lines are these lines.
    const { page, identities: items } = fitLookup({ marketplace, pageType, url: url.href }, lines);
    let response: ResponseFor<'lookup'> | ErrorResponse;
    try {
      response = await send('lookup', { page, identities: items, wantMessages: !holdsTemplates() });
    } catch {
      // The background is restarting or the extension was updated; the next scan will try again.
      response = { ok: false, error: 'no answer' };
    }
    if (!response.ok) {
      // Nor is a refused or failed lookup (the index reopening, say) the last word on this page.
      this.lastKey = null;
      this.lastReadKey = null;
      return false;
    }
    if (!this.ctx.isValid || this.lastKey !== key) return false;
    const answeredAt = performance.now();
    if (response.messages) answerFromTemplates(response.messages);

    const entries: BannerEntry[] = [];
    const marks = new Map<number, LineMark>();
    response.matches.forEach((matches, line) => {
      const item = items[line];
      const matched = matches.flatMap((m) => response.recalls[m.recallId] ?? []);
      for (const match of matches) {
        const recall = response.recalls[match.recallId];
        if (!recall || !BANNER_TIERS.includes(match.tier)) continue;
        entries.push({
          match,
          recall,
          productTitle: item?.title ?? null,
          marketplace,
          listing: item ? listingOf(item) : page.url,
          line,
          where: recalledWhereOnPage({ marketplace, url: url.href }, recall, matched),
        });
        const mark = marks.get(line);
        if (mark) {
          mark.recalls += 1;
          // The strongest tier among the line's recalls (BANNER_TIERS lists the strongest first).
          if (BANNER_TIERS.indexOf(match.tier) < BANNER_TIERS.indexOf(mark.tier)) mark.tier = match.tier;
        } else if (item) marks.set(line, { line, item, tier: match.tier, recalls: 1 });
      }
    });
    this.marks.update(isListPage(pageType) ? [...marks.values()] : [], read.adapter);
    this.banner.show(key, entries, pageType, items.length, {
      ...timing,
      answeredAt,
      indexMs: response.indexMs,
    });
    return true;
  }
}
