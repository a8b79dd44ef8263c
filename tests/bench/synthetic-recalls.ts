/**
 * Deterministic synthetic recalls for size and speed budgets: `syntheticRecalls(n, seed)` always gives
 * the same schema-valid records. Identifier counts follow what the CPSC mapper produces on real
 * notices: 1–3 products, 0–5 GTINs (most notices print none), 0–4 models, 1–2 brands, lots on about a
 * fifth, dates on about a third. Text is drawn from word lists large enough that gzip does not see one
 * template repeated (real notices are formulaic, but not that formulaic), and identifiers are random
 * digits and letters, which do not compress. Nothing runs at import.
 */
import { gtinCheckDigit, toGtin14 } from '../../utils/identity/gtin';
import {
  type DateRange,
  RECALL_SCHEMA_VERSION,
  type Recall,
  type RecallIdentifier,
} from '../../utils/schemas';

/** mulberry32: small, fast, seeded; good enough for test data, identical on every runtime. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vex',
  'zu',
  'bri',
  'dal',
  'fen',
  'gor',
  'hal',
  'jin',
  'nor',
  'pel',
  'qua',
  'sol',
  'tam',
  'ul',
  'wex',
  'yor',
  'ash',
  'ber',
  'cor',
  'dun',
  'el',
  'fir',
  'gal',
  'ix',
  'ost',
];
const PRODUCTS = [
  'Step Stool',
  'Hand Warmer',
  'Power Station',
  'High Chair',
  'Space Heater',
  'Baby Walker',
  'Electric Kettle',
  'Dresser',
  'Bike Helmet',
  'Pressure Cooker',
  'Stroller',
  'Crib Bumper',
  'Toy Set',
  'Charging Cable',
  'Ceiling Fan',
  'Scooter',
  'Blender',
  'Tent Heater',
  'Air Fryer',
  'Water Bottle',
  'Hoverboard',
  'Bath Seat',
  'Lamp',
  'Extension Cord',
  'Rocker',
  'Play Yard',
  'Smoke Alarm',
  'E-Bike Battery',
];
const HAZARDS = [
  'Fall',
  'Burn',
  'Fire',
  'Choking',
  'Laceration',
  'Tip-Over',
  'Entrapment',
  'Shock',
  'Strangulation',
  'Poisoning',
  'Ingestion',
  'Crash',
  'Suffocation',
  'Impact',
  'Drowning',
];
const PARTS = [
  'the battery',
  'the handle',
  'the lid',
  'the leg',
  'the strap',
  'the buckle',
  'the charger',
  'small parts',
  'the magnet',
  'the hinge',
  'the frame',
  'the cord',
  'the heating element',
  'the wheel',
];
const FAILURES = [
  'can overheat',
  'can detach',
  'can break',
  'can crack',
  'can ignite',
  'can collapse',
  'can loosen',
  'can short-circuit',
  'can pinch',
  'can release',
];
const REMEDIES = ['Refund', 'Replace', 'Repair', 'Dispose'];
const RETAILERS = [
  'Amazon.com',
  'Walmart',
  'Target',
  'Home Depot',
  "Lowe's",
  'Wayfair',
  'Costco',
  'eBay',
  'Temu',
  'Best Buy',
  'Kohl’s',
  'Macy’s',
];
const COUNTRIES = ['China', 'Vietnam', 'United States', 'Mexico', 'India', 'Taiwan', 'Cambodia', 'Indonesia'];
/** English month names, shared with the CPSC bench's prose. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `n` records, ids `<source>:<90000000 + i>`, spread over a few sources like a multi-feed index. */
export function syntheticRecalls(n: number, seed = 1): Recall[] {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chance = (p: number) => rnd() < p;
  const digits = (len: number) => Array.from({ length: len }, () => int(0, 9)).join('');
  const word = () => {
    const s = Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join('');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const model = () => {
    const letters = Array.from({ length: int(1, 3) }, () => String.fromCharCode(65 + int(0, 25))).join('');
    return `${letters}${chance(0.5) ? '-' : ''}${digits(int(2, 5))}${chance(0.3) ? pick(['A', 'B', 'X', 'S']) : ''}`;
  };
  const date = (year: number) =>
    `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const sources = [
    { source: 'cpsc', jurisdiction: 'US', share: 0.25 },
    { source: 'openfda', jurisdiction: 'US', share: 0.35 },
    { source: 'eu-safety-gate', jurisdiction: 'EU', share: 0.25 },
    { source: 'health-canada', jurisdiction: 'CA', share: 0.15 },
  ] as const;

  const out: Recall[] = [];
  for (let i = 0; i < n; i++) {
    const roll = rnd();
    let cumulative = 0;
    const src =
      sources.find((s) => {
        cumulative += s.share;
        return roll < cumulative;
      }) ?? sources[0];
    const nativeId = String(90000000 + i);
    const brand = word();
    const firm = `${brand} ${pick(['Inc.', 'LLC', 'Co., Ltd.', 'GmbH', 'Corp.'])}`;
    const productName = pick(PRODUCTS);
    const hazard = pick(HAZARDS);
    const year = int(2005, 2025);
    const published = date(year);
    const updated = chance(0.2) ? date(Math.min(2025, year + 1)) : published;
    const retailers = Array.from({ length: int(1, 3) }, () => pick(RETAILERS));

    const products = Array.from({ length: int(1, 3) }, () => {
      const identifiers: RecallIdentifier[] = [];
      const brands = [brand, ...(chance(0.2) ? [word()] : [])];
      for (const b of brands)
        identifiers.push({ field: 'brand', value: b, source: 'structured', origin: 'Manufacturers' });
      const gtinCount = chance(0.6) ? 0 : int(1, 5);
      const gtins: string[] = [];
      const rawGtins: string[] = [];
      for (let g = 0; g < gtinCount; g++) {
        // Nonzero leading digit: an all-zero body would not be a valid GTIN.
        const body = `${int(1, 9)}${digits(10)}`;
        const key = toGtin14(body + gtinCheckDigit(body));
        if (!gtins.includes(key)) {
          gtins.push(key);
          identifiers.push({
            field: 'gtin',
            value: key,
            source: chance(0.3) ? 'structured' : 'prose',
            origin: 'ProductUPCs',
          });
        }
        if (chance(0.05)) rawGtins.push(digits(12));
      }
      const models = Array.from({ length: chance(0.3) ? 0 : int(1, 4) }, model);
      for (const m of models)
        identifiers.push({ field: 'model', value: m, source: 'prose', origin: 'Description' });
      const lots = chance(0.2)
        ? Array.from({ length: int(1, 4) }, () => `${digits(4)}${pick(['A', 'B', 'L', ''])}${digits(2)}`)
        : [];
      for (const l of lots)
        identifiers.push({ field: 'lot', value: l, source: 'prose', origin: 'Description' });
      const dateRanges: DateRange[] = chance(0.33)
        ? [
            {
              kind: pick(['manufactured', 'sold', 'best-before'] as const),
              from: `${year - 1}-${String(int(1, 12)).padStart(2, '0')}`,
              to: `${year}-${String(int(1, 12)).padStart(2, '0')}`,
              text: `from ${pick(MONTHS)} ${year - 1} through ${pick(MONTHS)} ${year}`,
            },
          ]
        : [];
      return {
        name: `${brand} ${productName}${models[0] ? ` ${models[0]}` : ''}`,
        brands,
        models,
        gtins,
        rawGtins,
        lots,
        dateRanges,
        identifiers,
      };
    });

    out.push({
      schemaVersion: RECALL_SCHEMA_VERSION,
      id: `${src.source}:${nativeId}`,
      source: src.source,
      jurisdiction: src.jurisdiction,
      recallNumber: `${String(year).slice(2)}-${digits(3)}`,
      title: `${firm.replace(/,? (Inc\.|LLC|Co\., Ltd\.|GmbH|Corp\.)$/, '')} Recalls ${productName}s Due to ${hazard} Hazard`,
      url: `https://recalls.example/${src.source}/${year}/${nativeId}-${productName.toLowerCase().replace(/\W+/g, '-')}`,
      published,
      updated,
      status: chance(0.9) ? 'active' : 'completed',
      version: `${updated}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`,
      hazard: `${pick(PARTS).replace(/^./, (c) => c.toUpperCase())} ${pick(FAILURES)}, posing a ${hazard.toLowerCase()} hazard${chance(0.5) ? ' to children' : ''}. ${int(0, 40)} incidents reported, including ${int(0, 5)} injuries.`,
      remedy: pick(REMEDIES),
      remedyOptions: [pick(REMEDIES)],
      units: `About ${int(1, 900).toLocaleString('en-US')}${chance(0.5) ? ',000' : ''}`,
      soldAt: `${retailers.join(', ')} from ${pick(MONTHS)} ${year - 1} through ${pick(MONTHS)} ${year} for about $${int(8, 900)}.`,
      countryOfOrigin: [pick(COUNTRIES)],
      manufacturers: [firm],
      images: Array.from({ length: int(0, 3) }, (_, k) => ({
        url: `https://recalls.example/img/${nativeId}-${k}.jpg`,
        caption: chance(0.5) ? `Recalled ${productName}` : null,
      })),
      products,
    });
  }
  return out;
}
