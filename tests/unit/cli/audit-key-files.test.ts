/**
 * The CLI's audit against a published index keeps only the records its catalog can meet, picked out
 * with the key files `index build` writes beside the shards (issue 11's CLI budget). None of that may
 * change a finding: checked on every real CPSC notice (../shared/data/real-recalls) built into a
 * published index, against a catalog of the barcodes, models and names of those that print UPCs,
 * compared with the same audit against every record in memory.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPublishedIndex } from '../../../scripts/commands/audit-index';
import { buildPublishedIndex } from '../../../scripts/lib/published-builder';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { type AuditResult, auditIdentities, auditRows } from '../../../utils/audit/audit';
import { rowIdentity } from '../../../utils/audit/catalog-identity';
import type { Catalog } from '../../../utils/audit/read-catalog';
import { identityKeys, KEY_RULES_VERSION, recallKeys } from '../../../utils/recall-index/keys';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { parseKeys } from '../../../utils/recall-index/published/documents';
import type { Manifest } from '../../../utils/recall-index/published/format';
import type { Recall } from '../../../utils/schemas';
import { catalogOf, realRecalls } from '../../support/real-catalog';

const DATA = findSharedData('real-recalls');
const NOW = new Date('2026-12-01T00:00:00Z');

describe.skipIf(!DATA)(
  'the CLI audit of a published index, reading only what the catalog can meet',
  {
    timeout: 120_000,
  },
  () => {
    let recalls: Recall[] = [];
    let catalog: Catalog;
    let whole: AuditResult;
    let built: string;
    let wanted: Set<string>;

    /** A copy of the built index to alter. */
    const copy = (): string => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'key-files-'));
      for (const file of ['manifest.json', ...listed(built)]) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), readFileSync(path.join(built, file)));
      }
      return dir;
    };
    const manifestOf = (dir: string): Manifest =>
      JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const listed = (dir: string) =>
      manifestOf(dir).shards.flatMap((s) => [s.file, ...(s.keys ? [s.keys.file] : [])]);
    const auditWith = async (dir: string, threads?: number) => {
      const identities = catalog.rows.map((row) => rowIdentity(row, catalog.mapping));
      const { index } = await loadPublishedIndex(dir, wanted, threads);
      return { index, result: auditIdentities(catalog.rows, identities, index, catalog.problems) };
    };

    beforeAll(async () => {
      recalls = realRecalls(DATA as string, NOW, true);
      catalog = catalogOf(realRecalls(DATA as string, NOW));
      whole = auditRows(catalog.rows, catalog.mapping, new MemoryIndex(recalls), catalog.problems);
      wanted = new Set(
        catalog.rows.flatMap((row) => identityKeys(rowIdentity(row, catalog.mapping).identity)),
      );
      const build = await buildPublishedIndex(new Map([['cpsc', { recalls, skipped: [] }]]), undefined, NOW);
      built = mkdtempSync(path.join(os.tmpdir(), 'key-files-'));
      for (const [file, bytes] of build.files) {
        mkdirSync(path.dirname(path.join(built, file)), { recursive: true });
        writeFileSync(path.join(built, file), bytes);
      }
    }, 120_000);

    it("writes each shard's keys beside it, record by record in the shard's order, by this build's rules", () => {
      const manifest = manifestOf(built);
      expect(manifest.shards.length).toBeGreaterThan(1);
      const byId = new Map(recalls.map((r) => [r.id, r]));
      for (const shard of manifest.shards) {
        expect(shard.keys?.rules).toBe(KEY_RULES_VERSION);
        const shardJson = JSON.parse(gunzipSync(readFileSync(path.join(built, shard.file))).toString());
        const ids = shardJson.recalls.columns.id as string[];
        const keys = parseKeys(
          JSON.parse(gunzipSync(readFileSync(path.join(built, shard.keys?.file as string))).toString()),
          'keys',
          shard.records,
        );
        expect(keys).toEqual(ids.map((id) => recallKeys(byId.get(id) as Recall)));
      }
    });

    it('finds exactly what the audit against every record finds, holding a fraction of the records', async () => {
      const { index, result } = await auditWith(built, 1);
      expect(result).toEqual(whole);
      // Not a vacuous comparison: real findings of each kind, and most records never unpacked.
      expect(whole.counts.confirmed).toBeGreaterThan(50);
      expect(whole.counts.likely).toBeGreaterThan(50);
      expect(index.size).toBeLessThan(recalls.length / 2);
    });

    it('finds the same with the shards read by a worker thread beside this one', async () => {
      expect((await auditWith(built, 2)).result).toEqual(whole);
    });

    it('works the keys out itself for shards whose key files are of other rules or absent', async () => {
      const dir = copy();
      const manifest = manifestOf(dir);
      manifest.shards = manifest.shards.map((s, i) =>
        i === 0
          ? { ...s, keys: undefined }
          : s.keys
            ? { ...s, keys: { ...s.keys, rules: KEY_RULES_VERSION + 1 } }
            : s,
      );
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      expect((await auditWith(dir, 1)).result).toEqual(whole);
      expect((await auditWith(dir, 2)).result).toEqual(whole);
    });

    it('refuses a key file that does not match its checksum, naming it, from this thread or a worker', async () => {
      const dir = copy();
      const last = manifestOf(dir).shards.at(-1)?.keys?.file as string;
      writeFileSync(path.join(dir, last), '{"format":"recall-sentinel-keys","formatVersion":1,"keys":[]}');
      const named = new RegExp(`${last.replace('.', '\\.')}: checksum mismatch`);
      await expect(loadPublishedIndex(dir, wanted, 1)).rejects.toThrow(named);
      await expect(loadPublishedIndex(dir, wanted, 2)).rejects.toThrow(named);
    });

    it('does not read a shard none of whose records the catalog can meet', async () => {
      const dir = copy();
      const one = recalls.find((r) => r.products[0]?.gtins[0]) as Recall;
      const manifest = manifestOf(dir);
      const holding = manifest.shards.find((s) => {
        const ids = JSON.parse(gunzipSync(readFileSync(path.join(dir, s.file))).toString()).recalls.columns
          .id;
        return (ids as string[]).includes(one.id);
      });
      for (const s of manifest.shards) if (s !== holding) rmSync(path.join(dir, s.file));
      const { index } = await loadPublishedIndex(dir, new Set([`g:${one.products[0]?.gtins[0]}`]), 1);
      expect(index.get(one.id)).toEqual(one);
    });
  },
);
