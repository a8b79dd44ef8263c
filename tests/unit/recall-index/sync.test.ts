import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPublishedIndex, type PublishedBuild } from '../../../scripts/lib/published-builder';
import { feeds } from '../../../utils/feeds';
import {
  changeCount,
  type RecallDb,
  recallCount,
  replaceSource,
  sourceStatuses,
} from '../../../utils/recall-index/db';
import { feedUrl } from '../../../utils/recall-index/feed-sync';
import { parseRetryAfter } from '../../../utils/recall-index/http';
import { MAX_PILED_CHANGES } from '../../../utils/recall-index/published-sync';
import { lookupIdentities } from '../../../utils/recall-index/query';
import {
  backoffMs,
  INDEX_CHECK_MINUTES,
  runSync,
  type SyncDeps,
  syncAlarmMinutes,
} from '../../../utils/recall-index/sync';
import { readSyncState } from '../../../utils/recall-index/sync-state';
import type { Recall } from '../../../utils/schemas';
import { parseSettings } from '../../../utils/settings';
import { identity, recall } from '../support/factories';
import { TEST_SIGN_KEY, TRUST_TEST_KEY } from '../support/index-keys';
import { closeIndexes, openIndex } from './open-index';

/** A tiny in-memory web: path → response, with a log of what was asked. */
class FakeWeb {
  files = new Map<string, () => Response>();
  requests: string[] = [];
  fetch: typeof fetch = async (input) => {
    const url = new URL(String(input));
    this.requests.push(url.pathname + url.search);
    const make = this.files.get(url.pathname) ?? this.files.get(url.pathname + url.search);
    if (!make) return new Response('not found', { status: 404 });
    return make();
  };
  serveBuild(build: PublishedBuild, prefix = '/index/') {
    for (const [path, bytes] of build.files) {
      this.files.set(
        prefix + path,
        () =>
          new Response(bytes as Uint8Array<ArrayBuffer>, {
            status: 200,
            headers: { etag: `"${build.manifest.version}"` },
          }),
      );
    }
  }
}

const CPSC = feeds.find((f) => f.id === 'cpsc');
const INDEX_URL = 'http://127.0.0.1:9/index/manifest.json';
let clock = new Date('2026-11-28T12:00:00Z');

function deps(db: RecallDb, web: FakeWeb, settings: object): SyncDeps {
  return {
    db,
    fetch: web.fetch,
    now: () => clock,
    random: () => 0.5,
    settings: parseSettings(settings),
    feeds: CPSC ? [CPSC] : [],
    ...TRUST_TEST_KEY,
  };
}

const stool = recall('90001', { brands: ['Kettlebrook'], models: ['KB-TS100'], gtins: ['00850012345671'] });
const warmer = recall('90002', { brands: ['Lumora'], models: ['LM-HW5000'] });
const powerStation = recall('90003', {
  brands: ['Tidewater'],
  models: ['TW-PS500'],
  gtins: ['00850043210016'],
});

const build = (recalls: Recall[], previous?: PublishedBuild) =>
  buildPublishedIndex(
    new Map([['cpsc', { recalls, skipped: [] }]]),
    previous ? { manifest: previous.manifest, recalls: previous.recalls } : undefined,
    clock,
    { allowShrink: true, signKey: TEST_SIGN_KEY },
  );

const found = async (db: RecallDb, probe = identity({ gtins: ['00850012345671'] })) =>
  (await lookupIdentities(db, [probe])).matches[0]?.map((m) => m.recallId) ?? [];

describe('syncing from a published index', () => {
  let db: RecallDb;
  let web: FakeWeb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
    web = new FakeWeb();
    clock = new Date('2026-11-28T12:00:00Z');
  });
  afterEach(closeIndexes);
  const settings = { publishedIndexUrl: INDEX_URL, feeds: { cpsc: { enabled: false } } };

  it('downloads every shard on the first sync and makes them live together', async () => {
    web.serveBuild(await build([stool, warmer]));
    const [outcome] = await runSync(deps(db, web, settings));
    expect(outcome?.status).toBe('updated');
    expect(await recallCount(db)).toBe(2);
    expect(await found(db)).toEqual(['cpsc:90001']);
    expect((await sourceStatuses(db))[0]).toMatchObject({ source: 'cpsc', origin: 'sync', records: 2 });
  });

  it('replaces the bundled starter data', async () => {
    await replaceSource(db, [powerStation], {
      source: 'cpsc',
      records: 1,
      skipped: 0,
      skippedReasons: [],
      loadedAt: null,
      origin: 'bundled',
    });
    web.serveBuild(await build([stool]));
    await runSync(deps(db, web, settings));
    expect(await recallCount(db)).toBe(1);
    expect(await found(db, identity({ gtins: ['00850043210016'] }))).toEqual([]);
  });

  it('applies a delta for a correction and a withdrawal instead of downloading everything again', async () => {
    const v1 = await build([stool, warmer]);
    web.serveBuild(v1);
    await runSync(deps(db, web, settings));
    clock = new Date('2026-11-29T12:00:00Z');
    const corrected = {
      ...warmer,
      version: '2026-11-29T00:00:00',
      products: [{ ...warmer.products[0], models: ['LM-HW6000'] }],
    } as Recall;
    const v2 = await build([corrected, powerStation], v1);
    web.files.clear();
    web.serveBuild(v2);
    web.requests = [];
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.message).toMatch(/delta/);
    expect(web.requests.some((r) => r.includes('/shards/'))).toBe(false);
    expect(await found(db)).toEqual([]);
    expect(await found(db, identity({ brand: 'Lumora', models: ['LM-HW6000'] }))).toEqual(['cpsc:90002']);
    expect(await found(db, identity({ brand: 'Lumora', models: ['LM-HW5000'] }))).toEqual([]);
    expect(await recallCount(db)).toBe(2);
  });

  it('downloads in full instead of another delta once changes have piled up, leaving none behind', async () => {
    const v1 = await build([stool, warmer]);
    web.serveBuild(v1);
    await runSync(deps(db, web, settings));
    const gen = (await sourceStatuses(db))[0]?.activeGen as string;
    const tx = db.idb.transaction('changes', 'readwrite');
    for (let i = 0; i <= MAX_PILED_CHANGES; i++)
      void tx.store.put({ gen, id: `cpsc:gone-${i}`, recall: null });
    await tx.done;
    clock = new Date('2026-11-29T12:00:00Z');
    const v2 = await build([stool, warmer, powerStation], v1);
    web.files.clear();
    web.serveBuild(v2);
    web.requests = [];
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.message).toMatch(new RegExp(`replacing ${MAX_PILED_CHANGES + 1} changes`));
    expect(web.requests.some((r) => r.includes('/shards/'))).toBe(true);
    expect(await changeCount(db)).toBe(0);
    expect(await recallCount(db)).toBe(3);
  });

  it('falls back to the full download when a delta fails its checksum', async () => {
    const v1 = await build([stool]);
    web.serveBuild(v1);
    await runSync(deps(db, web, settings));
    clock = new Date('2026-11-29T12:00:00Z');
    const v2 = await build([stool, warmer], v1);
    web.files.clear();
    web.serveBuild(v2);
    const deltaPath = `/index/${v2.delta?.file}`;
    web.files.set(deltaPath, () => new Response('{"tampered": true}'));
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.message).toMatch(/full index was downloaded/);
    expect(await recallCount(db)).toBe(2);
  });

  it('keeps the previous index when a shard fails its checksum', async () => {
    web.serveBuild(await build([stool]));
    await runSync(deps(db, web, settings));
    clock = new Date('2026-12-05T12:00:00Z');
    const v2 = await build([warmer]);
    web.files.clear();
    web.serveBuild(v2);
    const shard = v2.manifest.shards[0]?.file as string;
    web.files.set(
      `/index/${shard}`,
      () => new Response('{"format":"recall-sentinel-shard","formatVersion":1,"recalls":[]}'),
    );
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/checksum/);
    expect(await found(db)).toEqual(['cpsc:90001']);
    const state = await readSyncState(db, 'published');
    expect(state.lastError).toMatch(/checksum/);
    expect(state.failingSince).toBe(clock.toISOString());
  });

  it('resumes a full download after an interruption without fetching finished shards again', async () => {
    const many = Array.from({ length: 9000 }, (_, i) =>
      recall(String(100000 + i), { models: [`ZX-${100000 + i}`] }),
    );
    const v1 = await build(many);
    expect(v1.manifest.shards.length).toBeGreaterThan(1);
    web.serveBuild(v1);
    const last = v1.manifest.shards.at(-1)?.file as string;
    const real = web.files.get(`/index/${last}`);
    web.files.set(`/index/${last}`, () => {
      throw new TypeError('network down');
    });
    const [first] = await runSync(deps(db, web, settings));
    expect(first?.status).toBe('failed');
    expect(await recallCount(db)).toBe(0);
    web.files.set(`/index/${last}`, real as () => Response);
    web.requests = [];
    const [second] = await runSync(deps(db, web, settings), { force: true });
    expect(second?.status).toBe('updated');
    expect(web.requests.filter((r) => r.includes('/shards/'))).toEqual([`/index/${last}`]);
    expect(await recallCount(db)).toBe(9000);
  });

  it('sends the ETag back and does nothing on 304', async () => {
    web.serveBuild(await build([stool]));
    await runSync(deps(db, web, settings));
    let sentEtag: string | null = null;
    const d = deps(db, web, settings);
    d.fetch = async (_input, init) => {
      sentEtag = new Headers(init?.headers).get('if-none-match');
      return new Response(null, { status: 304 });
    };
    const [outcome] = await runSync(d, { force: true });
    expect(sentEtag).toMatch(/^"\d+"$/);
    expect(outcome?.status).toBe('unchanged');
  });

  it('checks the index every half hour even when the feeds are synced every six hours', async () => {
    web.serveBuild(await build([stool]));
    const sixHourly = { ...settings, syncIntervalMinutes: 360 };
    await runSync(deps(db, web, sixHourly));
    clock = new Date(clock.getTime() + 20 * 60_000);
    expect((await runSync(deps(db, web, sixHourly)))[0]?.status).toBe('not-due');
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await runSync(deps(db, web, sixHourly)))[0]?.status).toBe('unchanged');
    expect(syncAlarmMinutes(parseSettings(sixHourly))).toBe(INDEX_CHECK_MINUTES);
    expect(syncAlarmMinutes(parseSettings({ syncIntervalMinutes: 360 }))).toBe(360);
    expect(syncAlarmMinutes(parseSettings({ ...settings, syncIntervalMinutes: 15 }))).toBe(15);
  });
});

describe('syncing an official feed', () => {
  let db: RecallDb;
  let web: FakeWeb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
    web = new FakeWeb();
    clock = new Date('2026-11-28T12:00:00Z');
  });
  afterEach(closeIndexes);
  const settings = { feeds: { cpsc: { enabled: true, baseUrl: 'http://127.0.0.1:9' } } };
  const cpscRecord = (id: number, date: string, upc: string) => ({
    RecallID: id,
    RecallNumber: String(id),
    RecallDate: `${date}T00:00:00`,
    Description: `The recall involves model QX-${id}.`,
    URL: `https://www.cpsc.gov/Recalls/2026/r-${id}`,
    Title: `Quillfield Recalls Lamps ${id} Due to Shock Hazard`,
    ConsumerContact: '',
    LastPublishDate: `${date}T00:00:00`,
    Products: [
      {
        Name: 'Quillfield Lamps',
        Description: '',
        Model: '',
        Type: '',
        CategoryID: '',
        NumberOfUnits: 'About 100',
      },
    ],
    ProductUPCs: [{ UPC: upc }],
    Hazards: [{ Name: 'Shock.', HazardType: '', HazardTypeID: '' }],
    Remedies: [{ Name: 'Refund.' }],
    RemedyOptions: [{ Option: 'Refund' }],
  });
  const cpscPath = '/RestWebServices/Recall';

  it('downloads the whole feed first, then asks only for changes since the cursor, a day early', async () => {
    web.files.set(`${cpscPath}?format=json`, () =>
      Response.json([cpscRecord(1, '2026-11-20', '850012345671')]),
    );
    await runSync(deps(db, web, settings));
    expect(await found(db)).toEqual(['cpsc:1']);
    clock = new Date('2026-11-29T12:00:00Z');
    web.files.set(`${cpscPath}?format=json&LastPublishDateStart=2026-11-19`, () =>
      Response.json([cpscRecord(2, '2026-11-28', '850043210016')]),
    );
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.status).toBe('updated');
    expect(web.requests.at(-1)).toBe(`${cpscPath}?format=json&LastPublishDateStart=2026-11-19`);
    expect(await recallCount(db)).toBe(2);
    expect((await readSyncState(db, 'cpsc')).cursor).toBe('2026-11-28');
  });

  it('treats an HTTP-200 error record as a failure and keeps the last good index', async () => {
    web.files.set(`${cpscPath}?format=json`, () =>
      Response.json([cpscRecord(1, '2026-11-20', '850012345671')]),
    );
    await runSync(deps(db, web, settings));
    web.files.set(`${cpscPath}?format=json&LastPublishDateStart=2026-11-19`, () =>
      Response.json([{ RecallID: 0, Title: 'Error retrieving Recalls: reader failed', RecallNumber: null }]),
    );
    const [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.status).toBe('failed');
    expect(await found(db)).toEqual(['cpsc:1']);
  });

  it('keeps the index and backs off on HTTP 500, on truncated JSON and on 429 with Retry-After', async () => {
    web.files.set(`${cpscPath}?format=json`, () => new Response('oops', { status: 500 }));
    let [outcome] = await runSync(deps(db, web, settings));
    expect(outcome?.message).toMatch(/HTTP 500; the previous index is kept/);
    const first = await readSyncState(db, 'cpsc');
    expect(first.failures).toBe(1);
    expect(Date.parse(first.nextAttemptAt as string) - clock.getTime()).toBe(5 * 60_000);

    [outcome] = await runSync(deps(db, web, settings));
    expect(outcome?.status).toBe('not-due');

    web.files.set(`${cpscPath}?format=json`, () => new Response('[{"RecallID": 1, "Tit', { status: 200 }));
    [outcome] = await runSync(deps(db, web, settings), { force: true });
    expect(outcome?.message).toMatch(/not complete JSON/);

    web.files.set(
      `${cpscPath}?format=json`,
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '7200' } }),
    );
    [outcome] = await runSync(deps(db, web, settings), { force: true });
    const state = await readSyncState(db, 'cpsc');
    expect(state.failures).toBe(3);
    expect(Date.parse(state.nextAttemptAt as string) - clock.getTime()).toBe(7200_000);
    expect(state.failingSince).toBe('2026-11-28T12:00:00.000Z');
  });

  it('says a feed timed out instead of hanging', async () => {
    const d = deps(db, web, settings);
    d.timeoutMs = 50;
    d.fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const [outcome] = await runSync(d);
    expect(outcome?.message).toMatch(/timed out/);
  });
});

describe('host permissions', () => {
  afterEach(closeIndexes);

  it('does not fetch a feed whose host permission was not granted, and says how to grant it', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openIndex();
    const web = new FakeWeb();
    const eu = feeds.find((f) => f.id === 'eu-safety-gate');
    if (!eu) throw new Error('eu-safety-gate feed missing');
    const d: SyncDeps = {
      db,
      fetch: web.fetch,
      now: () => clock,
      random: () => 0.5,
      settings: parseSettings({ feeds: { cpsc: { enabled: false }, 'eu-safety-gate': { enabled: true } } }),
      feeds: [eu],
      mayReach: async () => false,
      ...TRUST_TEST_KEY,
    };
    const [outcome] = await runSync(d);
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/permission to reach https:\/\/ec\.europa\.eu\/\* was not granted/);
    expect(web.requests).toEqual([]);
  });
});

describe('sync helpers', () => {
  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:10:00 GMT', now)).toBe(600_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('doubles the wait with each failure, with jitter, up to a day', () => {
    expect(backoffMs(1, 0.5, null)).toBe(5 * 60_000);
    expect(backoffMs(2, 0.5, null)).toBe(10 * 60_000);
    expect(backoffMs(1, 0, null)).toBe(3.75 * 60_000);
    expect(backoffMs(30, 0.5, null)).toBe(24 * 60 * 60_000);
  });

  it('points a feed at a replacement base URL, keeping its path and query', () => {
    if (!CPSC) throw new Error('cpsc feed missing');
    expect(feedUrl(CPSC, '2026-11-01', 'http://127.0.0.1:4000')).toBe(
      'http://127.0.0.1:4000/RestWebServices/Recall?format=json&LastPublishDateStart=2026-11-01',
    );
  });
});

describe('syncing a feed that walks several requests', () => {
  let db: RecallDb;
  let web: FakeWeb;
  const LOCAL = 'http://127.0.0.1:9';
  const sent: Array<{ url: string; method: string; headers: Headers; body: unknown }> = [];
  const fixtureBytes = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));
  const fixtureJson = (name: string) => JSON.parse(fixtureBytes(name).toString('utf8'));
  const walkDeps = (ids: string[]): SyncDeps => ({
    db,
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      });
      return web.fetch(input, init);
    },
    now: () => clock,
    random: () => 0.5,
    settings: parseSettings({
      feeds: Object.fromEntries(ids.map((id) => [id, { enabled: true, baseUrl: LOCAL }])),
    }),
    feeds: feeds.filter((f) => ids.includes(f.id)),
    ...TRUST_TEST_KEY,
  });
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
    web = new FakeWeb();
    sent.length = 0;
    clock = new Date('2026-11-28T12:00:00Z');
  });
  afterEach(closeIndexes);

  it('replaces the source on the first run, then upserts what a walk from the stored cursor returns', async () => {
    const item = fixtureJson('uk-opss/content-item.json');
    const bundle = fixtureJson('uk-opss/bundle.json');
    const others = Array.isArray(bundle) ? bundle : bundle.results;
    web.files.set('/api/search.json', () => Response.json(fixtureJson('uk-opss/search-sync.json')));
    for (const it of [item, ...others]) web.files.set(`/api/content${it.base_path}`, () => Response.json(it));
    const [first] = await runSync(walkDeps(['uk-opss']));
    expect(first).toMatchObject({ status: 'updated', message: '2 records (full download)' });
    expect(sent.every((r) => r.url.startsWith(`${LOCAL}/api/`))).toBe(true);
    expect((await readSyncState(db, 'uk-opss')).cursor).toBe('2026-10-14T14:05:10+01:00');

    clock = new Date('2026-11-29T12:00:00Z');
    web.files.set('/api/search.json', () =>
      Response.json({
        results: [{ link: item.base_path, public_timestamp: '2026-11-29T09:00:00Z' }],
        total: 1,
      }),
    );
    const [second] = await runSync(walkDeps(['uk-opss']), { force: true });
    expect(second?.message).toBe('1 records (changes since 2026-10-14T14:05:10+01:00)');
    const search = new URL(sent.find((r, i) => i >= 3 && r.url.includes('/api/search.json'))?.url ?? '');
    expect(search.searchParams.get('filter_public_timestamp')).toBe('from:2026-10-13');
    expect(await recallCount(db)).toBe(2);
    expect((await readSyncState(db, 'uk-opss')).cursor).toBe('2026-11-29T09:00:00Z');
    expect((await sourceStatuses(db)).find((s) => s.source === 'uk-opss')?.records).toBe(2);
  });

  it('decodes a GB2312 notice by the charset its page declares', async () => {
    web.files.set(
      '/xfpzh/',
      () =>
        new Response(fixtureBytes('samr/list.html'), {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    web.files.set(
      '/xfpzh/xfpzhgg/202603/t20260305_0001.html',
      () =>
        // No charset in the header: the page's <meta charset="gb2312"> decides.
        new Response(fixtureBytes('samr/notice-gbk.html'), { headers: { 'content-type': 'text/html' } }),
    );
    const [outcome] = await runSync(walkDeps(['samr']));
    expect(outcome).toMatchObject({ status: 'updated', message: '1 records (full download), 2 skipped' });
    expect(await found(db, identity({ gtins: ['06901234567892'] }))).toEqual(['samr:SAMR-XF-2026-0412']);
  });

  it('sends the validators back and writes nothing on 304', async () => {
    const rows = fixtureJson('health-canada/open-data-rows.json');
    const path = '/sites/default/files/opendata-donneesouvertes/HCRSAMOpenData.json';
    web.files.set(path, () => Response.json(rows, { headers: { etag: '"v1"' } }));
    await runSync(walkDeps(['health-canada']));
    expect(await recallCount(db)).toBe(3);
    web.files.set(path, () => new Response(null, { status: 304 }));
    clock = new Date('2026-11-29T12:00:00Z');
    const [outcome] = await runSync(walkDeps(['health-canada']), { force: true });
    expect(sent.at(-1)?.headers.get('if-none-match')).toBe('"v1"');
    expect(outcome).toMatchObject({ status: 'unchanged' });
    expect(await recallCount(db)).toBe(3);
  });

  it('POSTs the EU list with its JSON body and fetches the details it names', async () => {
    web.files.set('/safety-gate-alerts/public/api/notification/mostRecent/', () =>
      Response.json(fixtureJson('eu-safety-gate/list-sync.json')),
    );
    web.files.set('/safety-gate-alerts/public/api/notification/10200001', () =>
      Response.json(fixtureJson('eu-safety-gate/alert-toy.json')),
    );
    const [outcome] = await runSync(walkDeps(['eu-safety-gate']));
    expect(outcome?.message).toBe('2 records (full download)');
    expect(sent[0]).toMatchObject({ method: 'POST', body: { language: 'en', page: '0' } });
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('refuses to follow a link off the feed host, keeping the index', async () => {
    web.files.set('/food/enforcement.json', () =>
      Response.json(fixtureJson('openfda/food-enforcement.json'), {
        headers: { link: '<https://elsewhere.example/food/enforcement.json?search_after=1>; rel="next"' },
      }),
    );
    const [outcome] = await runSync(walkDeps(['openfda']));
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toContain("refused to fetch elsewhere.example, which is not the feed's host");
    expect(await recallCount(db)).toBe(0);
  });

  it('fails the whole run on a 5xx mid-walk and backs off, writing nothing', async () => {
    const records = fixtureJson('rappelconso/records.json');
    web.files.set('/api/explore/v2.1/catalog/datasets/rappelconso-v2-gtin-trie/records', () => {
      const offset = new URL(sent.at(-1)?.url ?? '').searchParams.get('offset');
      return offset === '0'
        ? Response.json({ total_count: 300, results: Array(100).fill(records.results[0]) })
        : new Response('busy', { status: 503, headers: { 'retry-after': '120' } });
    });
    const [outcome] = await runSync(walkDeps(['rappelconso']));
    expect(outcome?.message).toBe('127.0.0.1:9 answered HTTP 503; the previous index is kept');
    expect(await recallCount(db)).toBe(0);
    const state = await readSyncState(db, 'rappelconso');
    expect(state.failures).toBe(1);
    expect(state.cursor).toBeNull();
  });
});
