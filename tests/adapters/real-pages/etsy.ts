import type { RealPageCase } from './real-page-case';

// Etsy's JSON-LD `brand` is the shop: a seller, never a brand. Handmade listings print no GTIN ("n/a").
export const realPageCases: RealPageCase[] = [
  {
    name: 'reads the 2020 decal listing from its microdata and shop name',
    page: 'etsy/listing-2020-decal-sticker.html',
    url: 'https://www.etsy.com/listing/230389421/agents-of-shield-decal-sticker-for-car',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '230389421',
        title: 'Agents of Shield decal sticker for car, truck, laptop in ANY COLOR die cut vinyl',
        brand: null,
        models: [],
        gtins: [],
        rawGtins: [],
        seller: 'InfernoDecals',
      },
    ],
  },
  {
    name: 'reads the necklace listing served in the Spain locale, without the "- Etsy Spain" suffix (2026)',
    page: 'etsy/listing-2026-es-crown-necklace.html',
    url: 'https://www.etsy.com/listing/1385245506/sterling-silver-crown-birth-year',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1385245506',
        title: 'Sterling Silver Crown Birth Year Necklace: Old English Date Pendant',
        brand: null,
        models: [],
        gtins: [],
        rawGtins: [],
        seller: 'GowaDesign',
      },
    ],
  },
  {
    name: 'reads the stacking blocks listing, whose JSON-LD Product has a listing-variation sku (2026)',
    page: 'etsy/listing-2026-stacking-blocks.html',
    url: 'https://www.etsy.com/listing/1394647088/stacking-blocks-set-of-4',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1394647088',
        title: 'Stacking Blocks (set of 4)',
        brand: null,
        models: [],
        gtins: [],
        rawGtins: [],
        seller: 'VanityFurGrooming',
      },
    ],
  },
];
