import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  openRecallDb,
  recallCount,
  replaceSource,
  sourceStatuses,
} from '../../../utils/recall-index/db';
import { indexStatus, lookupIdentities } from '../../../utils/recall-index/query';
import type { SourceStatus } from '../../../utils/schemas';
import { identity, recall } from '../support/factories';

const status = (source: string, records: number): SourceStatus => ({
  source,
  records,
  skipped: 0,
  skippedReasons: [],
  loadedAt: '2026-11-01T00:00:00.000Z',
  origin: 'bundled',
});

const stool = recall('1', { brands: ['Kettlebrook'], models: ['KB-TS100'], gtins: ['00850012345671'] });
const warmer = recall('2', { brands: ['Lumora'], models: ['LM-HW5000'] });

describe('the recall database', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('creates its stores when opened for the first time', async () => {
    const db = await openRecallDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['keys', 'meta', 'recalls']);
  });

  it('upgrades a version-0 (absent) database in place and keeps working on reopen', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [stool], status('cpsc', 1));
    db.close();
    const again = await openRecallDb();
    expect(await recallCount(again)).toBe(1);
  });

  it('replaces one source as a whole, dropping its old records and their keys', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    await replaceSource(db, [warmer], status('cpsc', 1));
    expect(await recallCount(db)).toBe(1);
    const { matches } = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'], brand: 'Kettlebrook' }),
    ]);
    expect(matches[0]).toEqual([]);
  });

  it('leaves other sources untouched when one is replaced', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [stool], status('cpsc', 1));
    const other = { ...recall('9', { gtins: ['00850098765431'] }), id: 'eu:9', source: 'eu' };
    await replaceSource(db, [other], status('eu', 1));
    await replaceSource(db, [], status('eu', 0));
    expect(await recallCount(db)).toBe(1);
    expect((await sourceStatuses(db)).map((s) => s.source).sort()).toEqual(['cpsc', 'eu']);
  });

  it('answers many identities in one lookup, each with its own matches', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const result = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'] }),
      identity({ brand: 'Lumora', models: ['LM-HW5000'] }),
      identity({ brand: 'Lumora', models: ['LM-HW9999'] }),
    ]);
    expect(result.matches.map((m) => m.map((x) => x.recallId))).toEqual([['cpsc:1'], ['cpsc:2'], []]);
    expect(Object.keys(result.recalls).sort()).toEqual(['cpsc:1', 'cpsc:2']);
  });

  it('reports how many records it holds and when they were loaded', async () => {
    const db = await openRecallDb();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    expect(await indexStatus(db)).toMatchObject({ records: 2, updatedAt: '2026-11-01T00:00:00.000Z' });
  });
});
