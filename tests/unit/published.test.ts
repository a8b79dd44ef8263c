import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  buildPublishedIndex,
  diffRecalls,
  type FeedInput,
  shardCount,
  shardOf,
} from '../../scripts/lib/published-builder';
import { decodeJson, sha256Hex, verifyFile } from '../../utils/recall-index/published/codec';
import { PackedColumnsWire, packRecalls } from '../../utils/recall-index/published/columns';
import {
  parseDelta,
  parseManifest,
  parseShard,
  parseShardForIndex,
  readVerifiedDelta,
  readVerifiedShard,
} from '../../utils/recall-index/published/documents';
import { deltaChain, MAX_DELTAS, type Manifest } from '../../utils/recall-index/published/format';
import type { Recall } from '../../utils/schemas';
import { syntheticRecalls } from '../bench/synthetic-recalls';

const byId = (rs: Recall[]) => [...rs].sort((a, b) => (a.id < b.id ? -1 : 1));
const NOW = new Date('2025-06-01T06:00:00Z');
const LATER = new Date('2025-06-02T06:00:00Z');

const input = (recalls: Recall[], skipped: string[] = []): Map<string, FeedInput> => {
  const bySource = new Map<string, FeedInput>();
  for (const r of recalls) {
    const e = bySource.get(r.source) ?? { recalls: [], skipped: [] };
    (e.recalls as Recall[]).push(r);
    bySource.set(r.source, e);
  }
  const first = bySource.values().next().value;
  if (first) (first.skipped as { reason: string }[]).push(...skipped.map((reason) => ({ reason })));
  return bySource;
};

async function readAll(files: Map<string, Uint8Array>, manifest: Manifest): Promise<Recall[]> {
  const out: Recall[] = [];
  for (const entry of manifest.shards) {
    out.push(...(await readVerifiedShard(files.get(entry.file) as Uint8Array, entry)).recalls);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('the published index', () => {
  const recalls = syntheticRecalls(300);

  it('builds a manifest whose checksums match the files', async () => {
    const { manifest, files } = await buildPublishedIndex(
      input(recalls, ['record 3: RecallID is missing']),
      undefined,
      NOW,
    );
    expect(
      parseManifest(await decodeJson(files.get('manifest.json') as Uint8Array, 'manifest.json')),
    ).toEqual(manifest);
    expect(manifest.records).toBe(300);
    expect(manifest.shards.reduce((n, s) => n + s.records, 0)).toBe(300);
    for (const entry of manifest.shards) {
      const bytes = files.get(entry.file) as Uint8Array;
      expect(entry.bytes).toBe(bytes.byteLength);
      expect(await verifyFile(bytes, entry.sha256)).toBe(true);
      expect(entry.file).toContain(entry.sha256.slice(0, 16));
    }
    const skippedTotal = Object.values(manifest.feeds).reduce((n, f) => n + f.skipped, 0);
    expect(skippedTotal).toBe(1);
    expect(await readAll(files, manifest)).toEqual(byId(recalls));
  });

  it('verifies a file whose gzip the host already undid', async () => {
    const { manifest, files } = await buildPublishedIndex(input(recalls), undefined, NOW);
    const entry = manifest.shards[0];
    if (!entry) throw new Error('no shard');
    const plain = new TextEncoder().encode(
      JSON.stringify(await decodeJson(files.get(entry.file) as Uint8Array, entry.file)),
    );
    expect(await verifyFile(plain, entry.sha256)).toBe(true);
  });

  it('fails verification for a shard whose bytes were altered', async () => {
    const { manifest, files } = await buildPublishedIndex(input(recalls), undefined, NOW);
    const entry = manifest.shards[0];
    if (!entry) throw new Error('no shard');
    const bytes = new Uint8Array(files.get(entry.file) as Uint8Array);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    expect(await verifyFile(bytes, entry.sha256)).toBe(false);
    await expect(readVerifiedShard(bytes, entry)).rejects.toThrow(/checksum mismatch/);
    const truncated = (files.get(entry.file) as Uint8Array).slice(0, 100);
    expect(await verifyFile(truncated, entry.sha256)).toBe(false);
  });

  it('builds byte-identical output from the same input, in any order', async () => {
    const a = await buildPublishedIndex(input(recalls), undefined, NOW);
    const b = await buildPublishedIndex(input([...recalls].reverse()), undefined, NOW);
    expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
    for (const [file, bytes] of a.files)
      expect(await sha256Hex(b.files.get(file) as Uint8Array)).toBe(await sha256Hex(bytes));
  });

  it('keeps a record in its shard as the index grows, and splits shards in two', () => {
    expect(shardCount(10_000)).toBe(4);
    expect(shardCount(250_000)).toBe(64);
    for (const r of recalls) expect(shardOf(r.id, 128) % 64).toBe(shardOf(r.id, 64));
  });

  it('packs records into columns and reads them back unchanged', () => {
    const shard = parseShard(
      { format: 'recall-sentinel-shard', formatVersion: 1, recalls: packRecalls(recalls) },
      'shard',
    );
    expect(shard.recalls).toEqual(recalls);
  });

  it('packs records only as the published layout describes them', () => {
    const packed = packRecalls(recalls);
    expect(PackedColumnsWire.safeParse(packed).error).toBeUndefined();
    expect(Object.keys(packed.columns)).toContain('products.identifiers');
  });

  it('reads a shard for the index with the records the full schema reads, and skips and counts what it cannot index', () => {
    const shard = { format: 'recall-sentinel-shard', formatVersion: 1, recalls: packRecalls(recalls) };
    expect(parseShardForIndex(shard, 'shard')).toEqual({ recalls, skipped: 0 });

    const packed = packRecalls(recalls.slice(0, 3));
    (packed.columns.id as unknown[])[1] = 'no source prefix';
    const read = parseShardForIndex({ ...shard, recalls: packed }, 'shard');
    expect(read.recalls.map((r) => r.id)).toEqual([recalls[0]?.id, recalls[2]?.id]);
    expect(read.skipped).toBe(1);
  });

  it('refuses, for the index too, a shard whose columns disagree on the record count', () => {
    const packed = packRecalls(recalls.slice(0, 3));
    (packed.columns.title as unknown[]).pop();
    expect(() =>
      parseShardForIndex({ format: 'recall-sentinel-shard', formatVersion: 1, recalls: packed }, 'x.json.gz'),
    ).toThrow(/x\.json\.gz: invalid recall-sentinel-shard: recalls: column "title" has 2 of 3 entries/);
  });

  it('refuses a shard from a newer format with words, not a schema dump', () => {
    expect(() =>
      parseShard({ format: 'recall-sentinel-shard', formatVersion: 2, recalls: {} }, 'x.json.gz'),
    ).toThrow(/formatVersion 2 is newer than this build reads \(1\); update the extension/);
    expect(() => parseManifest({ format: 'something-else' })).toThrow(
      /expected "format": "recall-sentinel-index"/,
    );
  });

  it('makes a corrected record (new version) an upsert and a withdrawn one a removal', () => {
    const [a, b, c] = recalls as [Recall, Recall, Recall];
    const corrected = { ...b, version: '2099-01-01T00:00:00', remedy: 'Refund' };
    const silentlyEdited = { ...c, hazard: `${c.hazard} Also sold in blue.` };
    const added = syntheticRecalls(1, 99)[0] as Recall;
    const next = [corrected, silentlyEdited, ...recalls.slice(4), { ...added, id: 'cpsc:1' }];
    const change = diffRecalls(recalls, next);
    expect(change.upserts.map((r) => r.id).sort()).toEqual(['cpsc:1', b.id, c.id].sort());
    expect(change.removals).toEqual([a.id, (recalls[3] as Recall).id].sort());
    expect(diffRecalls(recalls, recalls)).toEqual({ upserts: [], removals: [] });
  });

  it('yields the new set when the delta is applied to the old one', async () => {
    const before = await buildPublishedIndex(input(recalls), undefined, NOW);
    const next = [
      ...recalls
        .slice(2)
        .map((r, i) => (i % 50 === 0 ? { ...r, version: '2099-01-01T00:00:00', remedy: 'Repair' } : r)),
      ...syntheticRecalls(320, 5).slice(300),
    ].map((r, i) => (i >= 298 ? { ...r, id: `${r.source}:new-${i}` } : r));
    const after = await buildPublishedIndex(
      input(next),
      { manifest: before.manifest, recalls: before.recalls },
      LATER,
    );

    const entry = after.delta;
    if (!entry) throw new Error('no delta');
    expect(after.manifest.deltas).toEqual([entry]);
    expect(entry.from).toBe(before.manifest.version);
    expect(entry.to).toBe(after.manifest.version);
    expect(after.manifest.version).toBeGreaterThan(before.manifest.version);
    expect(entry.removals).toBe(2);
    const delta = await readVerifiedDelta(after.files.get(entry.file) as Uint8Array, entry);
    expect(applyDelta(before.recalls, delta)).toEqual(after.recalls);
    expect(deltaChain(after.manifest, before.manifest.version)).toEqual([entry]);
    expect(deltaChain(after.manifest, 1)).toBeNull();
  });

  it('keeps the version and adds no delta when nothing changed', async () => {
    const before = await buildPublishedIndex(input(recalls), undefined, NOW);
    const again = await buildPublishedIndex(input(recalls), before, LATER);
    expect(again.manifest.version).toBe(before.manifest.version);
    expect(again.delta).toBeNull();
    expect(again.manifest.shards).toEqual(before.manifest.shards);
  });

  it('keeps the records of a feed missing from a build, with its older updatedAt', async () => {
    const before = await buildPublishedIndex(input(recalls), undefined, NOW);
    const onlyCpsc = recalls.filter((r) => r.source === 'cpsc');
    const after = await buildPublishedIndex(input(onlyCpsc), before, LATER);
    expect(after.recalls).toEqual(before.recalls);
    expect(after.manifest.feeds.openfda?.updatedAt).toBe(NOW.toISOString());
    expect(after.manifest.feeds.cpsc?.updatedAt).toBe(LATER.toISOString());
  });

  it('refuses to publish a feed that lost more than half its records unless allowed', async () => {
    const before = await buildPublishedIndex(input(recalls), undefined, NOW);
    const shrunk = new Map(input(recalls));
    shrunk.set('cpsc', { recalls: [], skipped: [] });
    await expect(buildPublishedIndex(shrunk, before, LATER)).rejects.toThrow(
      /feed cpsc shrank from \d+ to 0/,
    );
    const allowed = await buildPublishedIndex(shrunk, before, LATER, { allowShrink: true });
    expect(allowed.delta?.removals).toBe(before.manifest.feeds.cpsc?.records);
  });

  it(`lists at most the last ${MAX_DELTAS} deltas, oldest first`, async () => {
    let build = await buildPublishedIndex(input(recalls.slice(0, 40)), undefined, NOW);
    for (let day = 1; day <= MAX_DELTAS + 2; day++) {
      const changed = recalls
        .slice(0, 40)
        .map((r, i) => (i === day % 40 ? { ...r, version: `2100-01-${String(day).padStart(2, '0')}` } : r));
      build = await buildPublishedIndex(input(changed), build, new Date(NOW.getTime() + day * 86_400_000));
    }
    const { deltas } = build.manifest;
    expect(deltas).toHaveLength(MAX_DELTAS);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]?.from).toBe(deltas[i - 1]?.to);
    expect(deltas.at(-1)?.to).toBe(build.manifest.version);
  });

  it('reads a delta document strictly', () => {
    expect(() =>
      parseDelta(
        {
          format: 'recall-sentinel-delta',
          formatVersion: 1,
          from: 1,
          to: 2,
          upserts: { count: 1, columns: {} },
          removals: [],
        },
        'd.json.gz',
      ),
    ).toThrow(/d\.json\.gz: invalid recall-sentinel-delta/);
  });
});
