/**
 * Finding 7a of issue 14: names that come from data (a record's source or jurisdiction, a manifest's feed
 * names) are never looked up on plain objects, so `constructor`, `__proto__` or `toString` cannot break a
 * sync or reach Object.prototype.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/lib/html';
import {
  buildPublishedIndex,
  type FeedInput,
  type PublishedBuild,
} from '../../../scripts/lib/published-builder';
import { decodeEntities } from '../../../utils/extract/decode-entities';
import { readMetaTags } from '../../../utils/extract/structured-data';
import { type RecallDb, recallCount } from '../../../utils/recall-index/db';
import { TEST_KEY } from '../../../utils/recall-index/published/index-keys';
import { lookupIdentities } from '../../../utils/recall-index/query';
import { runSync, type SyncDeps } from '../../../utils/recall-index/sync';
import { parseSettings } from '../../../utils/settings';
import { identity, recall } from '../support/factories';
import { TEST_SIGN_KEY } from '../support/index-keys';
import { closeIndexes, openIndex } from './open-index';

const INDEX_URL = 'http://127.0.0.1:9/index/manifest.json';
const clock = new Date('2026-11-28T12:00:00Z');
const ODD = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

function serving(build: PublishedBuild): typeof fetch {
  return async (input) => {
    const path = new URL(String(input)).pathname.replace(/^\/index\//, '');
    const bytes = build.files.get(path);
    return bytes
      ? new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 })
      : new Response('not found', { status: 404 });
  };
}

const deps = (db: RecallDb, build: PublishedBuild): SyncDeps => ({
  db,
  fetch: serving(build),
  now: () => clock,
  random: () => 0.5,
  settings: parseSettings({ publishedIndexUrl: INDEX_URL, feeds: { cpsc: { enabled: false } } }),
  feeds: [],
  // The index's key may write these odd sources: the point here is how their names are handled.
  indexKeys: [{ ...TEST_KEY, sources: ['cpsc', ...ODD] }],
  allowLoopbackHttp: true,
});

const stool = recall('90001', { brands: ['Kettlebrook'], gtins: ['00850012345671'] });
/**
 * Records of a source named like a property of Object.prototype. Ids are `<source>:<native id>` in
 * lower case (utils/schemas.ts), so `constructor` is the name a record can really carry; the others are
 * feed names in a manifest.
 */
const ODD_SOURCE = 'constructor';
const odd = [
  recall(
    '1',
    { brands: ['Oddity'], gtins: ['00850012345688'] },
    { id: `${ODD_SOURCE}:1`, source: ODD_SOURCE },
  ),
];

describe('names from data on plain objects', () => {
  let db: RecallDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
  });
  afterEach(closeIndexes);

  it('syncs a published index whose records claim the source constructor', async () => {
    const build = await buildPublishedIndex(
      new Map<string, FeedInput>([['cpsc', { recalls: [stool, ...odd], skipped: [] }]]),
      undefined,
      clock,
      { allowShrink: true, signKey: TEST_SIGN_KEY },
    );
    const [outcome] = await runSync(deps(db, build));
    expect(outcome?.status, outcome?.message).toBe('updated');
    const { matches } = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:90001']);
    expect(outcome?.message).not.toMatch(/unreadable/);
    expect(await recallCount(db)).toBe(2);
    const odder = await lookupIdentities(db, [identity({ gtins: ['00850012345688'] })]);
    expect(odder.matches[0]?.map((m) => m.recallId)).toEqual([`${ODD_SOURCE}:1`]);
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('syncs a published index with feeds named constructor and __proto__ in its manifest', async () => {
    const feeds = new Map<string, FeedInput>([
      ['cpsc', { recalls: [stool], skipped: [] }],
      [ODD_SOURCE, { recalls: odd, skipped: [] }],
      ...ODD.filter((name) => name !== ODD_SOURCE).map((name): [string, FeedInput] => [
        name,
        { recalls: [], skipped: [] },
      ]),
    ]);
    const build = await buildPublishedIndex(feeds, undefined, clock, {
      allowShrink: true,
      signKey: TEST_SIGN_KEY,
    });
    const [outcome] = await runSync(deps(db, build));
    expect(outcome?.status, outcome?.message).toBe('updated');
    const { matches } = await lookupIdentities(db, [identity({ gtins: ['00850012345671'] })]);
    expect(matches[0]?.map((m) => m.recallId)).toEqual(['cpsc:90001']);
  });

  it('reads no identity field from a page meta tag named constructor or toString', () => {
    const document = parseHtml(
      '<html><head><meta name="constructor" content="x"><meta property="tostring" content="y">' +
        '<meta name="__proto__" content="z"><meta property="og:type" content="product"></head></html>',
      'https://shop.example/p/1',
    );
    const data = readMetaTags(document);
    expect(data.facts).toEqual([]);
  });

  it('leaves an entity named like a property of Object.prototype as it is', () => {
    expect(decodeEntities('a &constructor; b &toString; c &amp; d')).toBe(
      'a &constructor; b &toString; c & d',
    );
  });
});
