/**
 * `audit`: a merchant's catalog file checked against every recall, for their own CI.
 *
 *   audit <catalog file> [--feed <file> ... | --index <dir>] [--format json|csv|html] [--map column=field ...]
 *
 * Recalls come from --feed files, or a published index folder (--index, as `index build` writes it), or
 * else the starter index the extension ships (public/starter/), so no feed files are needed. The findings go to stdout in the chosen format (JSON by default, the CLI's own);
 * rows that could not be audited, and barcodes to fix, go to stderr as one line each (at most 20, then a
 * count; in full in the JSON and HTML outputs), then one line that sums the audit up. Exit codes (issue 11): 1 when any confirmed or
 * likely finding exists, 0 when none, 2 on bad input (cli.ts maps errors to 2 for this command).
 * The reading and the audit are utils/audit/ (browser-safe); only the file system is here.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditRows, needsAction } from '../../utils/audit/audit';
import { parseMappingOverride } from '../../utils/audit/column-guess';
import { evidenceReportHtml } from '../../utils/audit/evidence-report';
import { findingsCsv } from '../../utils/audit/export-csv';
import { type AuditMeta, auditJson } from '../../utils/audit/export-json';
import { MAX_CATALOG_BYTES, readCatalog } from '../../utils/audit/read-catalog';
import { type AuditIndex, loadFeedIndex, loadPublishedIndex, loadStarterIndex } from './audit-index';
import { UsageError } from './index-commands';

export const AUDIT_USAGE =
  '  npm run --silent cli -- audit <catalog file> [--feed <file> ... | --index <dir>] [--format json|csv|html] [--map column=field ...]';

const FORMATS = ['json', 'csv', 'html'] as const;
type OutputFormat = (typeof FORMATS)[number];

export interface AuditOutput {
  stdout: string;
  stderr: string[];
  exitCode: 0 | 1;
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

export async function runAuditCommand(
  args: string[],
  indexFor?: () => Promise<AuditIndex>,
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
  if (!file || positionals.length > 1) throw new UsageError('audit needs exactly one catalog file');
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

  const catalog = readCatalog(readCatalogFile(file), { overrides, name: path.basename(file) });
  const { index, feeds } = await (indexFor?.() ??
    (values.feed?.length
      ? Promise.resolve(loadFeedIndex(values.feed))
      : values.index
        ? loadPublishedIndex(values.index)
        : loadStarterIndex()));
  const result = auditRows(catalog.rows, catalog.mapping, index, catalog.problems);

  const sources = new Map<string, number>();
  for (const f of feeds) sources.set(f.source, (sources.get(f.source) ?? 0) + f.records);
  const meta: AuditMeta = {
    catalog: path.basename(file),
    catalogFormat: catalog.format,
    encoding: catalog.encoding,
    mapping: catalog.mapping,
    sources: [...sources].map(([source, records]) => ({ source, records })),
    generatedAt: new Date().toISOString(),
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
  stderr.push(
    `audit of ${meta.catalog}: ${result.listings} listing${result.listings === 1 ? '' : 's'}, ${confirmed} confirmed, ${likely} likely, ${possible} possible findings`,
  );
  return { stdout, stderr, exitCode: needsAction(result) ? 1 : 0 };
}
