/**
 * Labels for the fixture corpus (corpus.ts): every page identity the adapters read from
 * tests/fixtures/pages is paired with every recall the mappers make of tests/fixtures/feeds and the demo
 * data. Only the pairs below are positives (or popup-only); every other pair is labelled 'none', which
 * is true by construction of the fixtures: apart from the Kettlebrook step stool (cpsc:90001) and the
 * Lumora hand warmer (cpsc:90002), no page sells a recalled product. Pairs that share only a brand are
 * found by the harness and marked brand-only. See labels.ts for what each label means.
 *
 * The Target parent listing (target/product.html#1) was labelled brand-only before the title rule:
 * it shows no barcode or model, only the brand and the notice's product name, which is exactly the
 * title rule's "possible".
 */
import type { FixtureLabel } from './labels';

const STEP_STOOL = 'cpsc:90001';
const HAND_WARMER = 'cpsc:90002';

/** Pages that print a GTIN the step stool notice lists (UPC-A in the notice, as the page printed it). */
const STOOL_BY_GTIN = [
  'amazon/product-expander.html#0',
  'ebay/item-msku.html#0',
  'ebay/item-msku.html#1',
  'generic/jsonld-graph.html#0',
  'homedepot/product.html#0',
  'shopify/product.html#0',
  'shopify/product.html#1',
  'target/product.html#0',
  'walmart/product.html#0',
];

/** Pages with the Kettlebrook brand and model KB-TS100 but no GTIN (marketplaces that hide barcodes). */
const STOOL_BY_MODEL = [
  'aliexpress/product-2023.html#0',
  'ebay/item-msku.html#2',
  'jd/product-classic.html#0',
  'taobao/tmall-2024.html#0',
  'temu/product.html#0',
  'walmart/product-after-client-navigation.html#0',
];

/** Pages with Lumora and model LM-HW5000; the notice prints no GTIN. Two use Tmall's "Lumora/路摩". */
const WARMER_BY_MODEL = [
  'aliexpress/product-runparams-he.html#0',
  'amazon/product-techspec-2021.html#0',
  'bestbuy/product-2025.html#0',
  'ebay/item-modern.html#0',
  'jd/product-2024.html#0',
  'taobao/tmall-gbk.html#0',
];

export const FIXTURE_LABELS: readonly FixtureLabel[] = [
  ...STOOL_BY_GTIN.map((page) => ({
    page,
    recall: STEP_STOOL,
    expect: { atLeast: 'confirmed' } as const,
    why: 'The page prints a GTIN the notice lists, under the Kettlebrook brand.',
  })),
  ...STOOL_BY_MODEL.map((page) => ({
    page,
    recall: STEP_STOOL,
    expect: { atLeast: 'likely' } as const,
    why: 'Kettlebrook and model KB-TS100 on both sides; the page shows no barcode.',
  })),
  ...WARMER_BY_MODEL.map((page) => ({
    page,
    recall: HAND_WARMER,
    expect: { atLeast: 'likely' } as const,
    why: 'Lumora and model LM-HW5000 on both sides.',
  })),
  {
    page: 'bestbuy/product-2025.html#0',
    recall: 'cpsc:90003',
    expect: { atMost: 'possible' },
    caveats: ['brand-differs'],
    why: "A Lumora hand warmer whose UPC is the one Tidewater's power station notice lists: reuse or a typo, never a banner.",
  },
  {
    page: 'target/product.html#1',
    recall: STEP_STOOL,
    expect: { atLeast: 'possible' },
    caveats: ['title-only'],
    byTitle: true,
    why: 'The Target parent listing (no variant chosen, so no barcode) is "Kettlebrook CozyNest Toddler Step Stool": the brand and the product name the notice prints, and nothing else.',
  },
];
