import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIndexable } from '../../../utils/recall-index/indexable';
import { Recall } from '../../../utils/schemas';
import { syntheticRecalls } from '../../bench/synthetic-recalls';

const recalls = syntheticRecalls(200, 3);

describe('the check a downloaded record passes before it is indexed', () => {
  it('accepts every record the full Recall schema accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: recalls.length - 1 }), (i) => {
        const record = JSON.parse(JSON.stringify(recalls[i]));
        expect(Recall.safeParse(record).success).toBe(true);
        expect(isIndexable(record)).toBe(true);
      }),
    );
  });

  it('refuses records whose id, source, version or identifier lists indexing depends on are broken', () => {
    const good = JSON.parse(JSON.stringify(recalls[0])) as Record<string, unknown>;
    const product = (good.products as Record<string, unknown>[])[0] as Record<string, unknown>;
    const broken: Array<Record<string, unknown>> = [
      { ...good, id: 42 },
      { ...good, id: 'NoSourcePrefix' },
      { ...good, source: 'another-source' },
      { ...good, version: null },
      { ...good, products: [] },
      { ...good, products: [{ ...product, gtins: [12345678] }] },
      { ...good, products: [{ ...product, models: 'KB-1' }] },
      { ...good, products: [{ ...product, identifiers: [{ field: 'model' }] }] },
      { ...good, products: [{ ...product, dateRanges: undefined }] },
    ];
    for (const record of broken) expect(isIndexable(record)).toBe(false);
    expect(isIndexable(null)).toBe(false);
    expect(isIndexable([good])).toBe(false);
  });
});
