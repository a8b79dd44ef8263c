/**
 * The benches' way to fill an index with many synthetic recalls: one generation written in batches
 * (a single 250,000-record transaction would hold every record in memory at once), then made live as a
 * sync would make it.
 */
import {
  activateGeneration,
  nextGeneration,
  type RecallDb,
  writeGeneration,
} from '../../utils/recall-index/db';
import type { Recall } from '../../utils/schemas';

const BATCH = 4_000;

export async function fillIndex(db: RecallDb, recalls: readonly Recall[]): Promise<void> {
  const gen = await nextGeneration(db, 'cpsc');
  for (let i = 0; i < recalls.length; i += BATCH) await writeGeneration(db, gen, recalls.slice(i, i + BATCH));
  await activateGeneration(db, gen, {
    source: 'cpsc',
    records: recalls.length,
    skipped: 0,
    skippedReasons: [],
    loadedAt: new Date().toISOString(),
    origin: 'sync',
  });
}
