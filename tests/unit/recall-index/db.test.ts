import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  activateGeneration,
  applyChanges,
  generationCount,
  nextGeneration,
  recallCount,
  replaceSource,
  sourceStatuses,
  writeGeneration,
} from '../../../utils/recall-index/db';
import { KEY_RULES_VERSION } from '../../../utils/recall-index/keys';
import { indexStatus, lookupIdentities } from '../../../utils/recall-index/query';
import { DB_VERSION } from '../../../utils/recall-index/stores';
import type { SourceStatus } from '../../../utils/schemas';
import { identity, recall } from '../support/factories';
import { closeIndexes, openIndex } from './open-index';

const status = (source: string, records: number): SourceStatus => ({
  source,
  records,
  skipped: 0,
  skippedReasons: [],
  loadedAt: '2026-11-01T00:00:00.000Z',
  origin: 'bundled',
});

const STORES = ['changes', 'meta', 'pages', 'runs', 'sync'];

const stool = recall('1', { brands: ['Kettlebrook'], models: ['KB-TS100'], gtins: ['00850012345671'] });
const warmer = recall('2', { brands: ['Lumora'], models: ['LM-HW5000'] });

describe('the recall database', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(closeIndexes);

  it('creates its stores when opened for the first time', async () => {
    const db = await openIndex();
    expect(db.idb.version).toBe(DB_VERSION);
    expect([...db.idb.objectStoreNames].sort()).toEqual(STORES);
  });

  it('migrates a version-1 database: its records become the first generation and stay findable', async () => {
    const v1 = await openDB('recall-sentinel', 1, {
      upgrade(db) {
        db.createObjectStore('recalls', { keyPath: 'id' }).createIndex('source', 'source');
        db.createObjectStore('keys', { keyPath: ['k', 'r'] });
        db.createObjectStore('meta', { keyPath: 'source' });
      },
    });
    await v1.put('recalls', stool);
    await v1.put('meta', status('cpsc', 1));
    v1.close();

    const db = await openIndex();
    expect(await recallCount(db)).toBe(1);
    expect((await sourceStatuses(db))[0]).toMatchObject({ source: 'cpsc', activeGen: 'cpsc#1' });
    const { matches } = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:1']);
  });

  it('migrates a version-2 database: records keep their generation and gain their keys', async () => {
    const v2 = await openDB('recall-sentinel', 2, {
      upgrade(db) {
        db.createObjectStore('recalls', { keyPath: ['gen', 'id'] });
        db.createObjectStore('keys', { keyPath: ['k', 'gen', 'r'] }).createIndex('gen', 'gen');
        db.createObjectStore('meta', { keyPath: 'source' });
        db.createObjectStore('sync', { keyPath: 'source' });
      },
    });
    await v2.put('recalls', { gen: 'cpsc#4', id: stool.id, recall: stool });
    await v2.put('meta', { ...status('cpsc', 1), activeGen: 'cpsc#4' });
    await v2.put('sync', { source: 'cpsc', cursor: '2026-11-01' });
    v2.close();

    const db = await openIndex();
    expect([...db.idb.objectStoreNames].sort()).toEqual(STORES);
    const { matches } = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:1']);
    expect(await db.idb.get('sync', 'cpsc')).toMatchObject({ cursor: '2026-11-01' });
  });

  it('keeps a staging generation invisible until it is activated', async () => {
    const db = await openIndex();
    await replaceSource(db, [warmer], status('cpsc', 1));
    const gen = await nextGeneration(db, 'cpsc');
    await writeGeneration(db, gen, [stool]);
    const probe = identity({ gtins: ['00850012345671'] });
    expect((await lookupIdentities(db, [probe])).matches[0]).toEqual([]);
    await activateGeneration(db, gen, status('cpsc', 1));
    expect((await lookupIdentities(db, [probe])).matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:1']);
  });

  it('drops every record and key of a retired generation', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const gen = (await sourceStatuses(db))[0]?.activeGen as string;
    await replaceSource(db, [warmer], status('cpsc', 1));
    expect(await generationCount(db, gen)).toBe(0);
    expect(await db.idb.count('runs')).toBe(1);
    expect(await db.idb.count('pages')).toBe(1);
  });

  it('migrates a version-3 database: every generation becomes runs, and changes start empty', async () => {
    const v3 = await openDB('recall-sentinel', 3, {
      upgrade(db) {
        db.createObjectStore('recalls', { keyPath: ['gen', 'id'] }).createIndex('keys', 'keys', {
          multiEntry: true,
        });
        db.createObjectStore('meta', { keyPath: 'source' });
        db.createObjectStore('sync', { keyPath: 'source' });
      },
    });
    await v3.put('recalls', { gen: 'cpsc#2', id: stool.id, recall: stool, keys: ['g:00850012345671'] });
    await v3.put('recalls', { gen: 'cpsc#2', id: warmer.id, recall: warmer, keys: ['m:LMHW5000'] });
    await v3.put('recalls', { gen: 'cpsc#3', id: warmer.id, recall: warmer, keys: ['m:LMHW5000'] });
    await v3.put('meta', { ...status('cpsc', 2), activeGen: 'cpsc#2' });
    v3.close();

    const db = await openIndex();
    expect([...db.idb.objectStoreNames].sort()).toEqual(STORES);
    expect(await recallCount(db)).toBe(2);
    expect(await generationCount(db, 'cpsc#3')).toBe(1);
    const { matches } = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'] }),
      identity({ brand: 'Lumora', models: ['LM-HW5000'] }),
    ]);
    expect(matches.map((m) => m.map((x) => x.recallId))).toEqual([['cpsc:1'], ['cpsc:2']]);
  });

  it('writes the same batch again to the same rows, so a resumed sync never holds a record twice', async () => {
    const db = await openIndex();
    const gen = await nextGeneration(db, 'cpsc');
    await writeGeneration(db, gen, [stool, warmer]);
    await writeGeneration(db, gen, [stool, warmer]);
    expect(await generationCount(db, gen)).toBe(2);
    expect(await db.idb.count('runs')).toBe(1);
  });

  it('keeps one copy of a record that a batch lists twice: the last one', async () => {
    const db = await openIndex();
    const newer = { ...warmer, version: '2026-11-02T00:00:00', title: 'Corrected' };
    await replaceSource(db, [warmer, stool, newer], status('cpsc', 2));
    const { recalls } = await lookupIdentities(db, [identity({ brand: 'Lumora', models: ['LM-HW5000'] })]);
    expect(recalls['cpsc:2']?.title).toBe('Corrected');
    expect(await recallCount(db)).toBe(2);
  });

  it('skips a stored record that no longer reads as a recall instead of showing it', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const [page] = await db.idb.getAll('pages');
    if (!page) throw new Error('no page stored');
    await db.idb.put('pages', {
      ...page,
      records: page.records.map((r) => r.replace('"products"', '"prodxcts"')),
    });
    const result = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(result.matches[0]).toEqual([]);
  });

  it('finds nothing, and reads nothing, for keys the index does not hold', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool], status('cpsc', 1));
    const result = await lookupIdentities(db, [identity({ gtins: ['00850099999997'], models: ['ZZ-404X'] })]);
    expect(result.matches[0]).toEqual([]);
  });

  it('applies upserts and removals to the live generation in one step', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const corrected = recall(
      '2',
      { brands: ['Lumora'], models: ['LM-HW6000'] },
      { version: '2026-11-02T00:00:00' },
    );
    await applyChanges(db, 'cpsc', [corrected], ['cpsc:1'], () => status('cpsc', 1));
    const result = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'] }),
      identity({ brand: 'Lumora', models: ['LM-HW5000'] }),
      identity({ brand: 'Lumora', models: ['LM-HW6000'] }),
    ]);
    expect(result.matches.map((m) => m.map((x) => x.recallId))).toEqual([[], [], ['cpsc:2']]);
    expect(await recallCount(db)).toBe(1);
  });

  it('takes the record count it is given instead of checking each changed id', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const added = recall('3', { models: ['QX-77801'] });
    await applyChanges(db, 'cpsc', [added], ['cpsc:1'], (m) => ({ ...status('cpsc', 0), ...m }), {
      records: 2,
    });
    expect(await recallCount(db)).toBe(2);
    expect(await generationCount(db, (await sourceStatuses(db))[0]?.activeGen as string)).toBe(2);
    const { matches } = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'] }),
      identity({ brand: 'Acme', models: ['QX-77801'] }),
    ]);
    expect(matches[0]).toEqual([]);
    expect(matches[1]?.map((m) => m.recallId)).toEqual(['cpsc:3']);
  });

  it('rebuilds the tables of runs built under older key rules from the records they hold', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool], status('cpsc', 1));
    const [run] = await db.idb.getAll('runs');
    if (!run) throw new Error('no run stored');
    await db.idb.put('runs', { ...run, keyRules: 1, hashes: new Uint32Array(), ordinals: new Uint32Array() });
    const probe = identity({ gtins: ['00850012345671'] });
    expect((await lookupIdentities(db, [probe])).matches[0]).toEqual([]);
    await vi.waitFor(
      async () => {
        const { matches } = await lookupIdentities(db, [probe]);
        expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:1']);
      },
      { timeout: 5000, interval: 100 },
    );
    expect((await db.idb.getAll('runs'))[0]?.keyRules).toBe(KEY_RULES_VERSION);
  });

  it('stops its timers and answers no more lookups once closed', async () => {
    const db = await openIndex();
    const gen = await nextGeneration(db, 'cpsc');
    await writeGeneration(db, gen, [stool]);
    await writeGeneration(db, gen, [warmer]);
    await activateGeneration(db, gen, status('cpsc', 2));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Two runs: loading the generation schedules the merge of their tables.
      await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
      expect(vi.getTimerCount()).toBe(1);
      db.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
    await expect(lookupIdentities(db, [identity({ gtins: ['00850012345671'] })])).rejects.toThrow(/disposed/);
  });

  it('brings back a withdrawn record when a later change restores it', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    await applyChanges(db, 'cpsc', [], ['cpsc:1'], () => status('cpsc', 1));
    expect(await recallCount(db)).toBe(1);
    await applyChanges(db, 'cpsc', [stool], [], (m) => ({ ...status('cpsc', 0), ...m }));
    expect(await recallCount(db)).toBe(2);
    expect((await sourceStatuses(db))[0]?.records).toBe(2);
    const { matches } = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:1']);
  });

  it('keeps the source record count true through corrections, additions and removals', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const corrected = { ...warmer, version: '2026-11-02T00:00:00' };
    const added = recall('3', { models: ['QX-77801'] });
    await applyChanges(db, 'cpsc', [corrected, added], ['cpsc:1', 'cpsc:404'], (m) => ({
      ...status('cpsc', 0),
      ...m,
    }));
    expect((await sourceStatuses(db))[0]?.records).toBe(await recallCount(db));
    expect(await recallCount(db)).toBe(2);
  });

  it('upgrades a version-0 (absent) database in place and keeps working on reopen', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool], status('cpsc', 1));
    db.close();
    const again = await openIndex();
    expect(await recallCount(again)).toBe(1);
  });

  it('replaces one source as a whole, dropping its old records and their keys', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    await replaceSource(db, [warmer], status('cpsc', 1));
    expect(await recallCount(db)).toBe(1);
    const { matches } = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'], brand: 'Kettlebrook' }),
    ]);
    expect(matches[0]).toEqual([]);
  });

  it('leaves other sources untouched when one is replaced', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool], status('cpsc', 1));
    const other = { ...recall('9', { gtins: ['00850098765431'] }), id: 'eu:9', source: 'eu' };
    await replaceSource(db, [other], status('eu', 1));
    await replaceSource(db, [], status('eu', 0));
    expect(await recallCount(db)).toBe(1);
    expect((await sourceStatuses(db)).map((s) => s.source).sort()).toEqual(['cpsc', 'eu']);
  });

  it('answers many identities in one lookup, each with its own matches', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    const result = await lookupIdentities(db, [
      identity({ gtins: ['00850012345671'] }),
      identity({ brand: 'Lumora', models: ['LM-HW5000'] }),
      identity({ brand: 'Lumora', models: ['LM-HW9999'] }),
    ]);
    expect(result.matches.map((m) => m.map((x) => x.recallId))).toEqual([['cpsc:1'], ['cpsc:2'], []]);
    expect(Object.keys(result.recalls).sort()).toEqual(['cpsc:1', 'cpsc:2']);
  });

  it('finds a recall by a stated model prefix', async () => {
    const db = await openIndex();
    const family = recall('7', { brands: ['Trailex'], models: ['models beginning with TRX1'] });
    await replaceSource(db, [family, stool], status('cpsc', 2));
    const page = identity({ brand: 'Trailex', models: ['TRX113'] });
    expect((await lookupIdentities(db, [page])).matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:7']);
  });

  it('reports how many records it holds and when they were loaded', async () => {
    const db = await openIndex();
    await replaceSource(db, [stool, warmer], status('cpsc', 2));
    expect(await indexStatus(db)).toMatchObject({ records: 2, updatedAt: '2026-11-01T00:00:00.000Z' });
  });
});
