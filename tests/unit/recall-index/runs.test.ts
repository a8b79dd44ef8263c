import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../utils/fnv1a';
import { buildRun, keyHash, mergedTable, runsTable } from '../../../utils/recall-index/runs';
import { syntheticRecalls } from '../../bench/synthetic-recalls';
import { recall } from '../support/factories';

const hitsOf = (hits: Array<{ run: string; ordinal: number }>) =>
  hits.map((h) => `${h.run}/${h.ordinal}`).sort();

describe('a run of records and the tables that find them', () => {
  const recalls = syntheticRecalls(600, 11);
  const runs = [0, 200, 400].map((at) => buildRun('cpsc#1', recalls.slice(at, at + 200)).run);

  it('finds every record by its id, in the run and at the ordinal it was written', () => {
    const table = mergedTable(runs);
    recalls.forEach((recall, i) => {
      const hit = table.hits(keyHash(`i:${recall.id}`));
      expect(hit).toContainEqual({ run: runs[Math.floor(i / 200)]?.run, ordinal: i % 200 });
    });
  });

  it('answers every hash the same whether the runs are merged or searched one by one', () => {
    const merged = mergedTable(runs);
    const separate = runsTable(runs);
    const stored = runs.flatMap((r) => [...r.hashes]);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...stored), fc.integer({ min: 0, max: 2 ** 32 - 1 })), (h) => {
        expect(hitsOf(merged.hits(h))).toEqual(hitsOf(separate.hits(h)));
      }),
    );
  });

  it('names a run after its records, so the same batch written again lands on the same rows', () => {
    const batch = recalls.slice(0, 50);
    expect(buildRun('cpsc#2', batch).run.run).toBe(buildRun('cpsc#2', [...batch]).run.run);
    expect(buildRun('cpsc#2', batch).run.run).not.toBe(buildRun('cpsc#2', recalls.slice(1, 51)).run.run);
  });

  // Golden names, computed by the run namer before it used utils/fnv1a.ts: run names are row keys in
  // every user's IndexedDB, so a resumed sync must keep landing on the rows it wrote before an update.
  it.each([
    ['two hand-made records', () => [recall('10915'), recall('儿童座椅')], '2-ybou4j'],
    ['forty synthetic records', () => syntheticRecalls(40, 7), '14-2dpb43'],
  ])('names a run of %s as it always has', (_what, batch, name) => {
    const records = batch();
    expect(buildRun('cpsc#1', records).run.run).toBe(name);
    const ids = records.map((r) => r.id);
    expect(name).toBe(`${ids.length.toString(36)}-${fnv1a(`${ids.join('\n')}\n`).toString(36)}`);
  });

  it('files a key under its FNV-1a hash', () => {
    expect(keyHash('g:00012345678905')).toBe(fnv1a('g:00012345678905'));
  });

  it('keeps pages small: sixteen records to a page', () => {
    const { pages } = buildRun('cpsc#1', recalls.slice(0, 40));
    expect(pages.map((p) => p.records.length)).toEqual([16, 16, 8]);
  });
});
