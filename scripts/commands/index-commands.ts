/**
 * `index <sub>`: the published index from the command line (utils/recall-index/published/ is the
 * format, scripts/lib/published-builder.ts the builder). The same commands run in CI
 * (.github/workflows/publish-index.yml) and in the tests.
 *
 *   index build    --feed <file> [--feed <file> ...] --out <dir> [--previous <dir>] [--allow-shrink]
 *                  [--sign-key <private key PEM>]
 *   index verify   <dir> --public-key <PEM> [--public-key <PEM> ...]   (exit 1 with the reason)
 *   index diff     --from <dir> --to <dir> --out <file>
 *   index stats    --feed <file> [...] | --index <dir>
 *   index snapshot --feed <file> [...] --out <file>
 *   index starter  [--data <dir>] [--out <dir>]   (scripts/commands/starter-index.ts)
 *   index fetch    --out <dir> [--source <id> ...] [--state <file>] ...   (scripts/commands/index-fetch.ts)
 *
 * `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds convention, fixes the build clock.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseFeedDocument } from '../../utils/feeds';
import type { FeedSkip } from '../../utils/feeds/feed';
import { buildSnapshot } from '../../utils/feeds/snapshot';
import { verifyFile } from '../../utils/recall-index/published/codec';
import { parseManifest, readVerifiedShard } from '../../utils/recall-index/published/documents';
import type { Manifest } from '../../utils/recall-index/published/format';
import {
  type IndexKey,
  publicKeyFromPem,
  SIGNATURE_FILE,
  verifyManifest,
} from '../../utils/recall-index/published/signature';
import type { Recall } from '../../utils/schemas';
import { readFeedFile } from '../lib/feed-file';
import { isFetchedFeed, mapFetchedFeed } from '../lib/fetched-feed';
import { readSigningKey } from '../lib/index-signing';
import {
  buildPublishedIndex,
  diffRecalls,
  encodeDelta,
  type FeedInput,
  makeDelta,
} from '../lib/published-builder';
import { fetchableSources, fetchFeeds } from './index-fetch';
import { buildStarter } from './starter-index';
import { UsageError } from './usage';

function clock(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds, got ${epoch}`);
  return new Date(Number(epoch) * 1000);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface ReadFeed {
  file: string;
  source: string;
  recalls: Recall[];
  skipped: FeedSkip[];
  /** A fetched feed holding only what changed: laid over the source's earlier records. */
  incremental?: boolean;
}

function readFeed(file: string, now: Date): ReadFeed {
  const data = readFeedFile(file);
  try {
    if (isFetchedFeed(data)) return { file, ...mapFetchedFeed(data, now) };
    const result = parseFeedDocument(data, { now });
    return { file, ...result };
  } catch (e) {
    throw new Error(`${file}: ${errorText(e)}`);
  }
}

/**
 * Feed files grouped by source, one record per id (the newest version, as the index keeps it). A mixed
 * snapshot reports itself as "snapshot"; its records are filed under their own sources, so per-feed
 * counts stay per authority.
 */
function feedsBySource(files: string[], now: Date): Map<string, FeedInput & { skipped: FeedSkip[] }> {
  const skipped = new Map<string, FeedSkip[]>();
  const newest = new Map<string, Recall>();
  const incremental = new Set<string>();
  for (const file of files) {
    const feed = readFeed(file, now);
    if (feed.incremental) incremental.add(feed.source);
    // Several files can feed one source; a reason names its file so "record 3" can be found.
    const name = path.basename(file);
    const list = skipped.get(feed.source) ?? [];
    list.push(...feed.skipped.map((s) => ({ ...s, reason: `${name}: ${s.reason}` })));
    skipped.set(feed.source, list);
    for (const r of feed.recalls) {
      const kept = newest.get(r.id);
      if (!kept || r.version > kept.version) newest.set(r.id, r);
    }
  }
  const out = new Map<string, { recalls: Recall[]; skipped: FeedSkip[]; incremental?: boolean }>();
  for (const [source, list] of skipped)
    out.set(source, { recalls: [], skipped: list, ...(incremental.has(source) && { incremental: true }) });
  for (const r of newest.values()) {
    const e = out.get(r.source) ?? { recalls: [], skipped: [] };
    e.recalls.push(r);
    out.set(r.source, e);
  }
  return out;
}

/** Reads a built index and checks every shard against its manifest entry. */
async function readIndex(dir: string): Promise<{ manifest: Manifest; recalls: Recall[] }> {
  const manifestFile = path.join(dir, 'manifest.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (e) {
    throw new Error(`${manifestFile}: not readable JSON (${errorText(e)})`);
  }
  const manifest = parseManifest(data, manifestFile);
  const recalls: Recall[] = [];
  for (const entry of manifest.shards) {
    const shard = await readVerifiedShard(readFileSync(path.join(dir, entry.file)), entry).catch((e) => {
      throw new Error(`${dir}: ${errorText(e)}`);
    });
    recalls.push(...shard.recalls);
  }
  return { manifest, recalls };
}

function writeFile(file: string, bytes: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

async function build(values: Options) {
  const feedFiles = values.feed ?? [];
  if (feedFiles.length === 0 || !values.out)
    throw new UsageError('index build needs --feed <file> (one or more) and --out <dir>');
  const now = clock();
  // The key is read first: a build that cannot sign fails before it writes anything.
  const signKey = values['sign-key'] ? readSigningKey(values['sign-key']) : undefined;
  const inputs: Map<string, FeedInput> = feedsBySource(feedFiles, now);
  const previous = values.previous ? await readIndex(values.previous) : undefined;
  const result = await buildPublishedIndex(inputs, previous, now, {
    allowShrink: values['allow-shrink'],
    signKey,
  });

  const out = values.out;
  for (const [file, bytes] of result.files) writeFile(path.join(out, file), bytes);
  // Deltas carried from the previous index are copied, checked on the way: a damaged file must not be
  // republished under a manifest that vouches for it.
  for (const entry of result.manifest.deltas) {
    if (result.files.has(entry.file)) continue;
    const from = path.join(values.previous ?? '', entry.file);
    if (!values.previous || !existsSync(from)) throw new Error(`${from}: listed delta is missing`);
    const bytes = readFileSync(from);
    if (!(await verifyFile(bytes, entry.sha256))) throw new Error(`${from}: checksum mismatch`);
    writeFile(path.join(out, entry.file), bytes);
  }
  const m = result.manifest;
  return {
    out,
    version: m.version,
    generatedAt: m.generatedAt,
    records: m.records,
    feeds: m.feeds,
    shards: m.shards.length,
    bytes: m.shards.reduce((sum, s) => sum + s.bytes, 0),
    delta: result.delta,
    deltas: m.deltas.length,
    signed: result.files.has(SIGNATURE_FILE),
  };
}

/**
 * `index verify <dir> --public-key <file> ...`: what the extension checks before it trusts an index
 * (signature.ts), and more, since the whole index is at hand: manifest.json's signature by one of the
 * keys, every shard, delta and key file against its checksum, and every record of a source the manifest
 * lists.
 * Throws the reason (the CLI exits 1).
 */
async function verify(dir: string | undefined, values: Options) {
  const keyFiles = values['public-key'] ?? [];
  if (!dir || keyFiles.length === 0)
    throw new UsageError('index verify needs <dir> and --public-key <file> (one or more)');
  const keys: IndexKey[] = keyFiles.map((file) => {
    const publicKeyPem = readFileSync(file, 'utf8');
    try {
      publicKeyFromPem(publicKeyPem);
    } catch (e) {
      throw new Error(`${file}: ${errorText(e)}`);
    }
    return { id: path.basename(file), publicKeyPem, sources: [] };
  });
  const manifestFile = path.join(dir, 'manifest.json');
  const signatureFile = path.join(dir, SIGNATURE_FILE);
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile}: missing`);
  if (!existsSync(signatureFile)) throw new Error(`${signatureFile}: missing: the index is not signed`);
  const key = await verifyManifest(readFileSync(manifestFile), readFileSync(signatureFile), keys);
  if (!key)
    throw new Error(
      `${manifestFile}: the signature does not verify with ${keyFiles.join(', ')} (tampered, or signed by another key)`,
    );
  const { manifest, recalls } = await readIndex(dir);
  const listed = [
    ...manifest.deltas.map((entry) => ({ entry, kind: 'delta' })),
    ...manifest.shards.flatMap((s) => (s.keys ? [{ entry: s.keys, kind: 'key file' }] : [])),
  ];
  for (const { entry, kind } of listed) {
    const file = path.join(dir, entry.file);
    if (!existsSync(file)) throw new Error(`${file}: listed ${kind} is missing`);
    if (!(await verifyFile(readFileSync(file), entry.sha256))) throw new Error(`${file}: checksum mismatch`);
  }
  const foreign = recalls.find((r) => !Object.hasOwn(manifest.feeds, r.source));
  if (foreign)
    throw new Error(
      `${dir}: record ${foreign.id} is of ${foreign.source}, a source the manifest does not list`,
    );
  return {
    dir,
    verified: true,
    key: key.id,
    version: manifest.version,
    generatedAt: manifest.generatedAt,
    records: manifest.records,
    shards: manifest.shards.length,
    deltas: manifest.deltas.length,
  };
}

async function diff(values: Options) {
  if (!values.from || !values.to || !values.out)
    throw new UsageError('index diff needs --from <dir> --to <dir> --out <file>');
  const [from, to] = [await readIndex(values.from), await readIndex(values.to)];
  const change = diffRecalls(from.recalls, to.recalls);
  const { entry, bytes } = await encodeDelta(makeDelta(from.manifest.version, to.manifest.version, change));
  // The entry names deltas/<from>-<to>.json.gz; here the caller chose the path, gzipped all the same.
  writeFile(values.out, bytes);
  return { ...entry, file: values.out };
}

const share = (count: number, of: number) => ({
  count,
  share: of === 0 ? 0 : Math.round((count / of) * 1000) / 1000,
});

/** Reasons without the record's position, so equal causes group: "RecallID is missing" × 3. */
function reasonCause(reason: string): string {
  return reason.replace(/^(?:[^:]*: )?(?:record|recall) \d+(?: \([^)]*\))?: /, '');
}

/**
 * Per source, what a matcher has to work with. Issue 4 asks for exactly these shares: a valid GTIN
 * (confirmed matches), a model (likely matches), a lot or an item-checkable date (caveats; a sale window
 * is not one, see match.ts).
 */
function recallStats(recalls: readonly Recall[]) {
  const has = (pred: (p: Recall['products'][number]) => boolean) =>
    recalls.filter((r) => r.products.some(pred)).length;
  const n = recalls.length;
  return {
    records: n,
    withGtin: share(
      has((p) => p.gtins.length > 0),
      n,
    ),
    withModel: share(
      has((p) => p.models.length > 0),
      n,
    ),
    withLotOrDate: share(
      has((p) => p.lots.length > 0 || p.dateRanges.some((d) => d.kind !== 'sold')),
      n,
    ),
  };
}

function skipSummary(reasons: string[]) {
  const byCause = new Map<string, number>();
  for (const r of reasons) byCause.set(reasonCause(r), (byCause.get(reasonCause(r)) ?? 0) + 1);
  return [...byCause]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, count]) => ({ reason, count }));
}

async function stats(values: Options) {
  const feedFiles = values.feed ?? [];
  if ((feedFiles.length === 0) === !values.index)
    throw new UsageError('index stats needs --feed <file> (one or more) or --index <dir>, not both');
  if (values.index) {
    const { manifest, recalls } = await readIndex(values.index);
    const sources = Object.entries(manifest.feeds).map(([source, feed]) => ({
      source,
      ...recallStats(recalls.filter((r) => r.source === source)),
      skipped: feed.skipped,
      // The manifest keeps the first reasons only; `skipped` is the full count.
      skippedReasons: feed.skippedReasons,
      skippedByReason: skipSummary(feed.skippedReasons),
    }));
    return { index: values.index, version: manifest.version, records: manifest.records, sources };
  }
  const bySource = feedsBySource(feedFiles, clock());
  const sources = [...bySource]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([source, feed]) => ({
      source,
      ...recallStats(feed.recalls),
      skipped: feed.skipped.length,
      skippedReasons: feed.skipped.map((s) => s.reason),
      skippedByReason: skipSummary(feed.skipped.map((s) => s.reason)),
    }));
  return { feeds: feedFiles, records: sources.reduce((sum, s) => sum + s.records, 0), sources };
}

async function snapshot(values: Options) {
  const feedFiles = values.feed ?? [];
  if (feedFiles.length === 0 || !values.out)
    throw new UsageError('index snapshot needs --feed <file> (one or more) and --out <file>');
  const now = clock();
  const bySource = [...feedsBySource(feedFiles, now).values()];
  const skipped = bySource.reduce((n, feed) => n + feed.skipped.length, 0);
  const recalls = bySource.flatMap((feed) => feed.recalls);
  const snap = buildSnapshot(recalls, now);
  const bytes = new TextEncoder().encode(`${JSON.stringify(snap)}\n`);
  writeFile(values.out, bytes);
  const sources = [...new Set(snap.recalls.map((r) => r.source))].sort();
  return { out: values.out, records: snap.recalls.length, skipped, sources, bytes: bytes.byteLength };
}

type Options = {
  feed?: string[];
  out?: string;
  previous?: string;
  from?: string;
  to?: string;
  index?: string;
  'allow-shrink'?: boolean;
  data?: string;
  'sign-key'?: string;
  'public-key'?: string[];
  source?: string[];
  state?: string;
  'base-url'?: string[];
  'max-pages'?: string;
  'max-items'?: string;
  'pace-ms'?: string;
  retries?: string;
  'retry-delay-ms'?: string;
};

function count(
  values: Options,
  name: 'max-pages' | 'max-items' | 'pace-ms' | 'retries' | 'retry-delay-ms',
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`index fetch: --${name} must be a whole number, got ${raw}`);
  return Number(raw);
}

/** `index fetch`: the official feeds downloaded for `index build` (index-fetch.ts). */
function fetchCommand(values: Options) {
  if (!values.out) throw new UsageError('index fetch needs --out <dir>');
  const asked = values.source ?? ['all'];
  const sources = asked.includes('all') ? fetchableSources() : asked;
  const baseUrls: Record<string, string> = {};
  for (const pair of values['base-url'] ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`index fetch: --base-url takes <feed id>=<url>, got ${pair}`);
    baseUrls[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const maxPages = count(values, 'max-pages');
  const maxItems = count(values, 'max-items');
  return fetchFeeds({
    out: values.out,
    sources,
    stateFile: values.state,
    baseUrls,
    ...(maxPages !== undefined && { maxPages }),
    ...(maxItems !== undefined && { maxItems }),
    paceMs: count(values, 'pace-ms') ?? 1_000,
    retries: count(values, 'retries') ?? 3,
    retryDelayMs: count(values, 'retry-delay-ms') ?? 30_000,
    now: clock(),
  });
}

/** Runs `index <sub> ...`; resolves to the JSON summary the CLI prints. */
export async function runIndexCommand(argv: string[]): Promise<unknown> {
  const [sub, ...rest] = argv;
  let values: Options;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        feed: { type: 'string', multiple: true },
        out: { type: 'string' },
        previous: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        index: { type: 'string' },
        'allow-shrink': { type: 'boolean' },
        data: { type: 'string' },
        'sign-key': { type: 'string' },
        'public-key': { type: 'string', multiple: true },
        source: { type: 'string', multiple: true },
        state: { type: 'string' },
        'base-url': { type: 'string', multiple: true },
        'max-pages': { type: 'string' },
        'max-items': { type: 'string' },
        'pace-ms': { type: 'string' },
        retries: { type: 'string' },
        'retry-delay-ms': { type: 'string' },
      },
      allowPositionals: true,
    }));
  } catch (e) {
    throw new UsageError(`index ${sub ?? ''}: ${errorText(e)}`);
  }
  if (positionals.length > (sub === 'verify' ? 1 : 0))
    throw new UsageError(`index ${sub ?? ''}: unexpected argument ${positionals.at(-1)}`);
  switch (sub) {
    case 'build':
      return build(values);
    case 'diff':
      return diff(values);
    case 'verify':
      return verify(positionals[0], values);
    case 'stats':
      return stats(values);
    case 'snapshot':
      return snapshot(values);
    case 'fetch':
      return fetchCommand(values);
    case 'starter':
      return buildStarter({ data: values.data, out: values.out, now: clock() });
    default:
      throw new UsageError(`unknown index command: ${sub ?? '(none)'}`);
  }
}
