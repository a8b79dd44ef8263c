/**
 * The generic adapter: any shop that publishes schema.org Product data (JSON-LD, microdata) or Open
 * Graph product tags. It claims no URL and has no match patterns: it runs only where the user grants an
 * optional host permission, and `extractPage` falls back to it when no marketplace adapter claims a page.
 *
 * The URL says nothing about a shop's page types, so `pageType(url)` is 'other' and `extract` upgrades
 * the page to 'product' when it finds a product in the markup.
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { readStructuredData } from '../extract/structured-data';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const generic: MarketplaceAdapter = {
  id: 'generic',
  name: 'Online shop',
  countries: [],
  matches: [],
  claims: () => false,
  pageType: () => 'other',
  extract(doc, url) {
    const data = readStructuredData(doc, url);
    if (!data.found) return { pageType: 'other', items: [] };
    const b = new IdentityBuilder({
      marketplace: 'generic',
      pageType: 'product',
      url: url.href,
      siteName: data.siteName,
    });
    b.addFacts(data.facts);
    // The document title is the last resort for a name, with the shop's suffix removed by the builder.
    b.add('title', doc.querySelector('title')?.textContent, 'title-text', 'title');
    b.setVariant(data.variant);
    return { pageType: 'product', items: [b.build()] };
  },
};

export default generic;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads a JSON-LD @graph product whose gtin13 holds a 12-digit UPC',
    url: 'https://www.littleacorn.example/products/kettlebrook-cozynest-step-stool',
    fixture: 'generic/jsonld-graph.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'LA-88213',
        title: 'Kettlebrook CozyNest Toddler Step Stool – Natural Wood',
        brand: 'Kettlebrook',
        models: ['KB-TS100'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
        seller: 'Little Acorn Nursery Supply',
      },
    ],
  },
  {
    name: 'reads the main microdata product and not the recently viewed tile above it',
    url: 'https://shop.brightwick.example/night-lights/nl-220-plug-in-led-night-light.html',
    fixture: 'generic/microdata.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'BW-NL220-WH',
        title: 'Brightwick NL-220 Plug-in LED Night Light with Dusk Sensor',
        brand: 'Brightwick',
        manufacturer: 'Brightwick Lighting Ltd',
        models: ['NL-220'],
        gtins: ['00850034123455'],
        rawGtins: ['850034123455'],
        seller: 'Brightwick Online',
      },
    ],
  },
  {
    name: 'reads Open Graph product tags when the page has no schema.org markup',
    url: 'https://saltmarsh.example/shop/insulated-bottle-750',
    fixture: 'generic/og-meta.html',
    expectPageType: 'product',
    expectItems: [
      {
        title: 'Saltmarsh Insulated Water Bottle 750 ml',
        brand: 'Saltmarsh',
        models: ['SM-IB750'],
        gtins: ['00850045678906'],
        rawGtins: ['850045678906'],
      },
    ],
  },
  {
    name: 'picks the ProductGroup variant that the URL selects',
    url: 'https://fernhollow.example/products/kids-bike-helmet?variant=41000000002',
    fixture: 'generic/product-group.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'FH-KH200-M-SG',
        title: 'Fernhollow Kids Bike Helmet',
        brand: 'Fernhollow',
        models: ['FH-KH200-M', 'FH-KH200'],
        gtins: ['00850067890126'],
        rawGtins: ['850067890126'],
      },
    ],
  },
  {
    name: 'keeps to the ProductGroup when the URL selects no variant',
    url: 'https://fernhollow.example/products/kids-bike-helmet',
    fixture: 'generic/product-group.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: null,
        title: 'Fernhollow Kids Bike Helmet',
        brand: 'Fernhollow',
        models: ['FH-KH200'],
        gtins: [],
        rawGtins: [],
      },
    ],
  },
  {
    name: 'finds no product on an article page',
    url: 'https://blog.fernhollow.example/2026/03/choosing-a-first-helmet',
    fixture: 'generic/article.html',
    expectPageType: 'other',
    expectItems: [],
  },
];
