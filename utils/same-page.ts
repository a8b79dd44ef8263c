/**
 * Whether two addresses name the same page, as the popup asks of a tab's verdict and the tab's address:
 * the fragment is ignored (in-page anchors and review tabs change it without changing the product), and
 * anything else (path, query, host) makes another page. Addresses that do not parse are never the same.
 */
import { clip, IDENTITY_LIMITS } from './identity-limits';

export function samePage(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const x = new URL(a);
  const y = new URL(b);
  x.hash = '';
  y.hash = '';
  // A lookup carries at most IDENTITY_LIMITS.url characters of its page's address (fail closed, issue 14
  // finding 4), so a verdict for a longer address is its tab's when that much of the two agrees.
  return clip(x.href, IDENTITY_LIMITS.url) === clip(y.href, IDENTITY_LIMITS.url);
}
