/**
 * A service worker stopped at every point of a sync (issue 14: "the service worker killed at 20 points
 * in a sync"; finding 7: "a retired or staged index generation can be orphaned"). The worker is stopped
 * before each of the sync's IndexedDB write transactions in turn (everything before it committed,
 * nothing after it runs), the way the browser stops an idle worker. After each stop the index holds
 * exactly the old version or the new one, and after the next sync the new one, with no generation left
 * behind. The e2e test (tests/e2e/fault-injection.spec.ts) stops the real worker at a representative
 * set of points; this covers all of them.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPublishedIndex, type PublishedBuild } from '../../../scripts/lib/published-builder';
import {
  activeGeneration,
  type RecallDb,
  replaceSource,
  sweepOrphanGenerations,
  writeGeneration,
} from '../../../utils/recall-index/db';
import { INDEX_STORES, ofGeneration } from '../../../utils/recall-index/stores';
import { runSync, type SyncDeps } from '../../../utils/recall-index/sync';
import { allSyncStates, INTERRUPTED, readSyncState } from '../../../utils/recall-index/sync-state';
import type { Recall, SourceStatus } from '../../../utils/schemas';
import { parseSettings } from '../../../utils/settings';
import { recall } from '../support/factories';
import { TEST_SIGN_KEY, TRUST_TEST_KEY } from '../support/index-keys';
import { closeIndexes, openIndex } from './open-index';

class WorkerStopped extends Error {}

/**
 * `db` as a worker sees it that is stopped before its `n`th write transaction: that transaction and
 * every later one (reads too) throw, as nothing runs in a stopped worker.
 */
function stoppedBeforeWrite(db: RecallDb, n: number): { db: RecallDb; stopped: () => boolean } {
  let writes = 0;
  let dead = false;
  const idb = new Proxy(db.idb, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (...args: Parameters<typeof target.transaction>) => {
          if (args[1] === 'readwrite' && ++writes === n) dead = true;
          if (dead) throw new WorkerStopped('the service worker was stopped');
          return target.transaction(...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: { ...db, idb, writing: new Set(), syncing: new Set() }, stopped: () => dead };
}

/** What lookups read: each source's live records (runs with their changes on top), as sorted text. */
async function contents(db: RecallDb): Promise<string[]> {
  const out: string[] = [];
  for (const meta of await db.idb.getAll('meta')) {
    const byId = new Map<string, string>();
    for (const page of await db.idb.getAll('pages', ofGeneration(meta.activeGen))) {
      for (const text of page.records) byId.set((JSON.parse(text) as Recall).id, text);
    }
    for (const change of await db.idb.getAll('changes', ofGeneration(meta.activeGen))) {
      if (change.recall) byId.set(change.id, JSON.stringify(change.recall));
      else byId.delete(change.id);
    }
    out.push(`${meta.source}: ${meta.records} records`, ...[...byId.values()]);
  }
  return out.sort();
}

/** Every generation with rows in any store. */
async function storedGenerations(db: RecallDb): Promise<string[]> {
  const gens = new Set<string>();
  for (const store of INDEX_STORES) {
    for (const key of await db.idb.getAllKeys(store)) gens.add((key as unknown as string[])[0] as string);
  }
  return [...gens].sort();
}

async function liveGenerations(db: RecallDb): Promise<string[]> {
  return (await db.idb.getAll('meta')).map((m) => m.activeGen).sort();
}

const INDEX_URL = 'http://127.0.0.1:9/index/manifest.json';
const now = new Date('2026-12-01T00:00:00Z');

function webOf(builds: { current: PublishedBuild }): typeof fetch {
  return async (input) => {
    const file = new URL(String(input)).pathname.replace('/index/', '');
    const bytes = builds.current.files.get(file);
    return bytes
      ? new Response(bytes as Uint8Array<ArrayBuffer>, {
          headers: { etag: `"${builds.current.manifest.version}"` },
        })
      : new Response('not found', { status: 404 });
  };
}

const syncDeps = (db: RecallDb, fetch: typeof globalThis.fetch): SyncDeps => ({
  db,
  fetch,
  now: () => now,
  random: () => 0.5,
  settings: parseSettings({ publishedIndexUrl: INDEX_URL, feeds: { cpsc: { enabled: false } } }),
  feeds: [],
  ...TRUST_TEST_KEY,
});

const cpsc = (n: number, model: string) => recall(String(n), { models: [model] });
const openfda = (n: number, model: string) =>
  recall(String(n), { models: [model] }, { id: `openfda:${n}`, source: 'openfda', jurisdiction: 'US' });

/** Two sources, several shards each, so a sync has many write points. */
const many = (from: number, count: number, make: (n: number, model: string) => Recall, tag: string) =>
  Array.from({ length: count }, (_, i) => make(from + i, `${tag}-${from + i}`));

const build = (bySource: Record<string, Recall[]>, at: string, previous?: PublishedBuild) =>
  buildPublishedIndex(
    new Map(Object.entries(bySource).map(([s, recalls]) => [s, { recalls, skipped: [] }])),
    previous ? { manifest: previous.manifest, recalls: previous.recalls } : undefined,
    new Date(at),
    { allowShrink: true, signKey: TEST_SIGN_KEY },
  );

/**
 * Stops the worker before each write transaction of the sync from `old` to `next` in turn, and checks
 * what is left after the stop and after the next sync. Returns how many points were tried.
 */
async function everyStopPoint(
  old: PublishedBuild,
  next: PublishedBuild,
  expectFull: boolean,
): Promise<number> {
  let points = 0;
  for (let n = 1; ; n++) {
    globalThis.indexedDB = new IDBFactory();
    const db = await openIndex();
    const builds = { current: old };
    await runSync(syncDeps(db, webOf(builds)));
    const before = await contents(db);
    builds.current = next;

    const worker = stoppedBeforeWrite(db, n);
    const outcome = await runSync(syncDeps(worker.db, webOf(builds)), { force: true }).catch((e) => e);
    if (!worker.stopped()) {
      // The sync finished before the nth write: every point has been tried.
      expect(outcome[0]?.status, outcome[0]?.message).toBe('updated');
      expect(outcome[0]?.message).toMatch(expectFull ? /downloaded index/ : /delta/);
      return points;
    }
    points++;
    expect(outcome).toBeInstanceOf(WorkerStopped);
    const afterStop = await contents(db);
    const after = await (async () => {
      // A new worker: the next sync resumes or starts over, and ends at the new version.
      const restarted = await openIndex();
      const [resumed] = await runSync(syncDeps(restarted, webOf(builds)), { force: true });
      // 'unchanged' when the stop came after the new version went live, before the runner's last word.
      expect(['updated', 'unchanged'], `stopped before write ${n}: ${resumed?.message}`).toContain(
        resumed?.status,
      );
      return restarted;
    })();
    const finished = await contents(after);
    expect([before, finished], `stopped before write ${n}`).toContainEqual(afterStop);
    expect(await storedGenerations(after), `generations after write ${n}`).toEqual(
      await liveGenerations(after),
    );
    closeIndexes();
  }
}

describe('a service worker stopped at any point of a published sync', () => {
  afterEach(closeIndexes);

  it('leaves the old index or the new one, and no generation behind, in a full download of two sources', async () => {
    const old = await build(
      { cpsc: many(1000, 30, cpsc, 'OLD'), openfda: many(5000, 10, openfda, 'OLD') },
      '2026-11-20T00:00:00Z',
    );
    // Built without the old index as its previous, so the sync downloads it in full.
    const next = await build(
      { cpsc: many(1010, 9000, cpsc, 'NEW'), openfda: many(5005, 12, openfda, 'NEW') },
      '2026-11-21T00:00:00Z',
    );
    expect(next.manifest.shards.length).toBeGreaterThan(2);
    const points = await everyStopPoint(old, next, true);
    expect(points).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('leaves the old index or the new one when a delta changes two sources', async () => {
    const old = await build(
      { cpsc: many(1000, 30, cpsc, 'OLD'), openfda: many(5000, 10, openfda, 'OLD') },
      '2026-11-20T00:00:00Z',
    );
    const next = await build(
      { cpsc: many(1005, 30, cpsc, 'OLD'), openfda: many(5000, 8, openfda, 'NEW') },
      '2026-11-21T00:00:00Z',
      old,
    );
    const points = await everyStopPoint(old, next, false);
    expect(points).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('the status after a stopped sync', () => {
  afterEach(closeIndexes);

  it('says the sync was stopped before it finished, until the next sync finishes it', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openIndex();
    const builds = { current: await build({ cpsc: many(1000, 30, cpsc, 'OLD') }, '2026-11-20T00:00:00Z') };
    await runSync(syncDeps(db, webOf(builds)));
    builds.current = await build({ cpsc: many(1010, 9000, cpsc, 'NEW') }, '2026-11-21T00:00:00Z');
    const worker = stoppedBeforeWrite(db, 4);
    await expect(runSync(syncDeps(worker.db, webOf(builds)), { force: true })).rejects.toThrow(WorkerStopped);
    const restarted = await openIndex();
    const stopped = (await allSyncStates(restarted)).find((s) => s.source === 'published');
    expect(stopped?.lastError).toBe(INTERRUPTED);
    expect(stopped?.lastError).toContain('was stopped before it finished');
    // While a sync runs in this worker, it is not reported as stopped.
    restarted.syncing.add('published');
    expect((await allSyncStates(restarted)).find((s) => s.source === 'published')?.lastError).toBeNull();
    restarted.syncing.delete('published');
    await runSync(syncDeps(restarted, webOf(builds)), { force: true });
    expect((await allSyncStates(restarted)).find((s) => s.source === 'published')?.lastError).toBeNull();
  });
});

describe('a device whose storage fills up mid-download', () => {
  afterEach(closeIndexes);

  /** An index synced with 30 records, and a build of 9,000 served next. */
  async function syncedThenGrown() {
    globalThis.indexedDB = new IDBFactory();
    const db = await openIndex();
    const builds = { current: await build({ cpsc: many(1000, 30, cpsc, 'OLD') }, '2026-11-20T00:00:00Z') };
    await runSync(syncDeps(db, webOf(builds)));
    const before = await contents(db);
    builds.current = await build({ cpsc: many(1010, 9000, cpsc, 'NEW') }, '2026-11-21T00:00:00Z');
    return { db, builds, before };
  }

  type Idb = RecallDb['idb'];
  /**
   * `idb` whose third batch of records meets `refuse` (which throws, or hands back a failing transaction);
   * with `closes`, every transaction after it throws, as on a connection the browser closed.
   */
  function refusingThirdBatch(idb: Idb, refuse: () => ReturnType<Idb['transaction']>, closes = false): Idb {
    let batches = 0;
    let closed = false;
    return new Proxy(idb, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (...args: Parameters<typeof target.transaction>) => {
          if (closed)
            throw new DOMException(
              "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
              'InvalidStateError',
            );
          if (
            ([args[0]] as unknown[]).flat().includes('pages') &&
            args[1] === 'readwrite' &&
            ++batches === 3
          ) {
            closed = closes;
            return refuse();
          }
          return target.transaction(...args);
        };
      },
    });
  }

  it('keeps the old index, discards the half-written download, and says there is not enough space', async () => {
    const { db, builds, before } = await syncedThenGrown();
    // The browser refuses the third batch of records: IndexedDB's QuotaExceededError.
    const full = refusingThirdBatch(db.idb, () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const [outcome] = await runSync(syncDeps({ ...db, idb: full }, webOf(builds)), { force: true });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toContain('there is not enough storage space on this device for index');
    expect(outcome?.message).toContain('the previous index is kept');
    expect(await contents(db)).toEqual(before);
    expect(await storedGenerations(db)).toEqual(await liveGenerations(db));
    expect((await readSyncState(db, 'published')).staging).toBeNull();
  });

  it('ends in words when the disk itself is full, as Chromium says it, and the next sync on a new connection completes', async () => {
    const { db, builds, before } = await syncedThenGrown();
    // What Chromium did on a full disk (a real profile on a nearly full tmpfs): each request of the
    // failing batch says only AbortError, the transaction says why, and the browser closes the connection.
    const full = refusingThirdBatch(
      db.idb,
      () => {
        const done = Promise.reject(
          new DOMException(
            'Connection is closing because of: IO error: .../000008.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
            'UnknownError',
          ),
        );
        done.catch(() => undefined);
        const aborted = () =>
          Promise.reject(
            new DOMException(
              'The transaction was aborted, so the request cannot be fulfilled.',
              'AbortError',
            ),
          );
        return { objectStore: () => ({ put: aborted }), done } as unknown as ReturnType<Idb['transaction']>;
      },
      true,
    );
    const [outcome] = await runSync(syncDeps({ ...db, idb: full }, webOf(builds)), { force: true });
    expect(outcome?.status).toBe('failed');
    // The browser closed the database: nothing could be removed, and the message does not say it was.
    expect(outcome?.message).toMatch(
      /^there is not enough storage space on this device for index \d+, so its download stopped/,
    );
    expect(outcome?.message).toContain('the previous index is kept');
    expect(await contents(db)).toEqual(before);
    // Space again, and a new connection (the background opens one when the browser closed its own).
    const [next] = await runSync(syncDeps(db, webOf(builds)), { force: true });
    expect(next?.status).toBe('updated');
    expect(await storedGenerations(db)).toEqual(await liveGenerations(db));
    expect((await readSyncState(db, 'published')).staging).toBeNull();
  });
});

describe('generations a stopped worker left behind', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(closeIndexes);

  const status = (records: number): SourceStatus => ({
    source: 'cpsc',
    records,
    skipped: 0,
    skippedReasons: [],
    loadedAt: null,
    origin: 'bundled',
  });

  it('a reload stopped before its activation leaves no stale rows in the next reload of that source', async () => {
    const db = await openIndex();
    await replaceSource(db, [cpsc(1, 'A-1')], status(1));
    // A reload wrote its new generation, then the worker stopped before activating it.
    const stale = stoppedBeforeWrite(db, 2);
    await expect(replaceSource(stale.db, [cpsc(2, 'STALE-2')], status(1))).rejects.toThrow(WorkerStopped);
    const restarted = await openIndex();
    await replaceSource(restarted, [cpsc(3, 'B-3')], status(1));
    const live = await contents(restarted);
    expect(live.some((r) => r.includes('STALE-2'))).toBe(false);
    expect(live.filter((r) => r.startsWith('{'))).toHaveLength(1);
  });

  it('a retired generation, or a staged one no sync names, is swept before the next sync', async () => {
    const db = await openIndex();
    await replaceSource(db, [cpsc(1, 'A-1')], status(1));
    const live = (await activeGeneration(db, 'cpsc')) as string;
    // As the code before this fix could leave them: a retired generation whose delete never ran, and
    // a staged one whose sync state was never saved.
    await writeGeneration(db, 'cpsc#0', [cpsc(9, 'RETIRED')]);
    await writeGeneration(db, 'cpsc#7', [cpsc(8, 'STAGED')]);
    await writeGeneration(db, 'openfda#3', [openfda(7, 'STAGED')]);
    const builds = { current: await build({ cpsc: [cpsc(1, 'A-1')] }, '2026-11-20T00:00:00Z') };
    const settings = { ...syncDeps(db, webOf(builds)), settings: parseSettings({}) };
    await runSync(settings);
    expect(await storedGenerations(db)).toEqual([live]);
  });

  it('a generation this worker is writing is not swept', async () => {
    const db = await openIndex();
    await writeGeneration(db, 'cpsc#1', [cpsc(1, 'A-1')]);
    db.writing.add('cpsc#1');
    expect(await sweepOrphanGenerations(db, [])).toEqual([]);
    db.writing.delete('cpsc#1');
    expect(await sweepOrphanGenerations(db, [])).toEqual(['cpsc#1']);
  });
});
