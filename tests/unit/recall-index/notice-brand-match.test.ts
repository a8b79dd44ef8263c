/**
 * Brands as notices print them, through the real CPSC mapper and the matcher: the product's own brand
 * (licensed, house) agrees with a listing, the recalling firm does too, the store that sold it neither
 * agrees nor vetoes, and an Amazon item id the notice prints names that listing. The records are the real
 * values of CPSC 10220 (sample.json of the shared data) and of cpsc.gov recall 24-370, cut to the fields
 * the mapper reads.
 */
import { describe, expect, it } from 'vitest';
import cpsc from '../../../utils/feeds/cpsc';
import { describeEvidence, matchMeaning } from '../../../utils/recall-index/explain';
import { identityKeys, recallKeys } from '../../../utils/recall-index/keys';
import { BANNER_TIERS, matchRecall } from '../../../utils/recall-index/match';
import type { ProductIdentity, Recall } from '../../../utils/schemas';
import { identity } from '../support/factories';

const NOW = { now: new Date('2026-12-01T00:00:00Z') };

function mapOne(record: Record<string, unknown>): Recall {
  const [recall] = cpsc.map([record], NOW).recalls;
  if (!recall) throw new Error('test data: the record did not map');
  return recall;
}

const ENERCO = mapOne({
  RecallID: 10220,
  RecallNumber: '25203',
  RecallDate: '2025-02-20T00:00:00',
  Title:
    "Enerco Recalls DEWALT 70,000 BTU Outdoor Portable Cordless Forced Air Propane Heaters Due to Fire and Burn Hazards; Sold Exclusively at Lowe's",
  Description:
    'This recall involves DEWALT 70,000 BTU outdoor portable cordless forced air propane heaters model number DXH70CFAVX. The heaters are yellow and black. The model number is located on the hang tag. "DEWALT" is printed in black on the side of the bottom yellow portion of the units.',
  Products: [{ Name: 'DEWALT 70,000 BTU Outdoor Portable Cordless Forced Air Propane Heaters' }],
  Importers: [{ Name: 'Enerco Group Inc., of Cleveland, Ohio' }],
  Retailers: [
    {
      Name: "Lowe's stores nationwide and online at Lowes.com from May 2024 through January 2025 for about $200.",
    },
  ],
  ProductUPCs: [{ UPC: '089301008588' }],
});

const CEITHER = mapOne({
  RecallID: 24370,
  RecallNumber: '24370',
  RecallDate: '2024-09-05T00:00:00',
  Title:
    'Ceither Adult Portable Bed Rails Recalled Due to Serious Entrapment and Asphyxia Hazards; Violation of the Federal Regulation for Adult Portable Bed Rails; Sold Exclusively on Amazon',
  Description:
    'This recall involves Ceither branded Adult Portable Bed Rails (ASIN: B09YRHCZY5) sold for use on adult beds.',
  Products: [{ Name: 'Ceither Adult Portable Bed Rails' }],
  Retailers: [
    { Name: 'Exclusively online at www.amazon.com from August 21, 2023 through August 2024 for about $40.' },
  ],
});

/** A listing that says only what the test gives it. */
const listing = (fields: Partial<ProductIdentity>): ProductIdentity =>
  identity({
    marketplace: 'generic',
    url: 'https://shop.example/item',
    itemId: null,
    title: null,
    ...fields,
  });

const HEATER_UPC = '00089301008588';

describe('brands as the notice prints them', () => {
  it('reads DEWALT as the brand of the heaters Enerco recalls, Enerco staying the firm', () => {
    expect(ENERCO.products[0]?.brands[0]).toBe('DEWALT');
    expect(ENERCO.manufacturers).toEqual(['Enerco Group Inc.']);
  });

  it('confirms a DEWALT heater whose UPC and model the Enerco notice prints', () => {
    const page = listing({ brand: 'DEWALT', models: ['DXH70CFAVX'], gtins: [HEATER_UPC] });
    const match = matchRecall(page, ENERCO);
    expect(match?.tier).toBe('confirmed');
    expect(match?.caveats.map((c) => c.kind)).not.toContain('brand-differs');
    expect(match?.evidence.find((e) => e.kind === 'brand')).toMatchObject({
      pageValue: 'DEWALT',
      recallValue: 'DEWALT',
      recallOrigin: 'Products.Name',
    });
  });

  it('puts a DEWALT listing with only the notice model in the banner', () => {
    expect(matchRecall(listing({ brand: 'DEWALT', models: ['DXH70CFAVX'] }), ENERCO)?.tier).toBe('likely');
  });

  it('agrees with a listing whose brand is the recalling firm', () => {
    expect(matchRecall(listing({ brand: 'Enerco', gtins: [HEATER_UPC] }), ENERCO)?.tier).toBe('confirmed');
  });

  it('does not warn about another DEWALT product that shares only the brand', () => {
    expect(matchRecall(listing({ brand: 'DEWALT', models: ['DCD771C2'] }), ENERCO)).toBeNull();
  });

  it('still keeps the heater barcode under another brand out of the banner', () => {
    const match = matchRecall(listing({ brand: 'Mr. Heater', gtins: [HEATER_UPC] }), ENERCO);
    expect(match?.tier).toBe('possible');
    expect(match?.caveats.map((c) => c.kind)).toContain('brand-differs');
  });

  it('does not take the retailer a product was sold at as its brand', () => {
    // "Lowe's" names the store: with the model alone the match stays in the popup ...
    const byModel = matchRecall(listing({ brand: "Lowe's", models: ['DXH70CFAVX'] }), ENERCO);
    expect(byModel?.tier).toBe('possible');
    expect(BANNER_TIERS).not.toContain(byModel?.tier);
    expect(byModel?.evidence.map((e) => e.kind)).not.toContain('brand');
    // ... and it does not veto the barcode the notice prints either.
    expect(matchRecall(listing({ brand: "Lowe's", gtins: [HEATER_UPC] }), ENERCO)?.tier).toBe('confirmed');
  });
});

describe('Amazon item ids printed in notices', () => {
  const amazon = (itemId: string, brand: string | null): ProductIdentity =>
    listing({
      marketplace: 'amazon',
      url: `https://www.amazon.com/dp/${itemId}`,
      itemId,
      brand,
      facts: [{ field: 'itemId', value: itemId, source: 'embedded-json' }],
    });

  it('confirms the Amazon listing whose ASIN the notice prints, and says so', () => {
    const match = matchRecall(amazon('B09YRHCZY5', 'Ceither'), CEITHER);
    expect(match?.tier).toBe('confirmed');
    const item = match?.evidence.find((e) => e.kind === 'model');
    expect(item && describeEvidence(item)).toBe(
      "Amazon item id B09YRHCZY5 from the listing's product data is printed in the notice text.",
    );
    expect(match && matchMeaning(match)).toBe(
      "This listing's Amazon item id (ASIN) is printed in the recall notice.",
    );
  });

  it('finds that listing through the index by its item id alone', () => {
    expect(recallKeys(CEITHER)).toContain('a:B09YRHCZY5');
    expect(identityKeys(amazon('B09YRHCZY5', null))).toContain('a:B09YRHCZY5');
  });

  it('does not warn about another listing of the same brand', () => {
    expect(matchRecall(amazon('B09YRHCZY6', 'Ceither'), CEITHER)).toBeNull();
  });

  it('does not read the same string as an Amazon item id on another marketplace', () => {
    const walmart = listing({ marketplace: 'walmart', itemId: 'B09YRHCZY5', brand: 'Ceither' });
    expect(matchRecall(walmart, CEITHER)).toBeNull();
    expect(identityKeys(walmart)).not.toContain('a:B09YRHCZY5');
  });
});

describe('title keys of a notice whose product brand is not the firm', () => {
  it("files the product brand's anchor and the firm's, so a listing under either can be found", () => {
    const titleKeys = recallKeys(ENERCO).filter((k) => k.startsWith('t:'));
    expect(titleKeys.some((k) => k.startsWith('t:dewalt:'))).toBe(true);
    expect(titleKeys.some((k) => k.startsWith('t:enerco:'))).toBe(true);
  });
});
