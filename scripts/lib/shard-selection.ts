/**
 * The records of a published index that a set of keys can bring up, picked out with each shard's key
 * file (format.ts, `KeysEntrySchema`): only those records are unpacked and checked, and a shard with none
 * of them is not read at all. What the CLI's audit holds in memory instead of 250,000 recalls (issue 11).
 * Reading the shards is most of what is left to do, so a large index is read by several threads
 * (shard-threads.ts); this module is what each of them runs.
 */
import { isIndexable } from '../../utils/recall-index/indexable';
import { parseKeys, shardReader } from '../../utils/recall-index/published/documents';
import type { KeysEntry, ShardEntry } from '../../utils/recall-index/published/format';
import type { Recall } from '../../utils/schemas';
import { readVerifiedFile } from './published-file';

export type KeyedShard = ShardEntry & { keys: KeysEntry };

export interface Selected {
  records: Recall[];
  /** Each record's keys, from the key file. */
  keys: string[][];
  /** Records among those picked out that cannot be indexed (skipped and counted). */
  skipped: number;
}

/** One shard's records filed under any of `wanted`, each file checked against its checksum. */
export function selectFromShard(dir: string, entry: KeyedShard, wanted: ReadonlySet<string>): Selected {
  const keys = parseKeys(readVerifiedFile(dir, entry.keys), entry.keys.file, entry.records);
  const positions: number[] = [];
  for (const [i, list] of keys.entries()) if (list.some((k) => wanted.has(k))) positions.push(i);
  if (positions.length === 0) return { records: [], keys: [], skipped: 0 };
  const shard = shardReader(readVerifiedFile(dir, entry), entry.file);
  if (shard.count !== entry.records)
    throw new Error(`${entry.file}: ${shard.count} records where the manifest says ${entry.records}`);
  const selected: Selected = { records: [], keys: [], skipped: 0 };
  for (const i of positions) {
    const read = shard.read(i);
    if ('error' in read || !isIndexable(read.record)) selected.skipped++;
    else {
      selected.records.push(read.record);
      selected.keys.push(keys[i] as string[]);
    }
  }
  return selected;
}

export interface WorkerTask {
  dir: string;
  entries: KeyedShard[];
  wanted: string[];
}
export type WorkerAnswer = { selected: Selected[] } | { error: string };

/** The worker's side: what `workerData` asks, answered by one message. */
export function answerTask(task: WorkerTask): WorkerAnswer {
  try {
    const wanted = new Set(task.wanted);
    return { selected: task.entries.map((e) => selectFromShard(task.dir, e, wanted)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
