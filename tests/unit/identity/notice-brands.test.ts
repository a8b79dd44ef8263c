import { describe, expect, it } from 'vitest';
import { isAsin, mineAsins, pageAsin } from '../../../utils/identity/asin';
import {
  houseBrandsIn,
  leadingBrands,
  markedBrands,
  noticeBrands,
  readHeading,
} from '../../../utils/identity/notice-brands';

const values = (brands: Array<{ value: string }>): string[] => brands.map((b) => b.value);

// Real CPSC headings, names and descriptions (sample.json records and the cpsc.gov CSV export).
const ENERCO = {
  title:
    "Enerco Recalls DEWALT 70,000 BTU Outdoor Portable Cordless Forced Air Propane Heaters Due to Fire and Burn Hazards; Sold Exclusively at Lowe's",
  productName: 'DEWALT 70,000 BTU Outdoor Portable Cordless Forced Air Propane Heaters',
  description:
    'This recall involves DEWALT 70,000 BTU outdoor portable cordless forced air propane heaters model number DXH70CFAVX. The heaters are yellow and black. "DEWALT" is printed in black on the side of the bottom yellow portion of the units.',
};

describe('reading a CPSC heading', () => {
  it('separates the recalling firm from the product it names, and the store from both', () => {
    expect(readHeading(ENERCO.title)).toEqual({
      recallers: ['Enerco'],
      product: 'DEWALT 70,000 BTU Outdoor Portable Cordless Forced Air Propane Heaters',
      seller: null,
      retailers: ["Lowe's"],
      firms: [],
    });
  });

  it('reads "<product> Recalled by <firm>" and a marketplace seller', () => {
    expect(
      readHeading('Oreck Discover Upright Vacuums Recalled by TTI Floor Care Due to Electrical Shock Hazard'),
    ).toMatchObject({ recallers: ['TTI Floor Care'], product: 'Oreck Discover Upright Vacuums' });
    expect(
      readHeading(
        'Superb Sports Baby Bath Seats Recalled Due to Risk of Drowning; Sold on Amazon.com by DualOranges Store',
      ),
    ).toMatchObject({ recallers: [], product: 'Superb Sports Baby Bath Seats', seller: 'DualOranges Store' });
  });

  it('does not take the subject of "Recall Expansion Announced" for a firm', () => {
    expect(
      readHeading('Children’s Robes Recall Expansion Announced Due to Burn Hazard; Imported by SIORO'),
    ).toEqual({ recallers: [], product: 'Children’s Robes', seller: null, retailers: [], firms: ['SIORO'] });
  });

  it('reads two firms of a plural "Recall" and keeps a single subject whole', () => {
    expect(readHeading('Reyhee Group and Jinling International Recall Droyd Helmets').recallers).toEqual([
      'Reyhee Group',
      'Jinling International',
    ]);
    expect(readHeading('Bed Bath and Beyond Recalls Tabletop Fire Pits').recallers).toEqual([
      'Bed Bath and Beyond',
    ]);
  });
});

describe('the brands a notice prints for its product', () => {
  it('takes DEWALT from "Enerco Recalls DEWALT … Heaters", and leaves Enerco to the firm', () => {
    expect(values(noticeBrands(ENERCO))).toEqual(['DEWALT']);
  });

  it('takes Predator from "Harbor Freight Tools Recalls Predator 2000-Watt Power Stations"', () => {
    expect(
      values(
        noticeBrands({
          title: 'Harbor Freight Tools Recalls Predator 2000-Watt Power Stations Due to Shock Hazard',
          productName: 'Predator 2000W Power Stations',
          description:
            'This recall involves the Predator 2000-Watt Power Station (SKU #70084, UPC 193175488718).',
        }),
      ),
    ).toEqual(['Predator']);
  });

  it('recognises an unmarked house brand: "Walmart Recalls Mainstays …", "Ozark Trail …"', () => {
    expect(
      values(
        noticeBrands({
          title:
            'Walmart Recalls Mainstays Electric Mini Choppers Due to Laceration Hazard; Sold Exclusively at Walmart',
          productName: 'Mainstays Electric Mini Choppers',
          description:
            'This recall involves Mainstays Electric Mini Choppers with model number MS14100094536S1.',
        }),
      ),
    ).toEqual(['Mainstays']);
    expect(houseBrandsIn('Ozark Trail Tabletop 1-Burner Butane Camping Stoves')).toEqual(['Ozark Trail']);
    expect(houseBrandsIn('Home Depot Recalls Hampton Bay Ceiling Fans')).toEqual(['Hampton Bay']);
  });

  it('finds no brand in a product phrase made of product words ("Five Below Recalls Tabletop Fire Pits")', () => {
    expect(
      noticeBrands({
        title: 'Five Below Recalls Tabletop Fire Pits Due to Risk of Serious Burn Injury',
        productName: 'Tabletop Fire Pits',
        description: 'This recall involves tabletop fire pits sold in three colors.',
      }),
    ).toEqual([]);
  });

  it('does not take the retailer a product was sold at as its brand', () => {
    const brands = values(noticeBrands(ENERCO));
    expect(brands).not.toContain("Lowe's");
    expect(
      values(
        noticeBrands({
          title: 'Wuensche USA Recalls Ambiano Cotton Candy Makers Due to Fire Hazard; Sold at ALDI',
          productName: 'ALDI Cotton Candy Makers',
          description: 'This recall involves Ambiano cotton candy makers.',
        }),
      ),
    ).not.toContain('ALDI');
  });

  it('does not take the marketplace seller a heading names as a brand', () => {
    expect(
      values(
        noticeBrands({
          title:
            'Superb Sports Baby Bath Seats Recalled Due to Drowning Hazard; Sold on Amazon.com by DualOranges Store',
          productName: 'Superb Sports Baby Bath Seats',
          description: 'This recall involves Superb Sports baby bath seats.',
        }),
      ),
      // "Sports" is a product word, so the name is cut short: still the leading word a listing's "Superb
      // Sports" fits.
    ).toEqual(['Superb']);
  });

  it('asks a second text of the notice to print a name read off the heading', () => {
    expect(
      noticeBrands({
        title: 'Acme Recalls Zorbly Widgets Due to Fire Hazard',
        productName: 'Widgets',
        description: 'This recall involves widgets.',
      }),
    ).toEqual([]);
  });

  it('skips counts and model years before the brand', () => {
    expect(leadingBrands('15.5 Million Toshiba Laptop AC Adapters')).toEqual(['Toshiba']);
    expect(leadingBrands('Model Year 2022-2024 MATRYX Snowmobiles')).toEqual(['MATRYX']);
  });

  it('reads a list of brands in a product phrase and keeps joined names whole', () => {
    expect(leadingBrands('Oregon, PowerPro, Country Tuff, and Speeco branded log splitters')).toEqual([
      'Oregon',
      'PowerPro',
      'Country Tuff',
      'Speeco',
    ]);
    expect(leadingBrands('Black & Decker Garment Steamers')).toEqual(['Black & Decker']);
  });
});

describe('brands a notice marks as brands', () => {
  it('reads "sold under the … brand" and "brand names X, Y, and Z"', () => {
    expect(values(markedBrands('The mowers were sold under the Bad Boy Mowers brand name.'))).toEqual([
      'Bad Boy Mowers',
    ]);
    expect(
      values(
        markedBrands(
          'The spas were sold under the brand names SaluSpa, Coleman, and Hydro-Force, which are printed',
        ),
      ),
    ).toEqual(['SaluSpa', 'Coleman', 'Hydro-Force']);
  });

  it('reads "brand name “X”", "Brand: X", "X-branded" and a name with ® or ™', () => {
    expect(values(markedBrands('The brand name “Awesafe” is on the front.'))).toEqual(['Awesafe']);
    expect(values(markedBrands('Brand: Ceither, Color: Black'))).toEqual(['Ceither']);
    expect(values(markedBrands('This recall involves Kori Gey-branded water toys.'))).toEqual(['Kori Gey']);
    expect(values(markedBrands('Two Million Black+Decker® Garment Steamers'))).toEqual(['Black+Decker']);
  });

  it('does not read "sold under model number …" as a brand', () => {
    expect(markedBrands('The heaters were sold under model number BY-300.')).toEqual([]);
  });
});

describe('Amazon item ids in notices', () => {
  it('reads ASIN-shaped values, and not a typo one character short', () => {
    expect(mineAsins('Bed Rails (ASIN: B09YRHCZY5) and drain covers (ASIN B0CBK7HQQ)')).toEqual([
      'B09YRHCZY5',
    ]);
    expect(mineAsins('identifiers: B0D62S9H39, B0D62TCKD7.')).toEqual(['B0D62S9H39', 'B0D62TCKD7']);
    expect(isAsin('B000000000')).toBe(false);
  });

  it('takes a page item id for an ASIN only on Amazon', () => {
    expect(pageAsin({ marketplace: 'amazon', itemId: 'B09YRHCZY5' })).toBe('B09YRHCZY5');
    expect(pageAsin({ marketplace: 'walmart', itemId: 'B09YRHCZY5' })).toBeNull();
  });
});
