/**
 * `audit`: a merchant's catalog file, or their Shopify store, checked against every recall, for their own CI.
 *
 *   audit <catalog file | store URL> [--feed <file> ... | --index <dir>] [--format json|csv|html] [--map column=field ...]
 *
 * A store URL (with its scheme: https://shop.example.com) is scanned as the audit page scans one
 * (audit-store.ts); a scan that stops part-way (HTTP 500, a hang) audits what was read and says so.
 *
 * Recalls come from --feed files, or a published index folder (--index, as `index build` writes it), or
 * else the starter index the extension ships (public/starter/), so no feed files are needed. The findings go to stdout in the chosen format (JSON by default, the CLI's own);
 * rows that could not be audited, and barcodes to fix, go to stderr as one line each (at most 20, then a
 * count; in full in the JSON and HTML outputs), then one line that sums the audit up. Exit codes (issue 11): 1 when any confirmed or
 * likely finding exists, 0 when none, 2 on bad input (cli.ts maps errors to 2 for this command: a missing
 * file, a store that cannot be reached or is not a Shopify store). A store scan that stopped part-way
 * exits 1 when what was read already has such a finding, else 2: the store was not read in full, so
 * "none found" (0) would claim more than the audit knows.
 * The reading and the audit are utils/audit/ (browser-safe); only the file system is here.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditIdentities, needsAction } from '../../utils/audit/audit';
import { rowIdentity } from '../../utils/audit/catalog-identity';
import { parseMappingOverride } from '../../utils/audit/column-guess';
import { evidenceReportHtml } from '../../utils/audit/evidence-report';
import { findingsCsv } from '../../utils/audit/export-csv';
import { type AuditMeta, auditJson } from '../../utils/audit/export-json';
import { type Catalog, MAX_CATALOG_BYTES, readAnyCatalog } from '../../utils/audit/read-catalog';
import { type ScanDeps, scanCatalog } from '../../utils/audit/storefront-scan';
import { identityKeys } from '../../utils/recall-index/keys';
import type { ProductIdentity } from '../../utils/schemas';
import { type AuditIndex, loadPublishedIndex, loadStarterIndex } from './audit-index';
import { isStoreUrl, readStore } from './audit-store';
import { UsageError } from './usage';

const FORMATS = ['json', 'csv', 'html'] as const;
type OutputFormat = (typeof FORMATS)[number];

export interface AuditOutput {
  stdout: string;
  stderr: string[];
  exitCode: 0 | 1 | 2;
}

const MAX_STDERR_PROBLEMS = 20;

/** The file's bytes, refused before reading when over the limit (a 2 GB file is not read to be refused). */
function readCatalogFile(file: string): Uint8Array {
  const size = statSync(file).size;
  if (size > MAX_CATALOG_BYTES)
    throw new Error(
      `${file} is ${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_CATALOG_BYTES / 1024 / 1024} MB. Split it (by category or brand) and audit each part.`,
    );
  return readFileSync(file);
}

interface Read {
  name: string;
  catalog: Catalog;
  scan?: AuditMeta['scan'];
}

/** The catalog file, or the store the URL names, as a catalog. */
async function readInput(
  input: string,
  overrides: ReturnType<typeof parseMappingOverride>[],
  store?: Partial<ScanDeps>,
): Promise<Read> {
  if (!isStoreUrl(input)) {
    const name = path.basename(input);
    return { name, catalog: await readAnyCatalog(readCatalogFile(input), { overrides, name }) };
  }
  if (overrides.length > 0) throw new UsageError("--map is for catalog files; a store's columns are fixed");
  const { host, state } = await readStore(input, store);
  return {
    name: host,
    catalog: scanCatalog(state),
    scan: {
      origin: state.origin,
      pages: state.nextPage - 1,
      complete: state.status === 'done',
      stoppedBecause: state.status === 'done' ? null : state.message,
    },
  };
}

/**
 * `indexFor` replaces the recalls and `store` parts of the store scan (a shorter delay) for tests.
 */
export async function runAuditCommand(
  args: string[],
  indexFor?: () => Promise<AuditIndex>,
  store?: Partial<ScanDeps>,
): Promise<AuditOutput> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      feed: { type: 'string', multiple: true },
      index: { type: 'string' },
      format: { type: 'string', default: 'json' },
      map: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('audit needs exactly one catalog file or store URL');
  if (values.index && values.feed?.length)
    throw new UsageError('audit takes --feed files or one --index folder, not both');
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  let overrides: ReturnType<typeof parseMappingOverride>[];
  try {
    overrides = (values.map ?? []).map(parseMappingOverride);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }

  const { name, catalog, scan } = await readInput(file, overrides, store);
  const identities = catalog.rows.map((row) => rowIdentity(row, catalog.mapping));
  // What the rows look up: a published index keeps only the records filed under these (audit-index.ts).
  const keys = new Map(identities.map((i) => [i.identity, identityKeys(i.identity)]));
  const wanted = new Set([...keys.values()].flat());
  const { index, feeds } = await (indexFor?.() ??
    (values.feed?.length
      ? import('./feed-index').then(({ loadFeedIndex }) => loadFeedIndex(values.feed ?? []))
      : values.index
        ? loadPublishedIndex(values.index, wanted)
        : loadStarterIndex(wanted)));
  const lookup = {
    lookup: (i: ProductIdentity) => index.lookup(i, keys.get(i)),
    get: (id: string) => index.get(id),
  };
  const result = auditIdentities(catalog.rows, identities, lookup, catalog.problems);

  const sources = new Map<string, number>();
  for (const f of feeds) sources.set(f.source, (sources.get(f.source) ?? 0) + f.records);
  const meta: AuditMeta = {
    catalog: name,
    catalogFormat: catalog.format,
    encoding: catalog.encoding,
    mapping: catalog.mapping,
    sources: [...sources].map(([source, records]) => ({ source, records })),
    generatedAt: new Date().toISOString(),
    ...(scan ? { scan } : {}),
  };
  const stdout =
    format === 'csv'
      ? `${findingsCsv(result.findings)}\n`
      : format === 'html'
        ? evidenceReportHtml(result, meta)
        : `${auditJson(result, meta)}\n`;
  const stderr = result.problems.slice(0, MAX_STDERR_PROBLEMS).map((p) => p.message);
  if (result.problems.length > MAX_STDERR_PROBLEMS)
    stderr.push(`… and ${result.problems.length - MAX_STDERR_PROBLEMS} more rows with problems`);
  // The last line sums the audit up for a CI log, whatever the output went to.
  const { confirmed, likely, possible } = result.counts;
  const listings = `${result.listings} listing${result.listings === 1 ? '' : 's'}`;
  if (scan?.complete)
    stderr.push(
      `scanned ${name}: ${listings} (product variants) from ${scan.pages} page${scan.pages === 1 ? '' : 's'}`,
    );
  if (scan && !scan.complete)
    stderr.push(
      `the scan of ${name} stopped at page ${scan.pages + 1}: ${scan.stoppedBecause}. Only the ${listings} read before it were audited (partial results).`,
    );
  stderr.push(
    `audit of ${meta.catalog}: ${listings}, ${confirmed} confirmed, ${likely} likely, ${possible} possible findings${scan && !scan.complete ? ' (partial)' : ''}`,
  );
  const exitCode = needsAction(result) ? 1 : scan && !scan.complete ? 2 : 0;
  return { stdout, stderr, exitCode };
}
