/**
 * Issue 14, finding 1: nothing of a published index is trusted before its manifest's Ed25519 signature
 * verifies with a pinned key; https only; no rollback; an index writes only the sources it may.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPublishedIndex, type PublishedBuild } from '../../../scripts/lib/published-builder';
import { feedCatalogue } from '../../../utils/feeds/catalogue';
import { type RecallDb, recallCount } from '../../../utils/recall-index/db';
import { ALL_SOURCES, pinnedIndexKeys, TEST_KEY } from '../../../utils/recall-index/published/index-keys';
import {
  checkIndexUrl,
  type IndexKey,
  publicKeyFromPem,
  verifyManifest,
} from '../../../utils/recall-index/published/signature';
import { indexStatus, lookupIdentities } from '../../../utils/recall-index/query';
import { runSync, type SyncDeps } from '../../../utils/recall-index/sync';
import { readSyncState } from '../../../utils/recall-index/sync-state';
import type { Recall } from '../../../utils/schemas';
import { parseSettings } from '../../../utils/settings';
import { identity, recall } from '../support/factories';
import { KEYS_DIR, OTHER_SIGN_KEY, signatureOf, TEST_SIGN_KEY } from '../support/index-keys';
import { closeIndexes, openIndex } from './open-index';

const INDEX_URL = 'http://127.0.0.1:9/index/manifest.json';
let clock = new Date('2026-11-28T12:00:00Z');

const stool = recall('90001', { brands: ['Kettlebrook'], gtins: ['00850012345671'] });
const board = recall('90002', { brands: ['Harbor Lane'], gtins: ['00850098765431'] });
/** A record of another source than cpsc (openFDA's ids are `openfda:<number>`). */
const drug = recall(
  '7',
  { brands: ['Calmwell'], gtins: ['00850011111113'] },
  { id: 'openfda:7', source: 'openfda', jurisdiction: 'US', url: 'https://www.fda.gov/x' },
);

class Host {
  files = new Map<string, Uint8Array<ArrayBuffer>>();
  requests: string[] = [];
  fetch: typeof fetch = async (input) => {
    const p = new URL(String(input)).pathname;
    this.requests.push(p);
    const bytes = this.files.get(p.replace(/^\/index\//, ''));
    return bytes ? new Response(bytes) : new Response('not found', { status: 404 });
  };
  serve(build: PublishedBuild) {
    this.files.clear();
    for (const [file, bytes] of build.files) this.files.set(file, bytes as Uint8Array<ArrayBuffer>);
  }
}

const build = (
  bySource: Record<string, Recall[]>,
  options: { previous?: PublishedBuild; signKey?: typeof TEST_SIGN_KEY | null } = {},
) =>
  buildPublishedIndex(
    new Map(Object.entries(bySource).map(([s, recalls]) => [s, { recalls, skipped: [] }])),
    options.previous && { manifest: options.previous.manifest, recalls: options.previous.recalls },
    clock,
    { allowShrink: true, signKey: options.signKey === null ? undefined : (options.signKey ?? TEST_SIGN_KEY) },
  );

function deps(db: RecallDb, host: Host, over: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db,
    fetch: host.fetch,
    now: () => clock,
    random: () => 0.5,
    settings: parseSettings({ publishedIndexUrl: INDEX_URL, feeds: { cpsc: { enabled: false } } }),
    feeds: [],
    indexKeys: [TEST_KEY],
    allowLoopbackHttp: true,
    ...over,
  };
}

const found = async (db: RecallDb, gtin: string) =>
  (await lookupIdentities(db, [identity({ gtins: [gtin] })])).matches[0]?.map((m) => m.recallId) ?? [];

describe('the signature of a published index', () => {
  it('reads an Ed25519 public key as openssl pkey -pubout writes it, and refuses anything else', () => {
    const pem = readFileSync(path.join(KEYS_DIR, 'test-index-key.pub.pem'), 'utf8');
    expect(publicKeyFromPem(pem)).toEqual(publicKeyFromPem(TEST_KEY.publicKeyPem));
    expect(publicKeyFromPem(pem)).toHaveLength(32);
    expect(() => publicKeyFromPem(readFileSync(path.join(KEYS_DIR, 'test-index-key.pem'), 'utf8'))).toThrow(
      /not an Ed25519 public key/,
    );
    // An EC P-256 key's SPKI: the right armour, the wrong algorithm.
    const p256 =
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEyV1nFjUwIuJ1r8c5QxJ4v7QmYq5b0jZ0tZ3m4nqE2m1vW0bqv7m6aX1c3J8YpQk9c1tq1Zf1mYh7v2kq5l9vZQ==\n-----END PUBLIC KEY-----';
    expect(() => publicKeyFromPem(p256)).toThrow(/not an Ed25519 public key/);
  });

  it('verifies the bytes as signed, and not one byte changed, nor another key, nor a mangled signature', async () => {
    const manifest = new TextEncoder().encode('{"version": 1}\n');
    const signature = signatureOf('{"version": 1}\n');
    expect(await verifyManifest(manifest, signature, [TEST_KEY])).toBe(TEST_KEY);
    expect(
      await verifyManifest(new TextEncoder().encode('{"version": 2}\n'), signature, [TEST_KEY]),
    ).toBeNull();
    expect(
      await verifyManifest(manifest, signatureOf('{"version": 1}\n', OTHER_SIGN_KEY), [TEST_KEY]),
    ).toBeNull();
    expect(await verifyManifest(manifest, new TextEncoder().encode('not base64!'), [TEST_KEY])).toBeNull();
    expect(await verifyManifest(manifest, new Uint8Array([0xff, 0xfe]), [TEST_KEY])).toBeNull();
    expect(await verifyManifest(manifest, signature, [])).toBeNull();
  });

  it('accepts any key of the pinned list, so keys can be rotated', async () => {
    const other: IndexKey = {
      id: 'next',
      publicKeyPem: readFileSync(path.join(KEYS_DIR, 'other-key.pub.pem'), 'utf8'),
      sources: ['cpsc'],
    };
    const manifest = new TextEncoder().encode('{}');
    expect(await verifyManifest(manifest, signatureOf('{}', OTHER_SIGN_KEY), [TEST_KEY, other])).toBe(other);
    expect(await verifyManifest(manifest, signatureOf('{}'), [TEST_KEY, other])).toBe(TEST_KEY);
  });

  it('lets the project’s keys write every authority’s source the feed registry holds', () => {
    // `snapshot` is a file of other sources' records, not a source of its own.
    const authorities = feedCatalogue.map((f) => f.id).filter((id) => id !== 'snapshot');
    expect([...ALL_SOURCES].sort()).toEqual(authorities.sort());
    expect(TEST_KEY.sources).toEqual(ALL_SOURCES);
  });

  it('pins the test key in the demo build only', () => {
    expect(pinnedIndexKeys('demo')).toContain(TEST_KEY);
    expect(pinnedIndexKeys('production')).not.toContain(TEST_KEY);
    expect(pinnedIndexKeys('development')).not.toContain(TEST_KEY);
  });

  it('takes https addresses, and plain http to loopback only when the build allows it', () => {
    expect(checkIndexUrl('https://index.example/manifest.json').host).toBe('index.example');
    expect(() => checkIndexUrl('http://index.example/manifest.json', true)).toThrow(/must be https/);
    expect(() => checkIndexUrl('http://127.0.0.1:9/manifest.json')).toThrow(/must be https/);
    expect(checkIndexUrl('http://127.0.0.1:9/manifest.json', true).port).toBe('9');
    expect(checkIndexUrl('http://localhost:9/manifest.json', true).hostname).toBe('localhost');
    expect(() => checkIndexUrl('ftp://127.0.0.1/manifest.json', true)).toThrow(/must be https/);
  });
});

describe('syncing a signed index', () => {
  let db: RecallDb;
  let host: Host;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
    host = new Host();
    clock = new Date('2026-11-28T12:00:00Z');
  });
  afterEach(closeIndexes);

  /** v1 (the stool) is live; then the host serves `next`, and the outcome is returned. */
  async function afterV1(next: (v1: PublishedBuild) => Promise<void> | void, over: Partial<SyncDeps> = {}) {
    const v1 = await build({ cpsc: [stool] });
    host.serve(v1);
    const [first] = await runSync(deps(db, host));
    expect(first?.status, first?.message).toBe('updated');
    clock = new Date('2026-11-29T12:00:00Z');
    await next(v1);
    host.requests.length = 0;
    const [outcome] = await runSync(deps(db, host, over), { force: true });
    return outcome;
  }

  it('takes a well-signed index, and the status holds its own generation date and address', async () => {
    host.serve(await build({ cpsc: [stool] }));
    const [outcome] = await runSync(deps(db, host));
    expect(outcome?.status, outcome?.message).toBe('updated');
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
    const published = (await indexStatus(db)).syncs.find((s) => s.source === 'published');
    expect(published).toMatchObject({ indexGeneratedAt: '2026-11-28T12:00:00.000Z', indexUrl: INDEX_URL });
  });

  it('refuses a tampered manifest before fetching a shard, and keeps the previous index', async () => {
    const outcome = await afterV1(async (v1) => {
      const v2 = await build({ cpsc: [board] }, { previous: v1 });
      host.serve(v2);
      // One record count edited after signing.
      const text = new TextDecoder().decode(v2.files.get('manifest.json'));
      host.files.set('manifest.json', new TextEncoder().encode(text.replace('"records": 1', '"records": 2')));
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(
      /not signed by a key this build trusts \(bad signature\).*previous index is kept/,
    );
    expect(host.requests.filter((r) => r.includes('/shards/') || r.includes('/deltas/'))).toEqual([]);
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
    expect(await found(db, '00850098765431')).toEqual([]);
  });

  it('refuses an index signed by a key the build does not pin', async () => {
    const outcome = await afterV1(async (v1) => {
      host.serve(await build({ cpsc: [board] }, { previous: v1, signKey: OTHER_SIGN_KEY }));
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/bad signature/);
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
  });

  it('refuses an unsigned index', async () => {
    const outcome = await afterV1(async (v1) => {
      host.serve(await build({ cpsc: [board] }, { previous: v1, signKey: null }));
    });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/publishes no signature \(manifest\.json\.sig\)/);
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
  });

  it('refuses every index when the build pins no key', async () => {
    host.serve(await build({ cpsc: [stool] }));
    const [outcome] = await runSync(deps(db, host, { indexKeys: [] }));
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/trusts no index signing key/);
    expect(await recallCount(db)).toBe(0);
  });

  it('refuses an older, validly signed manifest than the one held (rollback), with the versions', async () => {
    const v1 = await build({ cpsc: [stool] });
    clock = new Date('2026-11-29T12:00:00Z');
    const v2 = await build({ cpsc: [board] }, { previous: v1 });
    host.serve(v2);
    expect((await runSync(deps(db, host)))[0]?.status).toBe('updated');
    host.serve(v1);
    const [outcome] = await runSync(deps(db, host), { force: true });
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toContain(
      `version ${v1.manifest.version}, older than the version held (${v2.manifest.version}): refused as a rollback`,
    );
    expect(await found(db, '00850098765431')).toEqual(['cpsc:90002']);
    expect((await readSyncState(db, 'published')).indexVersion).toBe(String(v2.manifest.version));
  });

  it('starts over at another index address, whose versions are its own', async () => {
    clock = new Date('2026-11-29T12:00:00Z');
    host.serve(await build({ cpsc: [board] }));
    expect((await runSync(deps(db, host)))[0]?.status).toBe('updated');
    clock = new Date('2026-11-28T12:00:00Z');
    host.serve(await build({ cpsc: [stool] }));
    const elsewhere = parseSettings({
      publishedIndexUrl: 'http://127.0.0.1:9/index/manifest.json?mirror',
      feeds: { cpsc: { enabled: false } },
    });
    const [outcome] = await runSync(deps(db, host, { settings: elsewhere }), { force: true });
    expect(outcome?.status, outcome?.message).toBe('updated');
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
  });

  it('refuses a plain http address outside the demo build, without a request', async () => {
    host.serve(await build({ cpsc: [stool] }));
    const [outcome] = await runSync(deps(db, host, { allowLoopbackHttp: false }));
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(
      /the index address must be https \(got http:\/\/127\.0\.0\.1:9\): refused/,
    );
    expect(host.requests).toEqual([]);
  });

  it('skips and counts records of sources its key may not write', async () => {
    host.serve(await build({ cpsc: [stool], openfda: [drug] }));
    const cpscOnly = { ...TEST_KEY, sources: ['cpsc'] };
    const [outcome] = await runSync(deps(db, host, { indexKeys: [cpscOnly] }));
    expect(outcome?.status, outcome?.message).toBe('updated');
    expect(outcome).toMatchObject({ records: 1, skipped: 1 });
    expect(outcome?.message).toContain('1 records of sources this index may not write skipped');
    expect(await found(db, '00850012345671')).toEqual(['cpsc:90001']);
    expect(await found(db, '00850011111113')).toEqual([]);
  });

  it('skips records claiming a source the manifest does not list, in shards and in deltas', async () => {
    // A record filed under cpsc in the build's input but claiming openFDA: the manifest lists cpsc only.
    const v1 = await build({ cpsc: [stool, { ...drug }] });
    expect(Object.keys(v1.manifest.feeds)).toContain('openfda');
    // The builder lists every source it holds; an index that lists only cpsc is made by editing the
    // manifest and signing it again, as a publisher allowed cpsc alone would.
    const text = new TextDecoder().decode(v1.files.get('manifest.json'));
    const manifest = JSON.parse(text);
    delete manifest.feeds.openfda;
    const edited = `${JSON.stringify(manifest, null, 2)}\n`;
    host.serve(v1);
    host.files.set('manifest.json', new TextEncoder().encode(edited) as Uint8Array<ArrayBuffer>);
    host.files.set('manifest.json.sig', signatureOf(edited));
    const [outcome] = await runSync(deps(db, host));
    expect(outcome?.status, outcome?.message).toBe('updated');
    expect(outcome?.message).toContain('1 records of sources this index may not write skipped');
    expect(await found(db, '00850011111113')).toEqual([]);

    // A delta upserting a record of a source the key may not write is skipped the same way.
    clock = new Date('2026-11-29T12:00:00Z');
    const v2 = await build(
      { cpsc: [stool, board], openfda: [{ ...drug, version: '2026-11-29T00:00:00', title: 'Changed' }] },
      { previous: v1 },
    );
    host.serve(v2);
    const [delta] = await runSync(deps(db, host, { indexKeys: [{ ...TEST_KEY, sources: ['cpsc'] }] }), {
      force: true,
    });
    expect(delta?.status, delta?.message).toBe('updated');
    expect(delta?.message).toMatch(
      /applied 1 delta.*, 1 records of sources this index may not write skipped/,
    );
    expect(await found(db, '00850098765431')).toEqual(['cpsc:90002']);
    expect(await found(db, '00850011111113')).toEqual([]);
  });
});
