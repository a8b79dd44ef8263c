/**
 * Reading a public web page for its product data, as the background does for a cart line's product page
 * (utils/background/product-page.ts) and the audit page does for a merchant's listing pages
 * (utils/audit/listing-pages.ts): no cookies, no referrer, HTML asked for, and the body read to a cap.
 */
import { readCapped } from './read-capped';

/** The request: nothing of the shopper's goes with it (no cookies, no referring page). */
export const PUBLIC_PAGE_REQUEST: RequestInit = {
  credentials: 'omit',
  redirect: 'follow',
  referrerPolicy: 'no-referrer',
  headers: { accept: 'text/html' },
};

/** At most `maxBytes` of a body, refused early by its Content-Length; null when it is longer. */
export async function readPageBody(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  return readCapped(res.body, maxBytes);
}
