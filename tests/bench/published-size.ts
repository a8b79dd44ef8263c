/**
 * Size of the published index against its budgets (issue 3): 250,000 recalls under 40 MB gzipped in
 * total, a typical daily delta under 100 KB. Prints figures, not pass/fail:
 *
 *   npx vite-node tests/bench/published-size.ts
 *
 * Records come from the deterministic synthetic generator, so the figures repeat run to run. The daily
 * delta is what a busy day looks like across several feeds: 150 new notices, 50 corrections, 2
 * withdrawals. The 1,000-record delta is a heavy catch-up (a week offline, or a feed's deep rescan).
 */
import {
  buildPublishedIndex,
  diffRecalls,
  encodeDelta,
  makeDelta,
} from '../../scripts/lib/published-builder';
import { readVerifiedShard } from '../../utils/recall-index/published/documents';
import type { Recall } from '../../utils/schemas';
import { syntheticRecalls } from './synthetic-recalls';

const NOW = new Date('2025-06-01T06:00:00Z');
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const KB = (n: number) => `${(n / 1e3).toFixed(1)} KB`;

/** The next day's records: `fresh` new notices, `corrected` existing ones republished, `withdrawn` gone. */
function nextDay(recalls: Recall[], fresh: number, corrected: number, withdrawn: number): Recall[] {
  const added = syntheticRecalls(recalls.length + fresh, 7).slice(recalls.length);
  const step = Math.max(1, Math.floor(recalls.length / (corrected + withdrawn + 1)));
  const out: Recall[] = [];
  recalls.forEach((r, i) => {
    const slot = Math.floor(i / step);
    if (i % step !== 0 || slot >= corrected + withdrawn) out.push(r);
    else if (slot < corrected)
      out.push({ ...r, version: '2025-06-02T00:00:00', remedy: `${r.remedy} (updated)` });
  });
  return [...out, ...added];
}

async function deltaBytes(before: Recall[], after: Recall[]): Promise<{ bytes: number; upserts: number }> {
  const change = diffRecalls(before, after);
  const { entry } = await encodeDelta(makeDelta(1, 2, change));
  return { bytes: entry.bytes, upserts: entry.upserts };
}

async function measure(n: number): Promise<void> {
  const recalls = syntheticRecalls(n);
  // Summed record by record: one 500 MB string would measure the garbage collector, not the format.
  const encoder = new TextEncoder();
  const rawJson = recalls.reduce((sum, r) => sum + encoder.encode(JSON.stringify(r)).byteLength + 1, 0);
  const started = performance.now();
  const build = await buildPublishedIndex(new Map([['synthetic', { recalls, skipped: [] }]]), undefined, NOW);
  const buildMs = performance.now() - started;
  const shardBytes = build.manifest.shards.reduce((sum, s) => sum + s.bytes, 0);
  const manifestBytes = build.files.get('manifest.json')?.byteLength ?? 0;
  // Key files are published beside the shards for the CLI's audit; the extension does not download them.
  const keyBytes = build.manifest.shards.reduce((sum, s) => sum + (s.keys?.bytes ?? 0), 0);

  const firstShard = build.manifest.shards[0];
  let readMs = Number.NaN;
  if (firstShard) {
    const bytes = build.files.get(firstShard.file) as Uint8Array;
    const t = performance.now();
    await readVerifiedShard(bytes, firstShard);
    readMs = performance.now() - t;
  }

  const daily = await deltaBytes(recalls, nextDay(recalls, 150, 50, 2));
  const thousand = await deltaBytes(recalls, nextDay(recalls, 600, 400, 0));

  console.log(
    `| ${n.toLocaleString('en-US')} | ${build.manifest.shards.length} | ${MB(rawJson)} | ${MB(shardBytes + manifestBytes)} | ${Math.round((shardBytes + manifestBytes) / n)} B | ${KB(manifestBytes)} | ${KB(daily.bytes)} (${daily.upserts} upserts, 2 removals) | ${KB(thousand.bytes)} (${thousand.upserts} upserts) | ${(buildMs / 1000).toFixed(1)} s | ${readMs.toFixed(0)} ms (${firstShard?.records ?? 0} records) | ${MB(keyBytes)} |`,
  );
}

console.log('## Published index size (synthetic recalls, gzip via CompressionStream)\n');
console.log(
  '| records | shards | records as plain JSON | published total, gzipped | per record | manifest | daily delta | 1,000-record delta | build | verify + read one shard | key files (not downloaded by the extension) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of [10_000, 250_000]) await measure(n);
