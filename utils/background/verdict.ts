/**
 * Turning a page's identities and matches into the one word the popup and badge show. A page with
 * nothing we can check is `unreadable`, never `no-match`: "we found nothing" and "we could not look"
 * must not look alike.
 */
import type { VerdictStatus } from '../messaging';
import { identifierKeys } from '../recall-index/keys';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { PageType, ProductIdentity, RecallMatch } from '../schemas';

export function verdictStatus(
  pageType: PageType,
  identities: ProductIdentity[],
  matches: RecallMatch[][],
): VerdictStatus {
  const all = matches.flat();
  if (all.some((m) => BANNER_TIERS.includes(m.tier))) return 'warning';
  if (all.length > 0) return 'possible';
  if (pageType === 'other') return 'not-product';
  if (identities.length === 0 || identities.every((i) => identifierKeys(i).length === 0)) return 'unreadable';
  return 'no-match';
}
