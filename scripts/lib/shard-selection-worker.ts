/**
 * A worker thread of `selectFromShards` (shard-selection.ts): picks out its shards' wanted records and
 * posts them back. Bundled by esbuild when the workers start, so it runs without vite-node.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerTask } from './shard-selection';

parentPort?.postMessage(answerTask(workerData));
