/**
 * Recall Sentinel's own index snapshot: already-normalised recalls, as the CLI's `index build` writes
 * them for any static host or CDN, and as the extension can bundle them.
 *
 *   { "format": "recall-sentinel-snapshot", "formatVersion": 1, "generatedAt": ISO, "recalls": Recall[] }
 *
 * The envelope is checked strictly (a newer formatVersion is refused, not half-read); the recalls are
 * validated one by one with `Recall`, so a record written by a newer or buggy builder is skipped with a
 * reason and the rest still load.
 */
import { z } from 'zod';
import { isRecord } from '../../is-record';
import { Recall } from '../../schemas';
import { defineFeed, describeIssues, type FeedParseResult, type FeedSkip } from '../feed';
import about from './about';

export const SNAPSHOT_FORMAT = 'recall-sentinel-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;

/** What `buildSnapshot` writes and what a valid snapshot holds. */
export const Snapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  generatedAt: z.iso.datetime({ offset: true }),
  recalls: z.array(Recall),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The envelope as read: recalls stay unknown until each is checked on its own. */
const SnapshotEnvelope = Snapshot.extend({ recalls: z.array(z.unknown()) });

function mapSnapshot(data: unknown): FeedParseResult {
  if (!isRecord(data) || data.format !== SNAPSHOT_FORMAT) {
    throw new Error(`snapshot: expected an object with "format": "${SNAPSHOT_FORMAT}"`);
  }
  if (typeof data.formatVersion === 'number' && data.formatVersion > SNAPSHOT_FORMAT_VERSION) {
    throw new Error(
      `snapshot formatVersion ${data.formatVersion} is newer than this build reads (${SNAPSHOT_FORMAT_VERSION}); update the extension`,
    );
  }
  const envelope = SnapshotEnvelope.safeParse(data);
  if (!envelope.success)
    throw new Error(`snapshot envelope is invalid: ${describeIssues(envelope.error.issues)}`);

  const recalls: Recall[] = [];
  const skipped: FeedSkip[] = [];
  const seen = new Map<string, number>();
  envelope.data.recalls.forEach((raw, index) => {
    const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
    const where = id === null ? `recall ${index}` : `recall ${index} (${id})`;
    const parsed = Recall.safeParse(raw);
    if (!parsed.success) {
      skipped.push({ index, nativeId: id, reason: `${where}: ${describeIssues(parsed.error.issues)}` });
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      skipped.push({
        index,
        nativeId: id,
        reason: `${where}: duplicate id, already read as recall ${first}`,
      });
      return;
    }
    seen.set(parsed.data.id, index);
    recalls.push(parsed.data);
  });
  // The index replaces data per source: a snapshot of one authority's recalls stands in for that feed.
  // A mixed (or empty) snapshot has no single source and reports itself as "snapshot".
  const sources = new Set(recalls.map((r) => r.source));
  const [only] = sources;
  return { source: sources.size === 1 && only !== undefined ? only : 'snapshot', recalls, skipped };
}

/**
 * A snapshot of `recalls`, sorted by id so the same index always serialises to the same bytes (and the
 * same checksum). Throws when a recall does not fit the schema: we never publish what we cannot read.
 */
export function buildSnapshot(recalls: readonly Recall[], now: Date): Snapshot {
  const checked = recalls.map((r) => Recall.parse(r));
  const ids = new Set<string>();
  for (const r of checked) {
    if (ids.has(r.id)) throw new Error(`buildSnapshot: recall ${r.id} appears twice`);
    ids.add(r.id);
  }
  checked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Snapshot.parse({
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    recalls: checked,
  });
}

export default defineFeed({
  id: about.id,
  // A snapshot can hold recalls from every authority; each record carries its own jurisdiction.
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'a Recall Sentinel snapshot',
  detect(data) {
    return isRecord(data) && data.format === SNAPSHOT_FORMAT;
  },
  map: mapSnapshot,
});
