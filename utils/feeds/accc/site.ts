/**
 * Where ACCC publishes: the productsafety.gov.au host, the RSS feed's URL and which links are recall
 * notice pages. Detection, the sync walk and the mapper all ask the same questions of a URL, so the
 * answers live here once.
 */
import { clean } from '../lib/text';

export const SITE = 'productsafety.gov.au';
export const ORIGIN = 'https://www.productsafety.gov.au';
export const FEED_URL = `${ORIGIN}/rss/feed.xml/psa_recall`;

/** True for a URL on productsafety.gov.au or one of its subdomains. */
export function isAcccUrl(value: string): boolean {
  try {
    const host = new URL(value.trim()).hostname;
    return host === SITE || host.endsWith(`.${SITE}`);
  } catch {
    return false;
  }
}

/**
 * The notice page an item's link names, on the feed's origin (the www host, https), or null for a link
 * that is not a recall notice on productsafety.gov.au.
 */
export function noticeUrl(link: string | null): string | null {
  try {
    const url = new URL(clean(link), `${ORIGIN}/`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.hostname !== SITE && url.hostname !== `www.${SITE}`) return null;
    if (!/^\/(?:recalls|search-consumer-product-recalls)\/[^/]+\/?$/.test(url.pathname)) return null;
    return `${ORIGIN}${url.pathname}`;
  } catch {
    return null;
  }
}
