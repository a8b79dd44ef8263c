/**
 * Real CPSC notices for the evaluations, read from the team's shared data (../shared/data, see
 * scripts/lib/shared-data.ts): the API records of cpsc/open-recall-format/sample.json and
 * cpsc/agent-data-oracle, and the 902 rows of the cpsc.gov recall-search CSV export. A CSV row is turned
 * into the API record shape (Title = Recall Heading, Products[].Name = Name of product, Description,
 * firm and retailer lines) so that the real CPSC mapper reads it: nothing is hand-written. When the
 * shared data is absent (outside CI) the readers return nothing and the callers say so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { findSharedData } from '../../scripts/lib/shared-data';
import { decodeEntities } from '../../utils/extract/html-text';
import cpsc, { type CpscRecord } from '../../utils/feeds/cpsc';
import { MONTHS } from '../../utils/identity/date-mining';
import type { Recall } from '../../utils/schemas';

export const CPSC_CSV = ['real-recalls', 'cpsc', 'cpsc-gov-recalls-2023-12_2026-03.csv'] as const;

/** One row of the cpsc.gov export, by its column names. */
export type CpscCsvRow = Record<string, string>;

/** The export's text is HTML-escaped in places ("&amp;", "&nbsp;"), and its whitespace is ragged. */
function cellText(text: string | undefined): string {
  return decodeEntities(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "December 07, 2023" → "2023-12-07". */
function isoDate(text: string | undefined): string | null {
  const m = /^(\w+)\s+(\d{1,2}),\s+(\d{4})$/.exec((text ?? '').trim());
  const month = m ? MONTHS[(m[1] as string).slice(0, 3).toLowerCase()] : undefined;
  if (!m || !month) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[2] as string).padStart(2, '0')}`;
}

/** The rows of the CSV export, or null when the shared data is not there. */
export function readCpscCsv(): CpscCsvRow[] | null {
  const file = findSharedData(...CPSC_CSV);
  if (!file) return null;
  const parsed = Papa.parse<CpscCsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors.length} CSV errors, first: ${parsed.errors[0]?.message}`);
  }
  return parsed.data;
}

const named = (text: string | undefined): Array<{ Name: string }> => {
  const name = cellText(text);
  return name ? [{ Name: name }] : [];
};

/** A CSV row in the API record shape, so the real CPSC mapper reads it. "24-039" gets RecallID 24039. */
export function csvRowAsRecord(row: CpscCsvRow): CpscRecord {
  const number = (row['Recall Number'] ?? '').trim();
  const date = isoDate(row.Date);
  return {
    RecallID: Number(number.replace(/\D/g, '')),
    RecallNumber: number.replace(/\D/g, ''),
    RecallDate: date ? `${date}T00:00:00` : null,
    LastPublishDate: date ? `${date}T00:00:00` : null,
    Title: cellText(row['Recall Heading']),
    Description: cellText(row.Description),
    URL: null,
    Products: [{ Name: cellText(row['Name of product']), Model: '', NumberOfUnits: cellText(row.Units) }],
    Images: [],
    Manufacturers: named(row.Manufacturers),
    Importers: named(row.Importers),
    Distributors: named(row.Distributors),
    Retailers: named(row['Sold At']),
    ManufacturerCountries: cellText(row['Manufactured In'])
      ? [{ Country: cellText(row['Manufactured In']) }]
      : [],
    ProductUPCs: [],
    Hazards: named(row['Hazard Description']),
    Remedies: named(row.Remedy),
    RemedyOptions: cellText(row['Remedy Type']) ? [{ Option: cellText(row['Remedy Type']) }] : [],
  };
}

const MAP_CLOCK = new Date('2026-12-01T00:00:00Z');

/** Maps API records with the real CPSC feed mapper. */
export function mapCpsc(records: readonly unknown[]): Recall[] {
  return cpsc.map([...records], { now: MAP_CLOCK }).recalls;
}

/** The CSV notices mapped by the real CPSC mapper, by recall number ("24-039"), or null without the data. */
export function csvRecalls(): Map<string, Recall> | null {
  const rows = readCpscCsv();
  if (!rows) return null;
  const out = new Map<string, Recall>();
  for (const row of rows) {
    const [recall] = mapCpsc([csvRowAsRecord(row)]);
    if (recall) out.set((row['Recall Number'] ?? '').trim(), recall);
  }
  return out;
}

/** The real CPSC API records (sample.json and agent-data-oracle), mapped, by RecallID; null without the data. */
export function apiRecalls(): Map<string, Recall> | null {
  const sample = findSharedData('cpsc', 'open-recall-format', 'sample.json');
  const oracle = findSharedData('cpsc', 'agent-data-oracle');
  if (!sample || !oracle) return null;
  const records: unknown[] = JSON.parse(readFileSync(sample, 'utf8'));
  for (const file of readdirSync(oracle).sort()) {
    if (file.endsWith('.json')) records.push(...JSON.parse(readFileSync(path.join(oracle, file), 'utf8')));
  }
  return new Map(mapCpsc(records).map((r) => [r.id.replace(/^cpsc:/, ''), r]));
}
