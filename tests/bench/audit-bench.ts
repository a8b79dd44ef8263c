/**
 * `npx vite-node tests/bench/audit-bench.ts [rows] [recalls]`: the merchant audit's budget (issue 11): a
 * 50,000-row catalog against 250,000 recalls audited by the CLI in under 10 s.
 *
 * The recalls are synthetic (synthetic-recalls.ts, with product lines so names file title keys, as in
 * match-core.ts). The catalog is a generic CSV written here: 1 row in 100 carries a recall's barcode and
 * brand (confirmed), 1 in 100 a recall's model and brand (likely), and the rest a random valid barcode,
 * a random model, a brand that recalls do carry and a title in that brand's words, so every row brings up
 * title-key candidates the matcher must reject (harsher than a real catalog, where most brands have no
 * recall at all).
 *
 * Printed: the core in-process, step by step (read: decode + papaparse + column mapping; audit: identity +
 * lookup + findings; the three exports), and the CLI end to end as a merchant runs it against a published
 * index folder of the same recalls (`audit <csv> --index <dir> --format csv`), with the same run on an
 * empty catalog to show what is loading the 250,000 recalls and what is the audit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { buildPublishedIndex } from '../../scripts/lib/published-builder';
import { auditRows } from '../../utils/audit/audit';
import { evidenceReportHtml } from '../../utils/audit/evidence-report';
import { findingsCsv } from '../../utils/audit/export-csv';
import { auditJson } from '../../utils/audit/export-json';
import { readCatalog } from '../../utils/audit/read-catalog';
import { gtinCheckDigit } from '../../utils/identity/gtin';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import type { Recall } from '../../utils/schemas';
import { withProductLines } from './match-core';
import { prng, syntheticRecalls } from './synthetic-recalls';

const ROWS = Number(process.argv[2] ?? 50_000);
const RECALLS = Number(process.argv[3] ?? 250_000);
const ROOT = path.resolve(import.meta.dirname, '../..');

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

const WORDS = ['Foldable', 'Storage', 'Basket', 'Kids', 'Chair', 'Lamp', 'Kettle', 'Wooden', 'Toy', 'Stool', 'Charger', 'Cable', 'Heater', 'Bottle', 'Blanket', 'Helmet'];

function catalogCsv(recalls: Recall[]): string {
  const rnd = prng(7);
  const int = (n: number) => Math.floor(rnd() * n);
  const digits = (n: number) => Array.from({ length: n }, () => int(10)).join('');
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const r = recalls[int(recalls.length)] as Recall;
    const p = r.products[0];
    const brand = p?.brands[0] ?? 'Acme';
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

const [recalls, genMs] = timed(() => withProductLines(syntheticRecalls(RECALLS)));
const [index, buildMs] = timed(() => new MemoryIndex(recalls));
const csv = catalogCsv(recalls);
const bytes = new TextEncoder().encode(csv);

const [catalog, readMs] = timed(() => readCatalog(bytes, { name: 'bench.csv' }));
const [result, auditMs] = timed(() => auditRows(catalog.rows, catalog.mapping, index, catalog.problems));
const meta = {
  catalog: 'bench.csv',
  catalogFormat: catalog.format,
  encoding: catalog.encoding,
  mapping: catalog.mapping,
  sources: [{ source: 'synthetic', records: RECALLS }],
  generatedAt: new Date().toISOString(),
};
const [, csvMs] = timed(() => findingsCsv(result.findings));
const [, jsonMs] = timed(() => auditJson(result, meta));
const [, htmlMs] = timed(() => evidenceReportHtml(result, meta));

console.log(
  `## Merchant audit: ${ROWS.toLocaleString('en-US')} catalog rows against ${RECALLS.toLocaleString('en-US')} recalls\n`,
);
console.log(
  `(synthetic recalls generated in ${ms(genMs)}; MemoryIndex built in ${ms(buildMs)}; catalog ${(bytes.byteLength / 1e6).toFixed(1)} MB)\n`,
);
console.log('| step (in-process, Node) | time | rows/s |');
console.log('|---|---:|---:|');
console.log(
  `| read (decode, papaparse, mapping) | ${ms(readMs)} | ${Math.round(ROWS / (readMs / 1000)).toLocaleString('en-US')} |`,
);
console.log(
  `| audit (identities, lookups, findings) | ${ms(auditMs)} | ${Math.round(ROWS / (auditMs / 1000)).toLocaleString('en-US')} |`,
);
console.log(`| export CSV / JSON / HTML | ${ms(csvMs)} / ${ms(jsonMs)} / ${ms(htmlMs)} | |`);
console.log(
  `| **read + audit + CSV** | **${ms(readMs + auditMs + csvMs)}** | ${Math.round(ROWS / ((readMs + auditMs + csvMs) / 1000)).toLocaleString('en-US')} |`,
);
console.log(
  `\nfindings: ${result.counts.confirmed} confirmed, ${result.counts.likely} likely, ${result.counts.possible} possible; rows with problems: ${result.problems.length}\n`,
);

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
  writeFileSync(path.join(dir, 'bench.csv'), csv);
  writeFileSync(path.join(dir, 'empty.csv'), `${csv.slice(0, csv.indexOf('\n'))}\n`);
  const runCli = (file: string) => {
    const t = performance.now();
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/vite-node'),
      ['scripts/cli.ts', '--', 'audit', path.join(dir, file), '--index', indexDir, '--format', 'csv'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(`cli audit failed (${r.status}): ${r.stderr}`);
    return performance.now() - t;
  };
  const full = runCli('bench.csv');
  const empty = runCli('empty.csv');
  console.log('| CLI end to end (`audit <csv> --index <dir> --format csv`) | wall time |');
  console.log('|---|---:|');
  console.log(`| ${ROWS.toLocaleString('en-US')} rows | **${ms(full)}** |`);
  console.log(
    `| header only (start-up + loading and verifying ${RECALLS.toLocaleString('en-US')} recalls) | ${ms(empty)} |`,
  );
  console.log(
    `| the audit itself (difference) | ${ms(full - empty)} (${Math.round(ROWS / ((full - empty) / 1000)).toLocaleString('en-US')} rows/s) |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
