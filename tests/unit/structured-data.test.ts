import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../scripts/lib/html';
import { IdentityBuilder, stripTitleAffixes } from '../../utils/extract/identity-builder';
import {
  gtinFromDigitalLink,
  parseJsonLenient,
  readJsonLd,
  readMetaTags,
  readMicrodata,
  readStructuredData,
} from '../../utils/extract/structured-data';
import type { IdentityFact } from '../../utils/schemas';
import { ProductIdentity } from '../../utils/schemas';

const PAGE = 'https://shop.example/products/stool';

function page(head: string, body = ''): Document {
  return parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, PAGE);
}

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
const ldRaw = (text: string) => `<script type="application/ld+json">${text}</script>`;

/** Runs the facts through the builder, as the generic adapter does. */
function identity(facts: IdentityFact[], url = PAGE) {
  return new IdentityBuilder({ marketplace: 'generic', pageType: 'product', url }).addFacts(facts).build();
}

describe('parseJsonLenient', () => {
  test('reads a block wrapped in an HTML comment and CDATA', () => {
    expect(parseJsonLenient('<!--\n//<![CDATA[\n{"@type":"Product"}\n//]]>\n-->')).toEqual({
      '@type': 'Product',
    });
  });

  test('tolerates trailing commas in objects and arrays', () => {
    expect(parseJsonLenient('{"a":[1,2,],"b":{"c":1,},}')).toEqual({ a: [1, 2], b: { c: 1 } });
  });

  test('tolerates raw newlines and tabs inside strings', () => {
    expect(parseJsonLenient('{"description":"line one\nline\ttwo"}')).toEqual({
      description: 'line one\nline\ttwo',
    });
  });

  test('keeps commas that sit inside strings', () => {
    expect(parseJsonLenient('{"name":"Stool, Natural ]", }')).toEqual({ name: 'Stool, Natural ]' });
  });

  test('splits concatenated objects into an array', () => {
    expect(parseJsonLenient('{"a":1}\n{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('returns undefined for text that is not JSON at all', () => {
    expect(parseJsonLenient('window.foo = bar;')).toBeUndefined();
    expect(parseJsonLenient('')).toBeUndefined();
  });
});

describe('gtinFromDigitalLink', () => {
  test('takes the /01/ segment of a GS1 Digital Link', () => {
    expect(gtinFromDigitalLink('https://id.gs1.org/01/09506000134352/10/ABC123')).toBe('09506000134352');
    expect(gtinFromDigitalLink('https://brand.example/01/00850067890133?linkType=all')).toBe(
      '00850067890133',
    );
  });

  test('ignores plain digits and other URLs', () => {
    expect(gtinFromDigitalLink('850012345671')).toBeNull();
    expect(gtinFromDigitalLink('https://shop.example/products/01/stool')).toBeNull();
  });
});

describe('readJsonLd', () => {
  test('finds the product behind a WebPage mainEntity reference in an @graph', () => {
    const doc = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': `${PAGE}#webpage`, mainEntity: { '@id': '#product' } },
          {
            '@type': 'Product',
            '@id': '#product',
            name: 'Stool',
            gtin13: '850012345671',
            brand: { '@id': '#brand' },
          },
          { '@type': 'Brand', '@id': '#brand', name: 'Kettlebrook' },
        ],
      }),
    );
    const id = identity(readJsonLd(doc, new URL(PAGE)).facts);
    expect(id).toMatchObject({
      title: 'Stool',
      brand: 'Kettlebrook',
      gtins: ['00850012345671'],
      rawGtins: ['850012345671'],
    });
  });

  test('accepts @type as an array and as a full schema.org URL', () => {
    const a = page(ld({ '@type': ['Product', 'Car'], name: 'Roadster' }));
    const b = page(ld({ '@type': 'http://schema.org/Product', name: 'Roadster' }));
    expect(readJsonLd(a, new URL(PAGE)).found).toBe(true);
    expect(readJsonLd(b, new URL(PAGE)).found).toBe(true);
  });

  test('reads a product offered inside a top-level Offer', () => {
    const doc = page(
      ld({
        '@type': 'Offer',
        price: '9.99',
        itemOffered: { '@type': 'Product', name: 'Bib', mpn: 'PB-300' },
      }),
    );
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts).models).toEqual(['PB-300']);
  });

  test('trusts the digits, not the key: a 12-digit UPC under gtin13 becomes a valid key', () => {
    const doc = page(ld({ '@type': 'Product', name: 'Milk', gtin13: '078742351865' }));
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts).gtins).toEqual(['00078742351865']);
  });

  test('reads a JSON number GTIN', () => {
    const doc = page(ld({ '@type': 'Product', name: 'Milk', gtin12: 850012345671 }));
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts).gtins).toEqual(['00850012345671']);
  });

  test('reads every identifier shape: productID isbn:, identifier PropertyValue, additionalProperty, Digital Link', () => {
    const doc = page(
      ld({
        '@type': 'Book',
        name: 'Field Guide',
        productID: 'isbn:0-316-13354-X',
        identifier: [{ '@type': 'PropertyValue', propertyID: 'UPC', value: '850045678906' }, 'mpn:FG-2026'],
        additionalProperty: [
          { '@type': 'PropertyValue', name: 'Model', value: 'FG-1000' },
          { '@type': 'PropertyValue', name: 'Colour', value: 'Green' },
        ],
        gtin: 'https://id.gs1.org/01/00850034123455',
      }),
    );
    const id = identity(readJsonLd(doc, new URL(PAGE)).facts);
    expect(id.gtins.sort()).toEqual(['00850034123455', '00850045678906', '09780316133548'].sort());
    expect(id.models).toEqual(['FG-2026', 'FG-1000']);
  });

  test('reads brand as a string, an object or an array, manufacturer and model objects', () => {
    const doc = page(
      ld({
        '@type': 'Product',
        name: 'Heater',
        brand: [{ '@type': 'Brand', name: 'Emberly' }, 'Emberly Pro'],
        manufacturer: { '@type': 'Organization', name: 'Emberly Appliances Ltd' },
        model: { '@type': 'ProductModel', name: 'EH-2000' },
      }),
    );
    const id = identity(readJsonLd(doc, new URL(PAGE)).facts);
    expect(id).toMatchObject({
      brand: 'Emberly',
      manufacturer: 'Emberly Appliances Ltd',
      models: ['EH-2000'],
    });
  });

  test('reads the seller and GTINs that sit on the offer, also inside an AggregateOffer', () => {
    const doc = page(
      ld({
        '@type': 'Product',
        name: 'Lamp',
        offers: {
          '@type': 'AggregateOffer',
          offers: [
            {
              '@type': 'Offer',
              gtin13: '850034123455',
              seller: { '@type': 'Organization', name: 'Brightwick Online' },
            },
          ],
        },
      }),
    );
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts)).toMatchObject({
      seller: 'Brightwick Online',
      gtins: ['00850034123455'],
    });
  });

  test('prefers the product whose url is this page over recommendation products listed first', () => {
    const doc = page(
      ld({
        '@type': 'Product',
        name: 'Other stool',
        gtin13: '850011111123',
        url: 'https://shop.example/products/other',
      }) + ld({ '@type': 'Product', name: 'Stool', gtin13: '850012345671', url: '/products/stool/' }),
    );
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts)).toMatchObject({
      title: 'Stool',
      gtins: ['00850012345671'],
    });
  });

  test('does not take related products or ItemList entries as the page product', () => {
    const doc = page(
      ld({
        '@type': 'ItemList',
        itemListElement: [
          { '@type': 'ListItem', item: { '@type': 'Product', name: 'X', gtin13: '850011111123' } },
        ],
      }) +
        ld({
          '@type': 'Product',
          name: 'Stool',
          isRelatedTo: { '@type': 'Product', name: 'Rail', gtin13: '850098765431' },
        }),
    );
    const id = identity(readJsonLd(doc, new URL(PAGE)).facts);
    expect(id.title).toBe('Stool');
    expect(id.rawGtins).toEqual([]);
  });

  test('finds nothing on a page without a product node', () => {
    const doc = page(ld({ '@type': 'BlogPosting', mentions: { '@type': 'Product', name: 'Stool' } }));
    expect(readJsonLd(doc, new URL(PAGE)).found).toBe(false);
  });

  describe('ProductGroup', () => {
    const group = {
      '@type': 'ProductGroup',
      name: 'Helmet',
      brand: { '@type': 'Brand', name: 'Fernhollow' },
      productGroupID: '812',
      hasVariant: [
        {
          '@type': 'Product',
          name: 'Helmet - Small',
          sku: 'H-S',
          gtin: '850067890119',
          url: `${PAGE}?variant=1`,
        },
        {
          '@type': 'Product',
          name: 'Helmet - Large',
          sku: 'H-L',
          gtin: '850067890133',
          url: `${PAGE}?variant=2`,
        },
      ],
    };

    test('picks the variant named by ?variant= and keeps the group name and brand', () => {
      const url = new URL(`${PAGE}?variant=2`);
      const data = readJsonLd(page(ld(group)), url);
      expect(identity(data.facts, url.href)).toMatchObject({
        title: 'Helmet',
        brand: 'Fernhollow',
        itemId: 'H-L',
        gtins: ['00850067890133'],
      });
      expect(data.variant).toBe('Large');
    });

    test('picks the variant named by ?sku=', () => {
      const url = new URL(`${PAGE}?sku=H-S`);
      expect(identity(readJsonLd(page(ld(group)), url).facts).itemId).toBe('H-S');
    });

    test('keeps to the group when the URL names no variant', () => {
      const data = readJsonLd(page(ld(group)), new URL(PAGE));
      expect(identity(data.facts)).toMatchObject({ title: 'Helmet', itemId: null, gtins: [] });
      expect(data.variant).toBeNull();
    });

    test('reads a variant page that points at its group through isVariantOf', () => {
      const doc = page(
        ld({
          '@type': 'Product',
          name: 'Helmet - Small',
          sku: 'H-S',
          color: 'Sage',
          isVariantOf: { '@type': 'ProductGroup', name: 'Helmet', brand: 'Fernhollow', model: 'FH-KH200' },
        }),
      );
      const data = readJsonLd(doc, new URL(PAGE));
      expect(identity(data.facts)).toMatchObject({
        title: 'Helmet',
        brand: 'Fernhollow',
        itemId: 'H-S',
        models: ['FH-KH200'],
      });
      expect(data.variant).toBe('Small');
    });
  });

  test('survives a broken block next to a good one', () => {
    const doc = page(
      ldRaw('{"@type": "Organization" "name": "x"}') + ld({ '@type': 'Product', name: 'Stool' }),
    );
    expect(readJsonLd(doc, new URL(PAGE)).found).toBe(true);
  });

  test('decodes HTML entities that a CMS left in JSON-LD strings', () => {
    const doc = page(ldRaw('{"@type":"Product","name":"Stool &#8211; Oak &amp; Ash"}'));
    expect(identity(readJsonLd(doc, new URL(PAGE)).facts).title).toBe('Stool – Oak & Ash');
  });
});

describe('readMicrodata', () => {
  test('reads a nested brand item, meta content, link href and text values', () => {
    const doc = page(
      '',
      `<div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name">Night Light</h1>
        <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Brightwick</span></div>
        <meta itemprop="mpn" content="NL-220">
        <data itemprop="gtin12" value="850034123455">UPC 8 50034 12345 5</data>
        <a itemprop="manufacturer" href="/about">Brightwick Lighting Ltd</a>
        <span itemprop="sku productID">BW-NL220</span>
      </div>`,
    );
    const data = readMicrodata(doc, new URL(PAGE));
    expect(data.found).toBe(true);
    expect(identity(data.facts)).toMatchObject({
      title: 'Night Light',
      brand: 'Brightwick',
      manufacturer: 'Brightwick Lighting Ltd',
      models: ['NL-220'],
      gtins: ['00850034123455'],
      rawGtins: ['850034123455'],
      itemId: 'BW-NL220',
    });
  });

  test('reads data-vocabulary.org identifiers such as "upc:..."', () => {
    const doc = page(
      '',
      '<div itemscope itemtype="http://data-vocabulary.org/Product"><span itemprop="name">Bottle</span><meta itemprop="identifier" content="upc:850045678906"></div>',
    );
    expect(identity(readMicrodata(doc, new URL(PAGE)).facts).gtins).toEqual(['00850045678906']);
  });

  test('ignores products that are properties of the main one and tiles before it', () => {
    const doc = page(
      '',
      `<li itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lamp</span><meta itemprop="gtin13" content="0850012345602"></li>
       <div itemscope itemtype="https://schema.org/Product">
         <h1 itemprop="name">Night Light</h1><meta itemprop="gtin13" content="850034123455">
         <div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product"><meta itemprop="gtin13" content="0850012345619"></div>
       </div>`,
    );
    expect(identity(readMicrodata(doc, new URL(PAGE)).facts)).toMatchObject({
      title: 'Night Light',
      rawGtins: ['850034123455'],
    });
  });

  test('finds nothing when the only product is a reviewed item', () => {
    const doc = page(
      '',
      '<div itemscope itemtype="https://schema.org/Review"><div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Product"><span itemprop="name">X</span></div></div>',
    );
    expect(readMicrodata(doc, new URL(PAGE)).found).toBe(false);
  });
});

describe('readMetaTags', () => {
  test('reads Open Graph product tags, also when a site misuses name= for them', () => {
    const data = readMetaTags(
      page(
        '<meta property="og:type" content="product"><meta property="og:title" content="Bottle"><meta property="og:site_name" content="Saltmarsh">' +
          '<meta property="product:brand" content="Saltmarsh"><meta name="product:ean" content="4260123456788"><meta property="product:mfr_part_no" content="SM-IB750">',
      ),
    );
    expect(data.found).toBe(true);
    expect(data.siteName).toBe('Saltmarsh');
    expect(identity(data.facts)).toMatchObject({
      title: 'Bottle',
      brand: 'Saltmarsh',
      models: ['SM-IB750'],
      gtins: ['04260123456788'],
    });
  });

  test('finds no product on an article', () => {
    const data = readMetaTags(
      page('<meta property="og:type" content="article"><meta property="og:title" content="News">'),
    );
    expect(data).toMatchObject({ found: false, facts: [] });
  });
});

describe('readStructuredData', () => {
  const jsonLd = ld({ '@type': 'Product', name: 'Stool', gtin13: '850012345671', url: PAGE });

  test('drops microdata that describes another product than the JSON-LD one', () => {
    const doc = page(
      jsonLd,
      '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Rail</span><meta itemprop="gtin13" content="0850098765431"></div>',
    );
    expect(identity(readStructuredData(doc, new URL(PAGE)).facts).rawGtins).toEqual(['850012345671']);
  });

  test('merges microdata that agrees with the JSON-LD product', () => {
    const doc = page(
      jsonLd,
      '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Stool</span><meta itemprop="mpn" content="KB-TS100"></div>',
    );
    expect(identity(readStructuredData(doc, new URL(PAGE)).facts).models).toEqual(['KB-TS100']);
  });
});

describe('IdentityBuilder', () => {
  const base = {
    marketplace: 'amazon',
    pageType: 'product' as const,
    url: 'https://www.amazon.com/dp/B0DEMO0001',
  };

  test('takes the brand from the most trusted source, whatever the order it was added in', () => {
    const id = new IdentityBuilder(base)
      .add('brand', 'Visit the Gorilla Store', 'byline')
      .add('brand', 'Gorilla', 'spec-table')
      .add('brand', 'Gorilla Glue Company', 'meta')
      .build();
    expect(id.brand).toBe('Gorilla');
  });

  test('strips a byline wrapper from a brand and drops a sentinel brand', () => {
    expect(new IdentityBuilder(base).add('brand', 'Visit the Gorilla Store', 'byline').build().brand).toBe(
      'Gorilla',
    );
    expect(new IdentityBuilder(base).add('brand', 'Generic', 'spec-table').build().brand).toBeNull();
  });

  test('keeps manufacturer apart from brand', () => {
    const id = new IdentityBuilder(base).add('manufacturer', 'Gorilla Glue', 'spec-table').build();
    expect(id).toMatchObject({ brand: null, manufacturer: 'Gorilla Glue' });
  });

  test('collapses a UPC and its GTIN-14 into one key and keeps both as printed', () => {
    const id = new IdentityBuilder(base)
      .add('gtin', '766907002966', 'spec-table', 'UPC')
      .add('gtin', '00766907002966', 'spec-table', 'Global Trade Identification Number')
      .build();
    expect(id.gtins).toEqual(['00766907002966']);
    expect(id.rawGtins).toEqual(['766907002966', '00766907002966']);
  });

  test('splits a field that lists several codes and keeps a bad check digit raw only', () => {
    const id = new IdentityBuilder(base)
      .add('gtin', '850012345671, 850012345672', 'spec-table', 'UPC')
      .build();
    expect(id.gtins).toEqual(['00850012345671']);
    expect(id.rawGtins).toEqual(['850012345671', '850012345672']);
  });

  test('keeps non-distinctive models out of models but in facts', () => {
    const id = new IdentityBuilder(base)
      .add('model', 'CozyNest', 'spec-table', 'Model Name')
      .add('model', '2-Pack', 'spec-table', 'Model')
      .add('model', '\u200eKB-TS100', 'spec-table', 'Item model number')
      .add('model', 'kb ts100', 'spec-table', 'Part Number')
      .build();
    expect(id.models).toEqual(['KB-TS100']);
    expect(id.facts.filter((f) => f.field === 'model').map((f) => f.value)).toEqual([
      'CozyNest',
      '2-Pack',
      'KB-TS100',
      'kb ts100',
    ]);
  });

  test('rejects a model equal to the item id (an ASIN in "Part Number")', () => {
    const id = new IdentityBuilder(base)
      .add('itemId', 'B0DEMO0002', 'url')
      .add('model', 'B0DEMO0002', 'spec-table')
      .build();
    expect(id.models).toEqual([]);
  });

  test('strips marketplace and shop names from titles', () => {
    expect(stripTitleAffixes('Amazon.com: Kettlebrook Step Stool : Baby')).toBe('Kettlebrook Step Stool');
    expect(stripTitleAffixes('Step Stool | Little Acorn', 'Little Acorn')).toBe('Step Stool');
    expect(stripTitleAffixes('Apple iPhone 15【行情 报价 价格 评测】-京东')).toBe('Apple iPhone 15');
    expect(stripTitleAffixes('Little Acorn', 'Little Acorn')).toBe('Little Acorn');
    expect(stripTitleAffixes('Kids Step Stool : Target')).toBe('Kids Step Stool');
    expect(stripTitleAffixes('Foam Archery Block - Target')).toBe('Foam Archery Block - Target');
  });

  test('ignores a quantity that is not a positive whole number', () => {
    expect(new IdentityBuilder(base).setQuantity('0').build().quantity).toBeNull();
    expect(new IdentityBuilder(base).setQuantity('x').build().quantity).toBeNull();
    expect(new IdentityBuilder(base).setQuantity(' 3 ').build().quantity).toBe(3);
  });

  test('caps every list and string so that the result always parses against the schema', () => {
    const b = new IdentityBuilder({ ...base, url: `https://www.amazon.com/${'x'.repeat(5000)}` });
    b.add('title', 'T'.repeat(3000), 'title-text');
    b.add('brand', 'B'.repeat(400), 'spec-table', 'L'.repeat(400));
    b.add('seller', 'S'.repeat(400), 'byline');
    b.add('itemId', 'I'.repeat(200), 'url');
    b.setVariant('V'.repeat(400));
    for (let i = 0; i < 300; i++) {
      b.add('model', `MX-${1000 + i}`, 'spec-table');
      b.add('gtin', String(85001234567 * 10 + i), 'spec-table');
    }
    const id = b.build();
    expect(ProductIdentity.safeParse(id).success).toBe(true);
    expect(id.models).toHaveLength(50);
    expect(id.facts).toHaveLength(200);
  });
});
