/**
 * Where a listing says its item ships from, read only where a page says it once and as a place. What the
 * real saved pages (../shared/data/real-pages) show:
 * - Etsy (2026 listings): "Ships from: <strong>Türkiye</strong>" beside the delivery estimate, and the
 *   same words in the meta description ("… Ships from Richland Center, WI. Listed on …"): a country, or
 *   a US town and state. English labels only (the saved pages are English; other languages are not
 *   guessed at).
 * - Amazon: "Ships from: Amazon.com" names who ships (Amazon, a seller), not from where, so it is not
 *   read; an import has no other line that says its country.
 * - AliExpress: "Ships From" is a SKU choice (China, Spain, United States … on one listing) in JSON the
 *   server-rendered page leaves empty; Temu has no saved page. Neither is read.
 * - JD Worldwide and Tmall Global are known by their hosts (utils/storefront-country.ts).
 */
import { cleanText } from './labels';

/** A place is short; anything longer is a sentence that happens to follow the label. */
const MAX_PLACE = 60;

const LABEL = /^Ships from:?$/i;
const IN_DESCRIPTION = /\bShips from ([^.]{2,60})\.(?:\s|$)/;

const place = (text: string): string | null => {
  const cleaned = cleanText(text);
  return cleaned && cleaned.length <= MAX_PLACE ? cleaned : null;
};

/** Etsy's "Ships from" place, from the listing's delivery block, else its meta description; or null. */
export function etsyShipsFrom(doc: Document): string | null {
  for (const strong of doc.querySelectorAll('strong')) {
    // The label is the text just before the bold place, inside the same element.
    let label = '';
    for (let node = strong.previousSibling; node; node = node.previousSibling) {
      label = (node.textContent ?? '') + label;
    }
    if (!LABEL.test(cleanText(label))) continue;
    const found = place(strong.textContent ?? '');
    if (found) return found;
  }
  const description = doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
  const m = IN_DESCRIPTION.exec(description);
  return m ? place(m[1] as string) : null;
}
