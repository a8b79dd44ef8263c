/**
 * The identity of a scan result: when a re-scan (a mutation) reads the same products on the same page,
 * nothing is sent or re-rendered. Keyed by the page's address (without its fragment), marketplace, page
 * type, items and their identifiers. The address is part of it because a verdict belongs to its page: a
 * shop that rewrites its address in place (history.replaceState to a canonical URL) gets its verdict filed
 * again under the new one, which the popup compares with the tab's address.
 */
import type { PageType, ProductIdentity } from '../schemas';

export function scanKey(
  url: URL,
  marketplace: string | null,
  pageType: PageType,
  items: ProductIdentity[],
): string {
  const parts = items.map((i) =>
    [i.itemId ?? '', i.variant ?? '', i.gtins.join(','), i.models.join(','), i.brand ?? ''].join('~'),
  );
  const page = url.href.replace(/#.*$/, '');
  return [page, marketplace ?? '', pageType, ...parts].join('|');
}
