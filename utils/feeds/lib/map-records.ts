/**
 * The record loop every feed mapper shares. Each entry of a document is read on its own: validated with
 * the feed's lenient schema, mapped, and checked against the strict `Recall`; a failure skips that entry
 * with a reason in words ("record 7 (RecallID 10915): unreadable record: Title: ...") and never costs the
 * rest. When one id comes twice, the later version wins and the earlier copy is skipped as superseded
 * (or, for a feed listed newest first, the first copy stands). Skips are returned in document order.
 *
 * Two layers: `collectRecalls` takes any reader of an entry (SAMR's HTML pages are strings, not
 * records); `mapRecords` is that reader for the usual JSON record with an id, a schema and a map.
 */
import type { z } from 'zod';
import { boundedStrings } from '../../identity/mining-limit';
import { Recall } from '../../schemas';
import { describeIssues, type FeedParseResult, type FeedSkip } from '../feed';
import { isRecord } from './text';

/** How a feed words its entries in skip reasons and settles two copies of one id. */
export interface RecallLoop {
  /** The `Recall.source` of the records (the feed id). */
  source: string;
  /** What one entry is called: "record" (the default), "item", "notice", "page". */
  noun?: string;
  /** The id as shown in brackets after the entry: (id) => `NID ${id}`. The id itself by default. */
  label?: (nativeId: string) => string;
  /** Why the later copy won, after "superseded by record 7, ": "a later version" by default. */
  later?: string;
  /**
   * 'newer' (the default): of two copies of an id the one with the greater `version` stands. 'first':
   * the first copy stands, for a feed that lists newest first whatever its dates say (ACCC RSS).
   */
  keep?: 'newer' | 'first';
  /** Two copies with the same version: combine them (one row per GTIN), else the later is a duplicate. */
  merge?: (kept: Recall, next: Recall) => Recall;
}

/** One entry read: its id (when readable) and either the unchecked record or a reason to skip it. */
export type EntryReading = { nativeId: string | null; skip: string } | { nativeId: string; recall: unknown };

/** "null", "array", "string" ...: what an entry is, when it is not what the feed should hold. */
export function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

export function collectRecalls(
  entries: readonly unknown[],
  loop: RecallLoop,
  read: (raw: unknown, index: number) => EntryReading,
): FeedParseResult {
  const noun = loop.noun ?? 'record';
  const label = loop.label ?? ((id: string) => id);
  const recalls: Recall[] = [];
  const skipped: FeedSkip[] = [];
  /** Position in `recalls` and in the document, by id: a response can list one recall twice. */
  const byId = new Map<string, { at: number; index: number }>();
  const skip = (index: number, nativeId: string | null, why: string) =>
    skipped.push({
      index,
      nativeId,
      reason: `${noun} ${index}${nativeId === null ? '' : ` (${label(nativeId)})`}: ${why}`,
    });

  entries.forEach((entry, index) => {
    // Every text field cut before any mapper reads it: mining is bounded whatever the feed sends (issue 14,
    // finding 6). A whole document given as one entry (an HTML notice page) is left to its own parser.
    const raw = typeof entry === 'string' ? entry : boundedStrings(entry);
    const reading = read(raw, index);
    if ('skip' in reading) {
      skip(index, reading.nativeId, reading.skip);
      return;
    }
    const { nativeId } = reading;
    const mapped = Recall.safeParse(reading.recall);
    if (!mapped.success) {
      skip(index, nativeId, `does not fit the Recall shape: ${describeIssues(mapped.error.issues)}`);
      return;
    }
    const recall = mapped.data;
    const earlier = byId.get(recall.id);
    if (!earlier) {
      byId.set(recall.id, { at: recalls.length, index });
      recalls.push(recall);
      return;
    }
    if (loop.keep === 'first') {
      skip(index, nativeId, `duplicate of ${noun} ${earlier.index}`);
      return;
    }
    const kept = recalls[earlier.at] as Recall;
    if (recall.version > kept.version) {
      recalls[earlier.at] = recall;
      byId.set(recall.id, { at: earlier.at, index });
      skip(
        earlier.index,
        nativeId,
        `superseded by ${noun} ${index}, ${loop.later ?? 'a later version'} (${recall.version})`,
      );
    } else if (recall.version === kept.version && loop.merge) {
      recalls[earlier.at] = loop.merge(kept, recall);
    } else {
      skip(index, nativeId, `duplicate of ${noun} ${earlier.index}, which is as new or newer`);
    }
  });
  skipped.sort((a, b) => a.index - b.index);
  return { source: loop.source, recalls, skipped };
}

/** How one feed's JSON records are read: the mapper's side of `mapRecords`. */
export interface RecordPlan<T> extends RecallLoop {
  schema: z.ZodType<T>;
  /**
   * Checked first, on any entry: a reason to skip one that is not a record of this feed at all (a CPSC
   * error record, a GOV.UK search result), else null. The skip carries the id when one is readable.
   */
  refuse?: (raw: unknown) => string | null;
  nativeId: (raw: Record<string, unknown>, index: number) => string | null;
  /** The reason given when `nativeId` is null. */
  missingId: string | ((raw: Record<string, unknown>) => string);
  /** A reason to skip a readable record before mapping it (a French duplicate row), else null. */
  exclude?: (record: T) => string | null;
  map: (record: T, nativeId: string, index: number) => unknown;
}

export function mapRecords<T>(records: readonly unknown[], plan: RecordPlan<T>): FeedParseResult {
  const noun = plan.noun ?? 'record';
  return collectRecalls(records, plan, (raw, index): EntryReading => {
    const refused = plan.refuse?.(raw) ?? null;
    if (refused !== null)
      return { nativeId: isRecord(raw) ? plan.nativeId(raw, index) : null, skip: refused };
    if (!isRecord(raw)) return { nativeId: null, skip: `not a recall ${noun} (${kindOf(raw)})` };
    const nativeId = plan.nativeId(raw, index);
    if (nativeId === null) {
      return {
        nativeId: null,
        skip: typeof plan.missingId === 'string' ? plan.missingId : plan.missingId(raw),
      };
    }
    const parsed = plan.schema.safeParse(raw);
    if (!parsed.success) {
      return { nativeId, skip: `unreadable ${noun}: ${describeIssues(parsed.error.issues)}` };
    }
    const excluded = plan.exclude?.(parsed.data) ?? null;
    if (excluded) return { nativeId, skip: excluded };
    return { nativeId, recall: plan.map(parsed.data, nativeId, index) };
  });
}
