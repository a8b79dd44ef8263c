import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../../utils/feeds';
import { buildSnapshot } from '../../../utils/feeds/snapshot';
import {
  BUNDLED_FILES,
  DEMO_SNAPSHOT,
  loadBundledData,
  STARTER_MANIFEST,
} from '../../../utils/recall-index/bundled';
import { recallCount, replaceSource, sourceStatuses } from '../../../utils/recall-index/db';
import { recall } from '../support/factories';
import { closeIndexes, openIndex } from './open-index';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DEMO_DATA = path.join(ROOT, 'scripts/demo-store/data');
const NOW = new Date('2026-11-28T10:00:00Z');

/** The package as each build lays it out: public/ for every build, the demo snapshot in the demo build. */
const readPackaged = async (p: string): Promise<Uint8Array> =>
  readFileSync(
    p === DEMO_SNAPSHOT ? path.join(DEMO_DATA, 'demo-snapshot.json') : path.join(ROOT, 'public', p),
  );

const starterManifest = () =>
  JSON.parse(readFileSync(path.join(ROOT, 'public', STARTER_MANIFEST), 'utf8')) as {
    records: number;
    feeds: Record<string, { records: number; skipped: number }>;
  };

describe('the bundled starter data', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(closeIndexes);

  it('packages only the real starter index outside the demo build', () => {
    expect(BUNDLED_FILES).toEqual([STARTER_MANIFEST]);
  });

  it('loads every real recall of the starter index into an empty index, by source', async () => {
    const db = await openIndex();
    await loadBundledData(db, readPackaged, NOW, [STARTER_MANIFEST]);
    const manifest = starterManifest();
    expect(manifest.records).toBeGreaterThanOrEqual(9000);
    expect(await recallCount(db)).toBe(manifest.records);
    const statuses = await sourceStatuses(db);
    expect(statuses.map((s) => s.source).sort()).toEqual(Object.keys(manifest.feeds).sort());
    for (const s of statuses) {
      expect(s).toMatchObject({
        records: manifest.feeds[s.source]?.records,
        skipped: manifest.feeds[s.source]?.skipped,
        loadedAt: NOW.toISOString(),
        origin: 'bundled',
      });
    }
  });

  it('finds a real recall by the UPC its notice lists (the Kroger acetaminophen of 2022)', async () => {
    const db = await openIndex();
    await loadBundledData(db, readPackaged, NOW, [STARTER_MANIFEST]);
    const { recalls } = await db.view.candidatesForKeys(['g:00041260012846']);
    expect([...recalls.values()].map((r) => r.url)).toContainEqual(
      expect.stringMatching(/^https:\/\/www\.cpsc\.gov\/Recalls\/2022\//),
    );
  });

  it('adds the demo store recalls to the real ones in the demo build', async () => {
    const db = await openIndex();
    await loadBundledData(db, readPackaged, NOW, [STARTER_MANIFEST, DEMO_SNAPSHOT]);
    expect(await recallCount(db)).toBe(starterManifest().records + 4);
  });

  it('loading twice leaves one copy of each record', async () => {
    const db = await openIndex();
    await loadBundledData(db, readPackaged, NOW, [DEMO_SNAPSHOT]);
    await loadBundledData(db, readPackaged, NOW, [DEMO_SNAPSHOT]);
    expect(await recallCount(db)).toBe(4);
  });

  it('never overwrites data that a sync brought in', async () => {
    const db = await openIndex();
    await replaceSource(db, [recall('7')], {
      source: 'cpsc',
      records: 1,
      skipped: 0,
      skippedReasons: [],
      loadedAt: NOW.toISOString(),
      origin: 'sync',
    });
    await loadBundledData(db, readPackaged, NOW, [STARTER_MANIFEST]);
    const cpsc = (await sourceStatuses(db)).find((s) => s.source === 'cpsc');
    expect(cpsc).toMatchObject({ records: 1, origin: 'sync' });
  });

  it('refuses a starter shard whose content does not match its checksum, and loads nothing', async () => {
    const db = await openIndex();
    const tampered = async (p: string) => {
      const bytes = await readPackaged(p);
      if (!p.includes('/shards/')) return bytes;
      const copy = new Uint8Array(bytes);
      copy[copy.length - 12] = (copy[copy.length - 12] ?? 0) ^ 0xff;
      return copy;
    };
    await expect(loadBundledData(db, tampered, NOW, [STARTER_MANIFEST])).rejects.toThrow(/checksum mismatch/);
    expect(await recallCount(db)).toBe(0);
  });

  it('ships a demo snapshot that is exactly what the CLI builds from the demo data', async () => {
    const snapshot = JSON.parse(readFileSync(path.join(DEMO_DATA, 'demo-snapshot.json'), 'utf8'));
    const demo = parseFeedDocument(JSON.parse(readFileSync(path.join(DEMO_DATA, 'cpsc-demo.json'), 'utf8')), {
      now: NOW,
    });
    const rebuilt = buildSnapshot(demo.recalls, new Date(snapshot.generatedAt));
    expect(snapshot, 'run `npm run build:demo-snapshot` after changing the demo data').toEqual(rebuilt);
  });

  it('counts malformed records with their reasons and loads the rest', async () => {
    const db = await openIndex();
    const malformed = path.resolve(import.meta.dirname, '../../fixtures/feeds/cpsc/malformed-page.json');
    await loadBundledData(db, async () => readFileSync(malformed), NOW, ['/malformed-page.json']);
    const [status] = await sourceStatuses(db);
    expect(status?.records).toBeGreaterThan(0);
    expect(status?.skipped).toBeGreaterThan(0);
    expect(status?.skippedReasons[0]).toMatch(/^record \d+/);
    expect(await recallCount(db)).toBe(status?.records);
  });
});
