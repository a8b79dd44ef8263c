/**
 * The shard selection (shard-selection.ts) spread over threads: reading the shards is most of the CLI
 * audit's work once only wanted records are unpacked (gunzip, checksum and JSON.parse of 300 MB for
 * 250,000 synthetic recalls, 4 to 5 s), so a large index is split between this thread and worker
 * threads, one per further core. A worker is shard-selection-worker.ts bundled by esbuild when the first
 * one starts (the CLI runs TypeScript through vite-node, which worker threads do not go through).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { ShardEntry } from '../../utils/recall-index/published/format';
import { type Selected, selectFromShard, type WorkerAnswer, type WorkerTask } from './shard-selection';

/** Below this many records a worker's start (bundle, boot, copying the keys over) costs more than it saves. */
const RECORDS_PER_EXTRA_THREAD = 50_000;

/** Threads for `records` records: this one, plus one worker per further core while there is work for it. */
function threadsFor(records: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.floor(records / RECORDS_PER_EXTRA_THREAD)));
}

let workerCode: Promise<string> | undefined;
/** The worker bundled once per process: shard-selection-worker.ts and what it imports, as CommonJS. */
function bundledWorker(): Promise<string> {
  workerCode ??= build({
    entryPoints: [path.join(import.meta.dirname, 'shard-selection-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]?.text ?? '');
  return workerCode;
}

/** Starts a worker on `task` at once; the promise settles with its answer. */
function startWorker(code: string, task: WorkerTask): Promise<Selected[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: task });
    worker.once('message', (answer: WorkerAnswer) => {
      void worker.terminate();
      if ('error' in answer) reject(new Error(answer.error));
      else resolve(answer.selected);
    });
    worker.once('error', reject);
    // A worker that ends without answering (killed, out of memory) must not leave the audit waiting.
    worker.once('exit', (code) => reject(new Error(`a shard-reading worker stopped (exit code ${code})`)));
  });
}

/**
 * Every shard's selection, in the shards' order, over `threads` threads: the shards are dealt out in
 * turn, this thread taking its share while the workers take theirs.
 */
export async function selectFromShards(
  dir: string,
  entries: readonly ShardEntry[],
  wanted: ReadonlySet<string> | undefined,
  threads = threadsFor(entries.reduce((n, e) => n + e.records, 0)),
): Promise<Selected[]> {
  if (threads <= 1 || entries.length < 2) return entries.map((e) => selectFromShard(dir, e, wanted));
  const shares = Array.from({ length: threads }, (_, t) => entries.filter((_, i) => i % threads === t));
  const wantedList = wanted ? [...wanted] : null;
  // The workers are started before this thread takes its share: its share runs without yielding, so a
  // worker still waiting on the (asynchronous) bundle would only start once this thread is done. Without
  // a bundle (esbuild missing or failing), this thread reads every shard: slower, the same findings.
  const code = await bundledWorker().catch(() => null);
  if (code === null) return entries.map((e) => selectFromShard(dir, e, wanted));
  const others = shares
    .slice(1)
    .map((share) => startWorker(code, { dir, entries: share, wanted: wantedList }));
  // Rejections are taken up below; until then, an early one must not be reported as unhandled.
  for (const o of others) o.catch(() => {});
  const own = (shares[0] ?? []).map((e) => selectFromShard(dir, e, wanted));
  const answered = [own, ...(await Promise.all(others))];
  return entries.map((_, i) => answered[i % threads]?.[Math.floor(i / threads)] as Selected);
}
