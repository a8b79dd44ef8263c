/**
 * Syncing from a published Recall Sentinel index (published/): the manifest with ETag; a chain of deltas
 * from the live version when the manifest lists one (applied in one transaction per source); otherwise
 * every shard, each checked against its SHA-256, written into staging generations that survive a
 * stopped service worker, then swapped in together. A delta that fails its checksum falls back to the
 * full download, and so does a pile of applied deltas past MAX_PILED_CHANGES.
 *
 * Nothing of an index is trusted before its manifest is (issue 14, finding 1; published/signature.ts):
 * the address must be https, manifest.json must carry a valid Ed25519 signature (manifest.json.sig) by
 * a key pinned in the build, its version may not be older than the one held (rollback), and it may
 * write only the sources its manifest lists and its key may sign for (other records are skipped and
 * counted). A refused index leaves the live one as it was, and the status says why.
 */

import { own, setOwn } from '../own';
import type { Recall, SyncOutcome, SyncProgress } from '../schemas';
import {
  activateGenerations,
  applyChangeSet,
  changeCount,
  dropGeneration,
  generationCount,
  nextGeneration,
  type RecallDb,
  type SourceChanges,
  writeGeneration,
} from './db';
import { get, type HttpDeps, HttpError, megabytes, readBody, TooLargeError } from './http';
import { decodedLimit, decodeVerified, FileTooLargeError, isGzip } from './published/codec';
import { parseDelta, parseManifest, parseShardForIndex } from './published/documents';
import { type DeltaEntry, deltaChain, type Manifest } from './published/format';
import {
  allowedSources,
  checkIndexUrl,
  type IndexKey,
  IndexTrustError,
  MAX_SIGNATURE_BYTES,
  recordAllowed,
  SIGNATURE_FILE,
  verifyManifest,
} from './published/signature';
import { isStorageFull } from './storage-full';
import { type SyncState, syncedStatus, writeSyncState } from './sync-state';

/** The sync target (and sync state) name of the published index. */
export const PUBLISHED = 'published';

/** Change rows in the live index beyond which a published sync downloads in full instead of a delta. */
export const MAX_PILED_CHANGES = 5_000;

export interface PublishedSyncDeps extends HttpDeps {
  db: RecallDb;
  onProgress?: (p: SyncProgress) => void;
  /** The public keys a manifest must be signed by: index-keys.ts's, pinned in the build. */
  indexKeys: readonly IndexKey[];
  /** Plain http to a loopback host (the demo build's e2e server); otherwise https only. */
  allowLoopbackHttp?: boolean;
}

/** A downloaded file that does not hash to its manifest entry: the reason for a full download. */
class ChecksumError extends Error {}

/** A manifest larger than this is refused (one lists shards and at most MAX_DELTAS deltas: kilobytes). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** What a file may exceed its manifest's `bytes` by on the wire (none, for an honest host). */
const DOWNLOAD_SLACK = 64 * 1024;

/**
 * Downloads `file` relative to the manifest and checks it against its published SHA-256. Nothing is
 * held past the file's caps (issue 14, finding 2): the body is read in chunks up to what the file may
 * decode to (a host may undo the gzip itself), a gzipped body may not pass its manifest's `bytes`
 * plus a little, and its gunzip stops at the same decoded cap. A file over a cap fails like one that
 * does not match its checksum (a delta falls back to the full download), with its own words.
 */
async function fetchVerified(
  deps: PublishedSyncDeps,
  base: URL,
  entry: { file: string; sha256: string; bytes: number },
): Promise<unknown> {
  const { file, sha256, bytes } = entry;
  const res = await get(deps, new URL(file, base).href);
  if (!res.ok) throw new HttpError(`${file}: HTTP ${res.status}`, res.status, null);
  const limit = decodedLimit(bytes);
  const tooLarge = (why: string) =>
    new ChecksumError(`${file} ${why} (its manifest says ${megabytes(bytes)}): refused`);
  let body: Uint8Array;
  try {
    body = await readBody(res, limit, file);
  } catch (e) {
    if (e instanceof TooLargeError) throw tooLarge(`is larger than ${megabytes(limit)}`);
    throw e;
  }
  if (isGzip(body) && body.byteLength > bytes + DOWNLOAD_SLACK)
    throw tooLarge(`is ${megabytes(body.byteLength)}`);
  let verified: { value: unknown } | null;
  try {
    verified = await decodeVerified(body, sha256, file, limit);
  } catch (e) {
    if (e instanceof FileTooLargeError) throw tooLarge(`decodes to more than ${megabytes(limit)}`);
    throw e;
  }
  if (!verified) throw new ChecksumError(`${file} does not match its checksum`);
  return verified.value;
}

/**
 * The manifest in `bytes` (as served), once its signature file verifies with a pinned key; the key says
 * which sources the index may write. Throws an IndexTrustError with the reason otherwise.
 */
async function verifiedManifest(
  deps: PublishedSyncDeps,
  base: URL,
  bytes: Uint8Array,
): Promise<{ manifest: Manifest; key: IndexKey }> {
  if (deps.indexKeys.length === 0)
    throw new IndexTrustError('this build trusts no index signing key, so no published index is used');
  const res = await get(deps, new URL(SIGNATURE_FILE, base).href);
  if (res.status === 404)
    throw new IndexTrustError(`${base.host} publishes no signature (${SIGNATURE_FILE}): index refused`);
  if (!res.ok) throw new HttpError(`${SIGNATURE_FILE}: HTTP ${res.status}`, res.status, null);
  const signature = await readBody(res, MAX_SIGNATURE_BYTES, SIGNATURE_FILE).catch((e) => {
    throw e instanceof TooLargeError
      ? new IndexTrustError(`${SIGNATURE_FILE} is not a signature: ${e.message}`)
      : e;
  });
  const key = await verifyManifest(bytes, signature, deps.indexKeys);
  if (!key)
    throw new IndexTrustError(
      `the index manifest at ${base.host} is not signed by a key this build trusts (bad signature): index refused`,
    );
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error(`the index manifest is not complete JSON (${bytes.byteLength} bytes received)`);
  }
  return { manifest: parseManifest(data), key };
}

const sourceOf = (recallId: string) => recallId.slice(0, recallId.indexOf(':'));

function groupBySource(recalls: Recall[]): Map<string, Recall[]> {
  const out = new Map<string, Recall[]>();
  for (const r of recalls) {
    const list = out.get(r.source);
    if (list) list.push(r);
    else out.set(r.source, [r]);
  }
  return out;
}

/**
 * Applies one delta, every source in one transaction with the sync state that records its version: a
 * worker stopped at any point leaves the index at the delta's old version or its new one. When it
 * reaches the manifest's version, the manifest says how many records each source now holds, so the
 * index takes that count instead of checking every changed id against the stored records (a thousand
 * page reads at 250,000 recalls).
 */
async function applyDelta(
  deps: PublishedSyncDeps,
  base: URL,
  entry: DeltaEntry,
  manifest: Manifest,
  allowed: ReadonlySet<string>,
  state: SyncState,
): Promise<number> {
  const delta = parseDelta(await fetchVerified(deps, base, entry), entry.file);
  const mine = delta.upserts.filter((r) => recordAllowed(allowed, r.source, r.id));
  const upserts = groupBySource(mine);
  const removalIds = delta.removals.filter((id) => recordAllowed(allowed, sourceOf(id), id));
  const removals = new Map<string, string[]>();
  for (const id of removalIds) {
    const list = removals.get(sourceOf(id));
    if (list) list.push(id);
    else removals.set(sourceOf(id), [id]);
  }
  const now = deps.now();
  const changes: SourceChanges[] = [...new Set([...upserts.keys(), ...removals.keys()])].map((source) => ({
    source,
    upserts: upserts.get(source) ?? [],
    removals: removals.get(source) ?? [],
    status: (current) => syncedStatus(source, current?.records ?? 0, current?.skippedReasons ?? [], now),
    records: entry.to === manifest.version ? own(manifest.feeds, source)?.records : undefined,
  }));
  await applyChangeSet(deps.db, changes, {
    syncState: { ...state, indexVersion: String(entry.to) },
  });
  state.indexVersion = String(entry.to);
  return delta.upserts.length - mine.length + delta.removals.length - removalIds.length;
}

const notAllowed = (n: number) => (n ? `, ${n} records of sources this index may not write skipped` : '');

/** One sync of the published index at `manifestUrl`; `state` is saved as it goes (resumable). */
export async function syncPublished(
  deps: PublishedSyncDeps,
  manifestUrl: string,
  state: SyncState,
): Promise<SyncOutcome> {
  const base = checkIndexUrl(manifestUrl, deps.allowLoopbackHttp);
  // The version held is of the index at `state.indexUrl`: a user who points the extension at another
  // index starts over from a full download, without its versions compared to the old one's.
  if (state.indexUrl !== null && state.indexUrl !== manifestUrl) {
    Object.assign(state, { indexVersion: null, etag: null, lastModified: null, indexGeneratedAt: null });
  }
  state.indexUrl = manifestUrl;
  const headers: Record<string, string> = {};
  if (state.etag && !state.staging) headers['if-none-match'] = state.etag;
  if (state.lastModified && !state.staging) headers['if-modified-since'] = state.lastModified;
  const res = await get(deps, manifestUrl, headers);
  if (res.status === 304) return { source: PUBLISHED, status: 'unchanged', message: 'index not modified' };
  if (!res.ok) throw new HttpError(`manifest: HTTP ${res.status}`, res.status, null);
  const { manifest, key } = await verifiedManifest(
    deps,
    base,
    await readBody(res, MAX_MANIFEST_BYTES, 'the index manifest'),
  );
  const version = String(manifest.version);
  if (state.indexVersion && manifest.version < Number(state.indexVersion)) {
    throw new IndexTrustError(
      `the index at ${base.host} is version ${version}, older than the version held (${state.indexVersion}): refused as a rollback`,
    );
  }
  const allowed = allowedSources(manifest.feeds, key);
  const validators = {
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    indexGeneratedAt: manifest.generatedAt,
  };

  if (state.indexVersion === version && !state.staging) {
    Object.assign(state, validators);
    return { source: PUBLISHED, status: 'unchanged', message: `index ${version} is current` };
  }

  let note = '';
  const chain =
    state.indexVersion && !state.staging ? deltaChain(manifest, Number(state.indexVersion)) : null;
  // Deltas pile up as change rows, which every lookup start-up reads; past a bound, the full download
  // is the compaction (it writes fresh generations without any).
  const piledUp = chain && chain.length > 0 ? await changeCount(deps.db) : 0;
  if (piledUp > MAX_PILED_CHANGES) {
    note = ` (replacing ${piledUp} changes applied since the last full download)`;
  } else if (chain && chain.length > 0) {
    try {
      let refused = 0;
      // The state is saved with each delta: a run stopped halfway resumes from the version it reached.
      for (const delta of chain) refused += await applyDelta(deps, base, delta, manifest, allowed, state);
      Object.assign(state, validators);
      return {
        source: PUBLISHED,
        status: 'updated',
        message: `applied ${chain.length} delta(s) up to ${version}${notAllowed(refused)}`,
      };
    } catch (e) {
      if (!(e instanceof ChecksumError)) throw e;
      note = ' (a delta failed its checksum, so the full index was downloaded)';
    }
  }

  // Full download into staging generations; `state.staging` is saved after every shard so a stopped
  // service worker resumes here, and before a generation's first row is written, so none is written
  // that the state does not name (the sweep before every sync, sync.ts, deletes any that it does not).
  // A staging run for an older version is abandoned.
  if (state.staging && state.staging.version !== version) {
    for (const gen of Object.values(state.staging.gens)) await dropGeneration(deps.db, gen);
    state.staging = null;
    await writeSyncState(deps.db, state);
  }
  const staging = state.staging ?? { version, gens: {}, done: [] };
  state.staging = staging;
  let written = 0;
  let unreadable = 0;
  let refused = 0;
  try {
    for (const shard of manifest.shards) {
      deps.onProgress?.({
        source: PUBLISHED,
        phase: 'downloading',
        done: staging.done.length,
        total: manifest.shards.length,
      });
      if (staging.done.includes(shard.file)) continue;
      const parsed = parseShardForIndex(await fetchVerified(deps, base, shard), shard.file);
      unreadable += parsed.skipped;
      const mine = parsed.recalls.filter((r) => recordAllowed(allowed, r.source, r.id));
      refused += parsed.recalls.length - mine.length;
      for (const [source, recalls] of groupBySource(mine)) {
        let gen = own(staging.gens, source);
        if (gen === undefined) {
          gen = await nextGeneration(deps.db, source, Object.values(staging.gens));
          setOwn(staging.gens, source, gen);
          await writeSyncState(deps.db, state);
        }
        // One run per shard and source (db.ts): a resumed download writes a shard's rows again in place.
        await writeGeneration(deps.db, gen, recalls);
        written += recalls.length;
      }
      staging.done.push(shard.file);
      await writeSyncState(deps.db, state);
    }
  } catch (e) {
    if (!isStorageFull(e)) throw e;
    // Resuming cannot help while the device is full, and the half-written index is what fills it. When
    // the browser closed the database (a full disk), nothing can be removed now: the next sync resumes it.
    let discarded = true;
    for (const gen of Object.values(staging.gens))
      await dropGeneration(deps.db, gen).catch(() => {
        discarded = false;
      });
    state.staging = null;
    await writeSyncState(deps.db, state).catch(() => {
      discarded = false;
    });
    throw new Error(
      `there is not enough storage space on this device for index ${version}, so its download ${discarded ? 'was discarded' : 'stopped'}`,
    );
  }
  const now = deps.now();
  const entries = await Promise.all(
    Object.entries(staging.gens).map(async ([source, gen]) => ({
      gen,
      status: {
        ...syncedStatus(
          source,
          await generationCount(deps.db, gen),
          own(manifest.feeds, source)?.skippedReasons ?? [],
          now,
        ),
        skipped: own(manifest.feeds, source)?.skipped ?? 0,
      },
    })),
  );
  // The new generations go live, the old ones go, and the state says so, in one transaction.
  Object.assign(state, validators, { indexVersion: version, staging: null });
  await activateGenerations(deps.db, entries, { syncState: state });
  return {
    source: PUBLISHED,
    status: 'updated',
    records: written,
    skipped: unreadable + refused,
    message: `downloaded index ${version}: ${written} records in ${manifest.shards.length} shards${
      unreadable ? `, ${unreadable} unreadable records skipped` : ''
    }${notAllowed(refused)}${note}`,
  };
}
