/**
 * Amazon product pages (every retail storefront: same DOM ids, localised labels) → the product's
 * identity. The pages carry no schema.org Product, so identity comes from the labelled detail sections,
 * read with the shared alias table. Every query is scoped to a main-product section by id: carousels,
 * sponsored tiles and the "compare with similar items" table describe other products (other ASINs,
 * brands and models), so a page-wide `[data-asin]` or `tr` harvest would mix them in.
 *
 * Kept apart from the adapter (utils/marketplaces/amazon.ts), which decides the page type and reads
 * carts, as amazon-orders.ts reads order pages.
 */
import type { IdentityFact, ProductIdentity } from '../schemas';
import { IdentityBuilder } from './identity-builder';
import { cleanText, factsFromPairs, harvestPairs } from './labels';

/** Ten upper-case letters or digits: `B0…` ASINs, and the ISBN-10s that serve as ASINs on book pages. */
export const AMAZON_ITEM_ID = /^[A-Z0-9]{10}$/;

/**
 * Sections that hold the product's own label/value pairs, by layout:
 * - 2024–2026 "expander" layout: `#productDetails_expanderTables_depth{Left,Right}Sections`, tables
 *   inside collapsed `a-expander-content` blocks (display:none, still in the DOM);
 * - to 2023: `#productDetails_techSpec_section_{1,2}` and `#productDetails_detailBullets_sections1`;
 * - detail-bullets layout (books, most EU/JP pages): `#detailBullets_feature_div`, and its 2022+ wrapper;
 * - technical-specification tables of some categories;
 * - the product overview (`tr.po-brand`, `tr.po-model_name` ...) above the buy box.
 */
const DETAIL_SECTIONS = [
  '#productOverview_feature_div',
  '#productDetails_expanderTables_depthLeftSections',
  '#productDetails_expanderTables_depthRightSections',
  '#productDetails_techSpec_section_1',
  '#productDetails_techSpec_section_2',
  '#productDetails_detailBullets_sections1',
  '#detailBulletsWrapper_feature_div',
  '#detailBullets_feature_div',
  '#technicalSpecifications_section_1',
  '#product-specification-table',
  // 2013–2016 layout: `.pdTab` label/value tables ("Modellnummer") in `#prodDetails`. Listed last, so a
  // newer page whose sections above sit inside `#prodDetails` keeps using those.
  '#prodDetails',
];

/** Root elements of the detail sections, without one nested in another (the bullets wrapper). */
function detailRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const selector of DETAIL_SECTIONS) {
    const el = doc.querySelector(selector);
    if (el && !roots.some((r) => r.contains(el) || el.contains(r))) roots.push(el);
  }
  return roots;
}

/**
 * The seller: the third-party seller link (`#sellerProfileTriggerId`, every layout), then the 2023+
 * buy box's "Sold by" feature, then the older `#merchant-info` sentence ("Ships from and sold by X.",
 * "Verkauf und Versand durch X."), which the 2015 layout follows with another sentence ("Verkauf und
 * Versand durch Amazon. Geschenkverpackung verfügbar.").
 */
function seller(doc: Document): string | null {
  const link = cleanText(doc.querySelector('#sellerProfileTriggerId')?.textContent);
  if (link) return link;
  const feature = cleanText(
    // The feature's label ("Sold by", "Verkäufer") uses the same message class inside `-label`.
    doc.querySelector(
      '#merchantInfoFeature_feature_div .offer-display-feature-text .offer-display-feature-text-message',
    )?.textContent,
  );
  if (feature) return feature;
  const info = cleanText(doc.querySelector('#merchant-info')?.textContent);
  const m =
    /(?:sold by|verkauf(?:\s+und\s+versand)? durch|vendu(?:\s+et\s+expédié)? par|venduto(?:\s+e\s+spedito)? da|vendido(?:\s+y\s+enviado)? por)\s+(.+?)(?:\s+(?:and|und|et|e|y)\s+(?:fulfilled|ships|versand|expédié|spedito|enviado)\b.*)?(?:\.(?:\s.*)?)?$/i.exec(
      info,
    );
  return m?.[1] ? cleanText(m[1]) : null;
}

/** The selected twister dimensions ("Natural Wood / Small"), from the variation rows' `.selection`. */
function variant(doc: Document): string | null {
  const parts = Array.from(doc.querySelectorAll('#twister [id^="variation_"] .selection'))
    .map((el) => cleanText(el.textContent))
    .filter(Boolean);
  return parts.length > 0 ? parts.join(' / ') : null;
}

/**
 * Amazon.in prints the manufacturer, packer and importer with their postal addresses, as Indian labelling
 * rules require ("VIP Industries Limited, DGP House, 88C, Old Prabhadevi Road, …, Mumbai 400025. India",
 * "Sony, Made in China by …"): the name is what comes before the first comma. A comma followed by a
 * company form alone ("Hasbro, Inc.") has no digit after it and is kept whole.
 */
function manufacturerName(fact: IdentityFact): IdentityFact {
  if (fact.field !== 'manufacturer') return fact;
  const m = /^([^,]+),(.*)$/.exec(fact.value);
  if (!m?.[1] || !m[2] || !/\d/.test(m[2])) return fact;
  return { ...fact, value: m[1].trim() };
}

/**
 * The product of an Amazon product page, or null when the page is not one (a robot check, an
 * interstitial, an error page): it has neither the title nor the ASIN field. `urlAsin` is the ASIN the
 * URL names, the fallback when the page's own field is missing.
 */
export function amazonProduct(doc: Document, url: URL, urlAsin: string | null): ProductIdentity | null {
  const titleEl = Array.from(doc.querySelectorAll('#productTitle')).find((el) => cleanText(el.textContent));
  const asinInput = doc.querySelector('input#ASIN');
  if (!titleEl && !asinInput) return null;

  const b = new IdentityBuilder({ marketplace: 'amazon', pageType: 'product', url: url.href });
  // input#ASIN follows twister variant swaps (the URL may still name the ASIN first loaded), so the URL
  // is only the fallback. The field occurs up to three times per page, always with the same value.
  const inputAsin = cleanText(asinInput?.getAttribute('value')).toUpperCase();
  if (AMAZON_ITEM_ID.test(inputAsin)) b.add('itemId', inputAsin, 'embedded-json', 'input#ASIN');
  else b.add('itemId', urlAsin, 'url');
  b.add('title', titleEl?.textContent, 'title-text', 'productTitle');

  // The overview's brand row is read first by class: its label is localised ("Marke", "ブランド").
  const poBrand = doc.querySelector('#productOverview_feature_div tr.po-brand td:nth-child(2)');
  b.add('brand', poBrand?.textContent, 'spec-table', 'po-brand');
  for (const root of detailRoots(doc)) b.addFacts(factsFromPairs(harvestPairs(root)).map(manufacturerName));

  // The byline names the brand ("Visit the X Store", "Brand: X", "Besuche den X-Store"), except on book
  // pages, where it lists authors. `#brand` is the 2017–2019 byline.
  const byline = doc.querySelector('#bylineInfo');
  if (byline && !byline.querySelector('.author')) b.add('brand', byline.textContent, 'byline', 'bylineInfo');
  b.add('brand', doc.querySelector('a#brand')?.textContent, 'byline', 'brand');

  b.add('seller', seller(doc), 'byline', 'seller');
  b.setVariant(variant(doc));
  return b.build();
}
