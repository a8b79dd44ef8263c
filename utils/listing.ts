/**
 * How a "not this product" answer is remembered: per marketplace, per listing (its marketplace id, or its
 * URL when it has none), per recall. Shared by the content script (which sends it) and the background
 * (which applies it), so the two always agree.
 */
export const dismissalKey = (marketplace: string | null, listing: string, recallId: string): string =>
  `${marketplace ?? ''}|${listing}|${recallId}`;

/** The listing an identity is: its marketplace id, else its URL. */
export const listingOf = (identity: { itemId: string | null; url: string }): string =>
  identity.itemId ?? identity.url;

/**
 * A `dismissalKey` read back into its parts, for the options page's list; null for a key it cannot be.
 * The marketplace id has no `|`, nor do the recall ids our sources issue, so the listing is what lies between.
 */
export function dismissalOf(
  key: string,
): { marketplace: string | null; listing: string; recallId: string } | null {
  const first = key.indexOf('|');
  const last = key.lastIndexOf('|');
  if (first < 0 || last <= first) return null;
  const listing = key.slice(first + 1, last);
  const recallId = key.slice(last + 1);
  if (!listing || !recallId) return null;
  return { marketplace: key.slice(0, first) || null, listing, recallId };
}
