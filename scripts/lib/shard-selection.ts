/**
 * The records of a published index that a set of keys can bring up, picked out with each shard's key
 * file (format.ts, `KeysEntrySchema`): only those records are unpacked and checked, and a shard with none
 * of them is not read at all. What the CLI's audit holds in memory instead of 250,000 recalls (issue 11).
 * A shard without a key file of this build's rules is read whole, its records keyed here.
 * Reading the shards is most of what is left to do, so a large index is read by several threads
 * (shard-threads.ts); this module is what each of them runs.
 */
import { isIndexable } from '../../utils/recall-index/indexable';
import { KEY_RULES_VERSION, recallKeys } from '../../utils/recall-index/keys';
import { parseKeys, shardReader } from '../../utils/recall-index/published/documents';
import type { ShardEntry } from '../../utils/recall-index/published/format';
import type { Recall } from '../../utils/schemas';
import { readVerifiedFile } from './published-file';

export interface Selected {
  records: Recall[];
  /** Each record's keys: from the key file, or worked out here. */
  keys: string[][];
  /** Records among those read that cannot be indexed (skipped and counted). */
  skipped: number;
}

/**
 * One shard's records filed under any of `wanted` (every record without it), each file checked against
 * its checksum. With a key file of this build's rules, only those records are unpacked, and a shard with
 * none is not read; otherwise every record is read and its keys are worked out here.
 */
export function selectFromShard(dir: string, entry: ShardEntry, wanted?: ReadonlySet<string>): Selected {
  const isWanted = (keys: readonly string[]) => !wanted || keys.some((k) => wanted.has(k));
  const keyFile = entry.keys?.rules === KEY_RULES_VERSION ? entry.keys : undefined;
  const keys = keyFile ? parseKeys(readVerifiedFile(dir, keyFile), keyFile.file, entry.records) : null;
  const positions = keys?.flatMap((list, i) => (isWanted(list) ? [i] : []));
  const selected: Selected = { records: [], keys: [], skipped: 0 };
  if (positions?.length === 0) return selected;
  const shard = shardReader(readVerifiedFile(dir, entry), entry.file);
  if (shard.count !== entry.records)
    throw new Error(`${entry.file}: ${shard.count} records where the manifest says ${entry.records}`);
  for (const i of positions ?? Array.from({ length: shard.count }, (_, n) => n)) {
    const read = shard.read(i);
    // A record the columns cannot give back is a damaged shard, refused whole as the extension refuses it
    // (documents.ts `parseShardForIndex`); one that cannot be indexed is skipped and counted.
    if ('error' in read) throw new Error(`${entry.file}: ${read.error}`);
    if (!isIndexable(read.record)) {
      selected.skipped++;
      continue;
    }
    const recordKeys = keys?.[i] ?? recallKeys(read.record);
    if (keys || isWanted(recordKeys)) {
      selected.records.push(read.record);
      selected.keys.push(recordKeys);
    }
  }
  return selected;
}

export interface WorkerTask {
  dir: string;
  entries: ShardEntry[];
  /** Null: every record. */
  wanted: string[] | null;
}
export type WorkerAnswer = { selected: Selected[] } | { error: string };

/** The worker's side: what `workerData` asks, answered by one message. */
export function answerTask(task: WorkerTask): WorkerAnswer {
  try {
    const wanted = task.wanted ? new Set(task.wanted) : undefined;
    return { selected: task.entries.map((e) => selectFromShard(task.dir, e, wanted)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
