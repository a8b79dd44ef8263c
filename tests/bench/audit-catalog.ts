/**
 * The synthetic merchant catalog of the audit benches (audit-bench.ts in Node, audit-page-bench.ts in
 * Chromium): a generic CSV where 1 row in 100 carries a recall's barcode and brand (confirmed), 1 in 100
 * a recall's model and brand (likely), and the rest a random valid barcode, a random model and a title of
 * product words, with `recalledBrandShare` of those rows under a brand that recalls carry.
 */
import Papa from 'papaparse';
import { gtinCheckDigit } from '../../utils/identity/gtin';
import type { Recall } from '../../utils/schemas';
import { prng } from './synthetic-recalls';

const WORDS = [
  'Foldable',
  'Storage',
  'Basket',
  'Kids',
  'Chair',
  'Lamp',
  'Kettle',
  'Wooden',
  'Toy',
  'Stool',
  'Charger',
  'Cable',
  'Heater',
  'Bottle',
  'Blanket',
  'Helmet',
];

/** House brands of the catalog that no synthetic recall carries (the generator's brands are syllables). */
const HOUSE_BRANDS = [
  'Hearthside',
  'Norvale',
  'Brightwick',
  'Ostwind',
  'Pellham',
  'Quillon',
  'Marrowfield',
  'Tessaly',
];

export function catalogCsv(recalls: Recall[], recalledBrandShare: number, rowCount: number): string {
  const rnd = prng(7);
  const int = (n: number) => Math.floor(rnd() * n);
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const rows: string[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const r = recalls[int(recalls.length)] as Recall;
    const p = r.products[0];
    const identified = i % 100 <= 1;
    const brand =
      identified || rnd() < recalledBrandShare
        ? (p?.brands[0] ?? 'Acme')
        : (HOUSE_BRANDS[int(HOUSE_BRANDS.length)] as string);
    const body = `${1 + int(9)}${digits(10)}`;
    let barcode = body + gtinCheckDigit(body);
    let model = `QZ-${digits(5)}`;
    if (i % 100 === 0 && p?.gtins[0]) barcode = p.gtins[0].replace(/^00/, '');
    if (i % 100 === 1 && p?.models[0]) model = p.models[0];
    // A listing of the brand, named in words of the brand's kind of product (not its recalled one).
    const title = `${brand} ${WORDS[int(WORDS.length)]} ${WORDS[int(WORDS.length)]} ${WORDS[int(WORDS.length)]}, ${1 + int(4)}-Pack`;
    rows.push([`SKU-${i}`, title, brand, barcode, model, `Maker ${brand}`, '', '', '']);
  }
  return Papa.unparse({
    fields: [
      'SKU',
      'Title',
      'Brand',
      'UPC',
      'MPN',
      'Manufacturer',
      'EU Responsible Person',
      'Warnings',
      'Batch',
    ],
    data: rows,
  });
}
