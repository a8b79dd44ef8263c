import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    // Served on the shop's own domain (anyeluz.com): recognised by ShopifyAnalytics, not by URL. One
    // variant (51779245539604, SKU K0245, empty barcode); the URL names no variant, so the item is the product.
    name: 'reads the Anyeluz kit on its own domain from ShopifyAnalytics.meta and JSON-LD (2026)',
    page: 'shopify/product-2026-anyeluz-co.html',
    url: 'https://www.anyeluz.com/products/kit-potencializador-anyeluz',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '8405584838932',
        title: 'KIT POTENCIALIZADOR ANYELUZ EDICIÓN LIMITADA ¡GRATIS BOLSO Y CHARM!',
        brand: 'Anyeluz',
        models: ['K0245'],
        gtins: [],
        rawGtins: [],
        seller: null,
      },
    ],
  },
];
