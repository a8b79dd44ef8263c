/**
 * Labelled pairs built on REAL recall notices: the CPSC API records of the shared data
 * (cpsc/open-recall-format/sample.json, cpsc/agent-data-oracle) and rows of the cpsc.gov CSV export,
 * each mapped by the real CPSC mapper (real-notices.ts), against listings shaped as a marketplace page
 * gives them (brand, model, barcode, item id and title as the adapter would read them; a barcode or
 * model a notice does not print is made up, with a valid check digit, and says so).
 *
 * What they stand for: notices whose product brand is not the recalling firm ("Enerco Recalls DEWALT …",
 * "Harbor Freight Tools Recalls Predator …", "Walmart Recalls Mainstays …"), house and licensed brands,
 * Amazon item ids printed in notices, and the hard negatives around them: the same brand with another
 * product, a barcode under another brand of the same firm, and a listing whose "brand" is only the store
 * the notice says sold the product. Without the shared data (outside CI) there are none, and the report
 * says so.
 */
import { gtinKey } from '../../utils/identity/gtin';
import type { Recall } from '../../utils/schemas';
import { type PageFields, page } from './builders';
import type { Expectation, HandMadePair, Label } from './labels';
import { apiRecalls, csvRecalls } from './real-notices';

const confirmed: Expectation = { atLeast: 'confirmed' };
const likely: Expectation = { atLeast: 'likely' };
const popupOnly: Expectation = { atMost: 'possible' };

/** A made-up UPC-A with its check digit, for listings of products no notice names. */
function madeUpUpc(first11: string): string {
  const digits = [...first11].map(Number);
  const sum = digits.reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  const upc = `${first11}${(10 - (sum % 10)) % 10}`;
  if (!gtinKey(upc)) throw new Error(`eval data: ${upc} is not a valid UPC`);
  return upc;
}

interface RealPairSpec extends Omit<Label, 'expect'> {
  category: string;
  /** "api:10220" (a CPSC RecallID of the API samples) or "csv:24-178" (a recall number of the CSV). */
  notice: string;
  listing: PageFields;
  expect: Expectation;
}

const SPECS: RealPairSpec[] = [
  // -------------------------------------------------------------------------------------------------
  // The product's brand is not the firm's: the barcode and model the notice prints, under that brand.
  {
    category: 'real: product brand',
    notice: 'api:10220',
    why: 'Enerco recalls DEWALT heaters: a DEWALT listing with the UPC and model the notice prints',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'DEWALT',
      models: ['DXH70CFAVX'],
      codes: ['089301008588'],
      title: 'DEWALT 70,000 BTU Cordless Forced Air Propane Heater',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10220',
    why: 'a DEWALT listing with the model the notice prints and no barcode',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0D1HEAT01',
      brand: 'DEWALT',
      models: ['DXH70CFAVX'],
      title: 'DEWALT Forced Air Propane Heater, 70,000 BTU, Cordless, Portable (DXH70CFAVX)',
    },
    expect: likely,
  },
  {
    category: 'real: product brand',
    notice: 'api:10220',
    why: 'the recalling firm as the listing brand, with the UPC the notice prints',
    listing: { marketplace: 'homedepot', itemId: '330001234', brand: 'Enerco', codes: ['089301008588'] },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10329',
    why: 'Harbor Freight recalls Predator power stations: a PREDATOR listing with the notice UPC and SKU',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'PREDATOR',
      models: ['70084'],
      codes: ['193175488718'],
      title: 'PREDATOR 2000 Watt Portable Power Station',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10329',
    why: 'the retailer that recalls its house brand is the firm: "Harbor Freight Tools" as the brand agrees',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'Harbor Freight Tools',
      codes: ['193175488718'],
      title: 'Predator 2000W Power Station',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10687',
    why: 'E Mishan recalls Granitestone pans: a Granitestone listing with the notice UPC',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0GRANITE1',
      brand: 'Granitestone',
      codes: ['080313081316'],
      title: 'Granitestone Diamond Pro Blue 12" Stainless Steel Sauté Pan',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10191',
    why: 'Round 2 recalls Auto World slot cars: an Auto World listing with a notice UPC',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0AUTOW001',
      brand: 'Auto World',
      codes: ['849398065631'],
      title: 'Auto World Deluxe Pit Kit Unassembled Slot Car',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:9986',
    why: 'MGA Entertainment recalls Miniverse sets: a Miniverse listing with a notice UPC',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0MINIV001',
      brand: 'Miniverse',
      codes: ['035051120339'],
      title: 'Miniverse Make It Mini Food Diner Series',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10915',
    why: 'Southern Telecom recalls Brookstone-branded fire pits: a Brookstone listing with a notice UPC',
    listing: { marketplace: 'amazon', itemId: 'B0BROOK001', brand: 'Brookstone', codes: ['680079015930'] },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'api:10165',
    why: "Nazzaro recalls Rebecca's Toys & Prizes cups: that brand with the item number the notice prints",
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: "Rebecca's Toys & Prizes",
      models: ['PG1045'],
      title: 'Bowling Pin Sipper Cup',
    },
    expect: likely,
  },
  {
    category: 'real: product brand',
    notice: 'csv:24-249',
    why: 'Black & Decker recalls CRAFTSMAN tillers (a licensed brand): CRAFTSMAN with the notice UPC and model',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'CRAFTSMAN',
      models: ['CMCTL320B'],
      codes: ['885911843430'],
      title: 'CRAFTSMAN V20 Cordless Cultivator (Tool Only)',
    },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'csv:24-257',
    why: 'Spectrum Brands recalls FURminator conditioner: a FURminator listing with the notice UPC',
    listing: { marketplace: 'amazon', itemId: 'B0FURMI001', brand: 'FURminator', codes: ['854460001073'] },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'csv:26-006',
    why: 'Calico Brands recalls Scripto torches: a Scripto listing with the notice UPC',
    listing: { marketplace: 'walmart', itemId: '5551234', brand: 'Scripto', codes: ['070257522266'] },
    expect: confirmed,
  },
  {
    category: 'real: product brand',
    notice: 'csv:25-470',
    why: 'Arizer Solo II imported by a numbered Canadian firm: an Arizer listing with the notice UPC',
    listing: { marketplace: 'amazon', itemId: 'B0ARIZER01', brand: 'Arizer', codes: ['628078800836'] },
    expect: confirmed,
  },

  // -------------------------------------------------------------------------------------------------
  // Retailers' house brands.
  {
    category: 'real: house brand',
    notice: 'csv:24-341',
    why: 'ALDI recalls Ambiano coffee makers: an Ambiano listing with a notice barcode',
    listing: { marketplace: 'generic', itemId: null, brand: 'Ambiano', codes: ['4061464174801'] },
    expect: confirmed,
  },
  {
    category: 'real: house brand',
    notice: 'csv:26-068',
    why: 'F&F Fine Wines recalls Kirkland Signature prosecco sold by Costco: Kirkland Signature with the notice UPC',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'Kirkland Signature',
      codes: ['196633883742'],
      title: 'Kirkland Signature Valdobbiadene Prosecco Superiore DOCG, 750 ml',
    },
    expect: confirmed,
  },
  {
    category: 'real: house brand',
    notice: 'csv:24-178',
    why: 'a walmart.com listing (seller Walmart) of a Mainstays chopper with the notice model',
    listing: {
      marketplace: 'walmart',
      itemId: '375123456',
      brand: 'Mainstays',
      models: ['MS14100094536S1'],
      title: 'Mainstays Electric Mini Chopper, Cordless, Green',
    },
    expect: likely,
  },
  {
    category: 'real: house brand',
    notice: 'csv:24-178',
    why: 'Walmart recalls it and imports it, so "Walmart" as the listing brand is the firm and agrees',
    listing: { marketplace: 'walmart', itemId: '375123456', brand: 'Walmart', models: ['MS14100094536S1'] },
    expect: likely,
  },
  {
    category: 'real: house brand',
    notice: 'csv:26-120',
    why: 'Ozark Trail stoves imported by Walmart: an Ozark Trail listing with the notice model',
    listing: {
      marketplace: 'walmart',
      itemId: '812345678',
      brand: 'Ozark Trail',
      models: ['BG2247A1'],
      title: 'Ozark Trail Tabletop 1-Burner Butane Stove',
    },
    expect: likely,
  },
  {
    category: 'real: house brand',
    notice: 'csv:24-159',
    why: 'Best Buy recalls Insignia air fryers: an Insignia listing on bestbuy.com with a notice model',
    listing: {
      marketplace: 'bestbuy',
      itemId: '6543210',
      brand: 'Insignia',
      models: ['NS-AF34D2'],
      title: 'Insignia - 3.4 Qt. Digital Air Fryer - Black',
    },
    expect: likely,
  },
  {
    category: 'real: house brand',
    notice: 'csv:24-745',
    why: "BJ's recalls Berkley Jensen gazebos: a Berkley Jensen listing with a notice model",
    listing: { marketplace: 'generic', itemId: null, brand: 'Berkley Jensen', models: ['A102008010'] },
    expect: likely,
  },
  {
    category: 'real: house brand',
    notice: 'csv:25-417',
    why: 'Amazon Basics mattresses (made by 3Z Brands): "AmazonBasics" written as one word, a notice SKU',
    listing: { marketplace: 'amazon', itemId: 'B0ABMATT01', brand: 'AmazonBasics', models: ['ABFM0946'] },
    expect: likely,
  },

  // -------------------------------------------------------------------------------------------------
  // Amazon item ids the notice prints.
  {
    category: 'real: amazon item id',
    notice: 'csv:26-334',
    why: 'the Amazon Basics knife notice prints the ASIN as its model number: that Amazon listing',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0DM5BJK3H',
      brand: 'Amazon Basics',
      title: 'Amazon Basics Folding Pocket Knife with Clip, 3.5 Inch Blade, Black',
    },
    expect: confirmed,
  },
  {
    category: 'real: amazon item id',
    notice: 'csv:24-370',
    why: 'the Ceither bed rail notice prints "ASIN: B09YRHCZY5": that Amazon listing',
    listing: {
      marketplace: 'amazon',
      itemId: 'B09YRHCZY5',
      brand: 'Ceither',
      title: 'Ceither Bed Rails for Elderly Adults, Adjustable Bed Safety Rail',
    },
    expect: confirmed,
  },
  {
    category: 'real: amazon item id',
    notice: 'csv:26-037',
    why: 'the LEACHOI notice prints "ASIN B0BZVCG2R5": that Amazon listing, its brand missing',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0BZVCG2R5',
      brand: null,
      title: 'Bed Rail for Elderly Adults',
    },
    expect: confirmed,
  },
  {
    category: 'real: amazon item id',
    notice: 'csv:26-127',
    why: 'the Casaottima notice prints package identifiers that are ASINs: one of those listings',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0D62SQC6Q',
      brand: 'Casaottima',
      title: 'Casaottima Dresser for Bedroom with 13 Drawers, Gray',
    },
    expect: confirmed,
  },
  {
    category: 'real: amazon item id',
    notice: 'csv:24-737',
    why: 'the Litti City notice prints "Amazon ASIN B07WMX25SV": that listing',
    listing: {
      marketplace: 'amazon',
      itemId: 'B07WMX25SV',
      brand: 'Litti City',
      title: 'Litti City Doctor Kit',
    },
    expect: confirmed,
  },

  // -------------------------------------------------------------------------------------------------
  // Hard negatives: the same brand, another product; another brand of the firm; the ASIN elsewhere.
  {
    category: 'real: same brand, other product',
    notice: 'api:10220',
    why: 'a DEWALT drill (its own model and a made-up UPC) is not the recalled DEWALT heater',
    listing: {
      marketplace: 'amazon',
      itemId: 'B00ET5VMTU',
      brand: 'DEWALT',
      models: ['DCD771C2'],
      codes: [madeUpUpc('88591184600')],
      title: 'DEWALT 20V MAX Cordless Drill/Driver Kit, Compact, 1/2-Inch (DCD771C2)',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'api:10220',
    why: 'another DEWALT heater model: the brand and the product type agree, the model does not',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'DEWALT',
      models: ['DXH12B'],
      title: 'DEWALT Portable Radiant Propane Heater 12,000 BTU',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'api:10329',
    why: 'a PREDATOR inverter generator (another SKU, a made-up UPC) is not the recalled power station',
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: 'PREDATOR',
      models: ['PRD2000I'],
      codes: [madeUpUpc('19317540001')],
      title: 'PREDATOR 2000 Watt Super Quiet Inverter Generator',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'csv:24-178',
    why: 'another Mainstays product on walmart.com',
    listing: {
      marketplace: 'walmart',
      itemId: '555000111',
      brand: 'Mainstays',
      models: ['MS20-5SHELF'],
      title: 'Mainstays 5-Shelf Bookcase, Black Oak',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'csv:26-334',
    why: 'another Amazon Basics listing (another ASIN) than the one the knife notice prints',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0DM5BJK4Z',
      brand: 'Amazon Basics',
      title: 'Amazon Basics Kitchen Scissors, Stainless Steel',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'csv:26-127',
    why: 'another Casaottima dresser listing, its ASIN not among those the notice prints',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0D62ZZZZ9',
      brand: 'Casaottima',
      title: 'Casaottima 9-Drawer Dresser',
    },
    expect: 'none',
    brandOnly: true,
  },
  {
    category: 'real: same brand, other product',
    notice: 'csv:24-370',
    why: 'the ASIN the notice prints on a Walmart page is a model-shaped string there, not an Amazon item id',
    listing: { marketplace: 'walmart', itemId: 'B09YRHCZY5', brand: 'Vive', title: 'Vive Bed Rail' },
    expect: 'none',
  },
  {
    category: 'real: other brand of the firm',
    notice: 'api:10220',
    why: 'the DEWALT heater UPC on a Mr. Heater listing (another Enerco brand): reuse or a typo, not for a banner',
    listing: { marketplace: 'amazon', itemId: 'B0MRHEAT01', brand: 'Mr. Heater', codes: ['089301008588'] },
    expect: popupOnly,
  },
  {
    category: 'real: other brand of the firm',
    notice: 'api:10220',
    why: 'the heater model under another brand is a coincidence',
    listing: { marketplace: 'amazon', itemId: 'B0MRHEAT02', brand: 'Heatstar', models: ['DXH70CFAVX'] },
    expect: 'none',
  },

  // -------------------------------------------------------------------------------------------------
  // The store is not the brand.
  {
    category: 'real: retailer as brand',
    notice: 'api:10220',
    why: '"Lowe\'s" as the brand of a heater sold exclusively at Lowe\'s names the store: the model alone stays in the popup',
    listing: { marketplace: 'generic', itemId: null, brand: "Lowe's", models: ['DXH70CFAVX'] },
    expect: popupOnly,
  },
  {
    category: 'real: retailer as brand',
    notice: 'api:10220',
    why: '"Lowe\'s" as the brand, with the UPC the notice prints: the barcode decides, the store neither backs nor vetoes it',
    listing: { marketplace: 'generic', itemId: null, brand: "Lowe's", codes: ['089301008588'] },
    expect: confirmed,
  },
  {
    category: 'real: retailer as brand',
    notice: 'api:10220',
    why: "a Lowe's-branded listing of another product shares nothing with the notice",
    listing: {
      marketplace: 'generic',
      itemId: null,
      brand: "Lowe's",
      models: ['LW-HTR1500'],
      codes: [madeUpUpc('08930100990')],
      title: "Lowe's 1500-Watt Electric Space Heater",
    },
    expect: 'none',
  },
  {
    category: 'real: retailer as brand',
    notice: 'csv:25-371',
    why: '"Walmart" as the brand against a Positec notice whose only tie to Walmart is where Hyper Tough saws were sold',
    listing: { marketplace: 'walmart', itemId: '444555666', brand: 'Walmart', models: ['WG305'] },
    expect: popupOnly,
  },
  {
    category: 'real: retailer as brand',
    notice: 'api:10222',
    why: 'the Amazon seller the heading names is not the brand: its name and the product title do not match',
    listing: {
      marketplace: 'amazon',
      itemId: 'B0BATHSE01',
      brand: 'DualOranges Store',
      title: 'Baby Bath Seat with Backrest Support and 4 Suction Cups, Light Blue',
    },
    expect: 'none',
  },
];

/**
 * The real-notice pairs, or null when the shared data is absent. A spec naming a notice the data lacks
 * is an error: the data is fixed, so that is a typo here.
 */
export function realPairs(): HandMadePair[] | null {
  const api = apiRecalls();
  const csv = csvRecalls();
  if (!api || !csv) return null;
  const counts = new Map<string, number>();
  return SPECS.map(({ category, notice, listing, ...label }) => {
    const [kind, id] = notice.split(':') as [string, string];
    const recall: Recall | undefined = kind === 'api' ? api.get(id) : csv.get(id);
    if (!recall) throw new Error(`real pair names no notice in the shared data: ${notice}`);
    const n = (counts.get(category) ?? 0) + 1;
    counts.set(category, n);
    return {
      ...label,
      id: `${category.replace(/^real: /, 'real-').replace(/\W+/g, '-')}-${n} (${notice})`,
      category,
      identity: page(listing),
      recall,
    };
  });
}
