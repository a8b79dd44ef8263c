import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../../utils/feeds';
import { buildSnapshot } from '../../../utils/feeds/snapshot';
import { loadBundledData } from '../../../utils/recall-index/bundled';
import { openRecallDb, recallCount, replaceSource, sourceStatuses } from '../../../utils/recall-index/db';
import { recall } from '../support/factories';

const PUBLIC = path.resolve(import.meta.dirname, '../../../public');
const readPublic = async (p: string) => JSON.parse(readFileSync(path.join(PUBLIC, p), 'utf8'));
const NOW = new Date('2026-11-28T10:00:00Z');

describe('the bundled starter data', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('loads every demo recall into an empty index and records where it came from', async () => {
    const db = await openRecallDb();
    await loadBundledData(db, readPublic, NOW);
    expect(await recallCount(db)).toBe(4);
    expect(await sourceStatuses(db)).toMatchObject([
      {
        source: 'cpsc',
        records: 4,
        skipped: 0,
        skippedReasons: [],
        loadedAt: NOW.toISOString(),
        origin: 'bundled',
      },
    ]);
  });

  it('loading twice leaves one copy of each record', async () => {
    const db = await openRecallDb();
    await loadBundledData(db, readPublic, NOW);
    await loadBundledData(db, readPublic, NOW);
    expect(await recallCount(db)).toBe(4);
  });

  it('never overwrites data that a sync brought in', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [recall('7')], {
      source: 'cpsc',
      records: 1,
      skipped: 0,
      skippedReasons: [],
      loadedAt: NOW.toISOString(),
      origin: 'sync',
    });
    await loadBundledData(db, readPublic, NOW);
    expect(await recallCount(db)).toBe(1);
  });

  it('ships a starter snapshot that is exactly what the CLI builds from the demo data', async () => {
    const snapshot = await readPublic('/demo/starter-snapshot.json');
    const demo = parseFeedDocument(await readPublic('/demo/cpsc-demo.json'), { now: NOW });
    const rebuilt = buildSnapshot(demo.recalls, new Date(snapshot.generatedAt));
    expect(snapshot, 'run `npm run build:starter` after changing public/demo/cpsc-demo.json').toEqual(
      rebuilt,
    );
  });

  it('counts malformed records with their reasons and loads the rest', async () => {
    const db = await openRecallDb();
    const malformed = JSON.parse(
      readFileSync(
        path.resolve(import.meta.dirname, '../../fixtures/feeds/cpsc/malformed-page.json'),
        'utf8',
      ),
    );
    await loadBundledData(db, async () => malformed, NOW);
    const [status] = await sourceStatuses(db);
    expect(status?.records).toBeGreaterThan(0);
    expect(status?.skipped).toBeGreaterThan(0);
    expect(status?.skippedReasons[0]).toMatch(/^record \d+/);
    expect(await recallCount(db)).toBe(status?.records);
  });
});
