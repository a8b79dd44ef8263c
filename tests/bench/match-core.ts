/**
 * The matching benchmark itself, runtime-agnostic so it runs in Node (match-bench.ts) and bundled into
 * a Chromium page (match-chromium-bench.ts): 50 page identities looked up in a MemoryIndex of synthetic
 * recalls. The index is keyed (GTIN, raw code, model), so the time should depend on the candidates an
 * identity brings up, not on the index size.
 *
 * The identities mix what pages carry: a third hit a recall by GTIN, a third by brand and model, a third
 * hit nothing (the common case).
 *
 * The titled variant (`titles: true`) measures the title rule too. Every identity then carries its
 * brand and a listing title, so every lookup also derives and reads up to eight title keys (t:). The
 * generator's product names ("Kalo Step Stool KX-100") have too few words for the rule, so in this
 * variant each name gets a line name and a descriptor ("Kalo Vexbri Foldable Step Stools", as notices
 * name products) and files title keys. The last third then has no identifier: half are titled as their
 * recall's product (a possible match by title), half as another product of the same brand (candidates
 * through the brand's title keys, no match). The generator's brands grow with the index (a two-syllable
 * brand holds about 5 records at 10k and 140 at 250k), so this is a harsher test of "flat" than real
 * data, where an index grows by brands more than by records per brand.
 */
import { gtinCheckDigit, toGtin14 } from '../../utils/identity/gtin';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { ProductIdentity, type Recall } from '../../utils/schemas';
import { prng, syntheticRecalls } from './synthetic-recalls';

export const IDENTITIES = 50;

const LINES = [
  'Vexbri',
  'Solhal',
  'Tamcor',
  'Kaloren',
  'Dunfir',
  'Ostgal',
  'Ashber',
  'Norpel',
  'Jinwex',
  'Fenzu',
];
const DESCRIPTORS = [
  'Foldable',
  'Portable',
  'Kids',
  'Adult',
  'Electric',
  'Wooden',
  'Compact',
  'Outdoor',
  'Deluxe',
];
const MARKETING = ', New 2-Pack, Black, Premium Quality, Easy to Clean, Gift for Family';

/** Product names with a line name and a descriptor, so that they file title keys (see above). */
export function withProductLines(recalls: Recall[], seed = 2): Recall[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return recalls.map((recall) => ({
    ...recall,
    products: recall.products.map((product) => {
      // "Kalo Step Stool KX-100" → "Kalo Vexbri Foldable Step Stools KX-100"
      const brand = product.brands[0] ?? '';
      const rest = product.name.slice(brand.length).trim();
      return {
        ...product,
        name: `${brand} ${pick(LINES)}${pick(LINES).toLowerCase()} ${pick(DESCRIPTORS)} ${rest}`,
      };
    }),
  }));
}

/** The name a listing would carry for a product: the notice's name without its model, plus marketing. */
function listingTitle(name: string, models: readonly string[]): string {
  return `${models.reduce((t, m) => t.replace(m, ''), name).trim()}${MARKETING}`;
}

export function identityFor(i: number, recalls: Recall[], titles = false): ProductIdentity {
  const base = {
    schemaVersion: 1,
    marketplace: 'amazon',
    pageType: 'product',
    url: `https://www.amazon.com/dp/B0BENCH${String(i).padStart(3, '0')}`,
    itemId: `B0BENCH${String(i).padStart(3, '0')}`,
    title: 'A product',
    brand: null as string | null,
    manufacturer: null,
    models: [] as string[],
    gtins: [] as string[],
    rawGtins: [] as string[],
    seller: null,
    variant: null,
    quantity: null,
    facts: [],
  };
  // Spread the hits over the index so they are not all in the first records built.
  const recall = recalls[Math.floor((i * recalls.length) / IDENTITIES) % recalls.length] as Recall;
  const product = recall.products[0];
  if (titles && product) {
    const brand = product.brands[0] ?? null;
    const title = listingTitle(product.name, product.models);
    if (i % 3 === 0 && product.gtins[0])
      return ProductIdentity.parse({ ...base, brand, title, gtins: [product.gtins[0]] });
    if (i % 3 === 1 && product.models[0])
      return ProductIdentity.parse({ ...base, brand, title, models: [product.models[0]] });
    // Another product of the same brand: same line and descriptor words are unlikely, the brand is the same.
    const other = `${brand} Zenthor Waterproof Ceiling Lamp`;
    return ProductIdentity.parse({ ...base, brand, title: i % 2 === 0 ? title : `${other}${MARKETING}` });
  }
  if (i % 3 === 0 && product?.gtins[0]) return ProductIdentity.parse({ ...base, gtins: [product.gtins[0]] });
  if (i % 3 === 1 && product?.models[0]) {
    return ProductIdentity.parse({ ...base, brand: product.brands[0] ?? null, models: [product.models[0]] });
  }
  // A miss: a GTIN and a model the generator cannot produce (its bodies start 1-9 and models have letters first).
  const body = `0000${String(i).padStart(7, '0')}`;
  return ProductIdentity.parse({
    ...base,
    brand: 'Nomatch',
    models: [`ZZ-${i}-NOPE`],
    gtins: [toGtin14(body + gtinCheckDigit(body))],
  });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export interface MatchFigures {
  size: number;
  buildMs: number;
  medianMs: number;
  p90Ms: number;
  found: number;
}

export function measureMatching(size: number, runs: number, { titles = false } = {}): MatchFigures {
  const generated = syntheticRecalls(size, 1);
  const recalls = titles ? withProductLines(generated) : generated;
  const t0 = performance.now();
  const index = new MemoryIndex(recalls);
  const buildMs = performance.now() - t0;
  const identities = Array.from({ length: IDENTITIES }, (_, i) => identityFor(i, recalls, titles));
  const times: number[] = [];
  let found = 0;
  // Two warm-up runs let the JIT settle before anything is timed.
  for (let run = -2; run < runs; run++) {
    const start = performance.now();
    let matches = 0;
    for (const identity of identities) matches += index.lookup(identity).length;
    const ms = performance.now() - start;
    if (run >= 0) times.push(ms);
    found = matches;
  }
  const p90Ms = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)] ?? Number.NaN;
  return { size, buildMs, medianMs: median(times), p90Ms, found };
}

export const figureRow = (f: MatchFigures): string =>
  `| ${f.size.toLocaleString('en-US')} | ${(f.buildMs / 1000).toFixed(1)} s | ${f.medianMs.toFixed(2)} ms | ${f.p90Ms.toFixed(2)} ms | ${f.found} |`;
