/**
 * Amazon item ids (ASINs) printed in recall notices. CPSC notices of products sold on Amazon print the
 * listing's ASIN, as a model number ("model number B0BG4L3997", "The model number is B0DM5BJK3H"), under
 * its name ("ASIN: B09YRHCZY5", "Amazon ASIN B07WMX25SV") or as a bare identifier on the package ("marked
 * with one of the following identifiers: B0D62S9H39, …"). On an Amazon page that value is the page's own
 * item id, which names the very listing the notice says sold the product.
 *
 * Shape: "B0" and eight more capital letters or digits (the form of every ASIN that is not an ISBN-10),
 * with at least one letter among them so that a digit run is never taken for one. A notice's typo
 * ("ASIN B0CBK7HQQ", nine characters) is not an ASIN and is not repaired.
 */

const ASIN_SHAPE = /^B0(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8}$/;
const ASIN_IN_TEXT = /(?<![A-Za-z0-9])B0(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8}(?![A-Za-z0-9])/g;

/** Whether a value has the shape of an ASIN: "B0BG4L3997" yes, "B000000000" and "b0bg4l3997" no. */
export function isAsin(value: string): boolean {
  return ASIN_SHAPE.test(value.trim());
}

/** The ASIN-shaped values a text prints, each once, in order. */
export function mineAsins(text: string): string[] {
  return [...new Set(text.match(ASIN_IN_TEXT) ?? [])];
}

/** Marketplaces whose item id is an ASIN (the adapter id; one adapter serves every Amazon domain). */
export const ASIN_MARKETPLACES: ReadonlySet<string> = new Set(['amazon']);

/** The page's ASIN when it is an Amazon listing whose item id has the shape of one, else null. */
export function pageAsin(identity: { marketplace: string | null; itemId: string | null }): string | null {
  const id = identity.itemId?.trim().toUpperCase() ?? '';
  return identity.marketplace !== null && ASIN_MARKETPLACES.has(identity.marketplace) && isAsin(id)
    ? id
    : null;
}
