/**
 * Real CPSC notices (../shared/data/real-recalls: the cpsc.gov export's full notices, and the compact
 * list's notices that print UPCs) and a catalog made of their own values, for tests that check an audit
 * path finds exactly what another does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { STARTER_FILES } from '../../scripts/commands/starter-index';
import { type CompactCopy, readCpscCopies } from '../../scripts/lib/cpsc-copies';
import { type Catalog, readCatalog } from '../../utils/audit/read-catalog';
import type { Recall } from '../../utils/schemas';

/**
 * The real notices: the export's full notices, and the compact list's rows that print UPCs (or, with
 * `everyRow`, all of its rows: every CPSC recall since 1973).
 */
export function realRecalls(dir: string, now: Date, everyRow = false): Recall[] {
  const compact = JSON.parse(readFileSync(path.join(dir, STARTER_FILES.cpscCompact), 'utf8')) as CompactCopy;
  const withUpcs = everyRow ? compact : { ...compact, rows: compact.rows.filter((row) => row.c) };
  return readCpscCopies(withUpcs, readFileSync(path.join(dir, STARTER_FILES.cpscCsv), 'utf8'), now).recalls;
}

/**
 * Listings built from the notices' own values: a barcode, a model, or the product's name, with its
 * brand; every listing twice, the copies later in the file (a brand's candidates come up in more than
 * one chunk of an audit).
 */
export function catalogOf(recalls: readonly Recall[]): Catalog {
  const rows: string[][] = [];
  recalls.forEach((recall, i) => {
    const product = recall.products[0];
    const brand = product?.brands[0];
    if (!product || !brand) return;
    const sku = `SKU-${i}`;
    if (product.gtins[0]) rows.push([sku, product.name, brand, product.gtins[0].replace(/^00/, ''), '']);
    else if (product.models[0]) rows.push([sku, `${brand} listing`, brand, '', product.models[0]]);
    else if (i % 3 === 0) rows.push([sku, product.name, brand, '', '']);
  });
  const twice = [...rows, ...rows.map((r) => [`${r[0]}-again`, ...r.slice(1)])];
  const csv = Papa.unparse({ fields: ['SKU', 'Title', 'Brand', 'UPC', 'MPN'], data: twice });
  return readCatalog(new TextEncoder().encode(csv), { name: 'real.csv' });
}
