/**
 * The page side of index-lookup-bench.ts, bundled into a Chromium page: the real IndexedDB index
 * (db.ts, query.ts) filled with synthetic recalls, then asked about a page's worth of identities.
 */
import { openRecallDb, recallCount } from '../../utils/recall-index/db';
import { lookupIdentities } from '../../utils/recall-index/query';
import { fillIndex } from './fill-index';
import { identityFor } from './match-core';
import { syntheticRecalls } from './synthetic-recalls';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export interface MixFigures {
  mix: string;
  identities: number;
  medianMs: number;
  p90Ms: number;
  matched: number;
}

export interface LookupFigures {
  size: number;
  writeMs: number;
  coldMs: number;
  mixes: MixFigures[];
}

async function measure(size: number, identitiesWanted: number, runs: number): Promise<LookupFigures> {
  const recalls = syntheticRecalls(size, 1);
  const db = await openRecallDb(`bench-${size}-${Date.now()}`);
  const t0 = performance.now();
  await fillIndex(db, recalls);
  const writeMs = performance.now() - t0;
  if ((await recallCount(db)) !== size) throw new Error('the index does not hold every record');
  // Two page mixes: a cart where one item is recalled (the usual worst a shopper meets), and a stress mix
  // where most identities hit a recall by GTIN or by brand and model.
  const mixes = {
    'one recalled item': [0, ...Array.from({ length: identitiesWanted - 1 }, (_, k) => 3 * k + 2)],
    'most items recalled': Array.from({ length: identitiesWanted }, (_, i) => i),
  };
  // The first lookup after a data change loads the tables.
  let t = performance.now();
  await lookupIdentities(db, [identityFor(0, recalls)]);
  const coldMs = performance.now() - t;
  // The generation's runs are merged into one table shortly after it is loaded (db.ts); let that happen.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const figures: MixFigures[] = [];
  for (const [mix, picks] of Object.entries(mixes)) {
    const identities = picks.map((i) => identityFor(i, recalls));
    (globalThis as unknown as { gc?: () => void }).gc?.();
    let result = await lookupIdentities(db, identities);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      t = performance.now();
      result = await lookupIdentities(db, identities);
      times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    figures.push({
      mix,
      identities: identities.length,
      medianMs: median(times),
      p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN,
      matched: result.matches.filter((m) => m.length > 0).length,
    });
  }
  db.close();
  return { size, writeMs, coldMs, mixes: figures };
}

(globalThis as unknown as { __rsIndex: typeof measure }).__rsIndex = measure;
