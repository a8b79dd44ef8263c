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
