/**
 * The demo storefront's catalogue: a fictional shop, "Harbor Lane Goods", whose listings exercise every
 * verdict against the bundled demo recalls (scripts/demo-store/data/cpsc-demo.json):
 *   a barcode match, a brand+model match, a barcode match limited to date codes, a brand-only
 *   non-match (same brand as a recall, different product), and an unrelated product.
 */
export interface DemoProduct {
  handle: string;
  name: string;
  brand: string;
  mpn: string | null;
  /** Printed as the shop prints it: 12 digits under `gtin13`, as Walmart and legacy eBay do. */
  gtin13: string | null;
  price: string;
  description: string;
  /** What the demo expects the extension to say. */
  expect: 'warning' | 'no-match';
}

export const STORE_NAME = 'Harbor Lane Goods';

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    handle: 'cozynest-step-stool',
    name: 'Kettlebrook CozyNest Toddler Step Stool, Natural',
    brand: 'Kettlebrook',
    mpn: 'KB-TS100',
    gtin13: '850012345671',
    price: '89.00',
    description: 'A solid-wood kitchen helper with side rails, so little ones can reach the counter.',
    expect: 'warning',
  },
  {
    handle: 'lumora-hand-warmer',
    name: 'Lumora Rechargeable Hand Warmer 5000mAh',
    brand: 'Lumora',
    mpn: 'LM-HW5000',
    gtin13: null,
    price: '29.99',
    description: 'Pocket-sized, three heat levels, charges over USB-C.',
    expect: 'warning',
  },
  {
    handle: 'tidewater-power-station',
    name: 'Tidewater TW-PS500 Portable Power Station',
    brand: 'Tidewater',
    mpn: 'TW-PS500',
    gtin13: '850043210016',
    price: '349.00',
    description: '512 Wh battery with two AC outlets for camping and outages.',
    expect: 'warning',
  },
  {
    handle: 'pebble-pine-fleece-vest',
    name: 'Pebble & Pine Kids Fleece Vest',
    brand: 'Pebble & Pine',
    mpn: 'PP-FV220',
    gtin13: '850098765448',
    price: '34.00',
    description: 'Warm, light and machine-washable. No hood, no drawstrings.',
    expect: 'no-match',
  },
  {
    handle: 'walnut-cutting-board',
    name: 'Harbor Lane End-Grain Walnut Cutting Board',
    brand: 'Harbor Lane',
    mpn: 'HL-CB14',
    gtin13: '850098765431',
    price: '64.00',
    description: 'End-grain walnut, 14 by 10 inches, finished with food-safe oil.',
    expect: 'no-match',
  },
];
