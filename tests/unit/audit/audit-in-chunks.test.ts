import { describe, expect, it } from 'vitest';
import { auditRows, memoryBatchLookup } from '../../../utils/audit/audit';
import { auditInChunks, MIN_CHUNK } from '../../../utils/audit/audit-in-chunks';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { recall } from '../support/factories';
import { readFixture } from './read-fixture';

const index = new MemoryIndex([
  recall('26-264', { name: 'Baby gates', brands: ['Vevor'], models: ['YJ-3355'] }),
  recall('25-366', { name: 'Power stations', brands: ['Predator'], gtins: ['00193175488718'] }),
  recall('26-185', { name: 'Baby loungers', brands: ['BBWOO'], models: ['BLG26BE'] }),
]);
const catalog = readFixture('generic.csv');
const lookup = memoryBatchLookup(index);

describe('auditing in chunks', () => {
  it('gives the same result as auditing every row at once', async () => {
    const whole = auditRows(catalog.rows, catalog.mapping, index, catalog.problems);
    const chunked = await auditInChunks(catalog.rows, catalog.mapping, lookup, catalog.problems, {
      chunkSize: 3,
    });
    expect(chunked).toEqual(whole);
    expect(chunked.counts).toEqual({ confirmed: 1, likely: 2, possible: 0 });
  });

  it("asks the lookup once per chunk, with the chunk's identities", async () => {
    const sizes: number[] = [];
    await auditInChunks(
      catalog.rows,
      catalog.mapping,
      async (ids) => {
        sizes.push(ids.length);
        return lookup(ids);
      },
      [],
      { chunkSize: 3 },
    );
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('reports progress after each chunk', async () => {
    const progress: number[] = [];
    await auditInChunks(catalog.rows, catalog.mapping, lookup, [], {
      chunkSize: 3,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([3, 6, 8]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = auditInChunks(catalog.rows, catalog.mapping, lookup, [], {
      chunkSize: 2,
      signal: controller.signal,
      onProgress: (done) => done >= 2 && controller.abort(),
    });
    await expect(run).rejects.toThrow(/aborted/i);
  });
});

describe('adaptive chunks', () => {
  /** A clock that moves `msPerRow` for every row the lookup is asked about. */
  function pacedLookup(msPerRow: (done: number) => number) {
    let clock = 0;
    let done = 0;
    const sizes: number[] = [];
    return {
      sizes,
      now: () => clock,
      lookup: async (ids: Parameters<typeof lookup>[0]) => {
        sizes.push(ids.length);
        clock += ids.length * msPerRow(done);
        done += ids.length;
        return lookup(ids);
      },
    };
  }
  const many = Array.from({ length: 200 }, () => catalog.rows)
    .flat()
    .map((r, i) => ({ ...r, row: i + 2 }));

  it('shrinks chunks that take too long and grows them again when rows get cheap', async () => {
    const paced = pacedLookup((done) => (done < 100 ? 4 : 0.1));
    await auditInChunks(many, catalog.mapping, paced.lookup, [], {
      chunkSize: 250,
      targetMs: 40,
      now: paced.now,
    });
    expect(paced.sizes[0]).toBe(50);
    expect(paced.sizes[1]).toBe(MIN_CHUNK);
    expect(Math.max(...paced.sizes)).toBe(250);
    expect(paced.sizes.reduce((a, b) => a + b, 0)).toBe(many.length);
  });

  it('gives the same result as fixed chunks', async () => {
    const paced = pacedLookup(() => 1);
    const adaptive = await auditInChunks(many, catalog.mapping, paced.lookup, [], {
      targetMs: 40,
      now: paced.now,
    });
    expect(adaptive).toEqual(await auditInChunks(many, catalog.mapping, lookup, []));
  });
});
