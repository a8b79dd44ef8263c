/**
 * `npm run eval:brands`: on the real cpsc.gov notices of the shared data (the 902-row recall-search CSV
 * export), how many print a product brand distinct from the firm that recalls the product ("Enerco
 * Recalls DEWALT … Heaters", "Walmart Recalls Mainstays …"). Those are the notices whose barcode would be
 * vetoed as "brand differs" on a listing of the very product if the firm were taken for the brand.
 * Prints the figures, the brands by how they were read, and a sample; asserts nothing.
 */

import { CPSC_CSV, type CpscCsvRow, csvRowAsRecord, readCpscCsv } from '../tests/eval/real-notices';
import { brandsCompatible, dbaNames, firmName } from '../utils/identity/brand';
import { type NoticeBrand, noticeBrands, readHeading } from '../utils/identity/notice-brands';
import { sharedDataPath } from './lib/shared-data';

const SAMPLE = Number(process.argv[2] ?? 40);

interface Reading {
  number: string;
  heading: string;
  firms: string[];
  brands: NoticeBrand[];
  distinct: NoticeBrand[];
}

function read(row: CpscCsvRow): Reading {
  const record = csvRowAsRecord(row);
  const heading = readHeading(record.Title ?? '');
  const firmLines = [record.Manufacturers, record.Importers, record.Distributors]
    .flatMap((list) => list ?? [])
    .map((f) => f?.Name ?? '')
    .filter((n) => n.length > 0);
  const firms = [
    ...firmLines.flatMap((line) => [firmName(line), ...dbaNames(line)]),
    ...heading.recallers,
    ...heading.firms,
  ].filter((f) => f.length > 0);
  const brands = noticeBrands({
    title: record.Title ?? '',
    productName: record.Products?.[0]?.Name ?? '',
    description: record.Description ?? '',
  });
  return {
    number: (row['Recall Number'] ?? '').trim(),
    heading: record.Title ?? '',
    firms,
    brands,
    distinct: brands.filter((b) => !firms.some((f) => brandsCompatible(b.value, f))),
  };
}

const rows = readCpscCsv();
if (!rows) {
  console.log(`No shared data at ${sharedDataPath(...CPSC_CSV)}: nothing to measure.`);
  process.exit(0);
}
const readings = rows.map(read);
const withBrand = readings.filter((r) => r.brands.length > 0);
const distinct = readings.filter((r) => r.distinct.length > 0);
const byVia = new Map<string, number>();
for (const r of distinct) {
  for (const via of new Set(r.distinct.map((b) => b.via))) byVia.set(via, (byVia.get(via) ?? 0) + 1);
}
const pct = (n: number): string => `${((n / readings.length) * 100).toFixed(1)}%`;

console.log(`Real CPSC notices (cpsc.gov CSV export): ${readings.length}`);
console.log(`  with a product brand read from the notice: ${withBrand.length} (${pct(withBrand.length)})`);
console.log(
  `  with a product brand distinct from every firm (manufacturer, importer, distributor, recaller): ${distinct.length} (${pct(distinct.length)})`,
);
console.log(
  `  read by: ${[...byVia]
    .sort((a, b) => b[1] - a[1])
    .map(([via, n]) => `${via} ${n}`)
    .join(', ')}`,
);
console.log('');
console.log(`Sample (every ${Math.max(1, Math.floor(distinct.length / SAMPLE))}th of the distinct ones):`);
const step = Math.max(1, Math.floor(distinct.length / SAMPLE));
for (let i = 0; i < distinct.length; i += step) {
  const r = distinct[i] as Reading;
  console.log(
    `  ${r.number}  ${r.distinct.map((b) => `${b.value} [${b.via}]`).join(', ')}  ≠  ${r.firms[0] ?? '(no firm)'}   — ${r.heading.slice(0, 100)}`,
  );
}
