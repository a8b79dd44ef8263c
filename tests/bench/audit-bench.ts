/**
 * `npx vite-node tests/bench/audit-bench.ts [rows] [recalls]`: the merchant audit's budget (issue 11): a
 * 50,000-row catalog against 250,000 recalls audited by the CLI in under 10 s.
 *
 * The recalls are synthetic (synthetic-recalls.ts, with product lines so names file title keys, as in
 * match-core.ts). The catalog is a generic CSV written here: 1 row in 100 carries a recall's barcode and
 * brand (confirmed), 1 in 100 a recall's model and brand (likely), and the rest a random valid barcode,
 * a random model and a title of product words. Two mixes of brands for those other rows:
 * - harsh: every row's brand is one that recalls carry, so every title brings up title-key candidates
 *   (about 140 records per brand at 250,000) that the matcher must read and reject;
 * - typical: 1 row in 10 has such a brand, the rest house brands no recall names (most of a real
 *   catalog's brands have no recall at all).
 *
 * Printed: the core in-process, step by step (read: decode + papaparse + column mapping; audit: identity +
 * lookup + findings; the three exports), and the CLI end to end as a merchant runs it against a published
 * index folder of the same recalls (`npm run --silent cli -- audit <csv> --index <dir> --format csv`, key
 * files and all, as `index build` writes it), with the same run on an empty catalog to show what is
 * start-up and loading and what is the audit.
 */
// First: the evidence sentences (explain.ts) are UI words, which Node gets in English from here.
import '../../scripts/lib/english-ui';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPublishedIndex } from '../../scripts/lib/published-builder';
import { auditRows } from '../../utils/audit/audit';
import { evidenceReportHtml } from '../../utils/audit/evidence-report';
import { findingsCsv } from '../../utils/audit/export-csv';
import { auditJson } from '../../utils/audit/export-json';
import { readCatalog } from '../../utils/audit/read-catalog';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { catalogCsv } from './audit-catalog';
import { withProductLines } from './match-core';
import { syntheticRecalls } from './synthetic-recalls';

const ROWS = Number(process.argv[2] ?? 50_000);
const RECALLS = Number(process.argv[3] ?? 250_000);
const ROOT = path.resolve(import.meta.dirname, '../..');

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

const [recalls, genMs] = timed(() => withProductLines(syntheticRecalls(RECALLS)));
const [index, buildMs] = timed(() => new MemoryIndex(recalls));
const MIXES = [
  { name: 'typical (1 in 10 brands recalled)', share: 0.1, file: 'typical.csv' },
  { name: 'harsh (every brand recalled)', share: 1, file: 'harsh.csv' },
] as const;
const csvs = new Map<string, string>();

console.log(
  `## Merchant audit: ${ROWS.toLocaleString('en-US')} catalog rows against ${RECALLS.toLocaleString('en-US')} recalls\n`,
);
console.log(`(synthetic recalls generated in ${ms(genMs)}; MemoryIndex built in ${ms(buildMs)})\n`);
console.log(
  '| catalog | read (decode, papaparse, mapping) | audit (identities, lookups, findings) | CSV / JSON / HTML export | read + audit + CSV | rows/s | findings (confirmed, likely, possible) |',
);
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const mix of MIXES) {
  const csv = catalogCsv(recalls, mix.share, ROWS);
  csvs.set(mix.file, csv);
  const bytes = new TextEncoder().encode(csv);
  const [catalog, readMs] = timed(() => readCatalog(bytes, { name: mix.file }));
  const [result, auditMs] = timed(() => auditRows(catalog.rows, catalog.mapping, index, catalog.problems));
  const meta = {
    catalog: mix.file,
    catalogFormat: catalog.format,
    encoding: catalog.encoding,
    mapping: catalog.mapping,
    sources: [{ source: 'synthetic', records: RECALLS }],
    generatedAt: new Date().toISOString(),
  };
  const [, csvMs] = timed(() => findingsCsv(result.findings));
  const [, jsonMs] = timed(() => auditJson(result, meta));
  const [, htmlMs] = timed(() => evidenceReportHtml(result, meta));
  const total = readMs + auditMs + csvMs;
  console.log(
    `| ${mix.name}, ${(bytes.byteLength / 1e6).toFixed(1)} MB | ${ms(readMs)} | ${ms(auditMs)} | ${ms(csvMs)} / ${ms(jsonMs)} / ${ms(htmlMs)} | **${ms(total)}** | ${Math.round(ROWS / (total / 1000)).toLocaleString('en-US')} | ${result.counts.confirmed}, ${result.counts.likely}, ${result.counts.possible} |`,
  );
}
console.log('');

// The CLI end to end, on a published index folder of the same recalls.
const dir = mkdtempSync(path.join(tmpdir(), 'audit-bench-'));
try {
  const built = await buildPublishedIndex(
    new Map([['synthetic', { recalls, skipped: [] }]]),
    undefined,
    new Date('2026-12-05T00:00:00Z'),
  );
  const indexDir = path.join(dir, 'index');
  for (const [file, content] of built.files) {
    mkdirSync(path.dirname(path.join(indexDir, file)), { recursive: true });
    writeFileSync(path.join(indexDir, file), content);
  }
  for (const [file, csv] of csvs) writeFileSync(path.join(dir, file), csv);
  const typical = csvs.get('typical.csv') as string;
  writeFileSync(path.join(dir, 'empty.csv'), `${typical.slice(0, typical.indexOf('\n'))}\n`);
  const runCli = (file: string) => {
    const t = performance.now();
    // As a merchant runs it: through npm, with the package script's Node flags.
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'audit', path.join(dir, file), '--index', indexDir, '--format', 'csv'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`cli audit failed (${r.status}): ${r.stderr}`);
    return performance.now() - t;
  };
  const empty = runCli('empty.csv');
  console.log(
    '| CLI end to end (`npm run --silent cli -- audit <csv> --index <dir> --format csv`) | wall time | the audit (less the header-only run) | rows/s |',
  );
  console.log('|---|---:|---:|---:|');
  console.log(
    `| header only: start-up and the manifest (no key wanted, so no shard read) | ${ms(empty)} | | |`,
  );
  for (const mix of MIXES) {
    const full = runCli(mix.file);
    const audit = full - empty;
    console.log(
      `| ${ROWS.toLocaleString('en-US')} rows, ${mix.name} | **${ms(full)}** | ${ms(audit)} | ${Math.round(ROWS / (audit / 1000)).toLocaleString('en-US')} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
